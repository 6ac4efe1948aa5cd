import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/page-title.ts';
import { EmptyState, QueryState } from '../../components/query-state.tsx';
import { LANGUAGE_AUTONYMS } from '../../i18n/languages.ts';
import { useSession } from '../../lib/session.ts';
import { CreateStaffForm } from './create-staff.form.tsx';
import { useStaffUsers } from './office.api.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('office.users.title'));
  const me = useSession().data?.user;
  const users = useStaffUsers();

  return (
    <Stack gap="lg">
      <Title order={1}>{t('office.users.title')}</Title>
      <Text c="dimmed">
        {me?.role === 'federation_admin' ? t('office.users.introNational') : t('office.users.introChamber')}
      </Text>
      <QueryState query={users}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState>{t('office.users.empty')}</EmptyState>
          ) : (
            <TableScroll label={t('office.users.title')} minWidth={760}>
              <Table data-testid="users-table" striped verticalSpacing="sm" bg="white">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('office.users.displayName')}</Table.Th>
                    <Table.Th scope="col">{t('office.users.contact')}</Table.Th>
                    <Table.Th scope="col">{t('office.users.role')}</Table.Th>
                    <Table.Th scope="col">{t('office.users.chamber')}</Table.Th>
                    <Table.Th scope="col">{t('office.users.locale')}</Table.Th>
                    <Table.Th scope="col">{t('office.users.totp')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <bdi>{user.displayName}</bdi>
                      </Table.Td>
                      <Table.Td dir="ltr">{user.email ?? user.phone ?? '—'}</Table.Td>
                      <Table.Td>{t(`common.roles.${user.role}`)}</Table.Td>
                      <Table.Td>
                        {user.chamberCode ? (
                          <span className="mono">{user.chamberCode}</span>
                        ) : (
                          t('office.scope.national')
                        )}
                      </Table.Td>
                      <Table.Td lang={user.locale}>{LANGUAGE_AUTONYMS[user.locale].name}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={user.totpEnabled ? 'green' : 'gray'}>
                          {user.totpEnabled ? t('office.users.totpOn') : t('office.users.totpOff')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        }
      </QueryState>
      {me ? <CreateStaffForm creator={me} /> : null}
    </Stack>
  );
}
