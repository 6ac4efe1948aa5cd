import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeLatin } from '../names/index.ts';
import { labelledVariantSet } from '../synthetic/index.ts';
import { alternativeKeys, exactTerms, parseIdentifiers, parseName, parseQuery } from './search.query.ts';

const keys = (q: string) => parseName(q).slots.map((s) => s.key);

test('identifiers typed loosely are read in full; names are never identifiers', () => {
  assert.deepEqual(parseIdentifiers(' bk 12 345 '), { cin: 'BK12345', nia: null, phone: null });
  assert.equal(parseIdentifiers('06 12 34 56 78').phone, '+212612345678');
  assert.equal(parseIdentifiers('+212 6 12 34 56 78').phone, '+212612345678');
  assert.equal(parseIdentifiers('0612345678').cin, null);
  for (const name of ['Karim', 'KARIM', 'Mohamed Alaoui', 'محمد']) {
    assert.equal(parseQuery(name, { identifiers: true }).kind, 'name', name);
  }
  assert.equal(
    parseQuery('bk12345', { identifiers: false }).kind,
    'name',
    'the directory never looks up a CIN',
  );
  assert.equal(parseQuery('   ', { identifiers: true }).kind, 'none');
  const digits = parseQuery('12', { identifiers: true });
  assert.ok(digits.kind === 'name' && digits.name.slots.length === 0, 'digits alone find nothing');
});

test('spelling variants and both scripts give the same skeleton keys', () => {
  const mohamed = keys('Mohamed');
  for (const v of ['Mohammed', 'Mhamed', 'Mohamad', 'محمد', "M'hamed"]) assert.deepEqual(keys(v), mohamed, v);
  assert.deepEqual(keys('El Idrissi'), keys('Al Idrissi'));
  assert.deepEqual(keys('Ben Ali'), keys('Ibn Ali'));
  assert.deepEqual(keys('Aït Belaid'), keys('Ait Belaid'));
  assert.deepEqual(keys('Ouazzani'), keys('Wazzani'));
  assert.deepEqual(keys('Chraibi'), keys('Shraibi'));
  assert.deepEqual(keys('Alaoui Mohamed').sort(), keys('محمد العلوي').sort());
});

test('a mixed-script query has slots in both scripts', () => {
  const q = parseName('Mohamed العلوي');
  assert.deepEqual(
    q.slots.map((s) => s.script),
    ['latn', 'ar'],
  );
  assert.ok(q.latnNorm && q.arNorm);
});

test('confusable skeletons: a fused article, ى/ي, ة/ه', () => {
  assert.deepEqual(alternativeKeys('lmrbt', 'latn'), ['mrbt']);
  assert.deepEqual(alternativeKeys('mnI', 'ar'), ['mnA']);
  assert.deepEqual(alternativeKeys('ndh', 'ar'), ['ndA']);
  assert.deepEqual(alternativeKeys('mnI', 'latn'), []);
  assert.deepEqual(alternativeKeys('srh', 'latn'), ['srA'], 'Sarah = Sara');
  const slot = parseName('Coopérative').slots[0];
  assert.ok(slot && exactTerms(slot).includes('cooperative'), 'the unfolded word is a term too');
});

test('per-word keys equal the keys of the whole name (labelled variants)', () => {
  for (const q of labelledVariantSet({ seed: 5, size: 300, populationSize: 10_000 })) {
    if (q.script !== 'latn') continue;
    assert.deepEqual(
      parseName(q.queryText)
        .slots.map((s) => s.key)
        .sort(),
      [...normalizeLatin(q.queryText).skeletonTokens].sort(),
      q.queryText,
    );
  }
});
