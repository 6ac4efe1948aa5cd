import type { RegistrationHit } from '@hirfa/contracts';
import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../components/page-title.ts';
import { EmptyState, ErrorAlert, PageLoader } from '../../components/query-state.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { EntryName } from './entry-name.tsx';
import { useReferenceOptions } from './reference-options.ts';
import { useRegistrationSearch } from './search.api.ts';
import { hasCriteria, staffParams, withPage, withParam } from './search-params.ts';
import { StaffFilters } from './staff-filters.tsx';
import { StatusBadge } from './status-badge.tsx';

const RESULT_LINK = 'a[data-result-link]';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
}

/** "/" anywhere on the page (outside a field) goes to the search box. */
function useSlashToFocus(box: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      event.preventDefault();
      box.current?.focus();
      box.current?.select();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [box]);
}

function Match({ hit }: { hit: RegistrationHit }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!hit.matchedOn) return null;
  return (
    <Stack gap={2}>
      <Badge variant="light" color={hit.matchedOn === 'name' ? 'blue' : 'grape'} tt="none">
        {t(`search:office.matchedOn.${hit.matchedOn}`)}
      </Badge>
      {hit.matchedOn === 'name' ? (
        <Text size="xs" c="dimmed">
          {t('search:office.score', { score: formatNumber(Math.round(hit.score * 100), locale) })}
        </Text>
      ) : null}
    </Stack>
  );
}

