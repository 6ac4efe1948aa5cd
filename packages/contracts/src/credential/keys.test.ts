import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromBase64url, toBase64url } from './bytes.ts';
import { JwkError, KID_LENGTH, keyResolverFromJwks, publicKeyFromJwk, publicKeyToJwk } from './keys.ts';
import { testKey } from './test-fixtures.ts';

test('a key pair has a kid of 8 bytes, base64url in text', () => {
  const k = testKey(1);
  assert.equal(k.kidBytes.length, KID_LENGTH);
  assert.equal(k.kid, toBase64url(k.kidBytes));
  assert.equal(k.kid.length, 11);
  assert.equal(k.publicKey.length, 32);
  assert.notEqual(testKey(2).kid, k.kid);
  assert.deepEqual(testKey(1), k); // deterministic from the seed
});

test('the public JWK round-trips and says its state', () => {
  const k = testKey(3);
  const jwk = publicKeyToJwk(k.publicKey, 'retired');
  assert.deepEqual(Object.keys(jwk).sort(), ['alg', 'crv', 'kid', 'kty', 'state', 'use', 'x']);
  assert.equal(jwk.kid, k.kid);
  const back = publicKeyFromJwk(JSON.parse(JSON.stringify(jwk)));
  assert.deepEqual(back, { kid: k.kid, publicKey: k.publicKey, state: 'retired' });
  assert.equal(publicKeyFromJwk({ ...jwk, state: undefined }).state, 'active');
});

test('a JWK whose kid, key or type is wrong is refused', () => {
  const jwk = publicKeyToJwk(testKey(4).publicKey);
  const bad = [
    { ...jwk, kid: testKey(5).kid },
    { ...jwk, x: jwk.x.slice(1) },
    { ...jwk, crv: 'X25519' },
    { ...jwk, state: 'lost' },
    { ...jwk, alg: 'ES256' },
    { ...jwk, x: toBase64url(new Uint8Array(32).fill(0xff)) }, // not a canonical point
  ];
  for (const b of bad) assert.throws(() => publicKeyFromJwk(b), JwkError, JSON.stringify(b));
});

test('a resolver from a JWKS finds keys by kid and skips other key types', () => {
  const a = testKey(6);
  const b = testKey(7);
  const resolve = keyResolverFromJwks({
    keys: [
      publicKeyToJwk(a.publicKey),
      publicKeyToJwk(b.publicKey, 'compromised'),
      { kty: 'EC', crv: 'P-256' },
    ],
  });
  assert.deepEqual(resolve(a.kid), { publicKey: a.publicKey, state: 'active' });
  assert.equal(resolve(b.kid)?.state, 'compromised');
  assert.equal(resolve(testKey(8).kid), null);
  assert.throws(() => keyResolverFromJwks({}), JwkError);
  assert.deepEqual(fromBase64url(publicKeyToJwk(a.publicKey).x), a.publicKey);
});
