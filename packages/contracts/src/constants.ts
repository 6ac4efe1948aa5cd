/**
 * Plain constants shared by the server and the web app, with no schema library behind them, so the
 * browser bundle can import them without pulling in zod.
 */
export const LOCALES = ['ar', 'fr', 'en', 'zgh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ar';

/** Text directions per locale: only Arabic is right to left. */
export const LOCALE_DIR: Record<Locale, 'rtl' | 'ltr'> = { ar: 'rtl', fr: 'ltr', en: 'ltr', zgh: 'ltr' };

/** BCP 47 tags used to format dates and numbers (Latin digits in Arabic, as in ar-MA). */
export const LOCALE_TAG: Record<Locale, string> = {
  ar: 'ar-MA-u-nu-latn',
  fr: 'fr-MA',
  en: 'en-GB',
  zgh: 'zgh-Tfng-MA',
};

export const ROLES = ['federation_admin', 'chamber_admin', 'chamber_agent', 'auditor', 'artisan'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['federation_admin', 'chamber_admin', 'chamber_agent', 'auditor'];

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
