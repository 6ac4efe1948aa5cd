import type { Locale } from '@hirfa/contracts';
import { useMemo } from 'react';
import { useLocale } from '../../i18n/use-locale.ts';
import { useChambers, useNomenclature, useProvinces, useRegions } from './search.api.ts';

interface Named {
  code: string;
  name: string;
  nameAr: string;
  nameFr: string;
}

/** "Fès · فاس": the reader's language first, the other script after, for a list option. */
export function bothScripts(item: Named, locale: Locale): string {
  const other = locale === 'ar' ? item.nameFr : item.nameAr;
  return other && other !== item.name ? `${item.name} · ${other}` : item.name;
}

function index<T extends Named>(items: readonly T[] | undefined, locale: Locale) {
  const list = items ?? [];
  return {
    byCode: new Map(list.map((i) => [i.code, i])),
    options: list.map((i) => ({ value: i.code, label: bothScripts(i, locale) })),
  };
}

/** Options and names of the reference lists the filters use. */
export function useReferenceOptions() {
  const locale = useLocale();
  const regions = useRegions().data;
  const provinces = useProvinces().data;
  const chambers = useChambers().data;
  const nomenclature = useNomenclature().data;
  return useMemo(() => {
    const regional = (chambers ?? []).filter((c) => c.kind === 'regional');
    return {
      regions: index(regions, locale),
      provinces: index(provinces, locale),
      chambers: index(regional, locale),
      activities: index(nomenclature?.activities, locale),
      /** Provinces of a region (all when none is given). */
      provincesOf(regionCode: string | null | undefined) {
        const list = (provinces ?? []).filter((p) => !regionCode || p.regionCode === regionCode);
        return list.map((p) => ({ value: p.code, label: bothScripts(p, locale) }));
      },
      regionOfChamber(chamberCode: string | null | undefined) {
        return regional.find((c) => c.code === chamberCode)?.regionCode ?? null;
      },
    };
  }, [regions, provinces, chambers, nomenclature, locale]);
}
