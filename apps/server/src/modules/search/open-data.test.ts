import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOM, type Cell, csvLine, DIMENSIONS, type PublishedCell, suppress } from './open-data.ts';

const cell = (
  regionCode: string,
  activityCode: string,
  gender: string,
  count: number,
  kind = 'artisan',
): Cell => ({
  regionCode,
  activityCode,
  kind,
  gender,
  count,
});

/** Every line along one dimension holds zero or at least two suppressed cells. */
function assertNoLoneSuppression(cells: readonly PublishedCell[]) {
  for (const free of DIMENSIONS) {
    const lines = new Map<string, PublishedCell[]>();
    for (const c of cells) {
      const k = DIMENSIONS.map((d) => (d === free ? '*' : c[d])).join('|');
      lines.set(k, [...(lines.get(k) ?? []), c]);
    }
    for (const [k, line] of lines) {
      const n = line.filter((c) => c.suppressed).length;
      const published = line.filter((c) => !c.suppressed).length;
      assert.ok(n !== 1 || published === 0, `line ${k} (${free}) has one suppressed cell`);
    }
  }
}

test('cells below 5 are suppressed, and a partner in each line so no total gives them back', () => {
  const cells = [
    cell('MA-01', 'P01', 'F', 3),
    cell('MA-01', 'P01', 'M', 40),
    cell('MA-01', 'P02', 'F', 12),
    cell('MA-01', 'P02', 'M', 7),
    cell('MA-02', 'P01', 'F', 9),
    cell('MA-02', 'P01', 'M', 25),
    cell('MA-02', 'P02', 'F', 30),
    cell('MA-02', 'P02', 'M', 6),
  ];
  const out = suppress(cells);
  const get = (r: string, a: string, g: string) =>
    out.find((c) => c.regionCode === r && c.activityCode === a && c.gender === g);
  assert.equal(get('MA-01', 'P01', 'F')?.reason, 'primary');
  assert.ok(
    out.every((c) => c.count >= 5 || c.suppressed),
    'no small count published',
  );
  assert.ok(out.filter((c) => c.suppressed).length >= 4, 'complements in gender, activity and region lines');
  assertNoLoneSuppression(out);
  // From any one published margin, the suppressed cells of a line are at best known as a sum.
  const line = out.filter((c) => c.regionCode === 'MA-01' && c.activityCode === 'P01');
  assert.ok(line.every((c) => c.suppressed));
});

test('zero cells are not listed and protect nothing; a table with no small cell is unchanged', () => {
  assert.deepEqual(suppress([cell('MA-01', 'P01', 'F', 0)]), []);
  const big = [cell('MA-01', 'P01', 'F', 50), cell('MA-01', 'P01', 'M', 60)];
  assert.ok(suppress(big).every((c) => !c.suppressed));
});

test('random tables: never a count under 5, never a lone suppressed cell in a line', () => {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let t = 0; t < 30; t++) {
    const cells: Cell[] = [];
    for (const r of ['MA-01', 'MA-02', 'MA-03'])
      for (const a of ['P01', 'P02', 'P03', 'P04'])
        for (const k of ['artisan', 'master_artisan'])
          for (const g of ['F', 'M']) cells.push(cell(r, a, g, Math.floor(rnd() ** 2 * 30), k));
    const out = suppress(cells);
    assert.ok(out.every((c) => c.count >= 5 || c.suppressed));
    assertNoLoneSuppression(out);
  }
});

test('CSV: BOM, CRLF, quoting', () => {
  assert.equal(BOM, '\uFEFF');
  assert.equal(csvLine(['a', 'b,c', 'say "hi"', null, 3]), 'a,"b,c","say ""hi""",,3\r\n');
});