function ResultsTable({ hits, box }: { hits: RegistrationHit[]; box: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const refs = useReferenceOptions();
  const body = useRef<HTMLTableSectionElement>(null);

  // Up and down arrows move between the results, Escape goes back to the box.
  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const links = [...(body.current?.querySelectorAll<HTMLAnchorElement>(RESULT_LINK) ?? [])];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const go = (i: number) => {
      event.preventDefault();
      links[Math.max(0, Math.min(links.length - 1, i))]?.focus();
    };
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') {
      if (at <= 0) {
        event.preventDefault();
        box.current?.focus();
      } else go(at - 1);
    } else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(links.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      box.current?.focus();
    }
  }

  return (
    <TableScroll label={t('search:office.results')} minWidth={980}>
      <Table data-testid="search-results" striped highlightOnHover verticalSpacing="sm" bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('search:office.columns.nia')}</Table.Th>
            <Table.Th scope="col">{t('search:office.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('search:office.columns.kind')}</Table.Th>
            <Table.Th scope="col">{t('search:office.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('search:office.columns.chamber')}</Table.Th>
            <Table.Th scope="col">{t('search:office.columns.province')}</Table.Th>
            <Table.Th scope="col">{t('search:office.columns.activity')}</Table.Th>
            <Table.Th scope="col">{t('search:office.columns.match')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={body} onKeyDown={onKeyDown}>
          {hits.map((hit) => (
            <Table.Tr key={hit.registrationId} data-testid={`search-row-${hit.nia}`}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/office/registrations/${hit.registrationId}`}
                  className="mono"
                  fw={600}
                  data-result-link=""
                  aria-label={t('search:office.open', { nia: hit.nia })}
                >
                  <bdi dir="ltr">{hit.nia}</bdi>
                </Anchor>
              </Table.Td>
              <Table.Td>
                <EntryName nameAr={hit.nameAr} nameLatn={hit.nameLatn} />
              </Table.Td>
              <Table.Td>{t(`search:kind.${hit.kind}`)}</Table.Td>
              <Table.Td>
                <StatusBadge status={hit.status} />
              </Table.Td>
              <Table.Td>{refs.chambers.byCode.get(hit.chamberCode)?.name ?? hit.chamberCode}</Table.Td>
              <Table.Td>{refs.provinces.byCode.get(hit.provinceCode)?.name ?? hit.provinceCode}</Table.Td>
              <Table.Td>
                {refs.activities.byCode.get(hit.primaryActivityCode)?.name ?? ''}{' '}
                <Text span size="xs" c="dimmed" className="mono">
                  {hit.primaryActivityCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <Match hit={hit} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/**
 * Staff search of the register: one box for a name in either script (any spelling) or a CIN, NIA
 * or phone number; filters; results in both scripts, keyboard friendly. The server keeps each user
 * to their chamber and records every search in the audit trail.
 */
export function StaffSearchPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  usePageTitle(t('search:office.title'));
  const [params, setParams] = useSearchParams();
  const { page, ...query } = staffParams(params);
  const ready = hasCriteria(query);
  const search = useRegistrationSearch(query, ready);
  const box = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(query.q ?? '');
  useSlashToFocus(box);
  useEffect(() => setDraft(query.q ?? ''), [query.q]);

  const data = search.data;
  const first = data && data.total > 0 ? data.offset + 1 : 0;
  const last = data ? Math.min(data.offset + data.items.length, data.total) : 0;

  function onBoxKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'ArrowDown') return;
    const link = document.querySelector<HTMLAnchorElement>(`[data-testid="search-results"] ${RESULT_LINK}`);
    if (link) {
      event.preventDefault();
      link.focus();
    }
  }

  return (
    <Stack gap="lg" data-testid="search-page">
      <Stack gap={4}>
        <Title order={1}>{t('search:office.title')}</Title>
        <Text c="dimmed">{t('search:office.intro')}</Text>
      </Stack>

      <search>
        <form
          data-testid="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            setParams(withParam(params, 'q', draft.trim()));
          }}
        >
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              ref={box}
              flex={1}
              size="md"
              type="search"
              dir="auto"
              autoFocus
              autoComplete="off"
              spellCheck={false}
              label={t('search:office.boxLabel')}
              placeholder={t('search:office.boxPlaceholder')}
              description={t('search:office.boxHint')}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              onKeyDown={onBoxKey}
              leftSection={<IconSearch size={18} aria-hidden="true" />}
              data-testid="search-box"
            />
            <Button type="submit" size="md" data-testid="search-submit">
              {t('search:office.submit')}
            </Button>
          </Group>
        </form>
      </search>

      <StaffFilters params={params} onChange={setParams} />

      {!ready ? (
        <EmptyState>{t('search:office.start')}</EmptyState>
      ) : search.isPending ? (
        <PageLoader />
      ) : search.isError ? (
        <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />
      ) : !data || data.items.length === 0 ? (
        <div data-testid="search-empty">
          <EmptyState>{t('search:office.empty')}</EmptyState>
        </div>
      ) : (
        <Stack gap="sm">
          <Text size="sm" aria-live="polite" data-testid="search-count" data-total={data.total}>
            {t('search:office.count', {
              first: formatNumber(first, locale),
              last: formatNumber(last, locale),
              total: formatNumber(data.total, locale),
            })}
          </Text>
          {data.truncated ? (
            <Text size="sm" c="orange.9" data-testid="search-truncated">
              {t('search:office.truncated', { total: formatNumber(data.total, locale) })}
            </Text>
          ) : null}
          <ResultsTable hits={data.items} box={box} />
          <Group justify="space-between">
            <Button
              variant="default"
              disabled={page <= 1}
              onClick={() => setParams(withPage(params, page - 1))}
              leftSection={<IconChevronLeft size={16} aria-hidden="true" className="flip-rtl" />}
              data-testid="search-prev"
            >
              {t('search:office.previous')}
            </Button>
            <Button
              variant="default"
              disabled={last >= data.total}
              onClick={() => setParams(withPage(params, page + 1))}
              rightSection={<IconChevronRight size={16} aria-hidden="true" className="flip-rtl" />}
              data-testid="search-next"
            >
              {t('search:office.next')}
            </Button>
          </Group>
        </Stack>
      )}
      <Text size="xs" c="dimmed">
        {t('search:office.auditNote')}
      </Text>
    </Stack>
  );
}
