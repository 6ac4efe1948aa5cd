// Precision/recall of the exact skeleton key and of nameSimilarity on the labelled tables in testdata/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasArabic } from './arabic.ts';
import { type NameInput, type NameKeys, nameKeys, skeletonMatch } from './name-keys.ts';
import { CANDIDATE_THRESHOLD, DUPLICATE_THRESHOLD, nameSimilarity } from './similarity.ts';
import { NEAR_MISS } from './testdata/near-miss.ts';
import { SAME_PERSON } from './testdata/same-person.ts';

/** 'First|Last' → the two fields; a string without '|' is a legacy full-name field. */
function parse(s: string): NameInput {
  const [first, last = ''] = s.includes('|') ? s.split('|') : [s];
  return hasArabic(s)
    ? { firstNameAr: first, lastNameAr: last }
    : { firstNameLatn: first, lastNameLatn: last };
}

interface Row {
  readonly pair: readonly [string, string];
  readonly same: boolean;
  readonly kind: 'latn-latn' | 'ar-latn' | 'ar-ar';
  readonly a: NameKeys;
  readonly b: NameKeys;
}

function kindOf([x, y]: readonly [string, string]): Row['kind'] {
  const n = Number(hasArabic(x)) + Number(hasArabic(y));
  return n === 0 ? 'latn-latn' : n === 1 ? 'ar-latn' : 'ar-ar';
}

const rows: Row[] = [
  ...SAME_PERSON.map((pair) => ({ pair, same: true })),
  ...NEAR_MISS.map((pair) => ({ pair, same: false })),
].map(({ pair, same }) => ({
  pair,
  same,
  kind: kindOf(pair),
  a: nameKeys(parse(pair[0])),
  b: nameKeys(parse(pair[1])),
}));

interface Metrics {
  readonly recall: number;
  readonly precision: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

function measure(subset: readonly Row[], predict: (r: Row) => boolean): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of subset) {
    const p = predict(r);
    if (p && r.same) tp++;
    else if (p) fp++;
    else if (r.same) fn++;
  }
  return { recall: tp / (tp + fn), precision: tp + fp === 0 ? 1 : tp / (tp + fp), tp, fp, fn };
}

const fmt = (m: Metrics) =>
  `recall ${m.recall.toFixed(3)} precision ${m.precision.toFixed(3)} (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`;

const bySkeleton = (r: Row) => skeletonMatch(r.a, r.b);
const bySimilarity = (t: number) => (r: Row) => nameSimilarity(r.a, r.b) >= t;

test('the labelled tables are large enough', () => {
  assert.ok(SAME_PERSON.length >= 150, `same-person pairs: ${SAME_PERSON.length}`);
  assert.ok(NEAR_MISS.length >= 150, `near-miss pairs: ${NEAR_MISS.length}`);
  for (const kind of ['latn-latn', 'ar-latn', 'ar-ar'] as const) {
    assert.ok(rows.filter((r) => r.kind === kind && r.same).length >= 20, kind);
    assert.ok(rows.filter((r) => r.kind === kind && !r.same).length >= 10, kind);
  }
});

test('exact skeleton key: recall and precision', (t) => {
  const all = measure(rows, bySkeleton);
  t.diagnostic(`skeleton, all ${rows.length} pairs: ${fmt(all)}`);
  for (const kind of ['latn-latn', 'ar-latn', 'ar-ar'] as const) {
    t.diagnostic(
      `skeleton, ${kind}: ${fmt(
        measure(
          rows.filter((r) => r.kind === kind),
          bySkeleton,
        ),
      )}`,
    );
  }
  for (const r of rows.filter((x) => x.same && !bySkeleton(x))) t.diagnostic(`missed: ${r.pair.join(' ~ ')}`);
  assert.ok(all.recall >= 0.95, fmt(all));
  assert.ok(all.precision >= 0.85, fmt(all));
});

test('nameSimilarity at the duplicate and candidate thresholds', (t) => {
  for (const [label, threshold] of [
    ['duplicate', DUPLICATE_THRESHOLD],
    ['candidate', CANDIDATE_THRESHOLD],
  ] as const) {
    const m = measure(rows, bySimilarity(threshold));
    t.diagnostic(`similarity >= ${threshold} (${label}), all: ${fmt(m)}`);
    for (const kind of ['latn-latn', 'ar-latn', 'ar-ar'] as const) {
      const sub = measure(
        rows.filter((r) => r.kind === kind),
        bySimilarity(threshold),
      );
      t.diagnostic(`similarity >= ${threshold} (${label}), ${kind}: ${fmt(sub)}`);
    }
  }
  const dup = measure(rows, bySimilarity(DUPLICATE_THRESHOLD));
  assert.ok(dup.recall >= 0.95, fmt(dup));
  assert.ok(dup.precision >= 0.94, fmt(dup));
  const cand = measure(rows, bySimilarity(CANDIDATE_THRESHOLD));
  assert.ok(cand.recall >= 0.98, fmt(cand));
});

test('nameSimilarity is bounded, symmetric, order-insensitive and 1 for identical names', () => {
  for (const r of rows) {
    const s = nameSimilarity(r.a, r.b);
    assert.ok(s >= 0 && s <= 1, r.pair.join(' ~ '));
    assert.ok(Math.abs(s - nameSimilarity(r.b, r.a)) < 1e-9, r.pair.join(' ~ '));
    assert.equal(nameSimilarity(r.a, r.a), 1);
  }
  const a = nameKeys({ firstNameLatn: 'Mohamed', lastNameLatn: 'Benali' });
  const b = nameKeys({ lastNameLatn: 'Ben Ali Mohamed' });
  assert.equal(a.skeleton, b.skeleton);
  assert.equal(nameSimilarity(a, b), 1);
});

test('a record with both scripts is found from a query in either script', () => {
  const record = nameKeys({
    firstNameAr: 'عبد الرحيم',
    lastNameAr: 'آيت وحمان',
    firstNameLatn: 'Abderrahim',
    lastNameLatn: 'Ait Ouahmane',
  });
  for (const q of [{ lastNameLatn: 'AIT OUAHMANE Abderrahim' }, { firstNameAr: 'عبدالرحيم ايت وحمان' }]) {
    const keys = nameKeys(q);
    assert.ok(skeletonMatch(record, keys), JSON.stringify(q));
    assert.ok(nameSimilarity(record, keys) >= DUPLICATE_THRESHOLD, JSON.stringify(q));
  }
});
