import { and, eq, gte, inArray, lt, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { type OutboxRow, outbox } from '../../platform/outbox/outbox.ts';

export interface RetryPolicy {
  /** Attempts before a message is marked `failed`. */
  maxAttempts: number;
  /** Wait after the first failed attempt; each further wait is four times the previous one. */
  retryBaseSeconds: number;
}

/**
 * When a pending message is due: `created_at` plus the sum of the waits of the attempts made,
 * base × (1 + 4 + 16 + …) = base × (4^attempts − 1) / 3. With base 60 s: at once, then 1 min,
 * 5 min, 21 min and 85 min after the message was queued.
 */
function dueAt(retryBaseSeconds: number): SQL {
  return sql`(${outbox.createdAt} + make_interval(secs => ${retryBaseSeconds}::float8 * (power(4, ${outbox.attempts}) - 1) / 3))`;
}

/**
 * Claims up to `limit` due messages in one statement: the rows are picked with
 * `FOR UPDATE SKIP LOCKED` and their `attempts` is incremented before anything is sent, so two
 * claimers running at the same moment never get the same row, and a crash during a send still
 * counts as an attempt. `exclude` keeps a run from retrying a row it has already tried.
 */
export async function claimBatch(
  db: Executor,
  policy: RetryPolicy,
  opts: { limit: number; exclude?: readonly number[] },
): Promise<OutboxRow[]> {
  const candidates = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        lt(outbox.attempts, policy.maxAttempts),
        lte(dueAt(policy.retryBaseSeconds), sql`now()`),
        opts.exclude?.length ? notInArray(outbox.id, [...opts.exclude]) : undefined,
      ),
    )
    .orderBy(outbox.id)
    .limit(opts.limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1` })
    .where(and(inArray(outbox.id, candidates), eq(outbox.status, 'pending')))
    .returning();
}

export async function markSent(db: Executor, id: number): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
}

/** Records a failed attempt; the row stays `pending` for a retry unless `final`. */
export async function markFailure(db: Executor, id: number, error: string, final: boolean): Promise<void> {
  await db
    .update(outbox)
    .set({ lastError: error, ...(final ? { status: 'failed' as const } : {}) })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
}

/**
 * Rows whose last attempt was claimed but never finished (the process stopped during the send):
 * nobody knows whether they left, so they are closed as `failed` rather than sent once more.
 * Only called while no other run is sending.
 */
export async function failInterrupted(db: Executor, policy: RetryPolicy): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: 'failed', lastError: sql`coalesce(${outbox.lastError}, 'interrupted')` })
    .where(and(eq(outbox.status, 'pending'), gte(outbox.attempts, policy.maxAttempts)))
    .returning({ id: outbox.id });
  return rows.length;
}

/** Seconds until the next pending message is due (≤ 0: due now), or null when none is pending. */
export async function secondsUntilNextDue(db: Executor, policy: RetryPolicy): Promise<number | null> {
  const [row] = await db
    .select({
      seconds: sql<number | null>`extract(epoch from min(${dueAt(policy.retryBaseSeconds)}) - now())::float8`,
    })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lt(outbox.attempts, policy.maxAttempts)));
  return row?.seconds === null || row?.seconds === undefined ? null : Number(row.seconds);
}

export async function hasPending(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.status, 'pending')).limit(1);
  return rows.length > 0;
}
