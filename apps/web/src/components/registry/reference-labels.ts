import type { Activity, Chamber, Province } from '@hirfa/contracts';
import { useMemo } from 'react';
import { useChambers, useNomenclature, useProvinces } from '../../features/reference/reference.api.ts';
import { useLocale } from '../../i18n/use-locale.ts';

interface Named {
  name: string;
  nameAr: string;
  nameFr: string;
}

/** "Name · other script" for places where only plain text fits (a select's options). */
export function bothScripts(item: Named, locale: string): string {
  const other = locale === 'ar' ? item.nameFr : item.nameAr;
  return other && other !== item.name ? `${item.name} · ${other}` : item.name;
}

export interface Option {
  value: string;
  label: string;
}

export function useProvinceOptions(region?: string): { options: Option[]; byCode: Map<string, Province> } {
  const locale = useLocale();
  const provinces = useProvinces(region);
  return useMemo(() => {
    const rows = provinces.data ?? [];
    return {
      options: rows.map((p) => ({ value: p.code, label: bothScripts(p, locale) })),
      byCode: new Map(rows.map((p) => [p.code, p])),
    };
  }, [provinces.data, locale]);
}

export function useActivityIndex(): { options: Option[]; byCode: Map<string, Activity> } {
  const locale = useLocale();
  const nomenclature = useNomenclature();
  return useMemo(() => {
    const rows = nomenclature.data?.activities ?? [];
    return {
      options: rows.map((a) => ({ value: a.code, label: `${a.code} · ${bothScripts(a, locale)}` })),
      byCode: new Map(rows.map((a) => [a.code, a])),
    };
  }, [nomenclature.data, locale]);
}

export function useChamberIndex(): { regional: Chamber[]; byCode: Map<string, Chamber> } {
  const chambers = useChambers();
  return useMemo(() => {
    const rows = chambers.data ?? [];
    return {
      regional: rows.filter((c) => c.kind === 'regional'),
      byCode: new Map(rows.map((c) => [c.code, c])),
    };
  }, [chambers.data]);
}
