import { DEFAULT_LOCALE, LOCALE_DIR, LOCALES } from '@hirfa/contracts/constants';
import type { Locale } from '@hirfa/contracts';

export const LOCALE_STORAGE_KEY = 'hirfa.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The choice saved on this device, if any. */
export function findSavedLocale(): Locale | undefined {
  try {
    const saved = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(saved) ? saved : undefined;
  } catch {
    return undefined;
  }
}

export function saveLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or storage full: the choice still applies to this visit.
  }
}

/** First visit: Arabic, unless this device remembers another choice. */
export function initialLocale(): Locale {
  return findSavedLocale() ?? DEFAULT_LOCALE;
}

/** Sets `<html lang dir>` so screen readers, fonts and CSS logical properties follow the language. */
export function applyDocumentLocale(locale: Locale): void {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = LOCALE_DIR[locale];
}
