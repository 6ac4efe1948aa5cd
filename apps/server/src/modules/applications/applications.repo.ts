import { and, asc, desc, eq, ilike, inArray, isNull, lte, ne, notInArray, type SQL, sql } from 'drizzle-orm';
import { users } from '../../platform/auth/auth.tables.ts';
import type { Executor } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { normalizeArabic, normalizeCin, normalizeLatin } from '../names/index.ts';
import { persons, registrations } from '../registry/index.ts';
import {
  type ApplicationRow,
  applicationActions,
  applicationCounters,
  applications,
  documents,
  duplicateDecisions,
} from './applications.tables.ts';

/** The next file number of a chamber for a year, e.g. RNA-06-2026-000123. */
export async function nextFileNumber(db: Executor, chamberCode: string, year: number): Promise<string> {
  const [row] = await db
    .insert(applicationCounters)
    .values({ chamberCode, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [applicationCounters.chamberCode, applicationCounters.year],
      set: { lastNumber: sql`${applicationCounters.lastNumber} + 1` },
    })
    .returning({ n: applicationCounters.lastNumber });
  const region = chamberCode.replace(/^CA-MA-/, '');
  return `RNA-${region}-${year}-${String(row?.n ?? 0).padStart(6, '0')}`;
}

export async function insertApplication(db: Executor, values: typeof applications.$inferInsert) {
  const [row] = await db.insert(applications).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The application, row-locked for the rest of the transaction: actions on one file are serial. */
export async function lockApplication(db: Executor, id: string): Promise<ApplicationRow | null> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).for('update');
  return row ?? null;
}

export async function getApplication(db: Executor, id: string): Promise<ApplicationRow | null> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row ?? null;
}

export async function updateApplication(
  db: Executor,
  id: string,
  values: Partial<typeof applications.$inferInsert>,
) {
  const [row] = await db
    .update(applications)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(applications.id, id))
    .returning();
  if (!row) throw new Error('update matched no row');
  return row;
}

export async function insertAction(db: Executor, values: typeof applicationActions.$inferInsert) {
  const [row] = await db.insert(applicationActions).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function actionsOf(db: Executor, applicationId: string) {
  return db
    .select({ a: applicationActions, actorName: users.displayName })
    .from(applicationActions)
    .leftJoin(users, eq(users.id, applicationActions.actorId))
    .where(eq(applicationActions.applicationId, applicationId))
    .orderBy(asc(applicationActions.id));
}

export async function actionByKey(db: Executor, applicationId: string, key: string) {
  const [row] = await db
    .select()
    .from(applicationActions)
    .where(
      and(eq(applicationActions.applicationId, applicationId), eq(applicationActions.idempotencyKey, key)),
    );
  return row ?? null;
}

/** The application a `create` with this key made, by this actor (a retried creation). */
export async function createdWithKey(db: Executor, key: string, actorId: string) {
  const [row] = await db
    .select({ id: applicationActions.applicationId })
    .from(applicationActions)
    .where(
      and(
        eq(applicationActions.idempotencyKey, key),
        eq(applicationActions.type, 'create'),
        eq(applicationActions.actorId, actorId),
      ),
    );
  return row?.id ?? null;
}

export interface QueueFilter {
  chamberCode?: string | undefined;
  applicantUserId?: string | undefined;
  states?: string[] | undefined;
  kind?: string | undefined;
  activity?: string | undefined;
  province?: string | undefined;
  olderThan?: Date | undefined;
  assignee?: string | null | undefined;
  /** File number, CIN, or a name in either script (as typed). */
  text?: string | undefined;
  limit: number;
  offset: number;
  oldestFirst: boolean;
}

export async function listApplications(db: Executor, f: QueueFilter) {
  const where: SQL[] = [];
  if (f.chamberCode) where.push(eq(applications.chamberCode, f.chamberCode));
  if (f.applicantUserId) where.push(eq(applications.applicantUserId, f.applicantUserId));
  if (f.states?.length) where.push(inArray(applications.state, f.states as ApplicationRow['state'][]));
  if (f.kind) where.push(eq(applications.kind, f.kind as ApplicationRow['kind']));
  if (f.activity) where.push(eq(applications.primaryActivityCode, f.activity));
  if (f.province) where.push(eq(applications.provinceCode, f.province));
  if (f.olderThan) where.push(lte(applications.stateSince, f.olderThan));
  if (f.assignee === null) where.push(isNull(applications.assigneeId));
  else if (f.assignee) where.push(eq(applications.assigneeId, f.assignee));
  if (f.text?.trim()) {
    const typed = f.text.trim();
    const latn = normalizeLatin(typed).normalized;
    const ar = normalizeArabic(typed);
    const cin = normalizeCin(typed);
    const or: SQL[] = [ilike(applications.fileNumber, `%${typed}%`)];
    if (cin) or.push(eq(applications.cin, cin));
    if (latn) or.push(ilike(applications.nameLatnNorm, `%${latn}%`));
    if (ar) or.push(ilike(applications.nameArNorm, `%${ar}%`));
    where.push(sql`(${sql.join(or, sql` OR `)})`);
  }
  const condition = where.length ? and(...where) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select({ a: applications, assigneeName: users.displayName })
      .from(applications)
      .leftJoin(users, eq(users.id, applications.assigneeId))
      .where(condition)
      .orderBy(
        f.oldestFirst ? asc(applications.stateSince) : desc(applications.createdAt),
        asc(applications.fileNumber),
      )
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(applications).where(condition),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function currentDocuments(db: Executor, applicationId: string) {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.applicationId, applicationId), isNull(documents.supersededAt)))
    .orderBy(asc(documents.uploadedAt));
}

