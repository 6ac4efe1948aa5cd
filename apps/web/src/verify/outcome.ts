// What the page shows after a check, independent of how the check was made (QR offline, or serial
// and code online): one outcome, the card's minimal data, and how its status was established.
import type { CardKind, VerificationResult } from '@hirfa/contracts/credential';
import type { ListSet, PurposeList } from './sources.ts';

export const OUTCOMES = [
  'valid',
  'valid_unchecked',
  'expired',
  'not_yet_valid',
  'suspended',
  'revoked',
  'compromised_key',
  'unknown_key',
  'damaged',
  'not_card',
  'not_found',
  'no_keys',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** ok: green; warn: amber; bad: red; unknown: grey. Always shown with an icon and words too. */
export type Tone = 'ok' | 'warn' | 'bad' | 'unknown';

export const TONE: Record<Outcome, Tone> = {
  valid: 'ok',
  valid_unchecked: 'warn',
  expired: 'bad',
  not_yet_valid: 'bad',
  suspended: 'bad',
  revoked: 'bad',
  compromised_key: 'bad',
  unknown_key: 'warn',
  damaged: 'unknown',
  not_card: 'unknown',
  not_found: 'unknown',
  no_keys: 'unknown',
};

/** Only what Law 09-08 lets the public page show: no CIN, birth date, address or phone. */
export interface CardView {
  serial: string;
  nameAr: string;
  nameLatn: string;
  shortenedAr: boolean;
  shortenedLatn: boolean;
  kind: CardKind;
  activityCode: string;
  chamberCode: string;
  /** Names the server gave (online check), used when this phone has no names of its own. */
  activityName?: string;
  chamberName?: string;
  validFrom: string;
  validUntil: string;
}

export type StatusView =
  /** Checked on this phone against signed lists published at `issued`. */
  | { kind: 'lists'; issued: Date; savedAt: Date; fresh: boolean }
  /** Checked by the server (serial and code typed by hand). */
  | { kind: 'online'; checkedAt: Date }
  | {
      kind: 'unchecked';
      why: 'offline_no_list' | 'lists_unavailable' | 'lists_expired' | 'lists_unverified' | 'index_outside';
      issued?: Date;
    };

export interface CheckOutcome {
  outcome: Outcome;
  /** The library's (or the server's) reason code. */
  reason: string;
  /** The server's translated explanation (online checks only). */
  serverMessage?: string;
  card: CardView | null;
  /** Present when the card's revocation and suspension status matters (valid, revoked, suspended). */
  status: StatusView | null;
  /** When the issuer keys used were downloaded, and whether just now (shown with unknown_key). */
  keysSavedAt?: Date;
  keysFresh?: boolean;
}

function earliest(dates: (Date | undefined)[]): Date | undefined {
  const times = dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length ? new Date(Math.min(...times)) : undefined;
}

function listsStatus(result: VerificationResult, lists: ListSet | null): StatusView | null {
  if (!['valid', 'revoked', 'suspended'].includes(result.verdict)) return null;
  const used: PurposeList[] = lists ? [lists.revocation, lists.suspension].filter((l) => l.list) : [];
  if (result.statusChecked || (result.verdict !== 'valid' && used.length > 0)) {
    return {
      kind: 'lists',
      issued: earliest(used.map((l) => l.issued)) ?? new Date(0),
      savedAt: earliest(used.map((l) => l.savedAt)) ?? new Date(0),
      fresh: used.every((l) => l.fresh),
    };
  }
  const all = lists ? [lists.revocation, lists.suspension] : [];
  const problems = all.map((l) => l.problem);
  if (problems.includes('status_list_expired')) {
    return { kind: 'unchecked', why: 'lists_expired', issued: earliest(all.map((l) => l.issued)) };
  }
  if (result.statusNotes.some((n) => n.reason === 'index_outside_list'))
    return { kind: 'unchecked', why: 'index_outside' };
  if (problems.includes('unavailable')) return { kind: 'unchecked', why: 'lists_unavailable' };
  if (problems.some((p) => p !== undefined && p !== 'missing'))
    return { kind: 'unchecked', why: 'lists_unverified' };
  return { kind: 'unchecked', why: 'offline_no_list' };
}

/** Turns the library's verdict into what the page shows. */
export function outcomeOf(
  result: VerificationResult,
  lists: ListSet | null,
  keys?: { savedAt: Date; fresh: boolean },
): CheckOutcome {
  const c = result.claims;
  const card: CardView | null = c
    ? {
        serial: c.serial,
        nameAr: c.nameAr,
        nameLatn: c.nameLatn,
        shortenedAr: c.abbreviated.nameAr,
        shortenedLatn: c.abbreviated.nameLatn,
        kind: c.kind,
        activityCode: c.activityCode,
        chamberCode: c.chamberCode,
        validFrom: c.validFrom,
        validUntil: c.validUntil,
      }
    : null;
  let outcome: Outcome;
  switch (result.verdict) {
    case 'valid':
      outcome = result.statusChecked ? 'valid' : 'valid_unchecked';
      break;
    case 'damaged':
      outcome = result.reason === 'qr_text_invalid' ? 'not_card' : 'damaged';
      break;
    default:
      outcome = result.verdict;
  }
  return {
    outcome,
    reason: result.reason,
    card,
    status: listsStatus(result, lists),
    ...(keys ? { keysSavedAt: keys.savedAt, keysFresh: keys.fresh } : {}),
  };
}
