/**
 * Rows per batch of the dry run and of the load (one transaction per load batch). A seam for tests
 * (small batches, to crash between them) and for the benchmark.
 */
export const importTuning = { batchSize: 2000 };
