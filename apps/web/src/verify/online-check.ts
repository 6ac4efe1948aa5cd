// The check by serial and verification code, typed by hand when the QR cannot be read: the server
// decides (POST /api/v1/verify), so this one needs the network.
import type { Locale } from '@hirfa/contracts/constants';
import type { CardKind } from '@hirfa/contracts/credential';
import { type CheckOutcome, OUTCOMES, type Outcome } from './outcome.ts';

interface VerifyResponse {
  verdict: string;
  reason: string;
  message: string;
  checkedAt: string;
  card: {
    serial: string;
    nameAr: string;
    nameLatn: string;
    kind: CardKind;
    activityCode: string;
    activityName: string;
    chamberCode: string;
    chamberName: string;
    validFrom: string;
    validUntil: string;
  } | null;
}

export type OnlineCheck =
  | { ok: true; outcome: CheckOutcome }
  | { ok: false; error: 'offline' | 'rate_limited' | 'failed'; retryAfterSeconds?: number };

/** Read at call time (the browser may have gone offline while the request was out). */
const offline = (): boolean => navigator.onLine === false;

function outcomeFor(verdict: string): Outcome {
  return (OUTCOMES as readonly string[]).includes(verdict) && verdict !== 'valid_unchecked'
    ? (verdict as Outcome)
    : 'damaged';
}

export async function checkOnline(
  serial: string,
  code: string,
  locale: Locale,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Promise<OnlineCheck> {
  if (offline()) return { ok: false, error: 'offline' };
  let response: Response;
  try {
    response = await fetchImpl('/api/v1/verify', {
      method: 'POST',
      // No cookie: the check is anonymous, and a staff session would otherwise require a CSRF token.
      credentials: 'omit',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': locale },
      body: JSON.stringify({ serial: serial.trim(), code: code.trim().toUpperCase() }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return { ok: false, error: offline() ? 'offline' : 'failed' };
  }
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      error: 'rate_limited',
      retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60,
    };
  }
  if (response.status === 404) {
    return { ok: true, outcome: { outcome: 'not_found', reason: 'not_found', card: null, status: null } };
  }
  if (!response.ok) return { ok: false, error: 'failed' };
  let body: VerifyResponse;
  try {
    body = (await response.json()) as VerifyResponse;
  } catch {
    return { ok: false, error: 'failed' };
  }
  const outcome = outcomeFor(body.verdict);
  const checkedAt = new Date(body.checkedAt);
  const c = body.card;
  return {
    ok: true,
    outcome: {
      outcome,
      reason: body.reason,
      serverMessage: body.message,
      card: c
        ? {
            serial: c.serial,
            nameAr: c.nameAr,
            nameLatn: c.nameLatn,
            shortenedAr: false,
            shortenedLatn: false,
            kind: c.kind,
            activityCode: c.activityCode,
            activityName: c.activityName,
            chamberCode: c.chamberCode,
            chamberName: c.chamberName,
            validFrom: c.validFrom,
            validUntil: c.validUntil,
          }
        : null,
      status: ['valid', 'revoked', 'suspended'].includes(outcome)
        ? { kind: 'online', checkedAt: Number.isNaN(checkedAt.getTime()) ? new Date() : checkedAt }
        : null,
    },
  };
}
