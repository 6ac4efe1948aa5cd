// The SQL of a load batch. The rows' data stays in the database: the batch statement reads each
// row's normalised values from import_rows and writes the person, the entry (with its NIA and
// provenance), its first version and the row's new status, all in one statement (data-modifying
// CTEs); only row numbers, new ids and NIAs travel from the application.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';

const p = sql.param;

export interface LoadableRow {
  rowNumber: number;
  cin: string;
}

/**
 * The next rows to load after the cursor: valid ones, and duplicates an agent chose to load.
 * Each branch walks the (import_id, status, row_number) index in order and stops after `limit`
 * rows, so a batch costs the same at the start and at the end of a million-row list.
 */
export async function nextBatch(
  tx: Tx,
  importId: string,
  afterRow: number,
  limit: number,
): Promise<LoadableRow[]> {
  return rowsOf<LoadableRow>(
    await tx.execute(sql`
      SELECT * FROM (
        (SELECT row_number AS "rowNumber", normalised->>'cin' AS cin FROM import_rows
          WHERE import_id = ${importId} AND status = 'valid' AND row_number > ${afterRow}
          ORDER BY row_number LIMIT ${limit})
        UNION ALL
        (SELECT row_number AS "rowNumber", normalised->>'cin' AS cin FROM import_rows
          WHERE import_id = ${importId} AND status = 'duplicate' AND decision = 'load_anyway' AND row_number > ${afterRow}
          ORDER BY row_number LIMIT ${limit})
      ) AS next ORDER BY "rowNumber" LIMIT ${limit}`),
  );
}

/** Of these CINs, those the register holds now (taken since the dry run). */
export async function cinsTaken(tx: Tx, cins: string[]): Promise<Set<string>> {
  if (cins.length === 0) return new Set();
  const rows = rowsOf<{ cin: string }>(
    await tx.execute(sql`SELECT cin FROM persons WHERE cin = ANY(${p(cins)}::text[])`),
  );
  return new Set(rows.map((r) => r.cin));
}

/** Takes n numbers of the national NIA sequence at once (row-locked until the transaction ends). */
export async function takeNiaRange(tx: Tx, n: number): Promise<number> {
  const [row] = rowsOf<{ last: string | number }>(
    await tx.execute(sql`UPDATE nia_sequence SET last_seq = last_seq + ${n} RETURNING last_seq AS last`),
  );
  if (!row) throw new Error('nia_sequence is missing its row');
  return Number(row.last) - n + 1;
}

export interface NewEntry {
  rowNumber: number;
  personId: string;
  registrationId: string;
  nia: string;
}

export interface BatchContext {
  importId: string;
  fileName: string;
  chamberCode: string;
  nomenclatureVersion: string;
  actorId: string | null;
}

/**
 * Creates the persons, entries and first versions of a batch, and marks its rows loaded with
 * their entry. The version's snapshot carries the provenance (import, file, row, old number).
 */
export async function insertEntries(tx: Tx, entries: NewEntry[], ctx: BatchContext): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`
    WITH b AS (
      SELECT b.n, b.pid, b.rid, b.nia, ir.normalised AS j
        FROM unnest(${p(entries.map((e) => e.rowNumber))}::int[], ${p(entries.map((e) => e.personId))}::uuid[],
                    ${p(entries.map((e) => e.registrationId))}::uuid[], ${p(entries.map((e) => e.nia))}::text[])
             AS b(n, pid, rid, nia)
        JOIN import_rows ir ON ir.import_id = ${ctx.importId} AND ir.row_number = b.n
    ), persons_in AS (
      INSERT INTO persons (id, cin, first_name_ar, last_name_ar, first_name_latn, last_name_latn, name_latn_norm,
                           name_ar_norm, name_skeleton, name_skeleton_ar, birth_date, gender, phone, email,
                           address_ar, address_fr, province_code)
      SELECT pid, j->>'cin', j->>'firstNameAr', j->>'lastNameAr', j->>'firstNameLatn', j->>'lastNameLatn',
             j->>'nameLatnNorm', j->>'nameArNorm', j->>'nameSkeleton', j->>'nameSkeletonAr', (j->>'birthDate')::date,
             j->>'gender', j->>'phone', j->>'email', j->>'addressAr', j->>'addressFr', j->>'provinceCode'
        FROM b
    ), registrations_in AS (
      INSERT INTO registrations (id, nia, kind, years_of_practice, person_id, chamber_code, workshop_province_code,
                                 workshop_address_ar, workshop_address_fr, nomenclature_version, primary_activity_code,
                                 import_id, import_row)
      SELECT rid, nia, j->>'kind', (j->>'yearsOfPractice')::int, pid, ${ctx.chamberCode}, j->>'provinceCode',
             j->>'addressAr', j->>'addressFr', ${ctx.nomenclatureVersion}, j->>'activityCode', ${ctx.importId}::uuid, n
        FROM b
    ), versions_in AS (
      INSERT INTO registration_versions (registration_id, version, action, snapshot, reason, actor_id)
      SELECT rid, 1, 'register',
             jsonb_build_object(
               'status', 'active', 'chamberCode', ${ctx.chamberCode}::text,
               'workshopProvinceCode', j->'provinceCode', 'workshopAddressAr', j->'addressAr',
               'workshopAddressFr', j->'addressFr', 'primaryActivityCode', j->'activityCode',
               'secondaryActivityCodes', '[]'::jsonb, 'phone', j->'phone', 'email', j->'email',
               'import', jsonb_build_object('id', ${ctx.importId}::text, 'file', ${ctx.fileName}::text, 'row', n,
                                            'legacyNumber', j->'legacyNumber')),
             'import', ${ctx.actorId}::uuid
        FROM b
    )
    UPDATE import_rows r SET status = 'loaded', registration_id = b.rid
      FROM b WHERE r.import_id = ${ctx.importId} AND r.row_number = b.n`);
}

export async function markRejected(tx: Tx, importId: string, rows: { rowNumber: number; cin: string }[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    UPDATE import_rows r SET status = 'rejected',
           reasons = r.reasons || jsonb_build_array(jsonb_build_object('code', 'cin_taken', 'field', 'cin', 'value', t.cin))
      FROM unnest(${p(rows.map((r) => r.rowNumber))}::int[], ${p(rows.map((r) => r.cin))}::text[]) AS t(n, cin)
     WHERE r.import_id = ${importId} AND r.row_number = t.n`);
}

/** Advances the cursor and the counts, in the batch's transaction. */
export async function advance(tx: Tx, importId: string, cursor: number, loaded: number, rejected: number) {
  await tx.execute(sql`
    UPDATE imports SET cursor_row = ${cursor}, loaded_count = loaded_count + ${loaded},
           rejected_count = rejected_count + ${rejected}, progress_done = progress_done + ${loaded + rejected},
           heartbeat_at = now(), updated_at = now()
     WHERE id = ${importId}`);
}
