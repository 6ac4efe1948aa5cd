import { Anchor, Card, Container, Group, Stack, Title } from '@mantine/core';
import { IconArrowNarrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../components/page-title.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useRegistration } from '../../components/registry/registry.api.ts';
import { RegistrationSummary } from '../../components/registry/registration-view.tsx';
import { EntryHistoryList } from './entry-history-list.tsx';

/** The artisan's own register entry, reached from an approved file. */
export function PortalRegistrationPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.home.entry'));
  const { id = '' } = useParams();
  const query = useRegistration(id);
  return (
    <Container size="sm" px="md" py="md">
      <Stack gap="lg">
        <Anchor component={Link} to="/portal" size="sm">
          <Group gap={4} component="span">
            <IconArrowNarrowLeft size={16} aria-hidden="true" className="flip-rtl" />
            {t('portal.file.back')}
          </Group>
        </Anchor>
        <Title order={1} size="h2">
          {t('portal.home.entry')}
        </Title>
        <QueryState query={query}>
          {(entry) => (
            <Card withBorder padding="lg" radius="md">
              <Stack gap="md">
                <RegistrationSummary registration={entry} />
                <Title order={2} size="h4">
                  {t('portal.home.entryHistory')}
                </Title>
                <EntryHistoryList history={entry.history} />
              </Stack>
            </Card>
          )}
        </QueryState>
      </Stack>
    </Container>
  );
}
