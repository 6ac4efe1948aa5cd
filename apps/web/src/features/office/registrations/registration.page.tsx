import { Anchor, Card, Grid, Group, Stack, Title } from '@mantine/core';
import { IconArrowNarrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../../components/page-title.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { PersonName } from '../../../components/registry/person-name.tsx';
import { RegistrationHistory } from '../../../components/registry/registration-history.tsx';
import { RegistrationSummary } from '../../../components/registry/registration-view.tsx';
import { useRegistration } from '../../../components/registry/registry.api.ts';
import { useSession } from '../../../lib/session.ts';
import { LifecycleForm } from './lifecycle-form.tsx';

const MANAGERS = new Set(['chamber_agent', 'chamber_admin', 'federation_admin']);

/** A register entry for the chamber: its data, status, every version, and what may be done to it. */
export function RegistrationPage() {
  const { t } = useTranslation();
  usePageTitle(t('office.registration.title'));
  const { id = '' } = useParams();
  const query = useRegistration(id);
  const role = useSession().data?.user.role;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/office/applications" size="sm">
        <Group gap={4} component="span">
          <IconArrowNarrowLeft size={16} aria-hidden="true" className="flip-rtl" />
          {t('office.application.back')}
        </Group>
      </Anchor>
      <QueryState query={query}>
        {(entry) => (
          <Stack gap="lg" data-testid="registration">
            <Title order={1} size="h2">
              <PersonName nameAr={entry.nameAr} nameLatn={entry.nameLatn} />
            </Title>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Card withBorder padding="md" radius="md">
                  <RegistrationSummary registration={entry} />
                </Card>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                {role && MANAGERS.has(role) ? (
                  <LifecycleForm key={entry.version} registration={entry} />
                ) : null}
              </Grid.Col>
            </Grid>
            <Stack gap="sm" component="section" aria-labelledby="entry-history-title">
              <Title order={2} size="h4" id="entry-history-title">
                {t('office.registration.history')}
              </Title>
              <RegistrationHistory history={entry.history} caption={t('office.registration.history')} />
            </Stack>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
