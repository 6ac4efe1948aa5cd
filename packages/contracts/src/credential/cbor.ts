// CBOR for the credential: cbor-x configured for plain RFC 8949 data, behind a strict gate.
//
// The QR is attacker-controlled input to the public verify page, and cbor-x understands many
// extension tags (records, shared references, packed CBOR, class instances...). Before cbor-x sees
// anything, `checkCredentialCbor` walks the bytes and admits only the subset the credential uses:
// unsigned and negative integers, byte and text strings, arrays, maps, null, definite lengths,
// minimal-length heads, no duplicate map keys, tag 18 (COSE_Sign1) only at the top, a depth limit
// and no trailing bytes. Anything else is "cbor_malformed".
import { Decoder, Encoder, Tag } from 'cbor-x';
import { bytesEqual } from './bytes.ts';

// `useTag259ForMaps` is missing from cbor-x's Options type but honoured at run time; without it,
// Maps would be wrapped in tag 259 when records are off.
const options = {
  mapsAsObjects: false,
  useRecords: false,
  useTag259ForMaps: false,
  tagUint8Array: false,
  variableMapSize: true,
  int64AsNumber: false,
};
const encoder = new Encoder(options);
const decoder = new Decoder(options);

/** A decoded CBOR value as the credential uses it. */
export type CborValue =
  | number
  | string
  | Uint8Array
  | null
  | CborValue[]
  | Map<CborValue, CborValue>
  | CborTag;

export interface CborTag {
  tag: number;
  value: CborValue;
}

export class CborError extends Error {
  readonly code = 'cbor_malformed';
}

/** Integers above 2^32 − 1 must reach cbor-x as bigint, or it writes them as floats. */
export function cborInt(n: number): number | bigint {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
  return Math.abs(n) > 0xffffffff ? BigInt(n) : n;
}

/** A tagged value for cborEncode. */
export function cborTag(tag: number, value: unknown): unknown {
  return new Tag(value, tag);
}

export function cborEncode(value: unknown): Uint8Array {
  return new Uint8Array(encoder.encode(value));
}

/** Strict decode: the gate below, then cbor-x. Byte strings come back as plain Uint8Array. */
export function cborDecode(bytes: Uint8Array, allowTopTag?: number): CborValue {
  checkCredentialCbor(bytes, allowTopTag);
  return normalise(decoder.decode(bytes));
}

function normalise(v: unknown): CborValue {
  if (v instanceof Uint8Array) return new Uint8Array(v);
  if (Array.isArray(v)) return v.map(normalise);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [normalise(k), normalise(x)]));
  if (typeof v === 'object' && v !== null && 'tag' in v && 'value' in v && typeof v.tag === 'number') {
    return { tag: v.tag, value: normalise(v.value) };
  }
  // The gate admits integers up to 2^53 only, so a bigint from cbor-x is always a safe number.
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || v === null) return v;
  throw new CborError('unexpected CBOR value');
}

const MAX_DEPTH = 8;

export function checkCredentialCbor(bytes: Uint8Array, allowTopTag?: number): void {
  let at = 0;
  const byte = (): number => {
    const b = bytes[at++];
    if (b === undefined) throw new CborError('truncated CBOR');
    return b;
  };
  const head = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new CborError('indefinite lengths and reserved values are not allowed');
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + byte();
    const min = size === 1 ? 24 : size === 2 ? 0x100 : size === 4 ? 0x10000 : 0x100000000;
    if (n < min) throw new CborError('non-minimal CBOR length or integer');
    if (!Number.isSafeInteger(n)) throw new CborError('integer beyond 2^53');
    return n;
  };
  const item = (depth: number, top: boolean): void => {
    if (depth > MAX_DEPTH) throw new CborError('CBOR nested too deeply');
    const start = at;
    const initial = byte();
    const major = initial >> 5;
    const info = initial & 31;
    if (major === 7) {
      if (initial !== 0xf6) throw new CborError('only null is allowed among simple values and floats');
      return;
    }
    const n = head(info);
    if (major === 0 || major === 1) return;
    if (major === 2 || major === 3) {
      if (at + n > bytes.length) throw new CborError('truncated CBOR string');
      at += n;
      return;
    }
    if (major === 4) {
      for (let i = 0; i < n; i++) item(depth + 1, false);
      return;
    }
    if (major === 5) {
      const keys: Uint8Array[] = [];
      for (let i = 0; i < n; i++) {
        const k = at;
        item(depth + 1, false);
        const key = bytes.subarray(k, at);
        if (keys.some((seen) => bytesEqual(seen, key))) throw new CborError('duplicate map key');
        keys.push(key);
        item(depth + 1, false);
      }
      return;
    }
    // major 6: a tag
    if (!top || n !== allowTopTag || start !== 0) throw new CborError(`CBOR tag ${n} is not allowed here`);
    item(depth + 1, false);
  };
  item(0, true);
  if (at !== bytes.length) throw new CborError('trailing bytes after the CBOR item');
}
