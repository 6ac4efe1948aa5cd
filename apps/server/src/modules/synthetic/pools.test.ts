import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAMILY_NAME_ENTRIES, FIRST_NAME_ENTRIES, type NameEntry } from './pools.ts';

test('pool sizes', () => {
  assert.ok(FIRST_NAME_ENTRIES.length >= 120, `first names: ${FIRST_NAME_ENTRIES.length}`);
  assert.ok(FAMILY_NAME_ENTRIES.length >= 250, `family names: ${FAMILY_NAME_ENTRIES.length}`);
  assert.ok(
    FIRST_NAME_ENTRIES.some((e) => e.gender === 'F') && FIRST_NAME_ENTRIES.some((e) => e.gender === 'M'),
  );
});

function checkPool(entries: readonly NameEntry[], label: string): void {
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    assert.ok(e.latnCin.length >= 1, `${label} ${i}: no CIN spelling`);
    assert.ok(e.weight > 0, `${label} ${e.latnCin[0]}: weight`);
    for (const s of e.latnCin)
      assert.match(s, /^[A-Z][A-Za-z' -]*$/, `${label}: CIN spellings are plain ASCII: ${s}`);
    for (const a of e.ar) assert.match(a, /^[\u0621-\u064A\u06AD ]+$/, `${label}: Arabic spelling ${a}`);
    for (const s of [...e.latnCin, ...e.latnLegacy, ...e.ar]) {
      const other = seen.get(s);
      assert.ok(other === undefined || other === i, `${label}: spelling ${s} used by two names`);
      seen.set(s, i);
    }
  });
}

test('every name has CIN spellings in ASCII, Arabic spellings, and no spelling is shared', () => {
  checkPool(FIRST_NAME_ENTRIES, 'first');
  checkPool(FAMILY_NAME_ENTRIES, 'family');
});

test('Mohamed is by far the most frequent male name', () => {
  const men = FIRST_NAME_ENTRIES.filter((e) => e.gender === 'M').sort((a, b) => b.weight - a.weight);
  assert.equal(men[0]?.latnCin[0], 'Mohamed');
  assert.ok((men[0]?.weight ?? 0) >= 3 * (men[1]?.weight ?? 0));
});
