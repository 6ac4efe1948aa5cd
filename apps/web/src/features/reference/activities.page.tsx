import type { Nomenclature } from '@hirfa/contracts';
import { Alert, Badge, Card, Container, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BilingualName } from '../../components/bilingual-name.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { EmptyState, QueryState } from '../../components/query-state.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { useNomenclature } from './reference.api.ts';

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f]/g, '')
    .toLowerCase();
}

function matches(
  item: { code: string; name: string; nameAr: string; nameFr: string },
  query: string,
): boolean {
  if (!query) return true;
  return [item.code, item.name, item.nameAr, item.nameFr].some((text) => normalise(text).includes(query));
}

function Tree({ data, query }: { data: Nomenclature; query: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const q = normalise(query.trim());
  const sections = data.categories
    .map((category) => ({
      category,
      branches: data.branches
        .filter((branch) => branch.categoryCode === category.code)
        .map((branch) => ({
          branch,
          activities: data.activities.filter(
            (activity) => activity.branchCode === branch.code && (matches(activity, q) || matches(branch, q)),
          ),
        }))
        .filter((entry) => entry.activities.length > 0 || matches(entry.branch, q)),
    }))
    .filter((section) => section.branches.length > 0);

  if (sections.length === 0) return <EmptyState>{t('reference.activities.noMatch')}</EmptyState>;

  return (
    <Stack gap="xl" data-testid="activities-list">
      {sections.map(({ category, branches }) => (
        <Stack key={category.code} gap="md" component="section" data-testid={`category-${category.code}`}>
          <Title order={2}>
            <BilingualName item={category} />
          </Title>
          {branches.map(({ branch, activities }) => (
            <Card
              key={branch.code}
              withBorder
              padding="md"
              component="section"
              data-testid={`branch-${branch.code}`}
            >
              <Group justify="space-between" gap="xs" mb="xs">
                <Title order={3} size="h4">
                  <BilingualName item={branch} />
                </Title>
                <Group gap="xs">
                  {branch.provisional ? (
                    <Badge variant="light" color="clay">
                      {t('reference.activities.provisionalBadge')}
                    </Badge>
                  ) : null}
                  <Badge variant="light" color="gray">
                    {t('reference.activities.count', { n: formatNumber(activities.length, locale) })}
                  </Badge>
                </Group>
              </Group>
              <List spacing={6} listStyleType="none">
                {activities.map((activity) => (
                  <List.Item key={activity.code} data-testid={`activity-${activity.code}`}>
                    <Group gap="xs" wrap="nowrap" align="baseline">
                      <Text component="span" size="xs" c="dimmed" className="mono">
                        {activity.code}
                      </Text>
                      <BilingualName item={activity} />
                    </Group>
                  </List.Item>
                ))}
              </List>
            </Card>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

export function ActivitiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('reference.activities.title'));
  const nomenclature = useNomenclature();
  const [query, setQuery] = useState('');

  return (
    <Container size="lg" py="xl">
      <Stack>
        <Title order={1}>{t('reference.activities.title')}</Title>
        <Text c="dimmed">{t('reference.activities.intro')}</Text>
        <QueryState query={nomenclature}>
          {(data) => (
            <Stack>
              <Text size="sm">{t('reference.activities.version', { version: data.version })}</Text>
              {data.provisional ? (
                <Alert
                  color="clay"
                  variant="light"
                  icon={<IconInfoCircle aria-hidden="true" />}
                  title={t('reference.activities.provisionalTitle')}
                  data-testid="provisional-notice"
                >
                  {t('reference.activities.provisionalBody')}
                </Alert>
              ) : null}
              <TextInput
                label={t('reference.activities.search')}
                value={query}
                onChange={(event) => setQuery(event.currentTarget.value)}
                leftSection={<IconSearch aria-hidden="true" size={16} />}
                type="search"
                dir="auto"
                maw={420}
              />
              <Tree data={data} query={query} />
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Container>
  );
}
