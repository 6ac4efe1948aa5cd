import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import {
  niaSequence,
  organisationMembers,
  organisations,
  type PersonRow,
  persons,
  registrationActivities,
  type RegistrationRow,
  registrations,
  registrationVersions,
} from './registry.tables.ts';

/** Takes the next number of the national NIA sequence (row-locked until the transaction ends). */
export async function takeNiaSequence(db: Executor): Promise<number> {
  const [row] = await db
    .update(niaSequence)
    .set({ lastSeq: sql`${niaSequence.lastSeq} + 1` })
    .returning({ seq: niaSequence.lastSeq });
  if (!row) throw new Error('nia_sequence is missing its row');
  return row.seq;
}

export async function findPersonByCin(db: Executor, cin: string): Promise<PersonRow | null> {
  const [row] = await db.select().from(persons).where(eq(persons.cin, cin));
  return row ?? null;
}

export async function insertPerson(db: Executor, values: typeof persons.$inferInsert): Promise<PersonRow> {
  const [row] = await db.insert(persons).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updatePerson(db: Executor, id: string, values: Partial<typeof persons.$inferInsert>) {
  await db
    .update(persons)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(persons.id, id));
}

export async function insertOrganisation(db: Executor, values: typeof organisations.$inferInsert) {
  const [row] = await db.insert(organisations).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  await db
    .insert(organisationMembers)
    .values({ organisationId: row.id, personId: values.legalRepPersonId, role: 'legal_representative' });
  return row;
}

export async function insertRegistration(
  db: Executor,
  values: typeof registrations.$inferInsert,
  secondary: string[],
): Promise<RegistrationRow> {
  const [row] = await db.insert(registrations).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  if (secondary.length > 0) {
    await db.insert(registrationActivities).values(
      secondary.map((activityCode) => ({
        registrationId: row.id,
        nomenclatureVersion: row.nomenclatureVersion,
        activityCode,
      })),
    );
  }
  return row;
}

/** Updates an entry only if it is still at the version the caller saw; null when it moved on. */
export async function updateRegistrationAt(
  db: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<typeof registrations.$inferInsert>,
): Promise<RegistrationRow | null> {
  const [row] = await db
    .update(registrations)
    .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(registrations.id, id), eq(registrations.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function insertVersion(db: Executor, values: typeof registrationVersions.$inferInsert) {
  await db.insert(registrationVersions).values(values);
}

export async function getRegistration(db: Executor, id: string) {
  const [row] = await db.select().from(registrations).where(eq(registrations.id, id));
  return row ?? null;
}

export async function findRegistrationByNia(db: Executor, nia: string) {
  const [row] = await db.select().from(registrations).where(eq(registrations.nia, nia));
  return row ?? null;
}

/** Whether this CIN already holds a live (not radiated) entry of this kind. */
export async function hasLiveRegistration(db: Executor, cin: string, kind: RegistrationRow['kind']) {
  const [row] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(persons, eq(persons.id, registrations.personId))
    .where(and(eq(persons.cin, cin), eq(registrations.kind, kind), ne(registrations.status, 'radiated')))
    .limit(1);
  return row !== undefined;
}

export async function secondaryActivities(db: Executor, registrationId: string): Promise<string[]> {
  const rows = await db
    .select({ code: registrationActivities.activityCode })
    .from(registrationActivities)
    .where(eq(registrationActivities.registrationId, registrationId))
    .orderBy(asc(registrationActivities.activityCode));
  return rows.map((r) => r.code);
}

export async function versionsOf(db: Executor, registrationId: string) {
  return db
    .select()
    .from(registrationVersions)
    .where(eq(registrationVersions.registrationId, registrationId))
    .orderBy(asc(registrationVersions.version));
}

export async function personById(db: Executor, id: string) {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row ?? null;
}

export async function organisationById(db: Executor, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** Display names of entries: the person's, or the organisation's. */
export async function namesOf(db: Executor, rows: RegistrationRow[]) {
  const personIds = rows.flatMap((r) => (r.personId ? [r.personId] : []));
  const orgIds = rows.flatMap((r) => (r.organisationId ? [r.organisationId] : []));
  const [ps, os] = await Promise.all([
    personIds.length ? db.select().from(persons).where(inArray(persons.id, personIds)) : Promise.resolve([]),
    orgIds.length
      ? db.select().from(organisations).where(inArray(organisations.id, orgIds))
      : Promise.resolve([]),
  ]);
  const map = new Map<string, { nameAr: string; nameLatn: string }>();
  for (const p of ps)
    map.set(p.id, {
      nameAr: `${p.firstNameAr} ${p.lastNameAr}`,
      nameLatn: `${p.firstNameLatn} ${p.lastNameLatn}`,
    });
  for (const o of os) map.set(o.id, { nameAr: o.nameAr, nameLatn: o.nameFr });
  return map;
}

export async function registrationsOfUser(db: Executor, userId: string) {
  return db
    .select({ r: registrations })
    .from(registrations)
    .innerJoin(persons, eq(persons.id, registrations.personId))
    .where(eq(persons.userId, userId))
    .orderBy(desc(registrations.registeredAt));
}
