// The reader's language on the verify page: the choice saved on this device (shared with the rest of
// Hirfa under 'hirfa.locale'), else the first browser language we speak, else English for a browser
// in a language we do not have (a visitor from abroad reads English more often than Arabic).
import { LOCALE_TAG, type Locale } from '@hirfa/contracts/constants';

/** Primary language subtags read as Amazigh: Standard Moroccan (zgh), Central Atlas, Tachelhit, Tarifit. */
const AMAZIGH = new Set(['zgh', 'tzm', 'shi', 'rif', 'ber']);

export function negotiateLocale(saved: Locale | undefined, browserLanguages: readonly string[]): Locale {
  if (saved) return saved;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (primary === 'ar' || primary === 'fr' || primary === 'en') return primary;
    if (AMAZIGH.has(primary)) return 'zgh';
  }
  return browserLanguages.length > 0 ? 'en' : 'ar';
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, kind: 'day' | 'instant'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let f = formats.get(key);
  if (!f) {
    // A card's dates are calendar days (UTC day numbers): never shift them by the reader's zone.
    const zone = kind === 'day' ? { timeZone: 'UTC' } : {};
    const time = kind === 'instant' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {};
    f =
      Intl.DateTimeFormat.supportedLocalesOf([LOCALE_TAG[locale]]).length > 0
        ? new Intl.DateTimeFormat(LOCALE_TAG[locale], {
            dateStyle: 'long',
            ...(kind === 'instant' ? { timeStyle: 'short' } : {}),
            ...zone,
          })
        : // No month names for this language in the browser (Amazigh, mostly): digits, never
          // another language's month names. 31/12/2030 is how dates are written in Morocco.
          new Intl.DateTimeFormat('fr-MA', {
            day: '2-digit',
            month: '2-digit',
            year: 'numeric',
            ...(time as Intl.DateTimeFormatOptions),
            ...zone,
          });
    formats.set(key, f);
  }
  return f;
}

/** A calendar date `YYYY-MM-DD` in the reader's language (Latin digits in Arabic). */
export function formatDay(day: string, locale: Locale): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : format(locale, 'day').format(date);
}

/** A moment (list publication, last download) in the reader's language and time zone. */
export function formatInstant(instant: Date, locale: Locale): string {
  return format(locale, 'instant').format(instant);
}
