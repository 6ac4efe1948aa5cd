// Independent checks of the card credential: read what the library writes with other tools — cbor2
// instead of cbor-x, node:crypto (OpenSSL) instead of @noble/curves, node:zlib instead of
// CompressionStream, jose for the JWK thumbprint — and build the COSE Sig_structure by hand from
// RFC 9052 §4.4, as a team writing its own verifier from docs/card-credential.md would.
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { decode, encode, Tag } from 'cbor2';
import { calculateJwkThumbprint } from 'jose';
import {
  BitstringStatusList,
  issueCardQr,
  parseQrText,
  publicKeyToJwk,
  signStatusList,
  toBase64url,
  verifyCredential,
} from '../../../../packages/contracts/src/credential/index.ts';
import {
  resolverFor,
  SAMPLE_CLAIMS,
  TEST_BASE_URL,
  testKey,
} from '../../../../packages/contracts/src/credential/test-fixtures.ts';

const key = testKey(31);
const jwk = publicKeyToJwk(key.publicKey);
const nodePublicKey = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
const issued = issueCardQr(SAMPLE_CLAIMS, key, TEST_BASE_URL);

/** A CBOR byte-string head (RFC 8949 §3.1), written by hand. */
function bstrHead(length: number): Buffer {
  if (length < 24) return Buffer.from([0x40 + length]);
  if (length < 256) return Buffer.from([0x58, length]);
  return Buffer.from([0x59, length >> 8, length & 0xff]);
}

/** Sig_structure = ["Signature1", body_protected, external_aad = h'', payload] (RFC 9052 §4.4). */
function sigStructureByHand(protectedBytes: Uint8Array, payload: Uint8Array): Buffer {
  return Buffer.concat([
    Buffer.from([0x84]), // array of 4
    Buffer.from([0x6a]), // text string of 10
    Buffer.from('Signature1', 'ascii'),
    bstrHead(protectedBytes.length),
    Buffer.from(protectedBytes),
    Buffer.from([0x40]), // empty external_aad
    bstrHead(payload.length),
    Buffer.from(payload),
  ]);
}

function readWithCbor2(bytes: Uint8Array) {
  // cde: RFC 8949 core deterministic encoding is required of our encoder; duplicates are refused.
  const top = decode(bytes, { cde: true, rejectDuplicateKeys: true, preferMap: true });
  assert.ok(top instanceof Tag);
  assert.equal(top.tag, 18);
  const [protectedBytes, unprotected, payload, signature] = top.contents as [
    Uint8Array,
    Map<number, unknown>,
    Uint8Array,
    Uint8Array,
  ];
  const header = decode(protectedBytes, { cde: true, preferMap: true }) as Map<number, unknown>;
  return { protectedBytes, unprotected, payload, signature, header };
}

test('cbor2 reads the COSE_Sign1 in deterministic encoding, and OpenSSL verifies the signature', () => {
  const parsed = parseQrText(issued.qrText);
  assert.ok(parsed.ok);
  const { protectedBytes, unprotected, payload, signature, header } = readWithCbor2(parsed.bytes);
  assert.ok(header instanceof Map);
  assert.deepEqual([...header.keys()], [1, 4]);
  assert.equal(header.get(1), -8);
  assert.equal(toBase64url(header.get(4) as Uint8Array), key.kid);
  assert.ok(unprotected instanceof Map && unprotected.size === 0);
  assert.equal(signature.length, 64);
  const toSign = sigStructureByHand(protectedBytes, payload);
  assert.equal(verify(null, toSign, nodePublicKey, signature), true);
  const tampered = Buffer.from(payload);
  tampered[tampered.length - 1] = (tampered[tampered.length - 1] as number) ^ 1;
  assert.equal(verify(null, sigStructureByHand(protectedBytes, tampered), nodePublicKey, signature), false);
});

