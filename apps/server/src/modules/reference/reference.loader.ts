import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { z } from 'zod';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import {
  activities,
  activityBranches,
  activityCategories,
  chambers,
  nomenclatureVersions,
  provinces,
  referenceLoads,
  regions,
} from './reference.tables.ts';

/** Date the territorial reference takes effect: decree 2-15-40, published in BO 6340. */
export const TERRITORY_VALID_FROM = '2015-03-05';

const text = z.string().trim().min(1);
const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s));

const regionRow = z.object({
  iso_code: z.string().regex(/^MA-\d{2}$/),
  name_fr: text,
  name_ar: text,
  name_en: optionalText,
  capital_fr: text,
  capital_ar: text,
});
const provinceRow = z.object({
  code: z.string().regex(/^MA-[A-Z]{3}$/),
  type: z.enum(['prefecture', 'province']),
  name_fr: text,
  name_ar: text,
  region_iso: z.string().regex(/^MA-\d{2}$/),
  hcp_geo_code: optionalText,
});
const chamberRow = z.object({
  code: z.string().regex(/^(CA-MA-\d{2}|FCA-MA)$/),
  region_iso: optionalText,
  name_fr: text,
  name_ar: text,
  seat_fr: text,
  seat_ar: text,
});
const categoryRow = z.object({
  code: z.enum(['art_production', 'services']),
  name_fr: text,
  name_ar: text,
  name_en: optionalText,
});
const activityRow = z.object({
  category_code: z.enum(['art_production', 'services']),
  branch_code: text,
  branch_fr: text,
  branch_ar: text,
  activity_code: text,
  activity_fr: text,
  activity_ar: text,
  source_note: optionalText,
});
const versionsFile = z.object({
  versions: z
    .array(
      z.object({
        code: text,
        file: text,
        provisional: z.boolean(),
        validFrom: z.iso.date(),
        source: text,
      }),
    )
    .min(1),
});

export class ReferenceDataError extends Error {}

function readCsv<T extends z.ZodType>(file: string, schema: T): z.infer<T>[] {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new ReferenceDataError(`${file}: row ${e?.row ?? '?'}: ${e?.message}`);
  }
  return parsed.data.map((raw, i) => {
    const r = schema.safeParse(raw);
    if (!r.success) throw new ReferenceDataError(`${file}: row ${i + 2}: ${z.prettifyError(r.error)}`);
    return r.data;
  });
}

function sha256(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(f).update(fs.readFileSync(f));
  return h.digest('hex');
}

const excluded = (column: string) => sql.raw(`excluded.${column}`);

interface LoadStep {
  key: string;
  files: string[];
  load: (tx: Tx) => Promise<number>;
}

