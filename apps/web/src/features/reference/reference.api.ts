import type { Chamber, Nomenclature, Province, Region } from '@hirfa/contracts';
import { useQuery } from '@tanstack/react-query';
import { useLocale } from '../../i18n/use-locale.ts';
import { api } from '../../lib/api.ts';

// Names come back in the request's language, so the language is part of every key.
const HOUR = 60 * 60_000;

export function useRegions() {
  const locale = useLocale();
  return useQuery({
    queryKey: ['reference', 'regions', locale],
    queryFn: ({ signal }) => api<Region[]>('/api/v1/regions', { signal }),
    staleTime: HOUR,
  });
}

export function useProvinces(region?: string) {
  const locale = useLocale();
  return useQuery({
    queryKey: ['reference', 'provinces', region ?? 'all', locale],
    queryFn: ({ signal }) => api<Province[]>('/api/v1/provinces', { query: { region }, signal }),
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
