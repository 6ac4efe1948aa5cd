// A progress line for the terminal: bar, percentage, rows, rows per second, time left.

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

const group = (n: number) => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');

export interface LineTexts {
  rows: string;
  perSecond: string;
  left: string;
}

/** "[██████░░░░░░]  45%  12 345/27 000 rows · 3 210 rows/s · 0:05 left" */
export function progressLine(
  done: number,
  total: number,
  elapsedSeconds: number,
  t: LineTexts,
  width = 24,
): string {
  const fraction = total > 0 ? Math.min(done / total, 1) : 0;
  const filled = Math.round(fraction * width);
  const bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const left = rate > 0 ? formatDuration((total - done) / rate) : '–';
  const pct = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `${bar} ${pct}  ${group(done)}/${group(total)} ${t.rows} · ${group(rate)} ${t.perSecond} · ${left} ${t.left}`;
}
