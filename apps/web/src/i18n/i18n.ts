import ar from '@hirfa/contracts/locales/ar/web.json';
import en from '@hirfa/contracts/locales/en/web.json';
import fr from '@hirfa/contracts/locales/fr/web.json';
import zgh from '@hirfa/contracts/locales/zgh/web.json';
import { LOCALES } from '@hirfa/contracts/constants';
import type { Locale } from '@hirfa/contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { applyDocumentLocale, initialLocale, isLocale } from './locale.ts';

export const NAMESPACE = 'web';

const lng = initialLocale();
applyDocumentLocale(lng);

void i18n.use(initReactI18next).init({
  resources: { ar: { web: ar }, fr: { web: fr }, en: { web: en }, zgh: { web: zgh } },
  lng,
  supportedLngs: [...LOCALES],
  fallbackLng: { zgh: ['fr'], default: ['ar'] },
  ns: [NAMESPACE],
  defaultNS: NAMESPACE,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** The language the interface is in now (always one of LOCALES). */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : lng;
}

export { i18n };
