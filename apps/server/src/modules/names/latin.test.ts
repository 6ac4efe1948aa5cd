import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanLatin, normalizeLatin } from './latin.ts';

const skel = (s: string) => normalizeLatin(s).skeleton;
const norm = (s: string) => normalizeLatin(s).normalized;

test('cleanLatin strips accents, case, apostrophes and separators', () => {
  assert.equal(cleanLatin('  Aït-Belaïd  '), 'ait belaid');
  assert.equal(cleanLatin("M'HAMED"), 'mhamed');
  assert.equal(cleanLatin("l'Idrissi"), 'l idrissi');
  assert.equal(cleanLatin('Saâdi_Chraïbi.'), 'saadi chraibi');
});

test('the spellings of Mohamed fold to one token', () => {
  for (const v of ['Mohamed', 'Mohammed', 'Mhamed', "M'hamed", 'Mohamad', 'Muhammad', 'Mohammad', 'Med']) {
    assert.equal(norm(v), 'mohamed', v);
  }
});

test('articles, assimilated articles and fused prefixes are dropped', () => {
  assert.equal(skel('El Idrissi'), skel('Idrissi'));
  assert.equal(skel('Elidrissi'), skel('Idrissi'));
  assert.equal(skel('Al Idrissi'), skel('Idrissi'));
  assert.equal(skel("L'Idrissi"), skel('Idrissi'));
  assert.equal(skel('Es-Saadi'), skel('Saadi'));
  assert.equal(skel('Essaadi'), skel('Saadi'));
  assert.equal(skel('Ech Chergui'), skel('Chergui'));
  assert.equal(skel('Ennaciri'), skel('Naciri'));
  assert.equal(norm('Elias'), 'elias', 'Elias is a name, not El + ias');
});

test('ben/ibn, ait, bou, ould, id are joined to the next word', () => {
  assert.equal(skel('Ben Ali'), skel('Benali'));
  assert.equal(skel('Ibn Ali'), skel('Benali'));
  assert.equal(skel('Ben-Ali'), skel('Benali'));
  assert.equal(skel('Ait Belaid'), skel('Aitbelaid'));
  assert.equal(skel('Aït Bel Aid'), skel('Ait Belaid'));
  assert.equal(skel('Ayt Belaid'), skel('Ait-Belaid'));
  assert.equal(skel('Bou Taleb'), skel('Boutaleb'));
  assert.equal(skel('Id Belkacem'), skel('Idbelkacem'));
  assert.notEqual(skel('Ait Belaid'), skel('Belaid'), 'Ait is part of the family name');
});

test('Abd-compounds meet in every spelling, and keep sun/moon letters apart', () => {
  const aziz = skel('Abdelaziz');
  for (const v of ['Abd El Aziz', 'Abdel Aziz', 'Abdulaziz', 'Abd-al-Aziz', 'Abdelazziz'])
    assert.equal(skel(v), aziz, v);
  const rahim = skel('Abderrahim');
  for (const v of ['Abderahim', 'Abdel Rahim', 'Abd Er-Rahim', 'Abdrahim']) assert.equal(skel(v), rahim, v);
  assert.equal(skel('Abdeslam'), skel('Abdessalam'));
  assert.equal(skel('Abdellah'), skel('Abdallah'));
  assert.notEqual(skel('Abdellah'), skel('Abdelilah'));
  assert.equal(skel('Noureddine'), skel('Nour Eddine'));
  assert.equal(skel('Nourdine'), skel('Nour-Eddine'));
});

test('orthographic folding: ou/w, ch/sh, dj/j, q/k, c/s, th/t, doubled letters, silent e', () => {
  assert.equal(norm('Ouazzani'), norm('Wazzani'));
  assert.equal(norm('Chraibi'), norm('Shraibi'));
  assert.equal(norm('Khadidja'), norm('Khadija'));
  assert.equal(norm('Sqalli'), norm('Skalli'));
  assert.equal(norm('Yacine'), norm('Yassine'));
  assert.equal(norm('Othmane'), norm('Otmane'));
  assert.equal(norm('Hassane'), norm('Hassan'));
  assert.equal(norm('Chaimae'), norm('Chaima'));
  assert.equal(norm('Fatimazahra'), norm('Fatima Zahra'));
});

test('the final -a and -i are kept apart from the stem', () => {
  assert.notEqual(skel('Said'), skel('Saida'));
  assert.notEqual(skel('Karim'), skel('Karima'));
  assert.notEqual(skel('Zerouali'), skel('Zeroual'));
  assert.equal(skel('Tazi'), skel('Tazy'));
});

test('lone particles and empty input give empty keys', () => {
  assert.deepEqual(normalizeLatin(''), {
    normalized: '',
    tokens: [],
    phoneticTokens: [],
    skeletonTokens: [],
    skeleton: '',
  });
  assert.equal(skel('  --  '), '');
});
