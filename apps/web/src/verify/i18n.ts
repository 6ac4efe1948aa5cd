// The verify page's own i18next instance: the `verify` namespace only, all four languages bundled
// (a few KB each) so that switching language works offline.
import { LOCALE_DIR, LOCALES, type Locale } from '@hirfa/contracts/constants';
import ar from '@hirfa/contracts/locales/ar/verify.json';
import en from '@hirfa/contracts/locales/en/verify.json';
import fr from '@hirfa/contracts/locales/fr/verify.json';
import zgh from '@hirfa/contracts/locales/zgh/verify.json';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { applyDocumentLocale, findSavedLocale, isLocale, saveLocale } from '../i18n/locale.ts';
import { negotiateLocale } from './locale.ts';

export const NAMESPACE = 'verify';

const initial = negotiateLocale(findSavedLocale(), navigator.languages ?? [navigator.language]);

void i18n.use(initReactI18next).init({
  resources: {
    ar: { verify: ar },
    fr: { verify: fr },
    en: { verify: en },
    zgh: { verify: zgh },
  },
  lng: initial,
  supportedLngs: [...LOCALES],
  fallbackLng: { zgh: ['fr'], default: ['ar'] },
  ns: [NAMESPACE],
  defaultNS: NAMESPACE,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

function onLanguage(language: string): void {
  if (!isLocale(language)) return;
  applyDocumentLocale(language);
  document.title = i18n.t('verify:app.title');
}
onLanguage(initial);
i18n.on('languageChanged', onLanguage);

export async function changeLocale(next: Locale): Promise<void> {
  saveLocale(next);
  await i18n.changeLanguage(next);
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return LOCALE_DIR[locale];
}

export { i18n };
