// Open data: small-count suppression of the published counts, and the CSV writing (UTF-8 with a
// BOM so that Excel reads Arabic, CRLF line ends, RFC 4180 quoting). Pure functions; the rule is
// written down in docs/open-data.md.

/** Counts below this are never published. */
export const SUPPRESSION_THRESHOLD = 5;

export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Fédération des Chambres d’Artisanat du Maroc — Hirfa',
} as const;

/** The dimensions of a count cell. */
export const DIMENSIONS = ['regionCode', 'activityCode', 'kind', 'gender'] as const;
type Dimension = (typeof DIMENSIONS)[number];
export type CellKey = Record<Dimension, string>;

export interface Cell extends CellKey {
  readonly count: number;
}

export interface PublishedCell extends Cell {
  readonly suppressed: boolean;
  /** Why: below the threshold (primary) or to protect another cell of a line (complementary). */
  readonly reason: 'primary' | 'complementary' | null;
}

const lineKey = (c: CellKey, free: Dimension) =>
  DIMENSIONS.map((d) => (d === free ? '*' : c[d])).join('\u0000');

/**
 * Suppresses every cell below the threshold, then, until nothing changes, every line (the cells
 * that differ in one dimension only) with exactly one suppressed cell gets a second one: its
 * smallest published cell. So no published margin along any one dimension (a regional total, a
 * national total per activity…) can give a suppressed cell back by subtraction. Cells absent from
 * the input are true zeros: they protect nothing and are not listed.
 */
export function suppress(cells: readonly Cell[], threshold = SUPPRESSION_THRESHOLD): PublishedCell[] {
  const out = cells
    .filter((c) => c.count > 0)
    .map((c) => ({
      ...c,
      suppressed: c.count < threshold,
      reason: c.count < threshold ? ('primary' as const) : null,
    })) as Array<Cell & { suppressed: boolean; reason: PublishedCell['reason'] }>;
  for (let changed = true; changed; ) {
    changed = false;
    for (const free of DIMENSIONS) {
      const lines = new Map<string, typeof out>();
      for (const c of out) {
        const k = lineKey(c, free);
        const line = lines.get(k);
        if (line) line.push(c);
        else lines.set(k, [c]);
      }
      for (const line of lines.values()) {
        if (line.filter((c) => c.suppressed).length !== 1) continue;
        const partner = line
          .filter((c) => !c.suppressed)
          .sort((a, b) => a.count - b.count || a[free].localeCompare(b[free]))[0];
        if (!partner) continue;
        partner.suppressed = true;
        partner.reason = 'complementary';
        changed = true;
      }
    }
  }
  return out;
}

/** One CSV field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (values: readonly unknown[]) => `${values.map(csvField).join(',')}\r\n`;

/** What opens a CSV file for Excel: the UTF-8 byte order mark. */
export const BOM = '\uFEFF';
