import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHex, toHex } from './bytes.ts';
import { CborError, cborDecode, cborEncode, checkCredentialCbor } from './cbor.ts';
import {
  COSE_ALG_EDDSA,
  CoseError,
  decodeCoseSign1,
  protectedHeader,
  signCoseSign1,
  sigStructure,
  verifyCoseSign1,
} from './cose.ts';
import { testKey } from './test-fixtures.ts';

const key = testKey(1);
const payload = new Uint8Array([0xa1, 0x20, 0x01]); // {-1: 1}

test('cbor-x writes integer map keys as CBOR integers, without tag 259', () => {
  assert.equal(
    toHex(
      cborEncode(
        new Map([
          [1, -8],
          [-13, 3],
        ]),
      ),
    ),
    'a201272c03',
  );
  assert.equal(toHex(cborEncode(new Map([[4, new Uint8Array([1, 2])]]))), 'a104420102');
  const decoded = cborDecode(fromHex('a201272c03'));
  assert.ok(decoded instanceof Map);
  assert.deepEqual(
    [...decoded.entries()],
    [
      [1, -8],
      [-13, 3],
    ],
  );
});

test('the protected header is {1: -8, 4: kid}', () => {
  assert.equal(toHex(protectedHeader(key.kidBytes)), `a2012704${'48'}${toHex(key.kidBytes)}`);
});

test('sign, decode and verify a COSE_Sign1', () => {
  const bytes = signCoseSign1(payload, key);
  assert.equal(bytes[0], 0xd2); // tag 18
  const msg = decodeCoseSign1(bytes);
  assert.equal(msg.alg, COSE_ALG_EDDSA);
  assert.deepEqual(msg.kid, key.kidBytes);
  assert.deepEqual(msg.payload, payload);
  assert.ok(verifyCoseSign1(msg, key.publicKey));
  assert.equal(verifyCoseSign1(msg, testKey(2).publicKey), false);
  assert.equal(
    verifyCoseSign1({ ...msg, payload: new Uint8Array([0xa1, 0x20, 0x02]) }, key.publicKey),
    false,
  );
  assert.equal(toHex(sigStructure(msg.protectedBytes, payload)).slice(0, 24), '846a5369676e617475726531');
});

test('decoding rejects what is not our COSE_Sign1, with a reason', () => {
  const good = signCoseSign1(payload, key);
  const kid = toHex(key.kidBytes);
  const sig = toHex(good.slice(-64));
  // [protected, {}, payload {-1: 1}, signature] with the given protected header (hex of the bstr).
  const withHeader = (h: string) => fromHex(`d284${h}a043a120015840${sig}`);
  const cases: [Uint8Array, string][] = [
    [new Uint8Array([0xff]), 'cbor_malformed'],
    [fromHex(`d3${toHex(good.slice(1))}`), 'cbor_malformed'], // tag 19
    [fromHex('d28340a0f6'), 'cose_malformed'], // three elements
    [fromHex(`d28441a0a043a12001f6`), 'cose_malformed'], // signature is null
    [fromHex(`d2844da2012604${'48'}${kid}a0f65840${sig}`), 'cose_malformed'], // detached payload
    [withHeader(`4da2012604${'48'}${kid}`), 'cose_alg_unsupported'], // alg -7 (ES256)
    [withHeader('43a10127'), 'kid_missing'],
    [withHeader(`4fa3012703000448${kid}`), 'cose_malformed'], // extra header label 3
    [fromHex(`d2844ca2012704${'47'}${kid.slice(2)}a043a12001583f${sig.slice(2)}`), 'cose_malformed'], // 63-byte sig
    [fromHex(`d2844ca2012704${'47'}${kid.slice(2)}a043a120015840${sig.slice(2)}`), 'cbor_malformed'], // truncated
  ];
  for (const [bytes, code] of cases) {
    assert.throws(
      () => decodeCoseSign1(bytes),
      (e: unknown) => e instanceof CoseError && e.code === code,
      `${code}: ${toHex(bytes).slice(0, 40)}`,
    );
  }
  // The header with a 7-byte kid is well formed: only the key lookup would fail.
  assert.equal(decodeCoseSign1(withHeader(`4ca2012704${'47'}${kid.slice(2)}`)).kid.length, 7);
  // An untagged COSE_Sign1 is read too (RFC 9052 allows both).
  assert.ok(verifyCoseSign1(decodeCoseSign1(good.slice(1)), key.publicKey));
});

test('the CBOR gate admits only the credential subset', () => {
  const bad = [
    '9f01ff', // indefinite array
    '5f4101ff', // indefinite byte string
    'fb3ff0000000000000', // float
    'f5', // true
    'a201010102', // duplicate key
    '0100', // trailing byte
    'd81b826345727272', // tag 27 (generic object)
    '1817', // non-minimal integer
    '8181818181818181818101', // nested too deeply
    '1b0020000000000000', // 2^53 + ... beyond safe integers
    '43a101', // truncated string
  ];
  for (const hex of bad) assert.throws(() => checkCredentialCbor(fromHex(hex)), CborError, hex);
  checkCredentialCbor(fromHex('a3012003f60441ff'));
  checkCredentialCbor(fromHex('d280'), 18);
  assert.throws(() => checkCredentialCbor(fromHex('d280')), CborError); // tag not allowed
});
