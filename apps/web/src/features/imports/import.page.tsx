import type { ImportDetail } from '@hirfa/contracts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../components/error-message.ts';
import { usePageTitle } from '../../components/page-title.ts';
import { QueryState } from '../../components/query-state.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { useSession } from '../../lib/session.ts';
import { cancelImport, refreshImports, signOff, startDryRun, startLoad, useImport } from './imports.api.ts';
import { IMPORT_SIGNERS } from './imports-nav.ts';
import { MappingSection } from './mapping-section.tsx';
import { ProgressPanel } from './progress-panel.tsx';
import { ReportSection } from './report-section.tsx';
import { STATUS_COLOR, sizeText } from './texts.ts';

const STEP_OF: Record<ImportDetail['status'], number> = {
  uploaded: 1,
  mapped: 2,
  dry_run_done: 3,
  signed_off: 4,
  loading: 4,
  done: 5,
  failed: 2,
  cancelled: 0,
};

/** One step button: runs the call, refreshes the import, shows what the server refused. */
function useStep(id: string) {
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function run(name: string, call: typeof startDryRun) {
    setBusy(name);
    setError(null);
    try {
      await call(id);
    } catch (caught) {
      setError(caught);
    } finally {
      await refreshImports(client);
      setBusy(null);
    }
  }
  return { busy, error, run };
}

