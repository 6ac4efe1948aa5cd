import type { Locale } from '@hirfa/contracts';

/**
 * Each language named in itself (an autonym), the same whatever the interface language: a reader
 * looks for their own language's name. Not translatable, so not in the catalogues.
 */
export const LANGUAGE_AUTONYMS: Record<Locale, { name: string; short: string }> = {
  ar: { name: 'العربية', short: 'ع' },
  fr: { name: 'Français', short: 'FR' },
  en: { name: 'English', short: 'EN' },
  zgh: { name: 'ⵜⴰⵎⴰⵣⵉⵖⵜ', short: 'ⵜⵎⵣ' },
};
