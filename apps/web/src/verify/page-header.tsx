import { LOCALES } from '@hirfa/contracts/constants';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_AUTONYMS } from '../i18n/languages.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { changeLocale } from './i18n.ts';
import { VerifyMark } from './icons.tsx';

/** Each language named in itself, always visible: a reader looks for their own language's name. */
function LanguageButtons() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <fieldset className="v-langs" data-testid="lang-switcher">
      <legend className="v-visually-hidden">{t('verify:language.label')}</legend>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          dir="auto"
          aria-pressed={l === locale}
          data-testid={`lang-${l}`}
          onClick={() => void changeLocale(l)}
        >
          {LANGUAGE_AUTONYMS[l].name}
        </button>
      ))}
    </fieldset>
  );
}

export function PageHeader() {
  const { t } = useTranslation();
  return (
    <header className="v-header">
      <div className="v-brand">
        <VerifyMark />
        <div>
          <span className="v-brand-name">{t('verify:app.brand')}</span>
          <span className="v-brand-sub">{t('verify:app.subtitle')}</span>
        </div>
      </div>
      <LanguageButtons />
    </header>
  );
}
