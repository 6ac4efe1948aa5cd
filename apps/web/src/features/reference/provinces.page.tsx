import { Anchor, Badge, Container, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowNarrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BilingualName } from '../../components/bilingual-name.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { EmptyState, QueryState } from '../../components/query-state.tsx';
import { useProvinces, useRegions } from './reference.api.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

export function ProvincesPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const regions = useRegions();
  const provinces = useProvinces(code);
  const region = regions.data?.find((r) => r.code === code);
  const title = region
    ? t('reference.provinces.titleOf', { region: region.name })
    : t('reference.provinces.title');
  usePageTitle(title);

  return (
    <Container size="lg" py="xl">
      <Stack>
        <Anchor component={Link} to="/reference/regions" size="sm">
          <Group gap={4} component="span">
            <IconArrowNarrowLeft aria-hidden="true" size={16} className="flip-rtl" />
            {t('reference.provinces.back')}
          </Group>
        </Anchor>
        <Title order={1}>{title}</Title>
        {region ? (
          <Text c="dimmed">
            <BilingualName item={region} /> · <span className="mono">{region.code}</span> ·{' '}
            {t('reference.provinces.capital', { capital: region.capital })}
          </Text>
        ) : null}
        <QueryState query={provinces}>
          {(rows) =>
            rows.length === 0 ? (
              <EmptyState>{t('reference.provinces.empty')}</EmptyState>
            ) : (
              <TableScroll label={title} minWidth={520}>
                <Table data-testid="provinces-table" verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('reference.provinces.code')}</Table.Th>
                      <Table.Th scope="col">{t('reference.provinces.name')}</Table.Th>
                      <Table.Th scope="col">{t('reference.provinces.type')}</Table.Th>
                      <Table.Th scope="col">{t('reference.provinces.hcpCode')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((province) => (
                      <Table.Tr key={province.code}>
                        <Table.Td className="mono">{province.code}</Table.Td>
                        <Table.Td>
                          <BilingualName item={province} strong />
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={province.type === 'prefecture' ? 'clay' : 'gray'}>
                            {t(`reference.provinces.types.${province.type}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td className="mono">{province.hcpCode ?? '—'}</Table.Td>
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
