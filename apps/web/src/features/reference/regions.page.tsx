import { Anchor, Container, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { BilingualName } from '../../components/bilingual-name.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { EmptyState, QueryState } from '../../components/query-state.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { useRegions } from './reference.api.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

export function RegionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reference.regions.title'));
  const locale = useLocale();
  const regions = useRegions();
  const navigate = useNavigate();

  return (
    <Container size="lg" py="xl">
      <Stack>
        <Title order={1}>{t('reference.regions.title')}</Title>
        <Text c="dimmed">{t('reference.regions.intro')}</Text>
        <QueryState query={regions}>
          {(rows) =>
            rows.length === 0 ? (
              <EmptyState>{t('reference.regions.empty')}</EmptyState>
            ) : (
              <TableScroll label={t('reference.regions.title')} minWidth={340}>
                <Table data-testid="regions-table" highlightOnHover verticalSpacing="sm">
                  <Table.Caption>
                    {t('reference.regions.caption', { n: formatNumber(rows.length, locale) })}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('reference.regions.code')}</Table.Th>
                      <Table.Th scope="col">{t('reference.regions.name')}</Table.Th>
                      <Table.Th scope="col">{t('reference.regions.capital')}</Table.Th>
                      <Table.Th scope="col">{t('reference.regions.provinces')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((region) => (
                      <Table.Tr
                        key={region.code}
                        data-testid={`region-${region.code}`}
                        style={{ cursor: 'pointer' }}
                        onClick={() => void navigate(`/reference/regions/${region.code}`)}
                      >
                        <Table.Td className="mono">{region.code}</Table.Td>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/reference/regions/${region.code}`}
                            onClick={(event) => event.stopPropagation()}
                          >
                            <BilingualName item={region} strong />
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <bdi>{region.capital}</bdi>
                        </Table.Td>
                        <Table.Td>{formatNumber(region.provinceCount, locale)}</Table.Td>
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
