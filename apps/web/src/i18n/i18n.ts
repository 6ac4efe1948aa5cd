import arImports from '@hirfa/contracts/locales/ar/imports.json';
import arSearch from '@hirfa/contracts/locales/ar/search.json';
import ar from '@hirfa/contracts/locales/ar/web.json';
import enImports from '@hirfa/contracts/locales/en/imports.json';
import enSearch from '@hirfa/contracts/locales/en/search.json';
import en from '@hirfa/contracts/locales/en/web.json';
import frImports from '@hirfa/contracts/locales/fr/imports.json';
import frSearch from '@hirfa/contracts/locales/fr/search.json';
import fr from '@hirfa/contracts/locales/fr/web.json';
import zghImports from '@hirfa/contracts/locales/zgh/imports.json';
import zghSearch from '@hirfa/contracts/locales/zgh/search.json';
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
  resources: {
    ar: { web: ar, search: arSearch, imports: arImports },
    fr: { web: fr, search: frSearch, imports: frImports },
    en: { web: en, search: enSearch, imports: enImports },
    zgh: { web: zgh, search: zghSearch, imports: zghImports },
  },
  lng,
  supportedLngs: [...LOCALES],
  fallbackLng: { zgh: ['fr'], default: ['ar'] },
  ns: [NAMESPACE, 'search', 'imports'],
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
