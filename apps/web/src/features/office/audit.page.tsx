import type { AuditEvent } from '@hirfa/contracts';
import { Button, Center, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/page-title.ts';
import { EmptyState, ErrorAlert, PageLoader } from '../../components/query-state.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { useAudit } from './office.api.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

function shortId(id: string | null): string {
  return id ? id.slice(0, 8) : '—';
}

function AuditRows({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      {events.map((event) => (
        <Table.Tr key={event.id} data-testid={`audit-${event.id}`}>
          <Table.Td>
            <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              {event.actorRole
                ? t(`common.roles.${event.actorRole}`, event.actorRole)
                : t('office.audit.system')}
            </Text>
            <Text size="xs" c="dimmed" className="mono" title={event.actorId ?? undefined}>
              {shortId(event.actorId)}
            </Text>
          </Table.Td>
          <Table.Td className="mono">{event.action}</Table.Td>
          <Table.Td>
            <Text size="sm" className="mono">
              {event.targetType}
            </Text>
            <Text size="xs" c="dimmed" className="mono" title={event.targetId ?? undefined}>
              {shortId(event.targetId)}
            </Text>
          </Table.Td>
          <Table.Td>
            {event.chamberCode ? (
              <span className="mono">{event.chamberCode}</span>
            ) : (
              t('office.scope.national')
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('office.audit.title'));
  const [action, setAction] = useState('');
  const [debounced] = useDebouncedValue(action.trim(), 400);
  const audit = useAudit(debounced);
  const events = audit.data?.pages.flat() ?? [];

  return (
    <Stack gap="lg">
      <Title order={1}>{t('office.audit.title')}</Title>
      <Text c="dimmed">{t('office.audit.intro')}</Text>
      <Group>
        <TextInput
          data-testid="audit-action"
          label={t('office.audit.actionFilter')}
          description={t('office.audit.actionHint')}
          value={action}
          onChange={(event) => setAction(event.currentTarget.value)}
          dir="ltr"
          w={320}
          maw="100%"
        />
      </Group>
      {audit.isPending ? (
        <PageLoader />
      ) : audit.isError && events.length === 0 ? (
        <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />
      ) : events.length === 0 ? (
        <EmptyState>{t('office.audit.empty')}</EmptyState>
      ) : (
        <Stack>
          <TableScroll label={t('office.audit.title')} minWidth={760}>
            <Table data-testid="audit-table" striped verticalSpacing="xs" bg="white">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('office.audit.time')}</Table.Th>
                  <Table.Th scope="col">{t('office.audit.actor')}</Table.Th>
                  <Table.Th scope="col">{t('office.audit.action')}</Table.Th>
                  <Table.Th scope="col">{t('office.audit.target')}</Table.Th>
                  <Table.Th scope="col">{t('office.audit.chamber')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <AuditRows events={events} />
              </Table.Tbody>
            </Table>
          </TableScroll>
          {audit.isError ? <ErrorAlert error={audit.error} /> : null}
          {audit.hasNextPage ? (
            <Center>
              <Button
                variant="default"
                loading={audit.isFetchingNextPage}
                onClick={() => void audit.fetchNextPage()}
              >
                {t('office.audit.more')}
              </Button>
            </Center>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}