test('cbor2 reads the claims with the integer keys of the documented table', () => {
  const { payload } = readWithCbor2(issued.bytes);
  const claims = decode(payload, { cde: true, rejectDuplicateKeys: true, preferMap: true }) as Map<
    number,
    unknown
  >;
  assert.ok(claims instanceof Map);
  for (const k of claims.keys()) assert.equal(typeof k, 'number');
  assert.equal(claims.get(-1), 1); // format version
  assert.equal(claims.get(-2), 25060001234); // serial as uint
  assert.equal(claims.get(-3), '0612345678'); // NIA as text (leading zero)
  assert.ok(claims.get(-4) instanceof Uint8Array); // Arabic name, packed
  assert.ok(claims.get(-5) instanceof Uint8Array); // Latin name, packed
  assert.equal(claims.get(-6), 'P01.01');
  assert.equal(claims.get(-7), 1); // artisan
  assert.equal(claims.get(-8), 6); // CA-MA-06
  assert.equal(claims.get(-9), undefined); // issuedAt = validFrom, omitted
  assert.equal(claims.get(-10), Date.UTC(2025, 8, 26) / 86_400_000);
  assert.equal(claims.get(-11), Date.UTC(2030, 8, 25) / 86_400_000);
  assert.equal(claims.get(-12), 70_123);
});

test('the kid is the first 8 bytes of the RFC 7638 thumbprint, as jose computes it', async () => {
  const thumbprint = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x }, 'sha256');
  assert.equal(toBase64url(Buffer.from(thumbprint, 'base64url').subarray(0, 8)), key.kid);
  assert.equal(jwk.kid, key.kid);
});

test('a credential built with cbor2 and signed by OpenSSL verifies with the library', () => {
  const privateKey = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: toBase64url(key.secretKey) },
    format: 'jwk',
  });
  const claims = new Map<number, unknown>([
    [-1, 1],
    [-2, 'S-1'],
    [-3, 'N-1'],
    [-4, 'محمد العلوي'], // UTF-8 text form of a name
    [-5, 'MOHAMMED EL ALAOUI'],
    [-6, 'P05.02'],
    [-7, 2],
    [-8, 7],
    [-10, 20_000],
    [-11, 22_000],
    [-12, 5],
  ]);
  const protectedBytes = encode(
    new Map<number, unknown>([
      [1, -8],
      [4, key.kidBytes],
    ]),
  );
  const payload = encode(claims);
  const signature = new Uint8Array(sign(null, sigStructureByHand(protectedBytes, payload), privateKey));
  const cose = encode(new Tag(18, [protectedBytes, new Map(), payload, signature]));
  const r = verifyCredential(cose, { resolveKey: resolverFor([key, 'active']), now: new Date('2026-01-01') });
  assert.equal(r.verdict, 'valid', `${r.reason}: ${r.message}`);
  assert.equal(r.claims?.nameAr, 'محمد العلوي');
  assert.equal(r.claims?.kind, 'master_artisan');
  assert.equal(r.claims?.chamberCode, 'CA-MA-07');
});

test('node:zlib reads the W3C encodedList; OpenSSL verifies the status document over its JCS form', async () => {
  const list = new BitstringStatusList();
  for (const i of [0, 9, 131_071]) list.set(i, true);
  const doc = await signStatusList(
    {
      chamber: 'CA-MA-06',
      purpose: 'suspension',
      list,
      issued: new Date('2026-01-05T00:00:00Z'),
      validUntil: new Date('2026-01-06T00:00:00Z'),
    },
    key,
  );
  assert.ok(doc.encodedList.startsWith('u'));
  const bits = gunzipSync(Buffer.from(doc.encodedList.slice(1), 'base64url'));
  assert.equal(bits.length, 16_384);
  const bit = (i: number) => ((bits[i >> 3] as number) >> (7 - (i % 8))) & 1;
  assert.deepEqual([0, 1, 8, 9, 10, 131_070, 131_071].map(bit), [1, 0, 0, 1, 0, 0, 1]);
  const { sig, ...unsigned } = doc;
  const sorted = Object.fromEntries(Object.entries(unsigned).sort(([a], [b]) => (a < b ? -1 : 1)));
  const jcs = Buffer.from(JSON.stringify(sorted), 'utf8');
  assert.equal(verify(null, jcs, nodePublicKey, Buffer.from(sig, 'base64url')), true);
});
