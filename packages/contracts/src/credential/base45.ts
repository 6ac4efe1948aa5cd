// Base45 (RFC 9285): two bytes → three characters of the QR alphanumeric alphabet.
// The card QR itself uses the decimal text encoding (see qr-payload.ts and docs/card-credential.md,
// "Text encoding"): base45 is kept for the measurements behind that choice and for any channel
// where a base45 form is expected (e.g. an "HC1:"-style payload).

export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const INDEX = new Map([...BASE45_ALPHABET].map((c, i) => [c, i]));

export class Base45Error extends Error {
  readonly code = 'base45_invalid';
}

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = ((bytes[i] as number) << 8) | (bytes[i + 1] as number);
    for (let j = 0; j < 3; j++) {
      out += BASE45_ALPHABET[n % 45];
      n = Math.floor(n / 45);
    }
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1] as number;
    out += BASE45_ALPHABET[n % 45];
    out += BASE45_ALPHABET[Math.floor(n / 45)];
  }
  return out;
}

/**
 * Decodes base45 strictly: only the 45 characters of the alphabet (upper case, as RFC 9285 §4.2
 * requires), a length of 3k or 3k+2, and groups that fit in 16 (or, for the last pair, 8) bits.
 */
export function base45Decode(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new Base45Error('base45 length must be 3k or 3k+2');
  const digits: number[] = [];
  for (const c of text) {
    const v = INDEX.get(c);
    if (v === undefined) throw new Base45Error(`character outside the base45 alphabet: ${JSON.stringify(c)}`);
    digits.push(v);
  }
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let at = 0;
  for (let i = 0; i < digits.length; i += 3) {
    const c = digits[i] as number;
    const d = digits[i + 1] as number;
    if (i + 2 < digits.length) {
      const n = c + d * 45 + (digits[i + 2] as number) * 45 * 45;
      if (n > 0xffff) throw new Base45Error('base45 group exceeds 16 bits');
      out[at++] = n >> 8;
      out[at++] = n & 0xff;
    } else {
      const n = c + d * 45;
      if (n > 0xff) throw new Base45Error('base45 final pair exceeds 8 bits');
      out[at++] = n;
    }
  }
  return out;
}
