import { LOCALE_TAG } from '@hirfa/contracts/constants';
import type { Locale } from '@hirfa/contracts';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateTimeFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE_TAG[locale], {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** Formats an ISO timestamp for the reader's language (Latin digits in Arabic, per LOCALE_TAG). */
export function formatDateTime(iso: string | null | undefined, locale: Locale, withTime = true): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(locale, withTime).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_TAG[locale]);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}
