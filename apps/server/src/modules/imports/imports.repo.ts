import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { type ImportRecord, importRows, imports, importTemplates, type StagedRow } from './imports.tables.ts';

export async function insertImport(db: Executor, values: typeof imports.$inferInsert): Promise<ImportRecord> {
  const [row] = await db.insert(imports).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findImport(db: Executor, id: string): Promise<ImportRecord | null> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  return row ?? null;
}

/** The import, row-locked until the transaction ends: one writer at a time per import. */
export async function lockImport(db: Executor, id: string): Promise<ImportRecord | null> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id)).for('update');
  return row ?? null;
}

export async function updateImport(
  db: Executor,
  id: string,
  values: Partial<typeof imports.$inferInsert>,
): Promise<ImportRecord | null> {
  const [row] = await db
    .update(imports)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(imports.id, id))
    .returning();
  return row ?? null;
}

export async function listImports(
  db: Executor,
  q: {
    chamberCode?: string | undefined;
    status?: ImportRecord['status'] | undefined;
    limit: number;
    offset: number;
  },
) {
  const conds: SQL[] = [];
  if (q.chamberCode) conds.push(eq(imports.chamberCode, q.chamberCode));
  if (q.status) conds.push(eq(imports.status, q.status));
  const where = conds.length ? and(...conds) : undefined;
  const [items, [total]] = await Promise.all([
    db.select().from(imports).where(where).orderBy(desc(imports.createdAt)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(imports).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Imports a job was working on when its process stopped (no heartbeat for a while). */
export async function staleImports(db: Executor, olderThanSeconds: number) {
  return db
    .select({
      id: imports.id,
      chamberCode: imports.chamberCode,
      phase: imports.phase,
      status: imports.status,
    })
    .from(imports)
    .where(
      sql`${imports.phase} IS NOT NULL AND (${imports.heartbeatAt} IS NULL OR ${imports.heartbeatAt} < now() - make_interval(secs => ${olderThanSeconds}))`,
    );
}

// Templates ---------------------------------------------------------------------------------

export async function listTemplates(db: Executor, chamberCode: string | undefined) {
  return db
    .select()
    .from(importTemplates)
    .where(chamberCode ? eq(importTemplates.chamberCode, chamberCode) : undefined)
    .orderBy(asc(importTemplates.chamberCode), asc(importTemplates.name));
}

export async function findTemplateByName(db: Executor, chamberCode: string, name: string) {
  const [row] = await db
    .select()
    .from(importTemplates)
    .where(and(eq(importTemplates.chamberCode, chamberCode), eq(importTemplates.name, name)));
  return row ?? null;
}

export async function upsertTemplate(db: Executor, values: typeof importTemplates.$inferInsert) {
  const [row] = await db
    .insert(importTemplates)
    .values(values)
    .onConflictDoUpdate({
      target: [importTemplates.chamberCode, importTemplates.name],
      set: {
        headerSignature: values.headerSignature,
        headers: values.headers,
        headerRow: values.headerRow,
        mapping: values.mapping,
        updatedAt: new Date(),
      },
    })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return row;
}

// Staged rows -------------------------------------------------------------------------------

export interface StagedInsert {
  rowNumber: number;
  raw: string[];
  normalised: unknown;
  status: StagedRow['status'];
  reasons: unknown[];
  notes: unknown[];
  matchedRegistrationId: string | null;
  matchedRow: number | null;
}

/**
 * Stages a batch of judged rows in one statement. The batch travels as one JSON document
 * (jsonb_to_recordset): cheaper to send and to parse than one array parameter per column.
 */
export async function insertStagedRows(db: Executor, importId: string, rows: StagedInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const doc = JSON.stringify(
    rows.map((r) => ({
      n: r.rowNumber,
      raw: r.raw,
      norm: r.normalised,
      status: r.status,
      reasons: r.reasons,
      notes: r.notes,
      reg: r.matchedRegistrationId,
      mrow: r.matchedRow,
    })),
  );
  await db.execute(sql`
    INSERT INTO import_rows (import_id, row_number, raw, normalised, status, reasons, notes, matched_registration_id, matched_row)
    SELECT ${importId}::uuid, t.n, t.raw, t.norm, t.status, t.reasons, t.notes, t.reg, t.mrow
      FROM jsonb_to_recordset(${doc}::jsonb)
           AS t(n int, raw jsonb, norm jsonb, status text, reasons jsonb, notes jsonb, reg uuid, mrow int)`);
}

/** Fresh statistics after staging a large file, so the report's and the load's queries plan well. */
export async function analyzeStagedRows(db: Executor): Promise<void> {
  await db.execute(sql`ANALYZE import_rows`);
}

export async function deleteStagedRows(db: Executor, importId: string): Promise<void> {
  await db.delete(importRows).where(eq(importRows.importId, importId));
}

export async function countStaged(db: Executor, importId: string) {
  const rows = await db
    .select({
      status: importRows.status,
      n: count(),
      anyway: sql<number>`count(*) FILTER (WHERE ${importRows.decision} = 'load_anyway')`,
    })
    .from(importRows)
    .where(eq(importRows.importId, importId))
    .groupBy(importRows.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
  const anyway = rows.reduce((s, r) => s + Number(r.anyway), 0);
  return { by, anyway };
}

export async function listStaged(
  db: Executor,
  importId: string,
  q: { status?: StagedRow['status'] | undefined; limit: number; offset: number },
) {
  const where = q.status
    ? and(eq(importRows.importId, importId), eq(importRows.status, q.status))
    : eq(importRows.importId, importId);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(importRows)
      .where(where)
      .orderBy(asc(importRows.rowNumber))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(importRows).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Rows after `afterRow` in order, for streaming a report or the rejects file. */
export async function stagedAfter(
  db: Executor,
  importId: string,
  afterRow: number,
  limit: number,
  statuses: StagedRow['status'][],
) {
  return db
    .select()
    .from(importRows)
    .where(
      and(
        eq(importRows.importId, importId),
        sql`${importRows.rowNumber} > ${afterRow}`,
        sql`${importRows.status} IN (${sql.join(
          statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(asc(importRows.rowNumber))
    .limit(limit);
}

export async function findStaged(db: Executor, importId: string, rowNumber: number) {
  const [row] = await db
    .select()
    .from(importRows)
    .where(and(eq(importRows.importId, importId), eq(importRows.rowNumber, rowNumber)));
  return row ?? null;
}

export async function setDecision(
  db: Executor,
  importId: string,
  rowNumber: number,
  decision: 'load_anyway' | null,
) {
  await db
    .update(importRows)
    .set({ decision })
    .where(and(eq(importRows.importId, importId), eq(importRows.rowNumber, rowNumber)));
}

// The register, as duplicates see it ----------------------------------------------------------

export interface KnownPerson {
  personId: string;
  cin: string | null;
  birthDate: string;
  nameSkeleton: string;
  nameSkeletonAr: string;
  registrationId: string | null;
}

const KNOWN_COLUMNS = sql`p.id AS "personId", p.cin, p.birth_date::text AS "birthDate", p.name_skeleton AS "nameSkeleton",
  p.name_skeleton_ar AS "nameSkeletonAr",
  (SELECT r.id FROM registrations r WHERE r.person_id = p.id
    ORDER BY (r.status <> 'radiated') DESC, r.registered_at DESC LIMIT 1) AS "registrationId"`;

/** Persons of the register holding one of these CINs. */
export async function personsByCin(db: Executor, cins: string[]): Promise<KnownPerson[]> {
  if (cins.length === 0) return [];
  return rowsOf<KnownPerson>(
    await db.execute(
      sql`SELECT ${KNOWN_COLUMNS} FROM persons p WHERE p.cin = ANY(${sql.param(cins)}::text[])`,
    ),
  );
}

/** Persons with one of these (name skeleton, birth date) pairs, in either script's key. */
export async function personsByNameAndBirth(
  db: Executor,
  pairs: { key: string; birthDate: string }[],
): Promise<KnownPerson[]> {
  if (pairs.length === 0) return [];
  const keys = sql.param(pairs.map((p) => p.key));
  const dates = sql.param(pairs.map((p) => p.birthDate));
  return rowsOf<KnownPerson>(
    await db.execute(sql`
      WITH k AS (SELECT DISTINCT key, birth FROM unnest(${keys}::text[], ${dates}::date[]) AS t(key, birth))
      SELECT ${KNOWN_COLUMNS} FROM persons p WHERE p.id IN (
        SELECT p1.id FROM k JOIN persons p1 ON p1.name_skeleton = k.key AND p1.birth_date = k.birth
        UNION
        SELECT p2.id FROM k JOIN persons p2 ON p2.name_skeleton_ar = k.key AND p2.birth_date = k.birth)`),
  );
}

/** What the report shows of a matched entry. */
export async function entriesById(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return rowsOf<{
    id: string;
    nia: string;
    chamberCode: string;
    status: string;
    cin: string | null;
    birthDate: string | null;
    nameAr: string;
    nameLatn: string;
  }>(
    await db.execute(sql`
      SELECT r.id, r.nia, r.chamber_code AS "chamberCode", r.status, p.cin, p.birth_date::text AS "birthDate",
             p.first_name_ar || ' ' || p.last_name_ar AS "nameAr", p.first_name_latn || ' ' || p.last_name_latn AS "nameLatn"
        FROM registrations r JOIN persons p ON p.id = r.person_id
       WHERE r.id = ANY(${sql.param(ids)}::uuid[])`),
  );
}

// Reference data, as the row checks need it (read-only) ---------------------------------------

/** Provinces in force on a date, with their region. */
export async function provincesInForce(db: Executor, at: string) {
  return rowsOf<{ code: string; nameFr: string; nameAr: string; regionCode: string }>(
    await db.execute(sql`
      SELECT code, name_fr AS "nameFr", name_ar AS "nameAr", region_code AS "regionCode" FROM provinces
       WHERE valid_from <= ${at} AND (valid_to IS NULL OR valid_to > ${at})`),
  );
}

/** Activities of a nomenclature version, with their names in both languages. */
export async function activitiesOf(db: Executor, versionCode: string) {
  return rowsOf<{ code: string; nameFr: string; nameAr: string }>(
    await db.execute(sql`
      SELECT code, name_fr AS "nameFr", name_ar AS "nameAr" FROM activities WHERE version_code = ${versionCode}`),
  );
}

/** Progress of the job holding the import; false when it no longer holds it (taken over, cancelled). */
export async function heartbeat(
  db: Executor,
  id: string,
  claim: string,
  values: Partial<typeof imports.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(imports)
    .set({ ...values, heartbeatAt: new Date(), updatedAt: new Date() })
    .where(and(eq(imports.id, id), eq(imports.jobId, claim), sql`${imports.phase} IS NOT NULL`))
    .returning({ id: imports.id });
  return rows.length > 0;
}
