// SQL of the public directory, directory consent and open data. Public reads repeat the consent
// and status conditions themselves: an entry is shown only while it is active and consented.
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../platform/db/client.ts';

const LISTED = sql.raw(`s.directory_consent <> 'none' AND s.status = 'active'`);

/** Names of the activity, province and region of an entry, in force today. */
const PLACE_AND_ACTIVITY = sql.raw(`
  LEFT JOIN activities a ON a.version_code = s.nomenclature_version AND a.code = s.activity_code
  LEFT JOIN LATERAL (SELECT name_ar, name_fr FROM provinces p
                     WHERE p.code = s.province_code ORDER BY p.valid_from DESC LIMIT 1) pv ON true
  LEFT JOIN LATERAL (SELECT name_ar, name_fr FROM regions g
                     WHERE g.code = s.region_code ORDER BY g.valid_from DESC LIMIT 1) rg ON true`);

export interface DirectoryRow {
  id: string;
  nameAr: string;
  nameLatn: string;
  kind: 'artisan' | 'master_artisan' | 'cooperative' | 'enterprise';
  consent: 'basic' | 'contact';
  activityCode: string;
  activityNameAr: string | null;
  activityNameFr: string | null;
  provinceCode: string;
  provinceNameAr: string | null;
  provinceNameFr: string | null;
  regionCode: string | null;
  regionNameAr: string | null;
  regionNameFr: string | null;
  workshopAddressAr: string | null;
  workshopAddressFr: string | null;
  phone: string | null;
}

/** The listed entries among these ids, with what a public page may show (contact fields included). */
export async function directoryRows(db: Executor, ids: readonly string[]): Promise<DirectoryRow[]> {
  if (ids.length === 0) return [];
  return rowsOf<DirectoryRow>(
    await db.execute(sql`
      SELECT s.registration_id AS id, s.name_ar AS "nameAr", s.name_latn AS "nameLatn", s.kind,
             s.directory_consent AS consent, s.activity_code AS "activityCode",
             a.name_ar AS "activityNameAr", a.name_fr AS "activityNameFr",
             s.province_code AS "provinceCode", pv.name_ar AS "provinceNameAr", pv.name_fr AS "provinceNameFr",
             s.region_code AS "regionCode", rg.name_ar AS "regionNameAr", rg.name_fr AS "regionNameFr",
             r.workshop_address_ar AS "workshopAddressAr", r.workshop_address_fr AS "workshopAddressFr",
             s.phone
      FROM search_entries s
      JOIN registrations r ON r.id = s.registration_id
      ${PLACE_AND_ACTIVITY}
      WHERE s.registration_id = ANY (${sql.param([...ids])}::uuid[]) AND ${LISTED}`),
  );
}

export type OpenDirectoryRow = Omit<
  DirectoryRow,
  'consent' | 'workshopAddressAr' | 'workshopAddressFr' | 'phone'
>;

/** One batch of the open-data directory (basic fields only), in id order after `after`. */
export async function openDirectoryBatch(
  db: Executor,
  after: string | null,
  size: number,
): Promise<OpenDirectoryRow[]> {
  return rowsOf<OpenDirectoryRow>(
    await db.execute(sql`
      SELECT s.registration_id AS id, s.name_ar AS "nameAr", s.name_latn AS "nameLatn", s.kind,
             s.activity_code AS "activityCode", a.name_ar AS "activityNameAr", a.name_fr AS "activityNameFr",
             s.province_code AS "provinceCode", pv.name_ar AS "provinceNameAr", pv.name_fr AS "provinceNameFr",
             s.region_code AS "regionCode", rg.name_ar AS "regionNameAr", rg.name_fr AS "regionNameFr"
      FROM search_entries s
      ${PLACE_AND_ACTIVITY}
      WHERE ${LISTED} ${after ? sql`AND s.registration_id > ${after}::uuid` : sql``}
      ORDER BY s.registration_id
      LIMIT ${size}`),
  );
}

export interface CountRow {
  regionCode: string;
  regionNameAr: string | null;
  regionNameFr: string | null;
  activityCode: string;
  activityNameAr: string | null;
  activityNameFr: string | null;
  kind: string;
  gender: string;
  count: number;
}

/** Active entries by region × activity × kind × gender ('NA' for organisations), zero cells absent. */
export async function activeCounts(db: Executor): Promise<CountRow[]> {
  const rows = rowsOf<CountRow>(
    await db.execute(sql`
      WITH c AS (
        SELECT region_code, activity_code, nomenclature_version, kind, coalesce(gender, 'NA') AS gender,
               count(*)::int AS n
        FROM search_entries
        WHERE status = 'active' AND region_code IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5
      ), v AS (
        SELECT region_code, activity_code, kind, gender, sum(n)::int AS n, max(nomenclature_version) AS version
        FROM c GROUP BY 1, 2, 3, 4
      )
      SELECT v.region_code AS "regionCode", rg.name_ar AS "regionNameAr", rg.name_fr AS "regionNameFr",
             v.activity_code AS "activityCode", a.name_ar AS "activityNameAr", a.name_fr AS "activityNameFr",
             v.kind, v.gender, v.n AS count
      FROM v
      LEFT JOIN activities a ON a.version_code = v.version AND a.code = v.activity_code
      LEFT JOIN LATERAL (SELECT name_ar, name_fr FROM regions g
                         WHERE g.code = v.region_code ORDER BY g.valid_from DESC LIMIT 1) rg ON true
      ORDER BY 1, 4, 7, 8`),
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export interface ConsentRow {
  id: string;
  chamberCode: string;
  status: 'active' | 'suspended' | 'radiated';
  consent: 'none' | 'basic' | 'contact';
  consentAt: Date | string | null;
  holderUserId: string | null;
}

/** An entry's consent, with the account of its holder (null for organisations). */
export async function findConsent(db: Executor, id: string, lock = false): Promise<ConsentRow | null> {
  const [row] = rowsOf<ConsentRow>(
    await db.execute(sql`
      SELECT r.id, r.chamber_code AS "chamberCode", r.status, r.directory_consent AS consent,
             r.directory_consent_at AS "consentAt", p.user_id AS "holderUserId"
      FROM registrations r LEFT JOIN persons p ON p.id = r.person_id
      WHERE r.id = ${id}::uuid
      ${lock ? sql`FOR UPDATE OF r` : sql``}`),
  );
  return row ?? null;
}

export async function updateConsent(
  db: Executor,
  id: string,
  consent: 'none' | 'basic' | 'contact',
): Promise<Date | string> {
  const [row] = rowsOf<{ at: Date | string }>(
    await db.execute(sql`
      UPDATE registrations SET directory_consent = ${consent}, directory_consent_at = now()
      WHERE id = ${id}::uuid RETURNING directory_consent_at AS at`),
  );
  if (!row) throw new Error('consent update matched no entry');
  return row.at;
}
