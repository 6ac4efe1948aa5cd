import { REGISTRANT_KINDS } from '@hirfa/contracts';
import {
  bigint,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const issuerKeys = pgTable('issuer_keys', {
  kid: text('kid').primaryKey(),
  publicKey: text('public_key').notNull(),
  secretSealed: text('secret_sealed').notNull(),
  state: text('state', { enum: ['active', 'retired', 'compromised'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  compromisedAt: timestamp('compromised_at', { withTimezone: true }),
});
export type IssuerKeyRow = typeof issuerKeys.$inferSelect;

export const statusListCounters = pgTable('status_list_counters', {
  chamberCode: text('chamber_code').primaryKey(),
  nextIndex: integer('next_index').notNull().default(0),
});

export const printBatches = pgTable('print_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  chamberCode: text('chamber_code').notNull(),
  layout: text('layout', { enum: ['a4-sheet', 'card-printer'] }).notNull(),
  status: text('status', { enum: ['queued', 'rendering', 'done', 'failed'] })
    .notNull()
    .default('queued'),
  cardCount: integer('card_count').notNull().default(0),
  cardsDone: integer('cards_done').notNull().default(0),
  fileKey: text('file_key'),
  fileBytes: integer('file_bytes'),
  error: text('error'),
  jobId: text('job_id'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
export type PrintBatchRow = typeof printBatches.$inferSelect;

export const CARD_STATUS = [
  'requested',
  'printed',
  'delivered',
  'active',
  'suspended',
  'revoked',
  'expired',
  'replaced',
] as const;
export const REVOKE_REASONS = [
  'lost',
  'stolen',
  'damaged',
  'registration_radiated',
  'key_compromised',
  'error',
  'renewed',
] as const;

export const cards = pgTable('cards', {
  id: uuid('id').primaryKey().defaultRandom(),
  serial: text('serial').notNull(),
  registrationId: uuid('registration_id').notNull(),
  nia: text('nia').notNull(),
  kind: text('kind', { enum: REGISTRANT_KINDS }).notNull(),
  chamberCode: text('chamber_code').notNull(),
  nameAr: text('name_ar').notNull(),
  nameLatn: text('name_latn').notNull(),
  activityCode: text('activity_code').notNull(),
  status: text('status', { enum: CARD_STATUS }).notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  validFrom: date('valid_from').notNull(),
  validUntil: date('valid_until').notNull(),
  verificationCode: text('verification_code').notNull(),
  kid: text('kid').notNull(),
  statusListIndex: integer('status_list_index').notNull(),
  credentialHex: text('credential_hex').notNull(),
  qrText: text('qr_text').notNull(),
  batchId: uuid('batch_id'),
  replacesCardId: uuid('replaces_card_id'),
  revokedReason: text('revoked_reason', { enum: REVOKE_REASONS }),
  printedAt: timestamp('printed_at', { withTimezone: true }),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type CardRow = typeof cards.$inferSelect;

export const cardEvents = pgTable('card_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  cardId: uuid('card_id').notNull(),
  type: text('type', {
    enum: [
      'requested',
      'printed',
      'delivered',
      'activated',
      'suspended',
      'unsuspended',
      'revoked',
      'expired',
      'replaced',
      'renewal_requested',
    ],
  }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id'),
  reason: text('reason'),
});

export const statusPublications = pgTable(
  'status_publications',
  {
    chamberCode: text('chamber_code').notNull(),
    purpose: text('purpose', { enum: ['revocation', 'suspension'] }).notNull(),
    document: jsonb('document').notNull(),
    setCount: integer('set_count').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.chamberCode, t.purpose] })],
);
