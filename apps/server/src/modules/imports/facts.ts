// The reference data a dry run and a load need, read once per run: the chamber, the provinces
// (by code and by name), the activities of the nomenclature in force (by code and by name).
import type { Executor } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { todayInMorocco } from '../../platform/time.ts';
import { findChamber, findNomenclatureVersion } from '../reference/index.ts';
import { labelKey } from './headers.ts';
import * as repo from './imports.repo.ts';
import { provinceKeys, type RowFacts, wordsKey } from './normalise.ts';

export interface ImportContext {
  chamberCode: string;
  regionCode: string;
  nomenclatureVersion: string;
  today: string;
  facts: RowFacts;
}

export async function loadContext(db: Executor, chamberCode: string): Promise<ImportContext> {
  const today = todayInMorocco();
  const chamber = await findChamber(db, chamberCode, today);
  if (chamber?.kind !== 'regional' || !chamber.regionCode) {
    throw new AppError(400, 'IMPORT_CHAMBER_UNKNOWN', { chamber: chamberCode });
  }
  const version = await findNomenclatureVersion(db, today);
  if (!version) throw new Error('no nomenclature in force');
  const provinces = new Map<string, { code: string; regionCode: string }>();
  for (const p of await repo.provincesInForce(db, today)) {
    for (const key of provinceKeys(p.code, p.nameFr, p.nameAr)) {
      if (key && !provinces.has(key)) provinces.set(key, { code: p.code, regionCode: p.regionCode });
    }
  }
  const activities = new Map<string, string>();
  const byWords = new Map<string, Set<string>>();
  for (const a of await repo.activitiesOf(db, version.code)) {
    activities.set(a.code.toUpperCase(), a.code);
    for (const name of [a.nameFr, a.nameAr]) {
      // "الدرازة / النسيج التقليدي": each side of a slash names the activity too.
      for (const part of [name, ...name.split('/')]) {
        const key = labelKey(part);
        if (key && !activities.has(key)) activities.set(key, a.code);
        const words = wordsKey(part);
        if (words) byWords.set(words, (byWords.get(words) ?? new Set()).add(a.code));
      }
    }
  }
  // Word-order-free keys only where they name one activity.
  for (const [words, codes] of byWords)
    if (codes.size === 1) activities.set(`w:${words}`, [...codes][0] as string);
  return {
    chamberCode,
    regionCode: chamber.regionCode,
    nomenclatureVersion: version.code,
    today,
    facts: { regionCode: chamber.regionCode, today, provinces, activities },
  };
}
