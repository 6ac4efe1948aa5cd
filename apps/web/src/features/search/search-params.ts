import type { RegistrantKind } from '@hirfa/contracts';

export const KINDS: readonly RegistrantKind[] = ['artisan', 'master_artisan', 'cooperative', 'enterprise'];
export const STATUSES = ['active', 'suspended', 'radiated'] as const;
export type Status = (typeof STATUSES)[number];

export const STAFF_PAGE_SIZE = 20;
export const DIRECTORY_PAGE_SIZE = 24;

export interface StaffSearchParams {
  q?: string;
  chamber?: string;
  province?: string;
  activity?: string;
  kind?: RegistrantKind;
  status?: Status;
  limit: number;
  offset: number;
}

export interface DirectoryParams {
  q?: string;
  region?: string;
  province?: string;
  activity?: string;
  kind?: RegistrantKind;
  limit: number;
  offset: number;
}

const pageOf = (params: URLSearchParams) => Math.max(1, Math.min(50, Number(params.get('page')) || 1));
const text = (params: URLSearchParams, name: string) => params.get(name)?.trim() || undefined;
const oneOf = <T extends string>(value: string | null, values: readonly T[]) =>
  values.includes(value as T) ? (value as T) : undefined;

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The search lives in the address: a search can be bookmarked, shared and gone back to. */
export function staffParams(params: URLSearchParams): StaffSearchParams & { page: number } {
  const page = pageOf(params);
  return compact({
    q: text(params, 'q'),
    chamber: text(params, 'chamber'),
    province: text(params, 'province'),
    activity: text(params, 'activity'),
    kind: oneOf(params.get('kind'), KINDS),
    status: oneOf(params.get('status'), STATUSES),
    limit: STAFF_PAGE_SIZE,
    offset: (page - 1) * STAFF_PAGE_SIZE,
    page,
  });
}

export function directoryParams(params: URLSearchParams): DirectoryParams & { page: number } {
  const page = pageOf(params);
  return compact({
    q: text(params, 'q'),
    region: text(params, 'region'),
    province: text(params, 'province'),
    activity: text(params, 'activity'),
    kind: oneOf(params.get('kind'), KINDS),
    limit: DIRECTORY_PAGE_SIZE,
    offset: (page - 1) * DIRECTORY_PAGE_SIZE,
    page,
  });
}

/** A copy of the address with one value changed (and back to the first page). */
export function withParam(params: URLSearchParams, name: string, value: string | null | undefined) {
  const next = new URLSearchParams(params);
  next.delete('page');
  if (value) next.set(name, value);
  else next.delete(name);
  return next;
}

export function withPage(params: URLSearchParams, page: number) {
  const next = new URLSearchParams(params);
  if (page <= 1) next.delete('page');
  else next.set('page', String(page));
  return next;
}

/** Something to search for: a query or at least one filter. */
export function hasCriteria(p: StaffSearchParams): boolean {
  return Boolean(p.q || p.chamber || p.province || p.activity || p.kind || p.status);
}
