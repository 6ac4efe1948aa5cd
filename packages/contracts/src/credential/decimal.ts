// Decimal text encoding of bytes, for the QR numeric mode (3.33 bits a digit, the densest QR mode).
//
// The bytes are cut into groups of 7 (56 bits); each group, read as a big-endian unsigned integer,
// is written as exactly 17 decimal digits, zero-padded on the left (10^17 > 2^56). A last group of
// r = 1..6 bytes is written with the fewest digits that can hold 2^(8r) − 1:
//
//   r (bytes)   1  2  3   4   5   6   7
//   digits      3  5  8  10  13  15  17
//
// None of the short lengths is 17 or a sum that could be confused with another, so the byte length
// is recovered from the digit count alone. Cost: 17/7 = 2.43 digits a byte (8.10 bits a byte in QR
// numeric mode, 1.2 % above the 8 bits of the data), against 1.5 characters (8.25 bits) for base45.

export const DECIMAL_GROUP_BYTES = 7;
export const DECIMAL_GROUP_DIGITS = 17;
/** Digits for a group of r bytes, indexed by r (index 0 unused). */
export const DECIMAL_DIGITS_FOR_BYTES: readonly number[] = [0, 3, 5, 8, 10, 13, 15, 17];

function digitsFor(groupBytes: number): number {
  return DECIMAL_DIGITS_FOR_BYTES[groupBytes] ?? Number.NaN;
}

export class DecimalError extends Error {
  readonly code = 'decimal_invalid';
}

export function decimalLength(byteLength: number): number {
  const rest = byteLength % DECIMAL_GROUP_BYTES;
  return Math.floor(byteLength / DECIMAL_GROUP_BYTES) * DECIMAL_GROUP_DIGITS + digitsFor(rest);
}

export function decimalEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += DECIMAL_GROUP_BYTES) {
    const group = bytes.subarray(i, i + DECIMAL_GROUP_BYTES);
    let n = 0n;
    for (const b of group) n = (n << 8n) | BigInt(b);
    out += n.toString().padStart(digitsFor(group.length), '0');
  }
  return out;
}

export function decimalDecode(text: string): Uint8Array {
  if (!/^[0-9]*$/.test(text)) throw new DecimalError('only the digits 0-9 are allowed');
  const full = Math.floor(text.length / DECIMAL_GROUP_DIGITS);
  const restDigits = text.length % DECIMAL_GROUP_DIGITS;
  const restBytes = DECIMAL_DIGITS_FOR_BYTES.indexOf(restDigits);
  if (restBytes < 0 || restBytes === DECIMAL_GROUP_BYTES) {
    throw new DecimalError(`a digit count of ${text.length} does not encode whole bytes`);
  }
  const out = new Uint8Array(full * DECIMAL_GROUP_BYTES + restBytes);
  let at = 0;
  for (let g = 0; g <= full; g++) {
    const size = g < full ? DECIMAL_GROUP_BYTES : restBytes;
    if (size === 0) break;
    const digits = text.slice(g * DECIMAL_GROUP_DIGITS, g * DECIMAL_GROUP_DIGITS + digitsFor(size));
    let n = BigInt(digits);
    if (n >> BigInt(8 * size) !== 0n) throw new DecimalError(`group ${g + 1} exceeds ${size} bytes`);
    for (let k = size - 1; k >= 0; k--) {
      out[at + k] = Number(n & 0xffn);
      n >>= 8n;
    }
    at += size;
  }
  return out;
}