function steps(dir: string): LoadStep[] {
  const f = (name: string) => path.join(dir, name);
  const nomenclatureDir = f('nomenclature');
  const manifest = versionsFile.parse(
    JSON.parse(fs.readFileSync(path.join(nomenclatureDir, 'versions.json'), 'utf8')),
  );
  const versions = [...manifest.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return [
    {
      key: 'regions',
      files: [f('regions.csv')],
      async load(tx) {
        const rows = readCsv(f('regions.csv'), regionRow);
        if (rows.length !== 12)
          throw new ReferenceDataError(`regions.csv: expected 12 regions, found ${rows.length}`);
        await tx
          .insert(regions)
          .values(
            rows.map((r) => ({
              code: r.iso_code,
              nameAr: r.name_ar,
              nameFr: r.name_fr,
              nameEn: r.name_en,
              capitalAr: r.capital_ar,
              capitalFr: r.capital_fr,
              validFrom: TERRITORY_VALID_FROM,
            })),
          )
          .onConflictDoUpdate({
            target: [regions.code, regions.validFrom],
            set: {
              nameAr: excluded('name_ar'),
              nameFr: excluded('name_fr'),
              nameEn: excluded('name_en'),
              capitalAr: excluded('capital_ar'),
              capitalFr: excluded('capital_fr'),
            },
          });
        return rows.length;
      },
    },
    {
      key: 'provinces',
      files: [f('provinces.csv')],
      async load(tx) {
        const rows = readCsv(f('provinces.csv'), provinceRow);
        await tx
          .insert(provinces)
          .values(
            rows.map((r) => ({
              code: r.code,
              type: r.type,
              nameAr: r.name_ar,
              nameFr: r.name_fr,
              regionCode: r.region_iso,
              hcpCode: r.hcp_geo_code,
              validFrom: TERRITORY_VALID_FROM,
            })),
          )
          .onConflictDoUpdate({
            target: [provinces.code, provinces.validFrom],
            set: {
              type: excluded('type'),
              nameAr: excluded('name_ar'),
              nameFr: excluded('name_fr'),
              regionCode: excluded('region_code'),
              hcpCode: excluded('hcp_code'),
            },
          });
        return rows.length;
      },
    },
    {
      key: 'chambers',
      files: [f('chambers.csv')],
      async load(tx) {
        const rows = readCsv(f('chambers.csv'), chamberRow);
        await tx
          .insert(chambers)
          .values(
            rows.map((r) => ({
              code: r.code,
              kind: r.region_iso ? ('regional' as const) : ('federation' as const),
              regionCode: r.region_iso,
              nameAr: r.name_ar,
              nameFr: r.name_fr,
              seatAr: r.seat_ar,
              seatFr: r.seat_fr,
              validFrom: TERRITORY_VALID_FROM,
            })),
          )
          .onConflictDoUpdate({
            target: [chambers.code, chambers.validFrom],
            set: {
              kind: excluded('kind'),
              regionCode: excluded('region_code'),
              nameAr: excluded('name_ar'),
              nameFr: excluded('name_fr'),
              seatAr: excluded('seat_ar'),
              seatFr: excluded('seat_fr'),
            },
          });
        return rows.length;
      },
    },
    {
      key: 'nomenclature',
      files: [
        path.join(nomenclatureDir, 'versions.json'),
        path.join(nomenclatureDir, 'categories.csv'),
        ...versions.map((v) => path.join(nomenclatureDir, v.file)),
      ],
      async load(tx) {
        const cats = readCsv(path.join(nomenclatureDir, 'categories.csv'), categoryRow);
        await tx
          .insert(activityCategories)
          .values(
            cats.map((c) => ({ code: c.code, nameAr: c.name_ar, nameFr: c.name_fr, nameEn: c.name_en })),
          )
          .onConflictDoUpdate({
            target: activityCategories.code,
            set: { nameAr: excluded('name_ar'), nameFr: excluded('name_fr'), nameEn: excluded('name_en') },
          });
        let count = cats.length;
        for (const [i, v] of versions.entries()) {
          const validTo = versions[i + 1]?.validFrom ?? null;
          await tx
            .insert(nomenclatureVersions)
            .values({
              code: v.code,
              provisional: v.provisional,
              source: v.source,
              validFrom: v.validFrom,
              validTo,
            })
            .onConflictDoUpdate({
              target: nomenclatureVersions.code,
              set: { provisional: v.provisional, source: v.source, validFrom: v.validFrom, validTo },
            });
          const rows = readCsv(path.join(nomenclatureDir, v.file), activityRow);
          const branches = new Map<string, (typeof rows)[number]>();
          for (const r of rows) if (!branches.has(r.branch_code)) branches.set(r.branch_code, r);
          // Rows are upserted, never deleted: register entries may already point at them.
          await tx
            .insert(activityBranches)
            .values(
              [...branches.values()].map((b) => ({
                versionCode: v.code,
                code: b.branch_code,
                categoryCode: b.category_code,
                nameAr: b.branch_ar,
                nameFr: b.branch_fr,
              })),
            )
            .onConflictDoUpdate({
              target: [activityBranches.versionCode, activityBranches.code],
              set: {
                categoryCode: excluded('category_code'),
                nameAr: excluded('name_ar'),
                nameFr: excluded('name_fr'),
              },
            });
          await tx
            .insert(activities)
            .values(
              rows.map((r) => ({
                versionCode: v.code,
                code: r.activity_code,
                branchCode: r.branch_code,
                nameAr: r.activity_ar,
                nameFr: r.activity_fr,
                sourceNote: r.source_note,
              })),
            )
            .onConflictDoUpdate({
              target: [activities.versionCode, activities.code],
              set: {
                branchCode: excluded('branch_code'),
                nameAr: excluded('name_ar'),
                nameFr: excluded('name_fr'),
                sourceNote: excluded('source_note'),
              },
            });
          count += rows.length + branches.size;
        }
        return count;
      },
    },
  ];
}

export interface LoadReport {
  loaded: string[];
  unchanged: string[];
}

/**
 * Loads the reference files into the database, each file set in one transaction, skipping those
 * whose content is unchanged since the last load. Records every load in the audit trail.
 */
export async function loadReferenceData(db: Db, dir: string, actor: Actor): Promise<LoadReport> {
  const report: LoadReport = { loaded: [], unchanged: [] };
  for (const step of steps(dir)) {
    const hash = sha256(step.files);
    const [previous] = await db.select().from(referenceLoads).where(eq(referenceLoads.file, step.key));
    if (previous?.sha256 === hash) {
      report.unchanged.push(step.key);
      continue;
    }
    await db.transaction(async (tx) => {
      const rowCount = await step.load(tx);
      await tx
        .insert(referenceLoads)
        .values({ file: step.key, sha256: hash, rowCount })
        .onConflictDoUpdate({
          target: referenceLoads.file,
          set: { sha256: hash, rowCount, loadedAt: new Date() },
        });
      await recordAudit(tx, actor, {
        action: 'reference.load',
        targetType: 'reference',
        targetId: step.key,
        changes: { sha256: hash, rows: rowCount, previous: previous?.sha256 ?? null },
      });
    });
    report.loaded.push(step.key);
  }
  return report;
}
