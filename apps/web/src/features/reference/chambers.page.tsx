import type { Chamber } from '@hirfa/contracts';
import { Badge, Container, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BilingualName } from '../../components/bilingual-name.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { EmptyState, QueryState } from '../../components/query-state.tsx';
import { useChambers, useRegions } from './reference.api.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

/** The Federation first, then the regional chambers by region code. */
function ordered(chambers: Chamber[]): Chamber[] {
  return [...chambers].sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === 'federation' ? -1 : 1;
    return a.code.localeCompare(b.code);
  });
}

export function ChambersPage() {
  const { t } = useTranslation();
  usePageTitle(t('reference.chambers.title'));
  const chambers = useChambers();
  const regions = useRegions();
  const regionName = (code: string | null) =>
    code ? (regions.data?.find((r) => r.code === code)?.name ?? code) : t('reference.chambers.national');

  return (
    <Container size="lg" py="xl">
      <Stack>
        <Title order={1}>{t('reference.chambers.title')}</Title>
        <Text c="dimmed">{t('reference.chambers.intro')}</Text>
        <QueryState query={chambers}>
          {(rows) =>
            rows.length === 0 ? (
              <EmptyState>{t('reference.chambers.empty')}</EmptyState>
            ) : (
              <TableScroll label={t('reference.chambers.title')} minWidth={640}>
                <Table data-testid="chambers-table" verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('reference.chambers.code')}</Table.Th>
                      <Table.Th scope="col">{t('reference.chambers.name')}</Table.Th>
                      <Table.Th scope="col">{t('reference.chambers.seat')}</Table.Th>
                      <Table.Th scope="col">{t('reference.chambers.region')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {ordered(rows).map((chamber) => (
                      <Table.Tr key={chamber.code} data-testid={`chamber-${chamber.code}`}>
                        <Table.Td className="mono">{chamber.code}</Table.Td>
                        <Table.Td>
                          <Stack gap={2} align="flex-start">
                            <BilingualName item={chamber} strong />
                            {chamber.kind === 'federation' ? (
                              <Badge variant="light">{t('reference.chambers.federation')}</Badge>
                            ) : null}
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          <bdi>{chamber.seat}</bdi>
                        </Table.Td>
                        <Table.Td>
                          <bdi>{regionName(chamber.regionCode)}</bdi>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )
          }
        </QueryState>
      </Stack>
    </Container>
  );
}
