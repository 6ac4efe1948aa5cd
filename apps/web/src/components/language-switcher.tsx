import { LOCALES } from '@hirfa/contracts/constants';
import type { Locale, User } from '@hirfa/contracts';
import { Box, SegmentedControl, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_AUTONYMS } from '../i18n/languages.ts';
import { saveLocale } from '../i18n/locale.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { api } from '../lib/api.ts';
import { storeUser, useSession } from '../lib/session.ts';

function OptionLabel({ locale }: { locale: Locale }) {
  const { name, short } = LANGUAGE_AUTONYMS[locale];
  return (
    <span data-testid={`lang-${locale}`} lang={locale} dir="auto">
      <Box component="span" hiddenFrom="md">
        <span aria-hidden="true">{short}</span>
        <VisuallyHidden>{name}</VisuallyHidden>
      </Box>
      <Box component="span" visibleFrom="md">
        {name}
      </Box>
    </span>
  );
}

/** Changes the interface language; remembered on this device and, when logged in, on the account. */
export function LanguageSwitcher({ size = 'sm' }: { size?: 'sm' | 'md' | 'lg' }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const client = useQueryClient();

  async function change(next: Locale): Promise<void> {
    saveLocale(next);
    await i18n.changeLanguage(next);
    if (!session.data) return;
    try {
      const user = await api<User>('/api/v1/auth/me/preferences', {
        method: 'PATCH',
        body: { locale: next },
      });
      storeUser(client, user);
    } catch {
      notifications.show({ color: 'yellow', message: i18n.t('common.language.saveFailed') });
    }
  }

  return (
    <SegmentedControl
      data-testid="lang-switcher"
      aria-label={t('common.language.label')}
      name="hirfa-language"
      size={size}
      value={locale}
      onChange={(value) => {
        if ((LOCALES as readonly string[]).includes(value)) void change(value as Locale);
      }}
      data={LOCALES.map((value) => ({ value, label: <OptionLabel locale={value} /> }))}
    />
  );
}
