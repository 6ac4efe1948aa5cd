import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base45Decode, base45Encode, Base45Error } from './base45.ts';
import { fromUtf8, utf8 } from './bytes.ts';

// RFC 9285 §4.3 and §4.4 examples.
const VECTORS: [string, string][] = [
  ['AB', 'BB8'],
  ['Hello!!', '%69 VD92EX0'],
  ['base-45', 'UJCLQE7W581'],
  ['ietf!', 'QED8WEX0'],
];

test('base45 encodes and decodes the RFC 9285 examples', () => {
  for (const [text, encoded] of VECTORS) {
    assert.equal(base45Encode(utf8(text)), encoded);
    assert.equal(fromUtf8(base45Decode(encoded)), text);
  }
});

test('base45 round-trips every length and byte value', () => {
  for (let n = 0; n < 40; n++) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 0xff);
    assert.deepEqual(base45Decode(base45Encode(bytes)), bytes);
  }
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  assert.deepEqual(base45Decode(base45Encode(all)), all);
  assert.deepEqual(base45Decode(base45Encode(new Uint8Array([0xff, 0xff]))), new Uint8Array([0xff, 0xff]));
});

test('base45 rejects what RFC 9285 §6 calls invalid', () => {
  assert.throws(() => base45Decode('GGW'), Base45Error); // 65536: more than 16 bits
  assert.throws(() => base45Decode('GG'), Base45Error); // 736: more than 8 bits
  assert.throws(() => base45Decode('bb8'), Base45Error); // lower case is outside the alphabet
  assert.throws(() => base45Decode('BB8A'), Base45Error); // length 3k+1
  assert.throws(() => base45Decode('BB#'), Base45Error);
  assert.equal(new Base45Error('x').code, 'base45_invalid');
});
