import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { sessions, type UserRow, users } from './auth.tables.ts';

export const SESSION_COOKIE = 'hirfa_session';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Executor,
  userId: string,
  ttlHours: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({
    id: tokenHash(token),
    userId,
    csrfToken,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
}

/** The live session of a token: not expired, not revoked, its user active. */
export async function resolveSession(db: Executor, token: string): Promise<ResolvedSession | null> {
  const id = tokenHash(token);
  const [row] = await db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (row?.u.status !== 'active') return null;
  return { id: row.s.id, csrfToken: row.s.csrfToken, expiresAt: row.s.expiresAt, user: row.u };
}

export async function revokeSession(db: Executor, id: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, id));
}