function Facts({ detail }: { detail: ImportDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const facts: [string, string][] = [
    [t('imports:detail.format'), detail.format.toUpperCase()],
    [t('imports:detail.encoding'), detail.encoding?.toUpperCase() ?? t('imports:detail.none')],
    [
      t('imports:detail.delimiter'),
      detail.delimiter === '\t' ? t('imports:detail.tab') : (detail.delimiter ?? t('imports:detail.none')),
    ],
    [t('imports:detail.sheet'), detail.sheetName ?? t('imports:detail.none')],
    [t('imports:detail.headerRow'), formatNumber(detail.headerRow, locale)],
    [t('imports:detail.size'), sizeText(detail.sizeBytes, locale)],
    [
      t('imports:detail.estimatedRows'),
      detail.estimatedRows === null ? t('imports:detail.none') : formatNumber(detail.estimatedRows, locale),
    ],
    [t('imports:detail.created'), formatDateTime(detail.createdAt, locale)],
  ];
  if (detail.signedOffAt)
    facts.push([t('imports:detail.signedOff'), formatDateTime(detail.signedOffAt, locale)]);
  if (detail.finishedAt)
    facts.push([t('imports:detail.finished'), formatDateTime(detail.finishedAt, locale)]);
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="import-facts">
      {facts.map(([label, value]) => (
        <Stack key={label} gap={0}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm" fw={600}>
            <bdi>{value}</bdi>
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

function ImportView({ detail }: { detail: ImportDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const role = useSession().data?.user.role;
  const step = useStep(detail.id);
  const can = (a: ImportDetail['actions'][number]) => detail.actions.includes(a);
  const loadable = detail.counts.valid + detail.counts.loadAnyway;
  const showReport = detail.counts.total > 0 && detail.status !== 'mapped';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/office/imports" size="sm">
        {t('imports:detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1}>
          <bdi>{t('imports:detail.title', { file: detail.fileName })}</bdi>
        </Title>
        <Badge size="lg" variant="light" color={STATUS_COLOR[detail.status]} data-testid="import-status">
          {t(`imports:statuses.${detail.status}`)}
        </Badge>
      </Group>
      <Stepper active={STEP_OF[detail.status]} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('imports:detail.steps.upload')} />
        <Stepper.Step label={t('imports:detail.steps.map')} />
        <Stepper.Step label={t('imports:detail.steps.dryRun')} />
        <Stepper.Step label={t('imports:detail.steps.signOff')} />
        <Stepper.Step label={t('imports:detail.steps.load')} />
      </Stepper>
      <Paper withBorder p="lg">
        <Facts detail={detail} />
      </Paper>
      {detail.notes.length > 0 && !showReport ? (
        <Paper withBorder p="md">
          <Text fw={600} size="sm">
            {t('imports:detail.fileNotes')}
          </Text>
          <List size="sm" data-testid="file-notes">
            {detail.notes.map((n) => (
              <List.Item key={n.code}>
                {t(`imports:notes.${n.code}`, { count: n.count ?? '', cells: n.cells?.join(', ') ?? '' })}
              </List.Item>
            ))}
          </List>
        </Paper>
      ) : null}
      {detail.errorCode ? (
        <Alert
          color="red"
          role="alert"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title={t('imports:detail.error')}
          data-testid="import-error"
        >
          {detail.errorTitle}
        </Alert>
      ) : null}
      {step.error ? (
        <Alert color="red" role="alert" data-testid="step-error">
          {errorMessage(step.error, t)}
        </Alert>
      ) : null}
      {detail.progress ? <ProgressPanel progress={detail.progress} /> : null}

      {detail.status !== 'cancelled' ? <MappingSection detail={detail} editable={can('map')} /> : null}

      {can('dry_run') ? (
        <Paper withBorder p="lg">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('imports:dryRun.intro')}</Text>
            <Button
              data-testid="dry-run-start"
              loading={step.busy === 'dry_run'}
              onClick={() => void step.run('dry_run', startDryRun)}
            >
              {detail.status === 'dry_run_done' ? t('imports:dryRun.rerun') : t('imports:dryRun.start')}
            </Button>
          </Stack>
        </Paper>
      ) : null}

      {showReport ? <ReportSection detail={detail} /> : null}

      {detail.status === 'dry_run_done' ? (
        <Paper withBorder p="lg" data-testid="sign-off-section">
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h3">
              {t('imports:signOff.title')}
            </Title>
            <Text size="sm">
              {t('imports:signOff.intro', {
                count: formatNumber(loadable, locale),
                chamber: detail.chamberCode,
              })}
            </Text>
            {can('sign_off') ? (
              <Button
                data-testid="sign-off"
                loading={step.busy === 'sign_off'}
                onClick={() => void step.run('sign_off', signOff)}
              >
                {t('imports:signOff.button')}
              </Button>
            ) : role && !IMPORT_SIGNERS.includes(role) ? (
              <Text size="sm" c="dimmed" data-testid="sign-off-admin-only">
                {t('imports:signOff.adminOnly')}
              </Text>
            ) : null}
          </Stack>
        </Paper>
      ) : null}

      {detail.signedOffAt ? (
        <Paper withBorder p="lg" data-testid="load-section">
          <Stack gap="sm" align="flex-start">
            <Text size="sm" c="dimmed">
              {t('imports:signOff.done', { date: formatDateTime(detail.signedOffAt, locale) })}
            </Text>
            <Text size="sm">{t('imports:load.intro')}</Text>
            {can('load') ? (
              <Button
                data-testid="load-start"
                loading={step.busy === 'load'}
                onClick={() => void step.run('load', startLoad)}
              >
                {detail.status === 'signed_off' ? t('imports:load.start') : t('imports:load.resume')}
              </Button>
            ) : null}
            {detail.status === 'done' ? (
              <Group gap="xs" data-testid="load-done">
                <IconCircleCheck color="var(--mantine-color-green-7)" aria-hidden="true" />
                <Text size="sm" fw={600}>
                  {t('imports:load.done', {
                    loaded: formatNumber(detail.counts.loaded, locale),
                    rejected: formatNumber(detail.counts.rejected, locale),
                  })}
                </Text>
              </Group>
            ) : null}
          </Stack>
        </Paper>
      ) : null}

      {can('cancel') ? (
        <Group>
          <Button
            variant="subtle"
            color="red"
            data-testid="import-cancel"
            loading={step.busy === 'cancel'}
            onClick={() => {
              if (window.confirm(t('imports:detail.cancelConfirm'))) void step.run('cancel', cancelImport);
            }}
          >
            {t('imports:detail.cancel')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** One import, step by step: file read, columns, dry run and its report, sign-off, load. */
export function ImportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useImport(id);
  usePageTitle(
    query.data ? t('imports:detail.title', { file: query.data.fileName }) : t('imports:list.title'),
  );
  return <QueryState query={query}>{(detail) => <ImportView detail={detail} />}</QueryState>;
}
