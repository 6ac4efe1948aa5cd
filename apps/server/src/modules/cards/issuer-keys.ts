import {
  fromBase64url,
  generateIssuerKey,
  type IssuerJwk,
  type KeyState,
  publicKeyToJwk,
  toBase64url,
} from '@hirfa/contracts/credential';
import { eq, ne } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { deriveKey, seal, unseal } from '../../platform/auth/secrets.ts';
import type { Db, Executor } from '../../platform/db/client.ts';
import { TtlCache } from '../../platform/ttl-cache.ts';
import { issuerKeys } from './cards.tables.ts';

export interface Signer {
  kid: string;
  kidBytes: Uint8Array;
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

const keyOf = (appSecret: string) => deriveKey(appSecret, 'issuer-key');

/** The active signing key, unsealed (created on first use). */
export async function activeSigner(db: Executor, appSecret: string): Promise<Signer> {
  const [row] = await db.select().from(issuerKeys).where(eq(issuerKeys.state, 'active'));
  if (row) {
    const secretKey = fromBase64url(unseal(keyOf(appSecret), row.secretSealed));
    const publicKey = fromBase64url(row.publicKey);
    const pair = generateIssuerKey(secretKey);
    return { kid: row.kid, kidBytes: pair.kidBytes, secretKey, publicKey };
  }
  const pair = generateIssuerKey();
  await db
    .insert(issuerKeys)
    .values({
      kid: pair.kid,
      publicKey: toBase64url(pair.publicKey),
      secretSealed: seal(keyOf(appSecret), toBase64url(pair.secretKey)),
      state: 'active',
    })
    .onConflictDoNothing();
  return activeSigner(db, appSecret);
}

/** The public keys that may still verify cards, with their state, as a JWKS. */
export async function jwks(db: Executor): Promise<{ keys: (IssuerJwk & { state: KeyState })[] }> {
  const rows = await db.select().from(issuerKeys).orderBy(issuerKeys.createdAt);
  return {
    keys: rows.map((r) => ({ ...publicKeyToJwk(fromBase64url(r.publicKey), r.state), state: r.state })),
  };
}

/** Makes a new key active; the previous one is retired and keeps verifying its cards. */
export async function rotateIssuerKey(db: Db, appSecret: string, actor: Actor): Promise<string> {
  const kid = await db.transaction(async (tx) => {
    const pair = generateIssuerKey();
    const previous = await tx
      .update(issuerKeys)
      .set({ state: 'retired', retiredAt: new Date() })
      .where(eq(issuerKeys.state, 'active'))
      .returning({ kid: issuerKeys.kid });
    await tx.insert(issuerKeys).values({
      kid: pair.kid,
      publicKey: toBase64url(pair.publicKey),
      secretSealed: seal(keyOf(appSecret), toBase64url(pair.secretKey)),
      state: 'active',
    });
    await recordAudit(tx, actor, {
      action: 'issuer_key.rotate',
      targetType: 'issuer_key',
      targetId: pair.kid,
      changes: { retired: previous.map((p) => p.kid) },
    });
    return pair.kid;
  });
  statesCache.clear();
  return kid;
}

/** Marks a key compromised: its cards stop verifying; a new active key is made if it was active. */
export async function compromiseIssuerKey(
  db: Db,
  appSecret: string,
  kid: string,
  actor: Actor,
): Promise<boolean> {
  const [row] = await db.select().from(issuerKeys).where(eq(issuerKeys.kid, kid));
  if (!row || row.state === 'compromised') return false;
  await db.transaction(async (tx) => {
    await tx
      .update(issuerKeys)
      .set({ state: 'compromised', compromisedAt: new Date() })
      .where(eq(issuerKeys.kid, kid));
    await recordAudit(tx, actor, {
      action: 'issuer_key.compromise',
      targetType: 'issuer_key',
      targetId: kid,
    });
  });
  statesCache.clear();
  if (row.state === 'active') await activeSigner(db, appSecret);
  return true;
}

/** Short-lived: a key marked compromised must stop verifying quickly on every server process. */
const statesCache = new TtlCache<Map<string, KeyState>>(10_000);

export function cachedKeyStates(db: Executor): Promise<Map<string, KeyState>> {
  return statesCache.get('all', () => keyStates(db));
}

export async function keyStates(db: Executor): Promise<Map<string, KeyState>> {
  const rows = await db
    .select({ kid: issuerKeys.kid, state: issuerKeys.state })
    .from(issuerKeys)
    .where(ne(issuerKeys.kid, ''));
  return new Map(rows.map((r) => [r.kid, r.state]));
}
