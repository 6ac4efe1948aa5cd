import type {
  DirectoryConsent,
  DirectoryConsentState,
  DirectoryPage,
  Nomenclature,
  Province,
  Region,
  RegistrationSearchPage,
  Chamber,
} from '@hirfa/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale } from '../../i18n/use-locale.ts';
import { api } from '../../lib/api.ts';
import type { DirectoryParams, StaffSearchParams } from './search-params.ts';

const HOUR = 60 * 60_000;

/**
 * A staff search. Every search is written to the audit trail, so a result is never fetched again
 * behind the user's back (no refetch on focus or reconnect, a minute of freshness).
 */
export function useRegistrationSearch(params: StaffSearchParams, enabled: boolean) {
  return useQuery({
    queryKey: ['search', 'registrations', params],
    queryFn: ({ signal }) =>
      api<RegistrationSearchPage>('/api/v1/search/registrations', { query: { ...params }, signal }),
    enabled,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function useDirectory(params: DirectoryParams) {
  return useQuery({
    queryKey: ['search', 'directory', params],
    queryFn: ({ signal }) => api<DirectoryPage>('/api/v1/directory', { query: { ...params }, signal }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

const consentKey = (registrationId: string) => ['search', 'consent', registrationId];

export function useDirectoryConsent(registrationId: string) {
  return useQuery({
    queryKey: consentKey(registrationId),
    queryFn: ({ signal }) =>
      api<DirectoryConsentState>(`/api/v1/registrations/${registrationId}/directory-consent`, { signal }),
  });
}

/** The holder sets it on their own entry; staff at the counter, within their chamber. */
export function useSetDirectoryConsent(registrationId: string, by: 'holder' | 'staff') {
  const client = useQueryClient();
  const path =
    by === 'holder'
      ? `/api/v1/me/registrations/${registrationId}/directory-consent`
      : `/api/v1/registrations/${registrationId}/directory-consent`;
  return useMutation({
    mutationFn: (consent: DirectoryConsent) =>
      api<DirectoryConsentState>(path, { method: 'PUT', body: { consent } }),
    onSuccess: (state) => {
      client.setQueryData(consentKey(registrationId), state);
      void client.invalidateQueries({ queryKey: ['search', 'directory'] });
    },
  });
}

// Reference lists, under the same keys as the reference pages, so the cache is shared.
export function useRegions() {
  const locale = useLocale();
  return useQuery({
    queryKey: ['reference', 'regions', locale],
    queryFn: ({ signal }) => api<Region[]>('/api/v1/regions', { signal }),
    staleTime: HOUR,
  });
}

export function useProvinces() {
  const locale = useLocale();
  return useQuery({
    queryKey: ['reference', 'provinces', 'all', locale],
    queryFn: ({ signal }) => api<Province[]>('/api/v1/provinces', { signal }),
    staleTime: HOUR,
  });
}

export function useChambers() {
  const locale = useLocale();
  return useQuery({
    queryKey: ['reference', 'chambers', locale],
    queryFn: ({ signal }) => api<Chamber[]>('/api/v1/chambers', { signal }),
    staleTime: HOUR,
  });
}

export function useNomenclature() {
  const locale = useLocale();
  return useQuery({
    queryKey: ['reference', 'nomenclature', locale],
    queryFn: ({ signal }) => api<Nomenclature>('/api/v1/nomenclature', { signal }),
    staleTime: HOUR,
  });
}
