import type { DirectoryConsent } from '@hirfa/contracts';
import { Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageLoader } from '../../components/query-state.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { useDirectoryConsent, useSetDirectoryConsent } from './search.api.ts';

const LEVELS: readonly DirectoryConsent[] = ['none', 'basic', 'contact'];

/**
 * What an entry shows in the public directory, and the control to change it: on the holder's own
 * entry in the portal (`by="holder"`), or at the counter in the back office (`by="staff"`;
 * `readOnly` for auditors, who may see it but not change it).
 */
export function DirectoryConsentPanel({
  registrationId,
  by,
  readOnly = false,
  headingLevel = 2,
}: {
  registrationId: string;
  by: 'holder' | 'staff';
  readOnly?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = useDirectoryConsent(registrationId);
  const save = useSetDirectoryConsent(registrationId, by);
  const [choice, setChoice] = useState<DirectoryConsent | null>(null);
  useEffect(() => setChoice(state.data?.consent ?? null), [state.data?.consent]);

  return (
    <Card withBorder padding="md" radius="md" component="section" data-testid="consent-panel">
      <Stack gap="sm">
        <Title order={headingLevel} size="h4">
          {t('search:consent.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {by === 'holder' ? t('search:consent.introHolder') : t('search:consent.introStaff')}
        </Text>
        {state.isPending ? (
          <PageLoader />
        ) : state.isError ? (
          <ErrorAlert error={state.error} onRetry={() => void state.refetch()} />
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (choice) save.mutate(choice);
            }}
          >
            <Stack gap="sm">
              <Radio.Group
                label={t('search:consent.legend')}
                value={choice}
                onChange={(value) => setChoice(value as DirectoryConsent)}
                readOnly={readOnly}
              >
                <Stack gap="xs" mt="xs">
                  {LEVELS.map((level) => (
                    <Radio
                      key={level}
                      value={level}
                      label={t(`search:consent.levels.${level}`)}
                      disabled={readOnly && level !== choice}
                      data-testid={`consent-option-${level}`}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              <Text size="xs" c="dimmed">
                {t('search:consent.never')}
              </Text>
              {save.isError ? <ErrorAlert error={save.error} /> : null}
              <Group gap="sm">
                {readOnly ? null : (
                  <Button
                    type="submit"
                    loading={save.isPending}
                    disabled={!choice || choice === state.data.consent}
                    data-testid="consent-save"
                  >
                    {t('search:consent.save')}
                  </Button>
                )}
                {save.isSuccess && choice === state.data.consent ? (
                  <Text size="sm" c="green.9" role="status" data-testid="consent-saved">
                    <IconCheck size={14} aria-hidden="true" /> {t('search:consent.saved')}
                  </Text>
                ) : state.data.consentAt ? (
                  <Text size="sm" c="dimmed">
                    {t('search:consent.since', { date: formatDateTime(state.data.consentAt, locale, false) })}
                  </Text>
                ) : null}
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
