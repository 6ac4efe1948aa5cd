import {
  Button,
  Collapse,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconFilter, IconFilterOff } from '@tabler/icons-react';
import { formatNumber } from '../../../i18n/format.ts';
import { useTranslation } from 'react-i18next';
import {
  bothScripts,
  useActivityIndex,
  useChamberIndex,
  useProvinceOptions,
} from '../../../components/registry/reference-labels.ts';
import { KINDS, STATES } from '../../../components/registry/registry.constants.ts';
import { useLocale } from '../../../i18n/use-locale.ts';
import { useSession } from '../../../lib/session.ts';

/** The queue's filters; every change is written to the address (and resets to the first page). */
export function QueueFilters({
  params,
  onChange,
}: {
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useSession().data?.user;
  const national = !user?.chamberCode;
  const chambers = useChamberIndex();
  const chamberCode = national ? params.get('chamber') : user?.chamberCode;
  const region = chamberCode ? (chambers.byCode.get(chamberCode)?.regionCode ?? undefined) : undefined;
  const provinces = useProvinceOptions(region);
  const activities = useActivityIndex();
  // On a phone the filters fold away behind one button; at a desk they stay open.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [opened, { toggle }] = useDisclosure(false);
  const shown = !phone || opened;

  function set(name: string, value: string | string[] | null): void {
    const next = new URLSearchParams(params);
    next.delete(name);
    next.delete('page');
    if (Array.isArray(value)) for (const v of value) next.append(name, v);
    else if (value) next.set(name, value);
    if (name === 'chamber') next.delete('province');
    onChange(next);
  }

  const filtered = [...params.keys()].some((k) => k !== 'page');
  const count = new Set([...params.keys()].filter((k) => k !== 'page')).size;

  return (
    <Stack gap="sm" component="section" aria-label={t('office.queue.filters')} data-testid="queue-filters">
      {phone ? (
        <Button
          variant="default"
          onClick={toggle}
          aria-expanded={shown}
          aria-controls="queue-filter-fields"
          leftSection={<IconFilter size={16} aria-hidden="true" />}
          data-testid="queue-filters-toggle"
          style={{ alignSelf: 'flex-start' }}
        >
          {count > 0
            ? t('office.queue.filtersCount', { n: formatNumber(count, locale) })
            : t('office.queue.filters')}
        </Button>
      ) : null}
      <Collapse expanded={shown} id="queue-filter-fields">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: national ? 4 : 3 }} spacing="sm">
          <MultiSelect
            data-testid="queue-filter-state"
            label={t('office.queue.state')}
            placeholder={params.getAll('state').length ? undefined : t('office.queue.openStates')}
            data={STATES.map((s) => ({ value: s, label: t(`registry.state.${s}`) }))}
            value={params.getAll('state')}
            onChange={(values) => set('state', values)}
            clearable
          />
          <Select
            data-testid="queue-filter-kind"
            label={t('office.queue.kind')}
            placeholder={t('office.queue.all')}
            data={KINDS.map((k) => ({ value: k, label: t(`registry.kind.${k}`) }))}
            value={params.get('kind')}
            onChange={(value) => set('kind', value)}
            clearable
          />
          <Select
            data-testid="queue-filter-activity"
            label={t('office.queue.activity')}
            placeholder={t('office.queue.all')}
            data={activities.options}
            value={params.get('activity')}
            onChange={(value) => set('activity', value)}
            searchable
            clearable
            nothingFoundMessage={t('registry.field.noMatch')}
          />
          {national ? (
            <Select
              data-testid="queue-filter-chamber"
              label={t('office.queue.chamber')}
              placeholder={t('office.queue.allChambers')}
              data={chambers.regional.map((c) => ({ value: c.code, label: bothScripts(c, locale) }))}
              value={params.get('chamber')}
              onChange={(value) => set('chamber', value)}
              searchable
              clearable
              nothingFoundMessage={t('registry.field.noMatch')}
            />
          ) : null}
          <Select
            data-testid="queue-filter-province"
            label={t('office.queue.province')}
            placeholder={t('office.queue.all')}
            data={provinces.options}
            value={params.get('province')}
            onChange={(value) => set('province', value)}
            searchable
            clearable
            nothingFoundMessage={t('registry.field.noMatch')}
          />
          <NumberInput
            data-testid="queue-filter-minDays"
            label={t('office.queue.minDays')}
            value={params.get('minDays') ?? ''}
            onChange={(value) =>
              set('minDays', typeof value === 'number' && value > 0 ? String(value) : null)
            }
            min={0}
            max={3650}
            allowDecimal={false}
            allowNegative={false}
            dir="ltr"
          />
          <Stack gap={4}>
            <Text size="sm" fw={600} id="queue-assignee-label">
              {t('office.queue.assignee')}
            </Text>
            <SegmentedControl
              data-testid="queue-filter-assignee"
              aria-labelledby="queue-assignee-label"
              value={params.get('assignee') ?? 'all'}
              onChange={(value) => set('assignee', value === 'all' ? null : value)}
              data={[
                { value: 'all', label: t('office.queue.assigneeAll') },
                { value: 'me', label: t('office.queue.assigneeMe') },
                { value: 'none', label: t('office.queue.assigneeNone') },
              ]}
              fullWidth
            />
          </Stack>
        </SimpleGrid>
      </Collapse>
      {filtered ? (
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={16} aria-hidden="true" />}
            onClick={() => onChange(new URLSearchParams())}
            data-testid="queue-filter-reset"
          >
            {t('office.queue.reset')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
