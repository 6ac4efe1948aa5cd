import assert from 'node:assert/strict';
import { test } from 'node:test';
import { utf8 } from './bytes.ts';
import {
  ARABIC_SYMBOLS,
  LATIN_SYMBOLS,
  NameError,
  nameClaimValue,
  normaliseName,
  packName,
  shortenName,
  unpackName,
} from './names.ts';
import { LONG_NAMES } from './test-fixtures.ts';

test('each table has 64 distinct symbols, 0 being padding', () => {
  for (const table of [ARABIC_SYMBOLS, LATIN_SYMBOLS]) {
    assert.equal(table.length, 64);
    assert.equal(table[0], '');
    assert.equal(new Set(table).size, 64);
  }
  assert.equal(ARABIC_SYMBOLS[3], 'ء');
  assert.equal(ARABIC_SYMBOLS[38], 'ي');
  assert.equal(ARABIC_SYMBOLS[51], 'ال');
  assert.equal(LATIN_SYMBOLS[5], 'A');
  assert.equal(LATIN_SYMBOLS[40], 'MOHAMMED');
});

test('names round-trip through 6-bit packing, at every symbol count', () => {
  const names: [string, 'ar' | 'latn'][] = [
    ['A', 'latn'],
    ['AB', 'latn'],
    ['ABC', 'latn'],
    ['ABCD', 'latn'],
    ['ABCDE', 'latn'],
    ["N'AIT-ÉLÈVE JR.", 'latn'],
    ['ب', 'ar'],
    ['محمد', 'ar'],
    ['عبد الله بن محمد', 'ar'],
    ['مُحَمَّد', 'ar'],
    ['بوڭرين', 'ar'],
    [normaliseName(LONG_NAMES.example.nameAr, 'ar'), 'ar'],
    [normaliseName(LONG_NAMES.example.nameLatn, 'latn'), 'latn'],
    [normaliseName(LONG_NAMES.noTokens.nameLatn, 'latn'), 'latn'],
  ];
  for (const [name, script] of names) {
    const packed = packName(name, script);
    assert.ok(packed, name);
    assert.equal(unpackName(packed, script), name);
  }
});

test('packing saves bytes on real names', () => {
  const ar = normaliseName(LONG_NAMES.example.nameAr, 'ar');
  const latn = normaliseName(LONG_NAMES.example.nameLatn, 'latn');
  assert.equal(utf8(ar).length, 78);
  assert.equal(packName(ar, 'ar')?.length, 23);
  assert.equal(utf8(latn).length, 57);
  assert.equal(packName(latn, 'latn')?.length, 18);
});

test('characters outside the tables fall back to UTF-8 text', () => {
  const ar = normaliseName(LONG_NAMES.outsideTables.nameAr, 'ar');
  assert.equal(packName(ar, 'ar'), null);
  assert.equal(nameClaimValue(ar, 'ar'), ar);
  assert.equal(packName('Mohammed', 'latn'), null); // lower case is not in the table: normalise first
});

test('normalisation: NFC, single spaces, no tatweel, Latin in capitals', () => {
  assert.equal(normaliseName('  Mohammed   el\tAlaoui ', 'latn'), 'MOHAMMED EL ALAOUI');
  assert.equal(normaliseName('محـــمد  العلوي', 'ar'), 'محمد العلوي');
  assert.equal(normaliseName('E\u0301LISE', 'latn'), 'ÉLISE');
});

test('unpacking rejects damaged packings', () => {
  const packed = packName('AB', 'latn') as Uint8Array; // 2 symbols: 12 bits in 2 bytes, 4 bits padding
  const badPadding = packed.slice();
  badPadding[1] = (badPadding[1] as number) | 1;
  assert.throws(() => unpackName(badPadding, 'latn'), NameError);
  assert.throws(() => unpackName(new Uint8Array([0, 0, 0]), 'latn'), NameError);
  assert.throws(() => unpackName(new Uint8Array(0), 'latn'), NameError);
  assert.throws(() => unpackName(new Uint8Array([0x14, 0x01, 0x40]), 'latn'), NameError); // symbols 5, 0, 5
  assert.equal(unpackName(new Uint8Array([0x14, 0x61, 0xc1]), 'latn'), 'ABC '); // 6 bits of "padding" = a space
});

test('shortening drops the last word and dangling particles, then characters', () => {
  assert.equal(shortenName('ABDERRAHMANE BEN MOHAMMED EL IDRISSI'), 'ABDERRAHMANE BEN MOHAMMED');
  assert.equal(shortenName('عبد الرحمان بن محمد'), 'عبد الرحمان');
  assert.equal(shortenName('ABC'), 'AB');
  assert.equal(shortenName('A'), null);
});
