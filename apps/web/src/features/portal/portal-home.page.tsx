import { Button, Card, Container, Stack, Table, Text, Title } from '@mantine/core';
import { IconFilePlus, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-title.ts';
import { ErrorAlert, PageLoader } from '../../components/query-state.tsx';
import { useApplications, useMyRegistrations } from '../../components/registry/registry.api.ts';
import { RegistrationSummary } from '../../components/registry/registration-view.tsx';
import { LANGUAGE_AUTONYMS } from '../../i18n/languages.ts';
import { useSession } from '../../lib/session.ts';
import { EntryHistoryList } from './entry-history-list.tsx';
import { MyFiles } from './my-files.tsx';

export function PortalHomePage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.home.title'));
  const user = useSession().data?.user;
  const files = useApplications({ limit: 50 });
  const entries = useMyRegistrations();
  if (!user) return null;

  const rows = [
    { label: t('portal.home.name'), value: user.displayName, testId: 'user-name', dir: 'auto' as const },
    { label: t('portal.home.phone'), value: user.phone ?? t('portal.home.none'), dir: 'ltr' as const },
    { label: t('portal.home.email'), value: user.email ?? t('portal.home.none'), dir: 'ltr' as const },
    { label: t('portal.home.language'), value: LANGUAGE_AUTONYMS[user.locale].name, lang: user.locale },
  ];
  const fileList = files.data?.items ?? [];
  const registered = (entries.data ?? []).length > 0;
  const draft = fileList.find((f) => f.state === 'draft');

  return (
    <Container size="sm" py="lg" px="md">
      <Stack gap="xl">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('portal.home.title')}
          </Title>
          <Text size="lg">{t('portal.home.greeting', { name: user.displayName })}</Text>
        </Stack>

        {entries.isError ? <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} /> : null}
        {(entries.data ?? []).map((entry) => (
          <Card
            key={entry.id}
            withBorder
            padding="lg"
            radius="md"
            component="section"
            aria-labelledby={`entry-${entry.id}`}
            data-testid="portal-entry"
          >
            <Stack gap="md">
              <Title order={2} size="h3" id={`entry-${entry.id}`}>
                {t('portal.home.entry')}
              </Title>
              <RegistrationSummary registration={entry} headingLevel={3} />
              <Title order={3} size="h4">
                {t('portal.home.entryHistory')}
              </Title>
              <EntryHistoryList history={entry.history} />
            </Stack>
          </Card>
        ))}

        <Stack gap="sm" component="section" aria-labelledby="portal-files">
          <Title order={2} size="h3" id="portal-files">
            {t('portal.home.files')}
          </Title>
          {files.isPending ? (
            <PageLoader />
          ) : files.isError ? (
            <ErrorAlert error={files.error} onRetry={() => void files.refetch()} />
          ) : fileList.length === 0 ? (
            <Text>{registered ? t('portal.home.noFilesRegistered') : t('portal.home.noFiles')}</Text>
          ) : (
            <MyFiles files={fileList} />
          )}
          {draft ? (
            <Button
              component={Link}
              to={`/portal/apply/${draft.id}/identity`}
              size="lg"
              fullWidth
              leftSection={<IconPencil size={22} aria-hidden="true" />}
              data-testid="apply-continue"
            >
              {t('portal.home.continue')}
            </Button>
          ) : (
            <Button
              component={Link}
              to="/portal/apply"
              size="lg"
              fullWidth
              variant={registered ? 'default' : 'filled'}
              leftSection={<IconFilePlus size={22} aria-hidden="true" />}
              data-testid="apply-start"
            >
              {registered ? t('portal.home.applyAgain') : t('portal.home.apply')}
            </Button>
          )}
          <Text size="sm" c="dimmed">
            {draft ? t('portal.home.draftHint') : t('portal.home.applyHint')}
          </Text>
        </Stack>

        <Card withBorder padding="md" radius="md" component="section" aria-labelledby="portal-account">
          <Stack gap="sm">
            <Title order={2} size="h3" id="portal-account">
              {t('portal.home.account')}
            </Title>
            <Table variant="vertical" layout="fixed" withRowBorders>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.label}>
                    <Table.Th w="40%">{row.label}</Table.Th>
                    <Table.Td>
                      <bdi data-testid={row.testId} dir={row.dir} lang={row.lang}>
                        {row.value}
                      </bdi>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" c="dimmed">
              {t('portal.home.languageHint')}
            </Text>
          </Stack>
        </Card>

        <Button component={Link} to="/reference/activities" variant="subtle" size="md">
          {t('portal.home.activitiesLink')}
        </Button>
      </Stack>
    </Container>
  );
}
