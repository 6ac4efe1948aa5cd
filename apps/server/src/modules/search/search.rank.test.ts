import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameKeys } from '../names/index.ts';
import { parseName } from './search.query.ts';
import { type NameColumns, nameScore, rankByScore } from './search.rank.ts';

function entry(firstNameLatn: string, lastNameLatn: string, firstNameAr = '', lastNameAr = ''): NameColumns {
  const k = nameKeys({ firstNameLatn, lastNameLatn, firstNameAr, lastNameAr });
  return {
    nameLatnNorm: k.fullLatnNorm ?? '',
    nameArNorm: k.fullArNorm ?? '',
    nameSkeleton: k.skeletonLatn ?? '',
    nameSkeletonAr: k.skeletonAr ?? '',
    orgWords: '',
  };
}

test('the same name in another spelling or script scores near 1', () => {
  const e = entry('Mohamed', 'El Alaoui', 'محمد', 'العلوي');
  for (const q of ['Mohammed Alaoui', 'ALAOUI Mhamed', 'محمد العلوي', 'mohamad el alaoui']) {
    assert.ok(nameScore(parseName(q), e) >= 0.9, q);
  }
});

test('an extra or missing given name costs, a different family name costs more', () => {
  const q = parseName('Mohamed Alaoui');
  const exact = nameScore(q, entry('Mohamed', 'Alaoui'));
  const longer = nameScore(q, entry('Mohamed Amine', 'Alaoui'));
  const other = nameScore(q, entry('Mohamed', 'Tazi'));
  assert.ok(exact > longer && longer > other, `${exact} > ${longer} > ${other}`);
});

test('a misspelt word found in the dictionary counts, less than an exact one', () => {
  const q = parseName('Mohamef Alaoui');
  const e = entry('Mohamed', 'Alaoui');
  const without = nameScore(q, e);
  const withFuzzy = nameScore(q, e, [new Map([['mohamed', 0.6]]), new Map()]);
  assert.ok(withFuzzy > without);
  assert.ok(withFuzzy < nameScore(parseName('Mohamed Alaoui'), e));
});

test('ties keep NIA order', () => {
  const rows = rankByScore([
    { nia: 'B', score: 0.5 },
    { nia: 'A', score: 0.5 },
    { nia: 'C', score: 0.9 },
  ]);
  assert.deepEqual(
    rows.map((r) => r.nia),
    ['C', 'A', 'B'],
  );
});
