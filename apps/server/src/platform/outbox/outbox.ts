import type { Locale } from '@hirfa/contracts';
import { bigint, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.ts';

export const outbox = pgTable('outbox', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
  recipient: text('recipient').notNull(),
  locale: text('locale', { enum: ['ar', 'fr', 'en', 'zgh'] }).notNull(),
  template: text('template').notNull(),
  params: jsonb('params').$type<Record<string, string | number>>().notNull(),
  status: text('status', { enum: ['pending', 'sent', 'failed'] })
    .notNull()
    .default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});
export type OutboxRow = typeof outbox.$inferSelect;

export interface Recipient {
  email: string | null;
  phone: string | null;
  locale: Locale;
}

/**
 * Queues a message to a person, in the transaction of the event that causes it: by e-mail when
 * there is an address, by SMS when there is a phone (both when both). A job delivers it.
 */
export async function enqueueMessage(
  tx: Tx,
  to: Recipient,
  template: string,
  params: Record<string, string | number>,
): Promise<number> {
  const rows: (typeof outbox.$inferInsert)[] = [];
  if (to.email) rows.push({ channel: 'email', recipient: to.email, locale: to.locale, template, params });
  if (to.phone) rows.push({ channel: 'sms', recipient: to.phone, locale: to.locale, template, params });
  if (rows.length > 0) await tx.insert(outbox).values(rows);
  return rows.length;
}
