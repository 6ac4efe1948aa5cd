// Verification of a card credential, offline: QR text (or bytes) → verdict with a stable reason.
//
// Order (docs/card-credential.md, "Verification"): read the text → decode COSE_Sign1 → find the key
// by kid → check the signature → refuse a compromised key → decode the claims → check the dates →
// check the status lists. A signature that does not verify is verdict `damaged` with reason
// `signature_invalid`: a misread and a forgery cannot be told apart, and neither is a valid card.
// Claims are returned only when the signature verified with a key that is not compromised.
import { ClaimsError, type CredentialClaims, dateToDays, decodeClaims } from './claims.ts';
import { CoseError, type CoseErrorCode, decodeCoseSign1, verifyCoseSign1 } from './cose.ts';
import { toBase64url } from './bytes.ts';
import type { KeyResolver, KeyState } from './keys.ts';
import { parseQrText, type QrTextError } from './qr-payload.ts';
import type { VerifiedStatusList } from './status-document.ts';
import { BitstringStatusList, type StatusPurpose } from './status-list.ts';

export const VERDICTS = [
  'valid',
  'expired',
  'not_yet_valid',
  'suspended',
  'revoked',
  'unknown_key',
  'compromised_key',
  'damaged',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export type DamageReason = QrTextError | CoseErrorCode | 'signature_invalid' | ClaimsError['code'];
export type VerdictReason =
  | 'ok'
  | 'expired_on'
  | 'not_valid_before'
  | 'status_revoked'
  | 'status_suspended'
  | 'kid_unknown'
  | 'key_compromised'
  | DamageReason;

export type StatusNoteReason =
  | 'list_missing'
  | 'list_other_chamber'
  | 'list_other_purpose'
  | 'list_expired'
  | 'index_outside_list';

export interface StatusNote {
  purpose: StatusPurpose;
  reason: StatusNoteReason;
}

export interface VerificationResult {
  verdict: Verdict;
  reason: VerdictReason;
  /** Technical detail for logs; not for display (display the translated verdict and reason). */
  message?: string;
  kid?: string;
  keyState?: KeyState;
  claims?: CredentialClaims;
  /** True only when both the revocation and the suspension list were consulted. */
  statusChecked: boolean;
  /** Why a list could not be consulted. */
  statusNotes: StatusNote[];
}

/** A bare decoded list (trusted by the caller) or a list from verifyStatusListDocument. */
export type StatusListInput = BitstringStatusList | VerifiedStatusList;

export interface VerifyOptions {
  resolveKey: KeyResolver;
  statusLists?: { revocation?: StatusListInput; suspension?: StatusListInput };
  now: Date;
}

const DAY_MS = 86_400_000;

function damaged(reason: DamageReason, message: string, kid?: string): VerificationResult {
  return {
    verdict: 'damaged',
    reason,
    message,
    ...(kid ? { kid } : {}),
    statusChecked: false,
    statusNotes: [],
  };
}

export function verifyCredential(input: string | Uint8Array, options: VerifyOptions): VerificationResult {
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    const parsed = parseQrText(input);
    if (!parsed.ok) return damaged(parsed.reason, parsed.message);
    bytes = parsed.bytes;
  } else bytes = input;

  let message: ReturnType<typeof decodeCoseSign1>;
  try {
    message = decodeCoseSign1(bytes);
  } catch (e) {
    if (e instanceof CoseError) return damaged(e.code, e.message);
    return damaged('cbor_malformed', 'unreadable credential');
  }
  const kid = toBase64url(message.kid);
  const key = options.resolveKey(kid);
  if (!key) {
    return { verdict: 'unknown_key', reason: 'kid_unknown', kid, statusChecked: false, statusNotes: [] };
  }
  if (!verifyCoseSign1(message, key.publicKey))
    return damaged('signature_invalid', 'the signature does not verify', kid);
  const keyState = key.state;
  if (keyState === 'compromised') {
    return {
      verdict: 'compromised_key',
      reason: 'key_compromised',
      kid,
      keyState,
      statusChecked: false,
      statusNotes: [],
    };
  }
  let claims: CredentialClaims;
  try {
    claims = decodeClaims(message.payload);
  } catch (e) {
    if (e instanceof ClaimsError) return damaged(e.code, e.message, kid);
    throw e;
  }
  const base = { kid, keyState, claims };
  const today = Math.floor(options.now.getTime() / DAY_MS);
  if (today > dateToDays(claims.validUntil)) {
    return { ...base, verdict: 'expired', reason: 'expired_on', statusChecked: false, statusNotes: [] };
  }
  if (today < dateToDays(claims.validFrom)) {
    return {
      ...base,
      verdict: 'not_yet_valid',
      reason: 'not_valid_before',
      statusChecked: false,
      statusNotes: [],
    };
  }
  const notes: StatusNote[] = [];
  const isSet = (purpose: StatusPurpose): boolean => {
    const input = options.statusLists?.[purpose];
    const note = (reason: StatusNoteReason): false => {
      notes.push({ purpose, reason });
      return false;
    };
    if (!input) return note('list_missing');
    let list: BitstringStatusList;
    if (input instanceof BitstringStatusList) list = input;
    else {
      if (input.chamber !== claims.chamberCode) return note('list_other_chamber');
      if (input.purpose !== purpose) return note('list_other_purpose');
      if (input.validUntil.getTime() < options.now.getTime()) return note('list_expired');
      list = input.list;
    }
    if (!list.has(claims.statusListIndex)) return note('index_outside_list');
    return list.get(claims.statusListIndex);
  };
  const revoked = isSet('revocation');
  const suspended = isSet('suspension');
  const status = { statusChecked: notes.length === 0, statusNotes: notes };
  if (revoked) return { ...base, verdict: 'revoked', reason: 'status_revoked', ...status };
  if (suspended) return { ...base, verdict: 'suspended', reason: 'status_suspended', ...status };
  return { ...base, verdict: 'valid', reason: 'ok', ...status };
}
