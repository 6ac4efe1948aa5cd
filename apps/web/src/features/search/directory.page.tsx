import type { DirectoryEntry } from '@hirfa/contracts';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconDownload, IconPhone, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BilingualName } from '../../components/bilingual-name.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { EmptyState, ErrorAlert, PageLoader } from '../../components/query-state.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { EntryName } from './entry-name.tsx';
import { useReferenceOptions } from './reference-options.ts';
import { useDirectory } from './search.api.ts';
import { directoryParams, KINDS, withPage, withParam } from './search-params.ts';

function named(item: { nameAr: string; nameFr: string }, locale: string) {
  return { ...item, name: locale === 'ar' ? item.nameAr : item.nameFr || item.nameAr };
}

function EntryCard({ entry }: { entry: DirectoryEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder padding="md" radius="md" component="article" data-testid={`directory-card-${entry.id}`}>
      <Stack gap="xs">
        <EntryName nameAr={entry.nameAr} nameLatn={entry.nameLatn} />
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {t(`search:kind.${entry.kind}`)}
          </Badge>
        </Group>
        <Text size="sm">
          <BilingualName item={named(entry.activity, locale)} />
        </Text>
        <Text size="sm" c="dimmed">
          <BilingualName item={named(entry.province, locale)} />
          {entry.region ? (
            <>
              {' · '}
              <bdi>{named(entry.region, locale).name}</bdi>
            </>
          ) : null}
        </Text>
        {entry.contact ? (
          <Stack gap={4} data-testid="directory-contact">
            {entry.contact.workshopAddressAr || entry.contact.workshopAddressFr ? (
              <Text size="sm">
                <Text span fw={600}>
                  {t('search:directory.workshop')}
                </Text>{' '}
                <bdi dir="auto">
                  {locale === 'ar'
                    ? (entry.contact.workshopAddressAr ?? entry.contact.workshopAddressFr)
                    : (entry.contact.workshopAddressFr ?? entry.contact.workshopAddressAr)}
                </bdi>
              </Text>
            ) : null}
            {entry.contact.phone ? (
              <Anchor
                href={`tel:${entry.contact.phone}`}
                size="sm"
                aria-label={t('search:directory.call', { phone: entry.contact.phone })}
              >
                <Group gap={4} component="span" wrap="nowrap">
                  <IconPhone size={14} aria-hidden="true" />
                  <bdi dir="ltr" className="mono">
                    {entry.contact.phone}
                  </bdi>
                </Group>
              </Anchor>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

function OpenDataLinks() {
  const { t } = useTranslation();
  const files = [
    ['directory.csv', 'directoryCsv'],
    ['directory.json', 'directoryJson'],
    ['counts.csv', 'countsCsv'],
    ['counts.json', 'countsJson'],
  ] as const;
  return (
    <Card withBorder padding="md" radius="md" component="section" data-testid="open-data-links">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('search:directory.openData.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('search:directory.openData.intro')}
        </Text>
        <Group gap="sm">
          {files.map(([file, key]) => (
            <Button
              key={file}
              component="a"
              href={`/api/v1/open-data/${file}`}
              download
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} aria-hidden="true" />}
            >
              {t(`search:directory.openData.${key}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

/** The public directory: artisans who agreed to be listed, by name, place, activity and kind. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  usePageTitle(t('search:directory.title'));
  const [params, setParams] = useSearchParams();
  const { page, ...query } = directoryParams(params);
  const list = useDirectory(query);
  const refs = useReferenceOptions();
  const [draft, setDraft] = useState(query.q ?? '');
  useEffect(() => setDraft(query.q ?? ''), [query.q]);
  const data = list.data;
  const first = data && data.total > 0 ? data.offset + 1 : 0;
  const last = data ? Math.min(data.offset + data.items.length, data.total) : 0;

  function set(name: string, value: string | null) {
    const next = withParam(params, name, value);
    if (name === 'region') next.delete('province');
    setParams(next);
  }
  const common = { clearable: true, searchable: true, nothingFoundMessage: t('search:directory.noMatch') };

  return (
    <Container size="lg" py="md">
      <Stack gap="lg" data-testid="directory-page">
        <Stack gap={4}>
          <Title order={1}>{t('search:directory.title')}</Title>
          <Text c="dimmed">{t('search:directory.intro')}</Text>
        </Stack>
        <search>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setParams(withParam(params, 'q', draft.trim()));
            }}
          >
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <TextInput
                flex={1}
                type="search"
                dir="auto"
                autoComplete="off"
                label={t('search:directory.boxLabel')}
                placeholder={t('search:directory.boxPlaceholder')}
                value={draft}
                onChange={(event) => setDraft(event.currentTarget.value)}
                leftSection={<IconSearch size={18} aria-hidden="true" />}
                data-testid="directory-box"
              />
              <Button type="submit" data-testid="directory-submit">
                {t('search:directory.submit')}
              </Button>
            </Group>
          </form>
        </search>
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 4 }}
          spacing="sm"
          component="section"
          aria-label={t('search:directory.filters')}
        >
          <Select
            {...common}
            data-testid="directory-filter-region"
            label={t('search:directory.region')}
            placeholder={t('search:directory.allRegions')}
            data={refs.regions.options}
            value={params.get('region')}
            onChange={(value) => set('region', value)}
          />
          <Select
            {...common}
            data-testid="directory-filter-province"
            label={t('search:directory.province')}
            placeholder={t('search:directory.allProvinces')}
            data={refs.provincesOf(params.get('region'))}
            value={params.get('province')}
            onChange={(value) => set('province', value)}
          />
          <Select
            {...common}
            data-testid="directory-filter-activity"
            label={t('search:directory.activity')}
            placeholder={t('search:directory.allActivities')}
            data={refs.activities.options}
            value={params.get('activity')}
            onChange={(value) => set('activity', value)}
          />
          <Select
            clearable
            data-testid="directory-filter-kind"
            label={t('search:directory.kind')}
            placeholder={t('search:directory.allKinds')}
            data={KINDS.map((k) => ({ value: k, label: t(`search:kind.${k}`) }))}
            value={params.get('kind')}
            onChange={(value) => set('kind', value)}
          />
        </SimpleGrid>

        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : !data || data.items.length === 0 ? (
          <div data-testid="directory-empty">
            <EmptyState>{t('search:directory.empty')}</EmptyState>
          </div>
        ) : (
          <Stack gap="sm" component="section" aria-label={t('search:directory.results')}>
            <Text size="sm" aria-live="polite" data-testid="directory-count" data-total={data.total}>
              {t('search:directory.count', {
                first: formatNumber(first, locale),
                last: formatNumber(last, locale),
                total: formatNumber(data.total, locale),
              })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="directory-results">
              {data.items.map((entry) => (
                <EntryCard key={entry.id} entry={entry} />
              ))}
            </SimpleGrid>
            <Group justify="space-between">
              <Button
                variant="default"
                disabled={page <= 1}
                onClick={() => setParams(withPage(params, page - 1))}
                leftSection={<IconChevronLeft size={16} aria-hidden="true" className="flip-rtl" />}
                data-testid="directory-prev"
              >
                {t('search:directory.previous')}
              </Button>
              <Button
                variant="default"
                disabled={last >= data.total}
                onClick={() => setParams(withPage(params, page + 1))}
                rightSection={<IconChevronRight size={16} aria-hidden="true" className="flip-rtl" />}
                data-testid="directory-next"
              >
                {t('search:directory.next')}
              </Button>
            </Group>
          </Stack>
        )}
        <OpenDataLinks />
      </Stack>
    </Container>
  );
}
