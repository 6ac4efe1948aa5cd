import type { ApplicationDetail } from '@hirfa/contracts';
import { Alert, Anchor, Blockquote, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowNarrowLeft, IconId, IconMessageQuestion } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { sectionsFor } from '../../../components/application-form/payload.ts';
import { SectionSummary } from '../../../components/application-form/payload-summary.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { DocumentsPanel } from '../../../components/registry/documents-panel.tsx';
import { HistoryTimeline } from '../../../components/registry/history-timeline.tsx';
import { PersonName } from '../../../components/registry/person-name.tsx';
import { applicationKeys, useApplication, useDuplicates } from '../../../components/registry/registry.api.ts';
import { StateBadge } from '../../../components/registry/state-badge.tsx';
import { useSession } from '../../../lib/session.ts';
import { DECIDERS } from '../office-nav.ts';
import { ActionsPanel } from './actions-panel.tsx';
import { ApplicationFacts } from './application-facts.tsx';
import { DuplicatesPanel } from './duplicates-panel.tsx';
import { RulesPanel } from './rules-panel.tsx';
import { BUTTON_COLOR } from '../../../components/registry/ink.ts';

export function ApplicationPage() {
  const { id = '' } = useParams();
  const query = useApplication(id);
  return <QueryState query={query}>{(detail) => <ApplicationView detail={detail} />}</QueryState>;
}

function ApplicationView({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const user = useSession().data?.user;
  const canDecide = Boolean(user && DECIDERS.includes(user.role));
  const duplicates = useDuplicates(detail.id, detail.state !== 'draft');
  usePageTitle(t('office.application.title', { number: detail.fileNumber }));
  const refresh = () => void client.invalidateQueries({ queryKey: applicationKeys.detail(detail.id) });
  const open = !['approved', 'rejected', 'withdrawn'].includes(detail.state);

  return (
    <Stack gap="lg" data-testid="application">
      <Anchor component={Link} to="/office/applications" size="sm">
        <Group gap={4} component="span">
          <IconArrowNarrowLeft size={16} aria-hidden="true" className="flip-rtl" />
          {t('office.application.back')}
        </Group>
      </Anchor>

      <Stack gap={6}>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            <PersonName nameAr={detail.nameAr} nameLatn={detail.nameLatn} />
          </Title>
          <StateBadge state={detail.state} size="lg" testId="app-state" />
        </Group>
        <Text>
          <span className="mono" data-testid="app-file-number">
            {detail.fileNumber}
          </span>{' '}
          · {t(`registry.kind.${detail.kind}`)} · {t(`office.application.channel.${detail.channel}`)}
        </Text>
      </Stack>

      {detail.nia ? (
        <Alert color="green" icon={<IconId aria-hidden="true" />} data-testid="app-nia">
          <Group gap="sm">
            <Text>
              {t('office.application.nia')} <span className="mono">{detail.nia}</span>
            </Text>
            {detail.registrationId ? (
              <Button
                component={Link}
                to={`/office/registrations/${detail.registrationId}`}
                size="xs"
                variant="outline"
                color={BUTTON_COLOR.go}
                data-testid="app-entry-link"
              >
                {t('office.application.entryLink')}
              </Button>
            ) : null}
          </Group>
        </Alert>
      ) : null}

      {detail.state === 'incomplete' && detail.lastRequest ? (
        <Card withBorder padding="md" radius="md" data-testid="app-request">
          <Group gap="xs" mb={6}>
            <IconMessageQuestion size={20} aria-hidden="true" />
            <Text fw={600}>{t('office.application.requestSent')}</Text>
          </Group>
          <Blockquote color="orange" p="sm" m={0}>
            <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {detail.lastRequest}
            </Text>
          </Blockquote>
        </Card>
      ) : null}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <RulesPanel detail={detail} />
            {detail.state === 'draft' ? null : (
              <DuplicatesPanel detail={detail} canDecide={canDecide && open} />
            )}
            <Stack gap="sm" component="section" aria-labelledby="app-docs">
              <Title order={2} size="h4" id="app-docs">
                {t('office.application.documents')}
              </Title>
              <DocumentsPanel
                detail={detail}
                editable={canDecide && open}
                onUploaded={refresh}
                preview="large"
                size="sm"
              />
            </Stack>
            <Card withBorder padding="md" radius="md" component="section" aria-labelledby="app-data">
              <Stack gap="md">
                <Title order={2} size="h4" id="app-data">
                  {t('office.application.data')}
                </Title>
                {sectionsFor(detail.kind)
                  .filter((s) => s !== 'documents')
                  .map((section) => (
                    <Stack key={section} gap={4}>
                      <Title order={3} size="h5">
                        {t(`portal.apply.sections.${section}`)}
                      </Title>
                      <SectionSummary section={section} payload={detail.payload} detail={detail} />
                    </Stack>
                  ))}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <ActionsPanel detail={detail} duplicates={duplicates.data} />
            <ApplicationFacts detail={detail} />
            <Card withBorder padding="md" radius="md" component="section" aria-labelledby="app-history">
              <Stack gap="sm">
                <Title order={2} size="h4" id="app-history">
                  {t('office.application.history')}
                </Title>
                <HistoryTimeline history={detail.history} audience="staff" />
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
