import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimalDecode, decimalEncode, DecimalError, decimalLength } from './decimal.ts';

test('decimal length follows the group table', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 184].map(decimalLength), [
    0,
    3,
    5,
    8,
    10,
    13,
    15,
    17,
    20,
    34,
    26 * 17 + 5,
  ]);
});

test('decimal round-trips every length, leading zero bytes included', () => {
  for (let n = 0; n <= 60; n++) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 151 + n) & 0xff);
    const text = decimalEncode(bytes);
    assert.match(text, /^[0-9]*$/);
    assert.equal(text.length, decimalLength(n));
    assert.deepEqual(decimalDecode(text), bytes);
  }
  assert.equal(decimalEncode(new Uint8Array([0, 0, 1])), '00000001');
  assert.equal(decimalEncode(new Uint8Array(7).fill(0xff)), '72057594037927935');
  assert.deepEqual(decimalDecode('255'), new Uint8Array([255]));
});

test('decimal rejects non-digits, impossible lengths and overflowing groups', () => {
  for (const bad of [
    '12a',
    ' 123',
    '1',
    '12',
    '1234',
    '256',
    '65536',
    '99999999999999999',
    '72057594037927936',
  ]) {
    assert.throws(() => decimalDecode(bad), DecimalError, bad);
  }
});
