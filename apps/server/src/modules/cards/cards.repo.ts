import { and, asc, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { registrations } from '../registry/index.ts';
import { rowsOf } from '../../platform/db/client.ts';
import {
  type CardRow,
  cardEvents,
  cards,
  printBatches,
  statusListCounters,
  statusPublications,
} from './cards.tables.ts';

export async function nextSerialNumber(db: Executor): Promise<number> {
  const [row] = rowsOf<{ n: string }>(await db.execute(sql`SELECT nextval('card_serial_seq') AS n`));
  return Number(row?.n);
}

/** The next free index in a chamber's status lists. */
export async function takeStatusIndex(db: Executor, chamberCode: string): Promise<number> {
  const [row] = await db
    .insert(statusListCounters)
    .values({ chamberCode, nextIndex: 1 })
    .onConflictDoUpdate({
      target: statusListCounters.chamberCode,
      set: { nextIndex: sql`${statusListCounters.nextIndex} + 1` },
    })
    .returning({ n: statusListCounters.nextIndex });
  return Number(row?.n) - 1;
}

export async function insertCard(db: Executor, values: typeof cards.$inferInsert): Promise<CardRow> {
  const [row] = await db.insert(cards).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateCard(db: Executor, id: string, values: Partial<typeof cards.$inferInsert>) {
  const [row] = await db
    .update(cards)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(cards.id, id))
    .returning();
  if (!row) throw new Error('update matched no row');
  return row;
}

export async function event(
  db: Executor,
  cardId: string,
  type: (typeof cardEvents.$inferInsert)['type'],
  actorId: string | null,
  reason?: string,
) {
  await db.insert(cardEvents).values({ cardId, type, actorId, reason: reason ?? null });
}

export async function getCard(db: Executor, id: string) {
  const [row] = await db.select().from(cards).where(eq(cards.id, id));
  return row ?? null;
}

export async function findBySerial(db: Executor, serial: string) {
  const [row] = await db.select().from(cards).where(eq(cards.serial, serial));
  return row ?? null;
}

/** The card with the nomenclature version of its entry, in one query (the public verify path). */
export async function findBySerialWithVersion(db: Executor, serial: string) {
  const [row] = await db
    .select({ card: cards, nomenclatureVersion: registrations.nomenclatureVersion })
    .from(cards)
    .innerJoin(registrations, eq(registrations.id, cards.registrationId))
    .where(eq(cards.serial, serial));
  return row ?? null;
}

export async function cardsOfRegistration(db: Executor, registrationId: string) {
  return db
    .select()
    .from(cards)
    .where(eq(cards.registrationId, registrationId))
    .orderBy(desc(cards.issuedAt));
}

export async function listCards(
  db: Executor,
  f: {
    chamberCode?: string | undefined;
    status?: CardRow['status'] | undefined;
    registrationId?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const where: SQL[] = [];
  if (f.chamberCode) where.push(eq(cards.chamberCode, f.chamberCode));
  if (f.status) where.push(eq(cards.status, f.status));
  if (f.registrationId) where.push(eq(cards.registrationId, f.registrationId));
  return db
    .select()
    .from(cards)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(cards.issuedAt), asc(cards.serial))
    .limit(f.limit)
    .offset(f.offset);
}

/** Indices to set in a chamber's lists: revoked (or replaced) cards for revocation, suspended for suspension. */
export async function flaggedIndices(db: Executor, chamberCode: string, status: 'revoked' | 'suspended') {
  const statuses: CardRow['status'][] = status === 'revoked' ? ['revoked', 'replaced'] : ['suspended'];
  const rows = await db
    .select({ i: cards.statusListIndex })
    .from(cards)
    .where(and(eq(cards.chamberCode, chamberCode), inArray(cards.status, statuses)));
  return rows.map((r) => r.i);
}

export async function savePublication(db: Executor, values: typeof statusPublications.$inferInsert) {
  await db
    .insert(statusPublications)
    .values(values)
    .onConflictDoUpdate({
      target: [statusPublications.chamberCode, statusPublications.purpose],
      set: {
        document: values.document,
        setCount: values.setCount,
        publishedAt: values.publishedAt ?? new Date(),
      },
    });
}

export async function getPublication(
  db: Executor,
  chamberCode: string,
  purpose: 'revocation' | 'suspension',
) {
  const [row] = await db
    .select()
    .from(statusPublications)
    .where(and(eq(statusPublications.chamberCode, chamberCode), eq(statusPublications.purpose, purpose)));
  return row ?? null;
}

export async function expireDue(db: Executor, today: string) {
  return db
    .update(cards)
    .set({ status: 'expired', updatedAt: new Date() })
    .where(
      and(
        inArray(cards.status, ['requested', 'printed', 'delivered', 'active', 'suspended']),
        lt(cards.validUntil, today),
      ),
    )
    .returning({ id: cards.id });
}

export async function insertBatch(db: Executor, values: typeof printBatches.$inferInsert) {
  const [row] = await db.insert(printBatches).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateBatch(
  db: Executor,
  id: string,
  values: Partial<typeof printBatches.$inferInsert>,
) {
  await db.update(printBatches).set(values).where(eq(printBatches.id, id));
}

export async function getBatch(db: Executor, id: string) {
  const [row] = await db.select().from(printBatches).where(eq(printBatches.id, id));
  return row ?? null;
}
