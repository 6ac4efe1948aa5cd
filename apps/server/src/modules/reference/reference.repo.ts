import { and, asc, count, eq, gt, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.ts';
import {
  activities,
  activityBranches,
  activityCategories,
  chambers,
  nomenclatureVersions,
  provinces,
  regions,
} from './reference.tables.ts';

/** Rows in force on a date: valid_from <= at < valid_to. */
function inForce(t: { validFrom: PgColumn; validTo: PgColumn }, at: string): SQL {
  return and(lte(t.validFrom, at), or(isNull(t.validTo), gt(t.validTo, at))) as SQL;
}

export async function listRegions(db: Executor, at: string) {
  const provinceCounts = db
    .select({ regionCode: provinces.regionCode, n: count().as('n') })
    .from(provinces)
    .where(inForce(provinces, at))
    .groupBy(provinces.regionCode)
    .as('pc');
  return db
    .select({
      code: regions.code,
      nameAr: regions.nameAr,
      nameFr: regions.nameFr,
      nameEn: regions.nameEn,
      nameZgh: regions.nameZgh,
      capitalAr: regions.capitalAr,
      capitalFr: regions.capitalFr,
      provinceCount: provinceCounts.n,
    })
    .from(regions)
    .leftJoin(provinceCounts, eq(provinceCounts.regionCode, regions.code))
    .where(inForce(regions, at))
    .orderBy(asc(regions.code));
}

export async function listProvinces(db: Executor, at: string, regionCode?: string) {
  const where = regionCode
    ? and(inForce(provinces, at), eq(provinces.regionCode, regionCode))
    : inForce(provinces, at);
  return db.select().from(provinces).where(where).orderBy(asc(provinces.regionCode), asc(provinces.nameFr));
}

export async function listChambers(db: Executor, at: string) {
  return db.select().from(chambers).where(inForce(chambers, at)).orderBy(asc(chambers.code));
}

export async function findChamber(db: Executor, code: string, at: string) {
  const [row] = await db
    .select()
    .from(chambers)
    .where(and(eq(chambers.code, code), inForce(chambers, at)));
  return row ?? null;
}

export async function findNomenclatureVersion(db: Executor, at: string) {
  const [row] = await db.select().from(nomenclatureVersions).where(inForce(nomenclatureVersions, at));
  return row ?? null;
}

export async function listNomenclature(db: Executor, versionCode: string) {
  const [categories, branches, acts] = await Promise.all([
    db.select().from(activityCategories).orderBy(asc(activityCategories.code)),
    db
      .select()
      .from(activityBranches)
      .where(eq(activityBranches.versionCode, versionCode))
      .orderBy(asc(activityBranches.code)),
    db
      .select({
        code: activities.code,
        branchCode: activities.branchCode,
        categoryCode: activityBranches.categoryCode,
        nameAr: activities.nameAr,
        nameFr: activities.nameFr,
        nameZgh: activities.nameZgh,
      })
      .from(activities)
      .innerJoin(
        activityBranches,
        and(
          eq(activityBranches.versionCode, activities.versionCode),
          eq(activityBranches.code, activities.branchCode),
        ),
      )
      .where(eq(activities.versionCode, versionCode))
      .orderBy(asc(activities.code)),
  ]);
  return { categories, branches, activities: acts };
}

export async function findProvince(db: Executor, code: string, at: string) {
  const [row] = await db
    .select()
    .from(provinces)
    .where(and(eq(provinces.code, code), inForce(provinces, at)));
  return row ?? null;
}

/** The regional chamber whose area holds a province (the chamber of a workshop). */
export async function chamberOfProvince(db: Executor, provinceCode: string, at: string) {
  const province = await findProvince(db, provinceCode, at);
  if (!province) return null;
  const [row] = await db
    .select()
    .from(chambers)
    .where(
      and(eq(chambers.regionCode, province.regionCode), eq(chambers.kind, 'regional'), inForce(chambers, at)),
    );
  return row ?? null;
}

/** The activities of a version among the given codes (to check a form's choices in one query). */
export async function existingActivityCodes(
  db: Executor,
  versionCode: string,
  codes: string[],
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: activities.code })
    .from(activities)
    .where(and(eq(activities.versionCode, versionCode), inArray(activities.code, codes)));
  return new Set(rows.map((r) => r.code));
}

export async function activityNames(db: Executor, versionCode: string, codes: string[]) {
  if (codes.length === 0) return new Map<string, { nameAr: string; nameFr: string }>();
  const rows = await db
    .select({ code: activities.code, nameAr: activities.nameAr, nameFr: activities.nameFr })
    .from(activities)
    .where(and(eq(activities.versionCode, versionCode), inArray(activities.code, codes)));
  return new Map(rows.map((r) => [r.code, { nameAr: r.nameAr, nameFr: r.nameFr }]));
}
