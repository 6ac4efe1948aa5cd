import type {
  ImportColumns,
  ImportDetail,
  ImportEncoding,
  ImportMapping,
  ImportRow,
  ImportRowStatus,
  ImportStatus,
  ImportSummary,
  Problem,
} from '@hirfa/contracts';
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import { currentLocale } from '../../i18n/i18n.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { ApiError, api, NetworkError } from '../../lib/api.ts';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const ROWS_PER_PAGE = 25;

// Details carry texts translated by the server (the error of a run): their key holds the language.
export const importKeys = {
  all: ['imports'] as const,
  list: (status: ImportStatus | undefined) => ['imports', 'list', status ?? 'all'] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
  detailIn: (id: string, locale: string) => ['imports', 'detail', id, locale] as const,
  columns: (id: string) => ['imports', 'columns', id] as const,
  rows: (id: string) => ['imports', 'rows', id] as const,
  rowsPage: (id: string, status: ImportRowStatus | undefined, page: number) =>
    ['imports', 'rows', id, status ?? 'all', page] as const,
};

/** Something is running (a dry run or a load): the page follows it every second. */
export const isRunning = (d: ImportDetail | undefined) => d?.progress != null || d?.status === 'loading';

export function useImports(status: ImportStatus | undefined) {
  return useQuery({
    queryKey: importKeys.list(status),
    queryFn: ({ signal }) =>
      api<Page<ImportSummary>>('/api/v1/imports', { query: { status, limit: 100 }, signal }),
    refetchInterval: 10_000,
  });
}

export function useImport(id: string) {
  const locale = useLocale();
  return useQuery({
    queryKey: importKeys.detailIn(id, locale),
    queryFn: ({ signal }) => api<ImportDetail>(`/api/v1/imports/${id}`, { signal }),
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
  });
}

export function useColumns(id: string, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.columns(id),
    queryFn: ({ signal }) => api<ImportColumns>(`/api/v1/imports/${id}/columns`, { signal }),
    enabled,
  });
}

export function useRows(id: string, status: ImportRowStatus | undefined, page: number, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.rowsPage(id, status, page),
    queryFn: ({ signal }) =>
      api<Page<ImportRow>>(`/api/v1/imports/${id}/rows`, {
        query: { status, limit: ROWS_PER_PAGE, offset: (page - 1) * ROWS_PER_PAGE },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** After a step: the detail, the columns, the report and the list may all have changed. */
export function refreshImports(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: importKeys.all });
}

export const putMapping = (
  id: string,
  body: { headerRow?: number; mapping: ImportMapping; saveAsTemplate?: string },
) => api<ImportDetail>(`/api/v1/imports/${id}/mapping`, { method: 'PUT', body });

export const startDryRun = (id: string) =>
  api<ImportDetail>(`/api/v1/imports/${id}/dry-run`, { method: 'POST' });
export const signOff = (id: string) =>
  api<ImportDetail>(`/api/v1/imports/${id}/sign-off`, { method: 'POST' });
export const startLoad = (id: string) => api<ImportDetail>(`/api/v1/imports/${id}/load`, { method: 'POST' });
export const cancelImport = (id: string) =>
  api<ImportDetail>(`/api/v1/imports/${id}/cancel`, { method: 'POST' });
export const decideRow = (id: string, row: number, decision: 'load_anyway' | 'exclude') =>
  api<ImportRow>(`/api/v1/imports/${id}/rows/${row}/decision`, { method: 'POST', body: { decision } });

export const rejectsUrl = (id: string) => `/api/v1/imports/${id}/rejects.csv?lang=${currentLocale()}`;

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).code === 'string';
}

/**
 * Sends the file as the raw request body (the server reads its format and encoding from the
 * bytes). XMLHttpRequest rather than fetch: it reports upload progress, which matters for 100 MB.
 */
export function uploadImport(options: {
  chamber: string;
  file: File;
  encoding: ImportEncoding | undefined;
  csrfToken: string | undefined;
  onProgress?: (fraction: number) => void;
}): Promise<ImportDetail> {
  const { chamber, file, encoding, csrfToken, onProgress } = options;
  const query = new URLSearchParams({ chamber, name: file.name.slice(0, 255) });
  if (encoding) query.set('encoding', encoding);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/imports?${query.toString()}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new NetworkError());
    xhr.ontimeout = () => reject(new NetworkError());
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        parsed = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as ImportDetail);
      else if (isProblem(parsed)) reject(new ApiError(parsed));
      else reject(new NetworkError(xhr.status));
    };
    xhr.send(file);
  });
}
