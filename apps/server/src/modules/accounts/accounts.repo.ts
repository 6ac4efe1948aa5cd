import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { loginThrottle, type UserRow, users } from '../../platform/auth/auth.tables.ts';
import type { Executor } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function findUserByPhone(db: Executor, phone: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.phone, phone));
  return row ?? null;
}

export async function getUserById(db: Executor, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function listStaff(db: Executor, chamberCode: string | undefined): Promise<UserRow[]> {
  const where = chamberCode
    ? and(ne(users.role, 'artisan'), eq(users.chamberCode, chamberCode))
    : ne(users.role, 'artisan');
  return db.select().from(users).where(where).orderBy(asc(users.chamberCode), asc(users.displayName));
}

export async function insertUser(db: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateUser(
  db: Executor,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  if (!row) throw new Error('update matched no row');
  return row;
}

/** Seconds left on a lock of this throttle key, or 0. */
export async function lockedFor(db: Executor, key: string): Promise<number> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  if (!row?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((row.lockedUntil.getTime() - Date.now()) / 1000));
}

/** Counts one failure in the key's window; locks the key once it reaches `max`. */
export async function recordFailure(
  db: Executor,
  key: string,
  max: number,
  windowMinutes: number,
): Promise<void> {
  const rows = rowsOf<{ failures: number }>(
    await db.execute(sql`
      INSERT INTO login_throttle AS t (key, failures, window_start) VALUES (${key}, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t.window_start < now() - make_interval(mins => ${windowMinutes}) OR t.locked_until < now()
                        THEN 1 ELSE t.failures + 1 END,
        window_start = CASE WHEN t.window_start < now() - make_interval(mins => ${windowMinutes}) OR t.locked_until < now()
                            THEN now() ELSE t.window_start END,
        locked_until = CASE WHEN t.locked_until < now() THEN NULL ELSE t.locked_until END
      RETURNING failures`),
  );
  if (Number(rows[0]?.failures ?? 0) >= max) {
    await db.execute(
      sql`UPDATE login_throttle SET locked_until = now() + make_interval(mins => ${windowMinutes}) WHERE key = ${key}`,
    );
  }
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
