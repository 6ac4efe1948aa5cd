import { Button, Select, SimpleGrid, Stack } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session.ts';
import { useReferenceOptions } from './reference-options.ts';
import { KINDS, STATUSES, withParam } from './search-params.ts';

const FILTERS = ['chamber', 'province', 'activity', 'kind', 'status'] as const;

/** The filters of staff search, written to the address. A chamber's staff have no chamber choice. */
export function StaffFilters({
  params,
  onChange,
}: {
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
}) {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const national = !user?.chamberCode;
  const refs = useReferenceOptions();
  const chamber = national ? params.get('chamber') : (user?.chamberCode ?? null);
  const provinces = refs.provincesOf(refs.regionOfChamber(chamber));

  function set(name: (typeof FILTERS)[number], value: string | null) {
    const next = withParam(params, name, value);
    if (name === 'chamber') next.delete('province');
    onChange(next);
  }
  const common = { clearable: true, comboboxProps: { withinPortal: true } };

  return (
    <Stack gap="xs" component="section" aria-label={t('search:office.filters')} data-testid="search-filters">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: national ? 5 : 4 }} spacing="sm">
        {national ? (
          <Select
            {...common}
            data-testid="search-filter-chamber"
            label={t('search:office.chamber')}
            placeholder={t('search:office.allChambers')}
            data={refs.chambers.options}
            value={params.get('chamber')}
            onChange={(value) => set('chamber', value)}
            searchable
            nothingFoundMessage={t('search:office.noMatch')}
          />
        ) : null}
        <Select
          {...common}
          data-testid="search-filter-province"
          label={t('search:office.province')}
          placeholder={t('search:office.allProvinces')}
          data={provinces}
          value={params.get('province')}
          onChange={(value) => set('province', value)}
          searchable
          nothingFoundMessage={t('search:office.noMatch')}
        />
        <Select
          {...common}
          data-testid="search-filter-activity"
          label={t('search:office.activity')}
          placeholder={t('search:office.allActivities')}
          data={refs.activities.options}
          value={params.get('activity')}
          onChange={(value) => set('activity', value)}
          searchable
          nothingFoundMessage={t('search:office.noMatch')}
        />
        <Select
          {...common}
          data-testid="search-filter-kind"
          label={t('search:office.kind')}
          placeholder={t('search:office.allKinds')}
          data={KINDS.map((k) => ({ value: k, label: t(`search:kind.${k}`) }))}
          value={params.get('kind')}
          onChange={(value) => set('kind', value)}
        />
        <Select
          {...common}
          data-testid="search-filter-status"
          label={t('search:office.status')}
          placeholder={t('search:office.allStatuses')}
          data={STATUSES.map((s) => ({ value: s, label: t(`search:status.${s}`) }))}
          value={params.get('status')}
          onChange={(value) => set('status', value)}
        />
      </SimpleGrid>
      {FILTERS.some((f) => params.has(f)) ? (
        <Button
          variant="subtle"
          size="xs"
          style={{ alignSelf: 'flex-start' }}
          leftSection={<IconFilterOff size={14} aria-hidden="true" />}
          onClick={() => {
            const next = new URLSearchParams(params);
            for (const f of [...FILTERS, 'page']) next.delete(f);
            onChange(next);
          }}
          data-testid="search-clear"
        >
          {t('search:office.clear')}
        </Button>
      ) : null}
    </Stack>
  );
}
