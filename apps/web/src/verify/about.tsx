import { IconHelpCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** "How does this work?": signed, checked on the phone, works offline, nothing sent. */
export function About() {
  const { t } = useTranslation();
  return (
    <details className="v-about" data-testid="about">
      <summary>
        <IconHelpCircle size={22} aria-hidden="true" />
        <span>{t('verify:about.title')}</span>
      </summary>
      <p>{t('verify:about.signed')}</p>
      <p>{t('verify:about.offline')}</p>
      <p>{t('verify:about.private')}</p>
    </details>
  );
}