export async function supersede(db: Executor, applicationId: string, type: string) {
  await db
    .update(documents)
    .set({ supersededAt: new Date() })
    .where(
      and(
        eq(documents.applicationId, applicationId),
        eq(documents.type, type as (typeof documents.$inferSelect)['type']),
        isNull(documents.supersededAt),
      ),
    );
}

export async function insertDocument(db: Executor, values: typeof documents.$inferInsert) {
  const [row] = await db.insert(documents).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function getDocument(db: Executor, id: string) {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row ?? null;
}

export interface CandidateKeys {
  cin: string | null;
  birthDate: string | null;
  skeletons: string[];
  latn: string;
  ar: string;
}

/** Register entries that may be the same person: same CIN, or same birth date and a close name. */
export async function registrationCandidates(db: Executor, k: CandidateKeys) {
  const skeletons = k.skeletons.filter(Boolean);
  const nameMatch = sql`(${persons.nameSkeleton} IN ${skeletons.length ? skeletons : ['']} OR ${persons.nameSkeletonAr} IN ${skeletons.length ? skeletons : ['']}
      OR (${k.latn} <> '' AND similarity(${persons.nameLatnNorm}, ${k.latn}) >= 0.4)
      OR (${k.ar} <> '' AND similarity(${persons.nameArNorm}, ${k.ar}) >= 0.4))`;
  const cond: SQL[] = [];
  if (k.cin) cond.push(eq(persons.cin, k.cin));
  if (k.birthDate) cond.push(and(eq(persons.birthDate, k.birthDate), nameMatch) as SQL);
  if (cond.length === 0) return [];
  return db
    .select({ r: registrations, p: persons })
    .from(persons)
    .innerJoin(registrations, eq(registrations.personId, persons.id))
    .where(sql.join(cond, sql` OR `))
    .limit(25);
}

/** Other applications (not withdrawn) that may be the same person. */
export async function applicationCandidates(db: Executor, selfId: string, k: CandidateKeys) {
  const skeletons = k.skeletons.filter(Boolean);
  const nameMatch = sql`(${applications.nameSkeleton} IN ${skeletons.length ? skeletons : ['']} OR ${applications.nameSkeletonAr} IN ${skeletons.length ? skeletons : ['']}
      OR (${k.latn} <> '' AND similarity(${applications.nameLatnNorm}, ${k.latn}) >= 0.4)
      OR (${k.ar} <> '' AND similarity(${applications.nameArNorm}, ${k.ar}) >= 0.4))`;
  const cond: SQL[] = [];
  if (k.cin) cond.push(eq(applications.cin, k.cin));
  if (k.birthDate) cond.push(and(eq(applications.birthDate, k.birthDate), nameMatch) as SQL);
  if (cond.length === 0) return [];
  return db
    .select()
    .from(applications)
    .where(
      and(
        ne(applications.id, selfId),
        notInArray(applications.state, ['withdrawn', 'draft']),
        isNull(applications.registrationId),
        sql`(${sql.join(cond, sql` OR `)})`,
      ),
    )
    .limit(25);
}

export async function decisionsOf(db: Executor, applicationId: string) {
  return db
    .select()
    .from(duplicateDecisions)
    .where(eq(duplicateDecisions.applicationId, applicationId))
    .orderBy(desc(duplicateDecisions.id));
}

export async function insertDecision(db: Executor, values: typeof duplicateDecisions.$inferInsert) {
  await db.insert(duplicateDecisions).values(values);
}

export async function staffOfChamber(db: Executor, userId: string, chamberCode: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.chamberCode, chamberCode), eq(users.status, 'active')));
  return row !== undefined;
}

export async function userName(db: Executor, userId: string): Promise<string | null> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

export async function userContact(db: Executor, userId: string) {
  const [row] = await db
    .select({ email: users.email, phone: users.phone, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function countByState(db: Executor, chamberCode: string | undefined) {
  const rows = rowsOf<{ state: string; n: number }>(
    await db.execute(
      sql`SELECT state, count(*)::int AS n FROM applications ${chamberCode ? sql`WHERE chamber_code = ${chamberCode}` : sql``} GROUP BY state`,
    ),
  );
  return rows;
}
