// COSE_Sign1 (RFC 9052 §4.2) with EdDSA over Ed25519 (alg −8, RFC 9053 §2.2).
//
//   COSE_Sign1 = #6.18([ protected: bstr .cbor {1: -8, 4: kid}, unprotected: {}, payload: bstr,
//                        signature: bstr .size 64 ])
//   signed bytes = CBOR of Sig_structure ["Signature1", protected, h'', payload]
//
// Verification is strict RFC 8032 (noble's `zip215: false`): non-canonical encodings of points and
// scalars are rejected, as OpenSSL (node:crypto) and libsodium do, so every verifier agrees.
import { ed25519 } from '@noble/curves/ed25519.js';
import { cborDecode, cborEncode, CborError, cborTag, type CborValue } from './cbor.ts';

export const COSE_SIGN1_TAG = 18;
export const COSE_HEADER_ALG = 1;
export const COSE_HEADER_KID = 4;
export const COSE_ALG_EDDSA = -8;
export const ED25519_SIGNATURE_LENGTH = 64;

export type CoseErrorCode = 'cbor_malformed' | 'cose_malformed' | 'cose_alg_unsupported' | 'kid_missing';

export class CoseError extends Error {
  constructor(
    readonly code: CoseErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface CoseSign1 {
  /** The protected header exactly as signed (a CBOR map inside a byte string). */
  protectedBytes: Uint8Array;
  alg: number;
  kid: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
}

export interface CoseSigner {
  kidBytes: Uint8Array;
  secretKey: Uint8Array;
}

export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return cborEncode(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

export function protectedHeader(kid: Uint8Array): Uint8Array {
  // Keys in deterministic order (1 before 4), as RFC 8949 §4.2.1 sorts them.
  return cborEncode(
    new Map<number, number | Uint8Array>([
      [COSE_HEADER_ALG, COSE_ALG_EDDSA],
      [COSE_HEADER_KID, kid],
    ]),
  );
}

function assemble(protectedBytes: Uint8Array, payload: Uint8Array, signature: Uint8Array): Uint8Array {
  return cborEncode(cborTag(COSE_SIGN1_TAG, [protectedBytes, new Map(), payload, signature]));
}

export function signCoseSign1(payload: Uint8Array, signer: CoseSigner): Uint8Array {
  const protectedBytes = protectedHeader(signer.kidBytes);
  const signature = ed25519.sign(sigStructure(protectedBytes, payload), signer.secretKey);
  return assemble(protectedBytes, payload, signature);
}

/** Size of the COSE_Sign1 that would carry this payload (the signature has a fixed length). */
export function coseSign1Length(payload: Uint8Array, kid: Uint8Array): number {
  return assemble(protectedHeader(kid), payload, new Uint8Array(ED25519_SIGNATURE_LENGTH)).length;
}

export function decodeCoseSign1(bytes: Uint8Array): CoseSign1 {
  let top: CborValue;
  try {
    top = cborDecode(bytes, COSE_SIGN1_TAG);
  } catch (e) {
    if (e instanceof CborError) throw new CoseError('cbor_malformed', e.message);
    throw new CoseError('cbor_malformed', 'unreadable CBOR');
  }
  const body = isTag(top) ? top.value : top;
  if (isTag(top) && top.tag !== COSE_SIGN1_TAG) throw new CoseError('cose_malformed', 'not a COSE_Sign1 tag');
  if (!Array.isArray(body) || body.length !== 4)
    throw new CoseError('cose_malformed', 'not a COSE_Sign1 array');
  const [protectedBytes, unprotected, payload, signature] = body;
  if (!(protectedBytes instanceof Uint8Array) || !(unprotected instanceof Map)) {
    throw new CoseError('cose_malformed', 'bad COSE headers');
  }
  if (!(payload instanceof Uint8Array)) throw new CoseError('cose_malformed', 'the payload must be attached');
  if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_LENGTH) {
    throw new CoseError('cose_malformed', 'an Ed25519 signature is 64 bytes');
  }
  let header: CborValue;
  try {
    header = cborDecode(protectedBytes);
  } catch {
    throw new CoseError('cose_malformed', 'the protected header is not CBOR');
  }
  if (!(header instanceof Map)) throw new CoseError('cose_malformed', 'the protected header is not a map');
  for (const label of header.keys()) {
    if (label !== COSE_HEADER_ALG && label !== COSE_HEADER_KID) {
      throw new CoseError('cose_malformed', `unexpected protected header ${String(label)}`);
    }
  }
  const alg = header.get(COSE_HEADER_ALG);
  if (alg !== COSE_ALG_EDDSA)
    throw new CoseError('cose_alg_unsupported', `alg ${String(alg)} is not EdDSA (-8)`);
  const kid = header.get(COSE_HEADER_KID);
  if (!(kid instanceof Uint8Array) || kid.length === 0) {
    throw new CoseError('kid_missing', 'no kid in the protected header');
  }
  return { protectedBytes, alg, kid, payload, signature };
}

export function verifyCoseSign1(message: CoseSign1, publicKey: Uint8Array): boolean {
  try {
    const signed = sigStructure(message.protectedBytes, message.payload);
    return ed25519.verify(message.signature, signed, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

function isTag(v: CborValue): v is { tag: number; value: CborValue } {
  return (
    typeof v === 'object' &&
    v !== null &&
    !(v instanceof Uint8Array) &&
    !Array.isArray(v) &&
    !(v instanceof Map)
  );
}
