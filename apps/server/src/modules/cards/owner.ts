import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { persons, registrations } from '../registry/index.ts';

/** The register entries whose holder is this portal account. */
export async function registrationsOfUserIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: registrations.id })
    .from(registrations)
    .innerJoin(persons, eq(persons.id, registrations.personId))
    .where(eq(persons.userId, userId));
  return rows.map((r) => r.id);
}
