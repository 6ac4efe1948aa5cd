import type { Locale } from '@hirfa/contracts';
import { useTranslation } from 'react-i18next';
import { isLocale } from './locale.ts';

/** The interface language, re-rendering when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : 'ar';
}
