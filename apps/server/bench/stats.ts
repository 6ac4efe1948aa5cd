/** Small helpers shared by the benchmarks: percentiles and aligned printing. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

export function line(label: string, value: string, note = ''): void {
  process.stdout.write(`  ${label.padEnd(52)} ${value.padStart(14)}  ${note}\n`);
}

export const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
