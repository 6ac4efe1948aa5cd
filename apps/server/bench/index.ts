// `npm run bench [cards|search|imports]`: every benchmark prints its figures as ratios against a
// baseline measured in the same run, because these machines are noisy. Not a test; never in CI.
// search and imports run against the PostgreSQL server (BENCH_DATABASE_URL, default the local one).
import { runCardBench } from './cards.ts';
import { runImportBench } from './imports.ts';
import { runSearchBench } from './search.ts';

const only = process.argv[2];
const started = performance.now();
if (!only || only === 'cards') await runCardBench();
if (!only || only === 'search') await runSearchBench();
if (!only || only === 'imports') await runImportBench();
process.stdout.write(`\nDone in ${Math.round((performance.now() - started) / 1000)} s.\n`);
process.exit(0);
