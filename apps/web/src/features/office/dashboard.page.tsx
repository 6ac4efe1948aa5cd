import { Card, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-title.ts';
import { ErrorAlert } from '../../components/query-state.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { useSession } from '../../lib/session.ts';
import { useChambers, useNomenclature, useProvinces, useRegions } from '../reference/reference.api.ts';
import { useScopeLabel } from './use-scope.ts';

function Figure({
  label,
  query,
  count,
  to,
  testId,
}: {
  label: string;
  query: UseQueryResult<unknown>;
  count: number | undefined;
  to: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <UnstyledButton component={Link} to={to} data-testid={testId}>
      <Card withBorder padding="lg" radius="md" h="100%">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text fz={36} fw={700} lh={1.2} aria-live="polite">
          {query.isPending
            ? t('common.status.loading')
            : count === undefined
              ? '—'
              : formatNumber(count, locale)}
        </Text>
      </Card>
    </UnstyledButton>
  );
}

/** Numbers first: what the reference API actually holds, nothing invented. */
export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('office.dashboard.title'));
  const user = useSession().data?.user;
  const scope = useScopeLabel(user);
  const regions = useRegions();
  const provinces = useProvinces();
  const chambers = useChambers();
  const nomenclature = useNomenclature();
  const failed = [regions, provinces, chambers, nomenclature].find((q) => q.isError);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('office.dashboard.title')}</Title>
        <Text c="dimmed">{t('office.dashboard.welcome', { name: user?.displayName ?? '', scope })}</Text>
      </Stack>
      {failed ? <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} /> : null}
      <Title order={2} size="h4">
        {t('office.dashboard.reference')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Figure
          testId="count-regions"
          label={t('office.dashboard.regions')}
          query={regions}
          count={regions.data?.length}
          to="/reference/regions"
        />
        <Figure
          testId="count-provinces"
          label={t('office.dashboard.provinces')}
          query={provinces}
          count={provinces.data?.length}
          to="/reference/regions"
        />
        <Figure
          testId="count-chambers"
          label={t('office.dashboard.chambers')}
          query={chambers}
          count={chambers.data?.length}
          to="/reference/chambers"
        />
        <Figure
          testId="count-activities"
          label={t('office.dashboard.activities')}
          query={nomenclature}
          count={nomenclature.data?.activities.length}
          to="/reference/activities"
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('office.dashboard.honest')}
      </Text>
    </Stack>
  );
}
