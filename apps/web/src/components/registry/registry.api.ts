import type {
  ApplicationActionRequest,
  ApplicationDetail,
  ApplicationPayload,
  ApplicationStateName,
  ApplicationSummary,
  DocumentType,
  duplicateCandidateSchema,
  LifecycleAction,
  Locale,
  RegistrantKind,
  Registration,
  User,
} from '@hirfa/contracts';
import { type QueryClient, keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { useLocale } from '../../i18n/use-locale.ts';
import { api } from '../../lib/api.ts';

export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
export type DuplicateDecision = NonNullable<DuplicateCandidate['decision']>;
export type ApplicationDocument = ApplicationDetail['documents'][number];
export type HistoryEntry = ApplicationDetail['history'][number];
export type RuleResult = ApplicationDetail['rules'][number];

export interface ApplicationPage {
  items: ApplicationSummary[];
  total: number;
  limit: number;
  offset: number;
}

export interface QueueQuery {
  state?: readonly ApplicationStateName[];
  kind?: RegistrantKind;
  activity?: string;
  province?: string;
  chamber?: string;
  minDays?: number;
  assignee?: string;
  limit?: number;
  offset?: number;
}

// The detail carries messages translated by the server, so its key holds the language.
export const applicationKeys = {
  all: ['applications'] as const,
  list: (query: QueueQuery) => ['applications', 'list', query] as const,
  detail: (id: string) => ['applications', 'detail', id] as const,
  detailIn: (id: string, locale: Locale) => ['applications', 'detail', id, locale] as const,
  duplicates: (id: string) => ['applications', 'duplicates', id] as const,
};

export const registrationKeys = {
  mine: ['registrations', 'mine'] as const,
  one: (id: string) => ['registrations', 'one', id] as const,
};

function queueSearch(query: QueueQuery): string {
  const params = new URLSearchParams();
  for (const state of query.state ?? []) params.append('state', state);
  const single: [string, string | number | undefined][] = [
    ['kind', query.kind],
    ['activity', query.activity],
    ['province', query.province],
    ['chamber', query.chamber],
    ['minDays', query.minDays],
    ['assignee', query.assignee],
    ['limit', query.limit],
    ['offset', query.offset],
  ];
  for (const [name, value] of single)
    if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The chamber's queue, the national view, or the artisan's own files (the server decides which). */
export function useApplications(query: QueueQuery, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: applicationKeys.list(query),
    // `state` repeats in the query string, which the shared helper does not do.
    queryFn: ({ signal }) => api<ApplicationPage>(`/api/v1/applications${queueSearch(query)}`, { signal }),
    placeholderData: keepPreviousData,
    ...options,
  });
}

export function useApplication(id: string | undefined) {
  const locale = useLocale();
  return useQuery({
    queryKey: applicationKeys.detailIn(id ?? '', locale),
    queryFn: ({ signal }) => api<ApplicationDetail>(`/api/v1/applications/${id}`, { signal }),
    enabled: Boolean(id),
    // Switching language fetches the file again (its messages are translated): keep showing it
    // meanwhile, so a form being filled in is not taken off the screen.
    placeholderData: (previous) => (previous?.id === id ? previous : undefined),
  });
}

/** After a write, the answer is the new state of the file: store it for every later reader. */
export function storeApplication(client: QueryClient, locale: Locale, detail: ApplicationDetail): void {
  client.setQueryData(applicationKeys.detailIn(detail.id, locale), detail);
  void client.invalidateQueries({ queryKey: ['applications', 'list'] });
  // Other languages hold messages of the old state: fetch them again when needed.
  void client.invalidateQueries({
    queryKey: applicationKeys.detail(detail.id),
    predicate: (q) => q.queryKey[3] !== locale,
  });
}

export function useDuplicates(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: applicationKeys.duplicates(id ?? ''),
    queryFn: ({ signal }) => api<DuplicateCandidate[]>(`/api/v1/applications/${id}/duplicates`, { signal }),
    enabled: Boolean(id) && enabled,
  });
}

export function useMyRegistrations(enabled = true) {
  return useQuery({
    queryKey: registrationKeys.mine,
    queryFn: ({ signal }) => api<Registration[]>('/api/v1/me/registrations', { signal }),
    enabled,
  });
}

export function useRegistration(id: string | undefined) {
  return useQuery({
    queryKey: registrationKeys.one(id ?? ''),
    queryFn: ({ signal }) => api<Registration>(`/api/v1/registrations/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Staff of the caller's scope (chamber admins and the Federation only may list them). */
export function useStaffList(enabled: boolean) {
  return useQuery({
    queryKey: ['office', 'users'],
    queryFn: ({ signal }) => api<User[]>('/api/v1/admin/users', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function createApplication(body: {
  kind: RegistrantKind;
  workshopProvinceCode: string;
  payload?: ApplicationPayload;
  locale?: Locale;
  idempotencyKey: string;
}): Promise<ApplicationDetail> {
  return api<ApplicationDetail>('/api/v1/applications', { method: 'POST', body });
}

export function saveApplication(
  id: string,
  body: { version: number; payload: ApplicationPayload; idempotencyKey: string },
): Promise<ApplicationDetail> {
  return api<ApplicationDetail>(`/api/v1/applications/${id}`, { method: 'PUT', body });
}

export function actOnApplication(id: string, body: ApplicationActionRequest): Promise<ApplicationDetail> {
  return api<ApplicationDetail>(`/api/v1/applications/${id}/actions`, { method: 'POST', body });
}

export function decideDuplicate(
  id: string,
  body: {
    source: DuplicateCandidate['source'];
    candidateId: string;
    decision: DuplicateDecision;
    note?: string;
  },
): Promise<DuplicateCandidate[]> {
  return api<DuplicateCandidate[]>(`/api/v1/applications/${id}/duplicates`, { method: 'POST', body });
}

export function changeRegistration(id: string, body: LifecycleAction): Promise<Registration> {
  return api<Registration>(`/api/v1/registrations/${id}/lifecycle`, { method: 'POST', body });
}

export function documentUrl(doc: { id: string }): string {
  return `/api/v1/documents/${doc.id}`;
}

export type { DocumentType };
