import type { Activity } from '@hirfa/contracts';
import { MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.ts';
import { bothScripts, useActivityIndex } from '../registry/reference-labels.ts';
import { ChoiceCards } from './choice-cards.tsx';
import type { SectionProps } from './section-props.ts';

const SHOWN = 60;

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f]/g, '')
    .toLowerCase();
}

function matches(activity: Activity, query: string): boolean {
  if (!query) return true;
  return [activity.code, activity.nameAr, activity.nameFr].some((text) => normalise(text).includes(query));
}

/** The primary activity (one, from the nomenclature) and up to five others. */
export function ActivityFields({
  payload,
  errors,
  onChange,
  size,
  picker,
}: SectionProps & { picker: 'list' | 'select' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const index = useActivityIndex();
  const [query, setQuery] = useState('');
  const primary = payload.activities.primary;
  const secondary = payload.activities.secondary ?? [];

  const found = useMemo(() => {
    const q = normalise(query.trim());
    return [...index.byCode.values()].filter((a) => a.code === primary || matches(a, q));
  }, [index.byCode, query, primary]);

  const secondaryError = Object.entries(errors).find(([path]) =>
    path.startsWith('activities.secondary'),
  )?.[1];

  return (
    <Stack gap="lg">
      {picker === 'select' ? (
        <Select
          data-testid="field-activities.primary"
          label={t('registry.field.activities.primary')}
          data={index.options}
          value={primary ?? null}
          onChange={(value) => onChange('activities.primary', value)}
          error={errors['activities.primary']}
          searchable
          nothingFoundMessage={t('registry.field.noMatch')}
          size={size}
        />
      ) : (
        <Stack gap="sm">
          <TextInput
            data-testid="activity-search"
            type="search"
            label={t('registry.field.activitySearch')}
            description={t('registry.hint.activitySearch')}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            leftSection={<IconSearch aria-hidden="true" size={18} />}
            dir="auto"
            size={size}
          />
          {found.length === 0 ? <Text c="dimmed">{t('registry.field.noMatch')}</Text> : null}
          <ChoiceCards
            label={t('registry.field.activities.primary')}
            testId="field-activities.primary"
            size={size}
            value={primary}
            onChange={(value) => onChange('activities.primary', value)}
            error={errors['activities.primary']}
            choices={found.slice(0, SHOWN).map((activity) => ({
              value: activity.code,
              title: <bdi>{activity.name}</bdi>,
              description: (
                <>
                  <bdi lang={locale === 'ar' ? 'fr' : 'ar'}>
                    {locale === 'ar' ? activity.nameFr : activity.nameAr}
                  </bdi>{' '}
                  · <span className="mono">{activity.code}</span>
                </>
              ),
              testId: `activity-option-${activity.code}`,
            }))}
          />
          {found.length > SHOWN ? (
            <Text size="sm" c="dimmed">
              {t('registry.hint.activityMore')}
            </Text>
          ) : null}
        </Stack>
      )}
      <MultiSelect
        data-testid="field-activities.secondary"
        label={t('registry.field.activities.secondary')}
        description={t('registry.hint.secondary')}
        data={index.options.filter((o) => o.value !== primary)}
        value={secondary}
        onChange={(values) => onChange('activities.secondary', values)}
        error={secondaryError}
        searchable
        maxValues={5}
        nothingFoundMessage={t('registry.field.noMatch')}
        size={size}
        hidePickedOptions
      />
      {primary && index.byCode.get(primary) ? (
        <Text size="sm" data-testid="activity-chosen">
          {t('registry.field.chosenActivity', {
            name: bothScripts(index.byCode.get(primary) as Activity, locale),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}
