import { JOB_STATES } from '@hirfa/contracts/constants';
import { Badge, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/page-title.ts';
import { EmptyState, QueryState } from '../../components/query-state.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { type JobState, useJobs } from './office.api.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

const STATE_COLOR: Record<JobState, string> = {
  created: 'gray',
  retry: 'orange',
  active: 'blue',
  completed: 'green',
  cancelled: 'gray',
  failed: 'red',
};

function isJobState(value: string | null): value is JobState {
  return value !== null && (JOB_STATES as readonly string[]).includes(value);
}

export function JobsPage() {
  const { t } = useTranslation();
  usePageTitle(t('office.jobs.title'));
  const locale = useLocale();
  const [state, setState] = useState<JobState | undefined>(undefined);
  const jobs = useJobs(state);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('office.jobs.title')}</Title>
      <Text c="dimmed">{t('office.jobs.intro')}</Text>
      <Group>
        <Select
          data-testid="jobs-state"
          label={t('office.jobs.stateFilter')}
          value={state ?? 'all'}
          onChange={(value) => setState(isJobState(value) ? value : undefined)}
          data={[
            { value: 'all', label: t('office.jobs.allStates') },
            ...JOB_STATES.map((value) => ({ value, label: t(`office.jobs.states.${value}`) })),
          ]}
          allowDeselect={false}
          w={240}
        />
      </Group>
      <QueryState query={jobs}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState>{t('office.jobs.empty')}</EmptyState>
          ) : (
            <TableScroll label={t('office.jobs.title')} minWidth={760}>
              <Table data-testid="jobs-table" striped verticalSpacing="sm" bg="white">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('office.jobs.name')}</Table.Th>
                    <Table.Th scope="col">{t('office.jobs.state')}</Table.Th>
                    <Table.Th scope="col">{t('office.jobs.retries')}</Table.Th>
                    <Table.Th scope="col">{t('office.jobs.created')}</Table.Th>
                    <Table.Th scope="col">{t('office.jobs.started')}</Table.Th>
                    <Table.Th scope="col">{t('office.jobs.completed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((job) => (
                    <Table.Tr key={job.id}>
                      <Table.Td className="mono">{job.name}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATE_COLOR[job.state]}>
                          {t(`office.jobs.states.${job.state}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {formatNumber(job.retryCount, locale)} / {formatNumber(job.retryLimit, locale)}
                      </Table.Td>
                      <Table.Td>{formatDateTime(job.createdOn, locale)}</Table.Td>
                      <Table.Td>{formatDateTime(job.startedOn, locale)}</Table.Td>
                      <Table.Td>{formatDateTime(job.completedOn, locale)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        }
      </QueryState>
    </Stack>
  );
}
