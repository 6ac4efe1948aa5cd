// The published, signed status list: GET /status/{chamberCode}/{purpose}.json
//
//   { "chamber": "CA-MA-06", "encodedList": "uH4sI…", "issued": "2026-01-05T00:00:00Z",
//     "kid": "…", "purpose": "revocation", "sig": "…", "type": "HirfaStatusList", "v": 1,
//     "validUntil": "2026-01-06T00:00:00Z" }
//
// sig = base64url(Ed25519 signature) over the UTF-8 bytes of the JSON Canonicalization Scheme
// (RFC 8785) form of the object without "sig": members sorted by name, no white space. Every member
// is an ASCII string or a small integer, so JCS here is exactly `JSON.stringify` of the sorted object.
import { ed25519 } from '@noble/curves/ed25519.js';
import { fromBase64url, toBase64url, utf8 } from './bytes.ts';
import type { KeyResolver } from './keys.ts';
import {
  type BitstringStatusList,
  decodeStatusList,
  encodeStatusList,
  STATUS_PURPOSES,
  type StatusPurpose,
} from './status-list.ts';

export const STATUS_DOCUMENT_TYPE = 'HirfaStatusList' as const;

export interface StatusListDocument {
  type: typeof STATUS_DOCUMENT_TYPE;
  v: 1;
  chamber: string;
  purpose: StatusPurpose;
  /** RFC 3339 UTC instants, whole seconds. */
  issued: string;
  validUntil: string;
  encodedList: string;
  kid: string;
  sig: string;
}

export interface VerifiedStatusList {
  chamber: string;
  purpose: StatusPurpose;
  issued: Date;
  validUntil: Date;
  kid: string;
  list: BitstringStatusList;
}

export type StatusDocumentErrorCode =
  | 'status_list_invalid'
  | 'status_list_mismatch'
  | 'status_list_unknown_key'
  | 'status_list_key_compromised'
  | 'status_list_signature_invalid'
  | 'status_list_not_yet_valid'
  | 'status_list_expired';

export class StatusDocumentError extends Error {
  constructor(
    readonly code: StatusDocumentErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Clock skew tolerated for a list that claims to be issued in the future. */
const SKEW_MS = 5 * 60_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function instant(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** The signed bytes: RFC 8785 (JCS) of every member except "sig". */
export function statusDocumentSigningInput(
  doc: Omit<StatusListDocument, 'sig'> | StatusListDocument,
): Uint8Array {
  const entries = Object.entries(doc)
    .filter(([k]) => k !== 'sig')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return utf8(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`);
}

export async function signStatusList(
  input: {
    chamber: string;
    purpose: StatusPurpose;
    list: BitstringStatusList;
    issued: Date;
    validUntil: Date;
  },
  signer: { kid: string; secretKey: Uint8Array },
): Promise<StatusListDocument> {
  const unsigned: Omit<StatusListDocument, 'sig'> = {
    type: STATUS_DOCUMENT_TYPE,
    v: 1,
    chamber: input.chamber,
    purpose: input.purpose,
    issued: instant(input.issued),
    validUntil: instant(input.validUntil),
    encodedList: await encodeStatusList(input.list),
    kid: signer.kid,
  };
  const sig = toBase64url(ed25519.sign(statusDocumentSigningInput(unsigned), signer.secretKey));
  return { ...unsigned, sig };
}

/**
 * Checks a fetched status document: shape, expected chamber and purpose, key (active or retired;
 * never compromised), signature, and validity window; then decodes the list.
 */
export async function verifyStatusListDocument(
  doc: unknown,
  options: { resolveKey: KeyResolver; now: Date; chamber: string; purpose: StatusPurpose },
): Promise<VerifiedStatusList> {
  const fail = (code: StatusDocumentErrorCode, message: string): never => {
    throw new StatusDocumentError(code, message);
  };
  if (typeof doc !== 'object' || doc === null) return fail('status_list_invalid', 'not an object');
  const d = doc as Record<string, unknown>;
  const strings = ['chamber', 'purpose', 'issued', 'validUntil', 'encodedList', 'kid', 'sig'] as const;
  if (d.type !== STATUS_DOCUMENT_TYPE || d.v !== 1 || strings.some((k) => typeof d[k] !== 'string')) {
    fail('status_list_invalid', 'not a Hirfa status list document, version 1');
  }
  const known = new Set<string>(['type', 'v', ...strings]);
  if (Object.keys(d).some((k) => !known.has(k))) fail('status_list_invalid', 'unknown member');
  const doc1 = d as unknown as StatusListDocument;
  if (!STATUS_PURPOSES.includes(doc1.purpose)) fail('status_list_invalid', 'unknown purpose');
  if (!INSTANT.test(doc1.issued) || !INSTANT.test(doc1.validUntil))
    fail('status_list_invalid', 'bad instants');
  if (doc1.chamber !== options.chamber || doc1.purpose !== options.purpose) {
    fail('status_list_mismatch', `this is the ${doc1.purpose} list of ${doc1.chamber}`);
  }
  const key = options.resolveKey(doc1.kid);
  if (!key) return fail('status_list_unknown_key', `unknown kid ${doc1.kid}`);
  if (key.state === 'compromised') fail('status_list_key_compromised', `key ${doc1.kid} is compromised`);
  let signature: Uint8Array = new Uint8Array(0);
  try {
    signature = fromBase64url(doc1.sig);
  } catch {
    fail('status_list_signature_invalid', 'sig is not base64url');
  }
  let good = false;
  try {
    good = ed25519.verify(signature, statusDocumentSigningInput(doc1), key.publicKey, { zip215: false });
  } catch {
    good = false;
  }
  if (!good) fail('status_list_signature_invalid', 'the signature does not verify');
  const issued = new Date(doc1.issued);
  const validUntil = new Date(doc1.validUntil);
  if (issued.getTime() > options.now.getTime() + SKEW_MS)
    fail('status_list_not_yet_valid', 'issued in the future');
  if (validUntil.getTime() < options.now.getTime())
    fail('status_list_expired', `stale since ${doc1.validUntil}`);
  let list: BitstringStatusList;
  try {
    list = await decodeStatusList(doc1.encodedList);
  } catch (e) {
    return fail('status_list_invalid', (e as Error).message);
  }
  return { chamber: doc1.chamber, purpose: doc1.purpose, issued, validUntil, kid: doc1.kid, list };
}
