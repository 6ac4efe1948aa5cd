import type { ApplicationDetail } from '@hirfa/contracts';
import { Alert, Anchor, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowNarrowLeft, IconCircleCheck, IconId, IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { usePageTitle } from '../../components/page-title.ts';
import { QueryState } from '../../components/query-state.tsx';
import { DocumentsPanel } from '../../components/registry/documents-panel.tsx';
import { HistoryTimeline } from '../../components/registry/history-timeline.tsx';
import { applicationKeys, useApplication } from '../../components/registry/registry.api.ts';
import { StateBadge } from '../../components/registry/state-badge.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { FileAnswer } from './file-answer.tsx';
import { WithdrawButton } from './withdraw-button.tsx';

export function FilePage() {
  const { id = '' } = useParams();
  const query = useApplication(id);
  return (
    <Container size="sm" px="md" py="md">
      <QueryState query={query}>{(detail) => <FileView detail={detail} />}</QueryState>
    </Container>
  );
}

function FileView({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const location = useLocation();
  const sent = (location.state as { sent?: boolean } | null)?.sent === true;
  usePageTitle(t('portal.file.title', { number: detail.fileNumber }));
  const refresh = () => void client.invalidateQueries({ queryKey: applicationKeys.detail(detail.id) });
  const lastDecision = [...detail.history].reverse().find((h) => h.type === 'reject');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/portal" size="sm">
        <Group gap={4} component="span">
          <IconArrowNarrowLeft size={16} aria-hidden="true" className="flip-rtl" />
          {t('portal.file.back')}
        </Group>
      </Anchor>

      <Stack gap={4}>
        <Title order={1} size="h2">
          {t(`registry.kind.${detail.kind}`)}
        </Title>
        <Text>
          {t('portal.file.number')}{' '}
          <span className="mono" data-testid="file-number">
            {detail.fileNumber}
          </span>
        </Text>
      </Stack>

      {sent && (detail.state === 'submitted' || detail.state === 'resubmitted') ? (
        <Alert
          color="green"
          icon={<IconCircleCheck aria-hidden="true" />}
          role="status"
          data-testid="file-sent"
        >
          {detail.state === 'resubmitted' ? t('portal.file.resent') : t('portal.file.sent')}
        </Alert>
      ) : null}

      <Card withBorder padding="lg" radius="md">
        <Stack gap="sm">
          <StateBadge state={detail.state} size="xl" testId="file-state" />
          <Text size="lg" data-testid="file-next">
            {t(`portal.next.${detail.state}`)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('portal.file.since', { date: formatDateTime(detail.stateSince, locale, false) })}
          </Text>
          {detail.state === 'draft' && detail.canEdit ? (
            <Button
              component={Link}
              to={`/portal/apply/${detail.id}/identity`}
              size="lg"
              leftSection={<IconPencil size={20} aria-hidden="true" />}
              data-testid="file-continue"
            >
              {t('portal.file.continue')}
            </Button>
          ) : null}
          {detail.state === 'rejected' && lastDecision ? (
            <Stack gap={4} data-testid="file-rejection">
              {lastDecision.reasonCode ? (
                <Text fw={600}>
                  {t('registry.history.reason', { reason: t(`registry.reason.${lastDecision.reasonCode}`) })}
                </Text>
              ) : null}
              {lastDecision.message ? (
                <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {lastDecision.message}
                </Text>
              ) : null}
            </Stack>
          ) : null}
        </Stack>
      </Card>

      {detail.nia ? (
        <Card withBorder padding="lg" radius="md" bg="green.0">
          <Stack gap="xs">
            <Text fw={600}>{t('portal.file.niaLabel')}</Text>
            <Text className="mono" fz={32} fw={700} data-testid="file-nia">
              {detail.nia}
            </Text>
            {detail.registrationId ? (
              <Button
                component={Link}
                to={`/portal/registrations/${detail.registrationId}`}
                variant="light"
                size="md"
                leftSection={<IconId size={20} aria-hidden="true" />}
                data-testid="file-entry-link"
              >
                {t('portal.file.entryLink')}
              </Button>
            ) : null}
          </Stack>
        </Card>
      ) : null}

      {detail.state === 'incomplete' ? <FileAnswer detail={detail} onChanged={refresh} /> : null}

      {detail.state === 'incomplete' ? null : (
        <Stack gap="sm" component="section" aria-labelledby="file-documents">
          <Title order={2} size="h3" id="file-documents">
            {t('portal.file.documents')}
          </Title>
          <DocumentsPanel
            detail={detail}
            editable={detail.state === 'draft' && detail.canEdit}
            onUploaded={refresh}
            preview="thumb"
            size="lg"
          />
        </Stack>
      )}

      <Stack gap="sm" component="section" aria-labelledby="file-history">
        <Title order={2} size="h3" id="file-history">
          {t('portal.file.history')}
        </Title>
        <HistoryTimeline history={detail.history} audience="applicant" />
      </Stack>

      {detail.availableActions.includes('withdraw') ? <WithdrawButton detail={detail} /> : null}
    </Stack>
  );
}
