// The text of the card QR: `BASE_URL#DIGITS`, e.g. `HTTPS://HIRFA.MA/V#5914...`.
//
// - BASE_URL is the public verify page, in upper case so it fits the QR alphanumeric mode
//   (0-9 A-Z space $ % * + - . / :); scheme and host are case-insensitive, and the web server
//   must serve the upper-case path.
// - The credential (COSE_Sign1 bytes) is in the fragment, so a phone camera opens the page and the
//   page verifies it without the credential ever reaching a server (browsers do not send fragments).
// - The fragment is the decimal encoding (decimal.ts): digits only, QR numeric mode, no character a
//   camera app or a URL parser could cut or rewrite. The measurements behind this choice are in
//   docs/card-credential.md ("Text encoding").
import { decimalDecode, decimalEncode, decimalLength, DecimalError } from './decimal.ts';
import {
  cardQrSegments,
  dataCapacityBits,
  MAX_QR_VERSION,
  QR_ALPHANUMERIC,
  segmentBits,
} from './qr-budget.ts';

export type QrTextError = 'qr_text_invalid' | 'decimal_invalid';

export type QrTextResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: QrTextError; message: string };

/** Upper-cases a base URL and checks it can be written in QR alphanumeric mode. */
export function normaliseBaseUrl(baseUrl: string): string {
  const upper = baseUrl.trim().toUpperCase();
  if (!/^HTTPS?:\/\/[^/]+/.test(upper)) throw new Error('the base URL must be an http(s) URL');
  for (const c of upper) {
    if (!QR_ALPHANUMERIC.includes(c) || c === ' ') {
      throw new Error(`the base URL may only use QR alphanumeric characters, not ${JSON.stringify(c)}`);
    }
  }
  return upper;
}

export function buildQrText(baseUrl: string, credential: Uint8Array): string {
  return `${normaliseBaseUrl(baseUrl)}#${decimalEncode(credential)}`;
}

/**
 * Reads a scanned or pasted card QR text: the full URL (any case, any host), the fragment with or
 * without its '#', or the bare digits; surrounding white space is ignored.
 */
export function parseQrText(text: string): QrTextResult {
  let rest = text.trim();
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(hash + 1);
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) {
    return { ok: false, reason: 'qr_text_invalid', message: 'the URL has no fragment' };
  }
  rest = rest.trim();
  if (rest.length === 0)
    return { ok: false, reason: 'qr_text_invalid', message: 'no credential in the text' };
  if (!/^[0-9]+$/.test(rest)) {
    return { ok: false, reason: 'qr_text_invalid', message: 'the credential part is not made of digits' };
  }
  try {
    return { ok: true, bytes: decimalDecode(rest) };
  } catch (e) {
    if (e instanceof DecimalError) return { ok: false, reason: 'decimal_invalid', message: e.message };
    throw e;
  }
}

/**
 * The largest credential (COSE_Sign1 bytes) whose QR text, with this base URL, fits the given
 * version at error-correction level Q. The issuer shortens names to stay within it (claims.ts).
 */
export function credentialByteBudget(baseUrl: string, maxVersion: number = MAX_QR_VERSION): number {
  const base = normaliseBaseUrl(baseUrl);
  const capacity = dataCapacityBits(maxVersion);
  let bytes = 0;
  while (segmentBits(cardQrSegments(base, decimalLength(bytes + 1)), maxVersion) <= capacity) bytes++;
  return bytes;
}
