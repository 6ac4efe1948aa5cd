// A check from the QR text, entirely on this phone: keys and the chamber's status lists come from
// the network when there is one, else from what the phone saved (sources.ts).
import {
  decodeClaims,
  decodeCoseSign1,
  parseQrText,
  type VerificationResult,
  verifyCredential,
} from '@hirfa/contracts/credential';
import { type CheckOutcome, outcomeOf } from './outcome.ts';
import type { Sources } from './sources.ts';

/**
 * The chamber a credential names, read WITHOUT checking the signature: only to start downloading
 * its status lists while the keys load. Nothing read here is shown or trusted.
 */
export function peekChamber(text: string): string | null {
  const parsed = parseQrText(text);
  if (!parsed.ok) return null;
  try {
    return decodeClaims(decodeCoseSign1(parsed.bytes).payload).chamberCode;
  } catch {
    return null;
  }
}

export async function checkQrText(
  text: string,
  sources: Sources,
  now: () => Date = () => new Date(),
): Promise<CheckOutcome> {
  const chamber = peekChamber(text);
  const downloading = chamber ? sources.downloadLists(chamber) : undefined;
  const keys = await sources.keys();
  if (!keys) {
    const result = verifyCredential(text, { resolveKey: () => null, now: now() });
    if (result.verdict === 'unknown_key')
      return { outcome: 'no_keys', reason: 'no_keys', card: null, status: null };
    return outcomeOf(result, null);
  }
  let result: VerificationResult = verifyCredential(text, { resolveKey: keys.resolver, now: now() });
  if (result.verdict !== 'valid' || !result.claims) return outcomeOf(result, null, keys);
  const card = result.claims.chamberCode;
  const lists = await sources.lists(card, keys, card === chamber ? downloading : undefined);
  result = verifyCredential(text, {
    resolveKey: keys.resolver,
    now: now(),
    statusLists: {
      ...(lists.revocation.list ? { revocation: lists.revocation.list } : {}),
      ...(lists.suspension.list ? { suspension: lists.suspension.list } : {}),
    },
  });
  return outcomeOf(result, lists, keys);
}
