import type { ApplicationSummary } from '@hirfa/contracts';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconClockExclamation, IconFilePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../../components/page-title.ts';
import { EmptyState, ErrorAlert, PageLoader } from '../../../components/query-state.tsx';
import { PersonName } from '../../../components/registry/person-name.tsx';
import { ActivityName, ProvinceName } from '../../../components/registry/registration-view.tsx';
import { useApplications } from '../../../components/registry/registry.api.ts';
import { LATE_AFTER_DAYS } from '../../../components/registry/registry.constants.ts';
import { StateBadge } from '../../../components/registry/state-badge.tsx';
import { TableScroll } from '../../../components/table-scroll.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { useLocale } from '../../../i18n/use-locale.ts';
import { useSession } from '../../../lib/session.ts';
import { DECIDERS } from '../office-nav.ts';
import { queryFromParams } from './queue-params.ts';
import { QueueFilters } from './queue-filters.tsx';

const TERMINAL = new Set(['approved', 'rejected', 'withdrawn']);

function Days({ file }: { file: ApplicationSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const late = file.daysInState >= LATE_AFTER_DAYS && !TERMINAL.has(file.state);
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={late ? 700 : 400}>
        {formatNumber(file.daysInState, locale)}
      </Text>
      {late ? (
        <Badge
          color="red"
          variant="light"
          size="sm"
          leftSection={<IconClockExclamation size={12} aria-hidden="true" />}
          styles={{
            root: { color: 'var(--mantine-color-red-9)', textTransform: 'none', height: 'auto' },
            label: { overflow: 'visible', textOverflow: 'clip' },
          }}
        >
          {t('office.queue.late')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** A chamber's work: open files, the longest waiting first. The Federation sees every chamber. */
export function QueuePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  usePageTitle(t('office.queue.title'));
  const user = useSession().data?.user;
  const [params, setParams] = useSearchParams();
  const { page, ...query } = queryFromParams(params);
  const list = useApplications(query, { refetchInterval: 60_000 });
  const data = list.data;
  const first = data && data.total > 0 ? data.offset + 1 : 0;
  const last = data ? Math.min(data.offset + data.items.length, data.total) : 0;
  const canFile = user ? DECIDERS.includes(user.role) : false;

  function goTo(next: number): void {
    const copy = new URLSearchParams(params);
    if (next <= 1) copy.delete('page');
    else copy.set('page', String(next));
    setParams(copy);
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('office.queue.title')}</Title>
          <Text c="dimmed">{canFile ? t('office.queue.intro') : t('office.queue.introReadOnly')}</Text>
        </Stack>
        {canFile ? (
          <Button
            component={Link}
            to="/office/applications/new"
            leftSection={<IconFilePlus size={18} aria-hidden="true" />}
            data-testid="queue-new"
          >
            {t('office.nav.counter')}
          </Button>
        ) : null}
      </Group>

      <QueueFilters params={params} onChange={setParams} />

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : !data || data.items.length === 0 ? (
        <EmptyState>{t('office.queue.empty')}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Text size="sm" aria-live="polite" data-testid="queue-count" data-total={data.total}>
            {t('office.queue.count', {
              first: formatNumber(first, locale),
              last: formatNumber(last, locale),
              total: formatNumber(data.total, locale),
            })}
          </Text>
          <TableScroll label={t('office.queue.title')} minWidth={940}>
            <Table data-testid="queue-table" striped highlightOnHover verticalSpacing="sm" bg="white">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('office.queue.fileNumber')}</Table.Th>
                  <Table.Th scope="col">{t('office.queue.name')}</Table.Th>
                  <Table.Th scope="col">{t('office.queue.kind')}</Table.Th>
                  <Table.Th scope="col">{t('office.queue.state')}</Table.Th>
                  <Table.Th scope="col">{t('office.queue.days')}</Table.Th>
                  <Table.Th scope="col">{t('office.queue.province')}</Table.Th>
                  <Table.Th scope="col">{t('office.queue.activity')}</Table.Th>
                  <Table.Th scope="col">{t('office.queue.assignee')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((file) => (
                  <Table.Tr key={file.id} data-testid={`queue-row-${file.fileNumber}`}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/office/applications/${file.id}`}
                        className="mono"
                        fw={600}
                      >
                        {file.fileNumber}
                      </Anchor>
                      {file.channel === 'counter' ? (
                        <Text size="xs" c="dimmed">
                          {t('office.queue.counter')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <PersonName nameAr={file.nameAr} nameLatn={file.nameLatn} strong />
                    </Table.Td>
                    <Table.Td>{t(`registry.kind.${file.kind}`)}</Table.Td>
                    <Table.Td>
                      <StateBadge state={file.state} />
                    </Table.Td>
                    <Table.Td>
                      <Days file={file} />
                    </Table.Td>
                    <Table.Td>
                      <ProvinceName code={file.provinceCode} />
                    </Table.Td>
                    <Table.Td>
                      <ActivityName code={file.primaryActivityCode} />
                    </Table.Td>
                    <Table.Td>
                      {file.assigneeName ? (
                        <bdi>{file.assigneeName}</bdi>
                      ) : file.assigneeId ? (
                        t('office.queue.assigned')
                      ) : (
                        <Text size="sm" c="dimmed" component="span">
                          {t('office.queue.unassigned')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <Group justify="space-between">
            <Button
              variant="default"
              disabled={page <= 1}
              onClick={() => goTo(page - 1)}
              leftSection={<IconChevronLeft size={16} aria-hidden="true" className="flip-rtl" />}
              data-testid="queue-prev"
            >
              {t('office.queue.previous')}
            </Button>
            <Button
              variant="default"
              disabled={last >= data.total}
              onClick={() => goTo(page + 1)}
              rightSection={<IconChevronRight size={16} aria-hidden="true" className="flip-rtl" />}
              data-testid="queue-next"
            >
              {t('office.queue.next')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
