import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.ts';
import { auditEvents } from './audit.tables.ts';
import { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Who does something, and in which request: every audited change carries it. */
export interface Actor {
  id: string | null;
  role: string | null;
  chamberCode: string | null;
  requestId: string | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, role: 'system', chamberCode: null, requestId: null, ip: null };

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  /** The chamber whose data changed, for scoped reading of the trail (defaults to the actor's). */
  chamberCode?: string | null;
  /** What changed: never a password, a token or a secret. */
  changes?: Record<string, unknown> | null;
}

interface HashedFields {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  chamberCode: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  requestId: string | null;
  ip: string | null;
  changes: unknown;
}

export function hashEvent(prevHash: string, fields: HashedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson({ ...fields, at: fields.at.toISOString() }))
    .digest('hex');
}

/**
 * Appends one event to the audit chain. Must run inside the transaction of the change it records,
 * so the event exists if and only if the change does. Events are serialised by a transaction-level
 * advisory lock so the chain has no forks.
 */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('hirfa.audit'))`);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    at: new Date(),
    actorId: actor.id,
    actorRole: actor.role,
    chamberCode: entry.chamberCode !== undefined ? entry.chamberCode : actor.chamberCode,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    requestId: actor.requestId,
    ip: actor.ip,
    changes: entry.changes ?? null,
  };
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash: hashEvent(prevHash, fields) });
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first event whose link is broken, and why. */
  broken?: { id: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' };
}

/** Walks the whole chain in id order and names the first broken link. */
export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, lastId))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prevHash !== prevHash)
        return { ok: false, checked, broken: { id: row.id, reason: 'prev_hash_mismatch' } };
      const expected = hashEvent(prevHash, {
        at: row.at,
        actorId: row.actorId,
        actorRole: row.actorRole,
        chamberCode: row.chamberCode,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        requestId: row.requestId,
        ip: row.ip,
        changes: row.changes,
      });
      if (expected !== row.hash)
        return { ok: false, checked, broken: { id: row.id, reason: 'hash_mismatch' } };
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}

/** Records that someone looked at a personal record (Law 09-08: access to personal data is traced). */
export async function recordView(
  db: { transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> },
  actor: Actor,
  targetType: string,
  targetId: string,
  chamberCode: string | null,
): Promise<void> {
  await db.transaction((tx) =>
    recordAudit(tx, actor, { action: `${targetType}.view`, targetType, targetId, chamberCode }),
  );
}
