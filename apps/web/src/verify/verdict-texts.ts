// The words of a verdict in the reader's language: a short kicker for the cards that must not be
// accepted, a title a stranger understands at a glance, and the reason in plain words.
import type { Locale } from '@hirfa/contracts/constants';
import type { TFunction } from 'i18next';
import { formatDay, formatInstant } from './locale.ts';
import type { CheckOutcome, StatusView } from './outcome.ts';

export interface VerdictTexts {
  kicker?: string;
  title: string;
  reason: string;
}

export function verdictTexts(o: CheckOutcome, t: TFunction, locale: Locale): VerdictTexts {
  const until = o.card ? formatDay(o.card.validUntil, locale) : '';
  const from = o.card ? formatDay(o.card.validFrom, locale) : '';
  const notValid = t('verify:verdict.notValid');
  switch (o.outcome) {
    case 'valid':
      return { title: t('verify:verdict.valid.title'), reason: t('verify:verdict.valid.reason', { until }) };
    case 'valid_unchecked':
      return {
        title: t('verify:verdict.validUnchecked.title'),
        reason: t('verify:verdict.validUnchecked.reason', { until }),
      };
    case 'expired':
      return {
        kicker: notValid,
        title: t('verify:verdict.expired.title'),
        reason: t('verify:verdict.expired.reason', { until }),
      };
    case 'not_yet_valid':
      return {
        kicker: notValid,
        title: t('verify:verdict.notYetValid.title'),
        reason: t('verify:verdict.notYetValid.reason', { from }),
      };
    case 'suspended':
      return {
        kicker: notValid,
        title: t('verify:verdict.suspended.title'),
        reason: t('verify:verdict.suspended.reason'),
      };
    case 'revoked':
      return {
        kicker: notValid,
        title: t('verify:verdict.revoked.title'),
        reason: t('verify:verdict.revoked.reason'),
      };
    case 'compromised_key':
      return {
        kicker: notValid,
        title: t('verify:verdict.compromisedKey.title'),
        reason: t('verify:verdict.compromisedKey.reason'),
      };
    case 'unknown_key':
      return {
        kicker: t('verify:verdict.notRecognised'),
        title: t('verify:verdict.unknownKey.title'),
        // Keys downloaded just now: the key is not Hirfa's. Saved keys may predate a new key.
        reason:
          o.keysSavedAt && !o.keysFresh
            ? t('verify:verdict.unknownKey.reasonSaved', { date: formatInstant(o.keysSavedAt, locale) })
            : t('verify:verdict.unknownKey.reasonOnline'),
      };
    case 'damaged':
      return {
        kicker: notValid,
        title: t('verify:verdict.damaged.title'),
        reason:
          o.reason === 'signature_invalid'
            ? t('verify:verdict.damaged.signature')
            : o.reason === 'format_version_unsupported'
              ? t('verify:verdict.damaged.newerFormat')
              : t('verify:verdict.damaged.unreadable'),
      };
    case 'not_card':
      return { title: t('verify:verdict.notCard.title'), reason: t('verify:verdict.notCard.reason') };
    case 'not_found':
      return { title: t('verify:verdict.notFound.title'), reason: t('verify:verdict.notFound.reason') };
    case 'no_keys':
      return { title: t('verify:verdict.noKeys.title'), reason: t('verify:verdict.noKeys.reason') };
  }
}

/** One or two sentences on how fresh the revocation and suspension data behind the verdict are. */
export function statusText(status: StatusView, t: TFunction, locale: Locale): string[] {
  switch (status.kind) {
    case 'lists':
      return [
        t('verify:status.checked', { issued: formatInstant(status.issued, locale) }),
        status.fresh
          ? t('verify:status.downloadedNow')
          : t('verify:status.savedOn', { date: formatInstant(status.savedAt, locale) }),
      ];
    case 'online':
      return [t('verify:status.online', { date: formatInstant(status.checkedAt, locale) })];
    case 'unchecked': {
      const why =
        status.why === 'lists_expired'
          ? t('verify:status.listsExpired', {
              issued: status.issued ? formatInstant(status.issued, locale) : '—',
            })
          : status.why === 'lists_unverified'
            ? t('verify:status.listsUnverified')
            : status.why === 'index_outside'
              ? t('verify:status.indexOutside')
              : status.why === 'lists_unavailable'
                ? t('verify:status.listsUnavailable')
                : t('verify:status.offlineNoList');
      return [`${t('verify:status.notChecked')} ${why}`, t('verify:status.connectAndRetry')];
    }
  }
}
