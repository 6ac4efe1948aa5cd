import {
  IMPORT_ROW_STATUSES,
  type ImportDetail,
  type ImportRow,
  type ImportRowStatus,
} from '@hirfa/contracts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../components/error-message.ts';
import { EmptyState, ErrorAlert, PageLoader } from '../../components/query-state.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { decideRow, ROWS_PER_PAGE, refreshImports, rejectsUrl, useRows } from './imports.api.ts';
import { ROW_STATUS_COLOR, reasonText } from './texts.ts';

const isRowStatus = (v: string | null): v is ImportRowStatus =>
  v !== null && (IMPORT_ROW_STATUSES as readonly string[]).includes(v);

const COUNTS = [
  'total',
  'valid',
  'invalid',
  'duplicate',
  'skipped',
  'loadAnyway',
  'loaded',
  'rejected',
] as const;

function Match({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  if (row.match) {
    return (
      <Stack gap={0}>
        {row.match.registrationId ? (
          <Anchor
            component={Link}
            to={`/office/registrations/${row.match.registrationId}`}
            size="sm"
            className="mono"
          >
            {row.match.nia}
          </Anchor>
        ) : null}
        <Text size="xs" dir="auto">
          {row.match.nameAr}
        </Text>
        <Text size="xs" dir="auto">
          {row.match.nameLatn}
        </Text>
        <Text size="xs" c="dimmed" className="mono">
          {[row.match.cin, row.match.birthDate].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
    );
  }
  if (row.matchedRow) return <Text size="sm">{t('imports:report.matchRow', { row: row.matchedRow })}</Text>;
  return null;
}

function Decision({
  detail,
  row,
  onError,
}: {
  detail: ImportDetail;
  row: ImportRow;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  if (row.status !== 'duplicate') return null;
  const sameCin = row.reasons.some((r) => r.code === 'same_cin' || r.code === 'same_cin_in_file');
  if (!detail.actions.includes('decide') || sameCin) {
    return row.decision === 'load_anyway' ? (
      <Badge color="orange">{t('imports:report.willLoad')}</Badge>
    ) : null;
  }
  async function decide(decision: 'load_anyway' | 'exclude') {
    setBusy(true);
    try {
      await decideRow(detail.id, row.rowNumber, decision);
      await refreshImports(client);
    } catch (caught) {
      onError(caught);
    } finally {
      setBusy(false);
    }
  }
  return row.decision === 'load_anyway' ? (
    <Button
      size="xs"
      variant="outline"
      loading={busy}
      onClick={() => void decide('exclude')}
      data-testid={`decision-exclude-${row.rowNumber}`}
    >
      {t('imports:report.exclude')}
    </Button>
  ) : (
    <Button
      size="xs"
      variant="light"
      color="orange"
      loading={busy}
      onClick={() => void decide('load_anyway')}
      data-testid={`decision-load-${row.rowNumber}`}
    >
      {t('imports:report.loadAnyway')}
    </Button>
  );
}

/** The dry-run report: counts, then every row with its status, reasons, values and match. */
export function ReportSection({ detail }: { detail: ImportDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [status, setStatus] = useState<ImportRowStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const rows = useRows(detail.id, status, page, detail.counts.total > 0);
  const pages = rows.data ? Math.max(1, Math.ceil(rows.data.total / ROWS_PER_PAGE)) : 1;

  return (
    <Paper withBorder p="lg" data-testid="report-section">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('imports:report.title')}
          </Title>
          <Button
            component="a"
            href={rejectsUrl(detail.id)}
            download
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden="true" />}
            data-testid="rejects-download"
          >
            {t('imports:report.rejects')}
          </Button>
        </Group>
        <Group gap="xs" data-testid="report-counts">
          {COUNTS.map((key) => (
            <Badge
              key={key}
              variant="light"
              size="lg"
              data-testid={`count-${key}`}
              style={{ textTransform: 'none' }}
            >
              <span>{t(`imports:report.counts.${key}`)}</span>{' '}
              <strong>{formatNumber(detail.counts[key], locale)}</strong>
            </Badge>
          ))}
        </Group>
        {detail.notes.length > 0 ? (
          <List size="sm" data-testid="report-notes">
            {detail.notes.map((n) => (
              <List.Item key={n.code}>
                {t(`imports:notes.${n.code}`, { count: n.count ?? '', cells: n.cells?.join(', ') ?? '' })}
              </List.Item>
            ))}
          </List>
        ) : null}
        <Select
          data-testid="report-filter"
          label={t('imports:report.filter')}
          value={status ?? 'all'}
          onChange={(v) => {
            setStatus(isRowStatus(v) ? v : undefined);
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('imports:report.all') },
            ...IMPORT_ROW_STATUSES.map((value) => ({ value, label: t(`imports:rowStatuses.${value}`) })),
          ]}
          allowDeselect={false}
          w={260}
        />
        {error ? (
          <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)}>
            {errorMessage(error, t)}
          </Alert>
        ) : null}
        {rows.isPending ? <PageLoader /> : null}
        {rows.isError ? <ErrorAlert error={rows.error} onRetry={() => void rows.refetch()} /> : null}
        {rows.data && rows.data.items.length === 0 ? (
          <EmptyState>{t('imports:report.empty')}</EmptyState>
        ) : null}
        {rows.data && rows.data.items.length > 0 ? (
          <>
            <TableScroll label={t('imports:report.title')} minWidth={900}>
              <Table data-testid="report-rows" verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('imports:report.row')}</Table.Th>
                    <Table.Th scope="col">{t('imports:report.status')}</Table.Th>
                    <Table.Th scope="col">{t('imports:report.reasons')}</Table.Th>
                    <Table.Th scope="col">{t('imports:report.values')}</Table.Th>
                    <Table.Th scope="col">{t('imports:report.match')}</Table.Th>
                    <Table.Th scope="col">{t('imports:report.decision')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.data.items.map((row) => (
                    <Table.Tr key={row.rowNumber} data-testid={`row-${row.rowNumber}`}>
                      <Table.Td className="mono">{row.rowNumber}</Table.Td>
                      <Table.Td style={{ minWidth: 170 }}>
                        <Badge
                          variant="light"
                          color={ROW_STATUS_COLOR[row.status]}
                          data-testid={`row-status-${row.rowNumber}`}
                        >
                          {t(`imports:rowStatuses.${row.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          {row.reasons.map((r) => (
                            <Text key={`r-${r.code}-${r.field ?? ''}-${r.row ?? ''}`} size="sm" dir="auto">
                              {reasonText(t, r)}
                            </Text>
                          ))}
                          {row.notes.map((r) => (
                            <Text key={`n-${r.code}-${r.field ?? ''}`} size="xs" c="dimmed" dir="auto">
                              {reasonText(t, r, 'notes')}
                            </Text>
                          ))}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" dir="auto" lineClamp={3}>
                          {row.cells.filter((c) => c !== '').join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Match row={row} />
                      </Table.Td>
                      <Table.Td>
                        <Decision detail={detail} row={row} onError={setError} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('imports:report.page', {
                  from: formatNumber((page - 1) * ROWS_PER_PAGE + 1, locale),
                  to: formatNumber(Math.min(page * ROWS_PER_PAGE, rows.data.total), locale),
                  total: formatNumber(rows.data.total, locale),
                })}
              </Text>
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                data-testid="report-pages"
                getControlProps={(control) => ({
                  'aria-label':
                    control === 'previous' ? t('imports:report.previous') : t('imports:report.next'),
                })}
              />
            </Group>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
