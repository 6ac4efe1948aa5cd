// Issuer keys: Ed25519 key pairs, their key id (kid), and their public form as a JWK (RFC 8037).
//
// kid = the first 8 bytes of the key's JWK thumbprint (RFC 7638: SHA-256 over
// {"crv":"Ed25519","kty":"OKP","x":"…"}). The COSE header carries these 8 bytes; the JWKS carries
// them base64url-encoded (11 characters). Anyone holding the public key can recompute the kid.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64url, toBase64url, utf8 } from './bytes.ts';

export const KID_LENGTH = 8;

export const KEY_STATES = ['active', 'retired', 'compromised'] as const;
/**
 * active: signs new cards. retired: signs nothing new; its cards verify until they expire.
 * compromised: nothing it signed is trusted; its cards fail with verdict `compromised_key`.
 */
export type KeyState = (typeof KEY_STATES)[number];

export interface IssuerKeyPair {
  kid: string;
  kidBytes: Uint8Array;
  publicKey: Uint8Array;
  /** The 32-byte Ed25519 private key (RFC 8032 seed). Keep it encrypted at rest. */
  secretKey: Uint8Array;
}

/** The public JWK of an issuer key as published in /.well-known/jwks.json. */
export interface IssuerJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
  /** Hirfa extension: the key's state, so offline verifiers learn of retirement and compromise. */
  state: KeyState;
}

export interface ResolvedKey {
  publicKey: Uint8Array;
  state: KeyState;
}

/** Looks up a key by its kid (base64url text); null when the kid is not known. */
export type KeyResolver = (kid: string) => ResolvedKey | null;

export function deriveKid(publicKey: Uint8Array): Uint8Array {
  const thumbprintInput = `{"crv":"Ed25519","kty":"OKP","x":"${toBase64url(publicKey)}"}`;
  return sha256(utf8(thumbprintInput)).slice(0, KID_LENGTH);
}

/** A new key pair; pass a 32-byte seed only in tests (deterministic keys). */
export function generateIssuerKey(seed?: Uint8Array): IssuerKeyPair {
  const secretKey = seed ? new Uint8Array(seed) : ed25519.utils.randomSecretKey();
  if (secretKey.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  const publicKey = ed25519.getPublicKey(secretKey);
  const kidBytes = deriveKid(publicKey);
  return { kid: toBase64url(kidBytes), kidBytes, publicKey, secretKey };
}

export function publicKeyToJwk(publicKey: Uint8Array, state: KeyState = 'active'): IssuerJwk {
  const kid = toBase64url(deriveKid(publicKey));
  return { kty: 'OKP', crv: 'Ed25519', x: toBase64url(publicKey), kid, alg: 'EdDSA', use: 'sig', state };
}

export class JwkError extends Error {
  readonly code = 'jwk_invalid';
}

/** Reads a published JWK, checking its form, its point and that its kid matches its key. */
export function publicKeyFromJwk(jwk: unknown): { kid: string; publicKey: Uint8Array; state: KeyState } {
  if (typeof jwk !== 'object' || jwk === null) throw new JwkError('a JWK is an object');
  const { kty, crv, x, kid, alg, state } = jwk as Record<string, unknown>;
  if (kty !== 'OKP' || crv !== 'Ed25519') throw new JwkError('only OKP Ed25519 keys are issuer keys');
  if (alg !== undefined && alg !== 'EdDSA' && alg !== 'Ed25519')
    throw new JwkError(`unexpected alg ${String(alg)}`);
  if (typeof x !== 'string' || typeof kid !== 'string') throw new JwkError('x and kid are required');
  let publicKey: Uint8Array;
  try {
    publicKey = fromBase64url(x);
  } catch {
    throw new JwkError('x is not base64url');
  }
  if (publicKey.length !== 32 || !ed25519.utils.isValidPublicKey(publicKey, false)) {
    throw new JwkError('x is not an Ed25519 public key');
  }
  if (toBase64url(deriveKid(publicKey)) !== kid) throw new JwkError('kid does not match the key');
  const keyState = state === undefined ? 'active' : state;
  if (!KEY_STATES.includes(keyState as KeyState)) throw new JwkError(`unknown key state ${String(state)}`);
  return { kid, publicKey, state: keyState as KeyState };
}

/**
 * A resolver over a JWKS document ({ keys: [...] }). Keys that are not Ed25519 issuer keys are
 * skipped; a malformed issuer key throws, since a verifier must not silently drop a key.
 */
export function keyResolverFromJwks(jwks: unknown): KeyResolver {
  const keys = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new JwkError('a JWKS has a keys array');
  const byKid = new Map<string, ResolvedKey>();
  for (const jwk of keys) {
    const { kty, crv } = (jwk ?? {}) as Record<string, unknown>;
    if (kty !== 'OKP' || crv !== 'Ed25519') continue;
    const { kid, publicKey, state } = publicKeyFromJwk(jwk);
    byKid.set(kid, { publicKey, state });
  }
  return (kid) => byKid.get(kid) ?? null;
}
