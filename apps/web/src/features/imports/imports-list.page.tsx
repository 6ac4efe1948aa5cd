import { IMPORT_STATUSES, type ImportStatus } from '@hirfa/contracts';
import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-title.ts';
import { EmptyState, QueryState } from '../../components/query-state.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { useSession } from '../../lib/session.ts';
import { useImports } from './imports.api.ts';
import { IMPORT_MANAGERS } from './imports-nav.ts';
import { STATUS_COLOR } from './texts.ts';

const isStatus = (v: string | null): v is ImportStatus =>
  v !== null && (IMPORT_STATUSES as readonly string[]).includes(v);

/** The chamber's imports, newest first (every chamber's for national staff). */
export function ImportsListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  usePageTitle(t('imports:list.title'));
  const role = useSession().data?.user.role;
  const [status, setStatus] = useState<ImportStatus | undefined>(undefined);
  const list = useImports(status);

  return (
    <Stack gap="lg" data-testid="imports-list">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4} maw={720}>
          <Title order={1}>{t('imports:list.title')}</Title>
          <Text c="dimmed">{t('imports:list.intro')}</Text>
        </Stack>
        {role && IMPORT_MANAGERS.includes(role) ? (
          <Button
            component={Link}
            to="/office/imports/new"
            leftSection={<IconFileImport size={18} aria-hidden="true" />}
            data-testid="imports-new"
          >
            {t('imports:list.upload')}
          </Button>
        ) : null}
      </Group>
      <Select
        data-testid="imports-status-filter"
        label={t('imports:list.statusFilter')}
        value={status ?? 'all'}
        onChange={(value) => setStatus(isStatus(value) ? value : undefined)}
        data={[
          { value: 'all', label: t('imports:list.allStatuses') },
          ...IMPORT_STATUSES.map((value) => ({ value, label: t(`imports:statuses.${value}`) })),
        ]}
        allowDeselect={false}
        w={260}
      />
      <QueryState query={list}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState>{t('imports:list.empty')}</EmptyState>
          ) : (
            <TableScroll label={t('imports:list.title')} minWidth={760}>
              <Table data-testid="imports-table" striped verticalSpacing="sm" bg="white">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('imports:list.file')}</Table.Th>
                    <Table.Th scope="col">{t('imports:list.chamber')}</Table.Th>
                    <Table.Th scope="col">{t('imports:list.status')}</Table.Th>
                    <Table.Th scope="col">{t('imports:list.rows')}</Table.Th>
                    <Table.Th scope="col">{t('imports:list.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((imp) => (
                    <Table.Tr key={imp.id} data-testid={`import-${imp.id}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/office/imports/${imp.id}`}>
                          <bdi>{imp.fileName}</bdi>
                        </Anchor>
                      </Table.Td>
                      <Table.Td className="mono">{imp.chamberCode}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATUS_COLOR[imp.status]}>
                          {t(`imports:statuses.${imp.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {formatNumber(imp.counts.total, locale)}
                        {imp.counts.loaded > 0
                          ? ` · ${t('imports:report.counts.loaded')} ${formatNumber(imp.counts.loaded, locale)}`
                          : ''}
                      </Table.Td>
                      <Table.Td>{formatDateTime(imp.createdAt, locale)}</Table.Td>
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
