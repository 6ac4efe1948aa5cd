import type { ImportMapping, ImportNote, ImportReason } from '@hirfa/contracts';
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const importTemplates = pgTable('import_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  chamberCode: text('chamber_code').notNull(),
  name: text('name').notNull(),
  headerSignature: text('header_signature').notNull(),
  headers: jsonb('headers').$type<string[]>().notNull(),
  headerRow: integer('header_row').notNull(),
  mapping: jsonb('mapping').$type<ImportMapping>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type ImportTemplateRow = typeof importTemplates.$inferSelect;

export const imports = pgTable('imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  chamberCode: text('chamber_code').notNull(),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
  encoding: text('encoding', {
    enum: ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252'],
  }),
  delimiter: text('delimiter'),
  sheetName: text('sheet_name'),
  headerRow: integer('header_row').notNull(),
  headers: jsonb('headers').$type<string[]>().notNull(),
  preview: jsonb('preview').$type<{ rowNumber: number; cells: string[] }[]>().notNull(),
  estimatedRows: integer('estimated_rows'),
  notes: jsonb('notes').$type<ImportNote[]>().notNull().default([]),
  mapping: jsonb('mapping').$type<ImportMapping>(),
  templateId: uuid('template_id'),
  status: text('status', {
    enum: ['uploaded', 'mapped', 'dry_run_done', 'signed_off', 'loading', 'done', 'failed', 'cancelled'],
  }).notNull(),
  phase: text('phase', { enum: ['dry_run', 'load'] }),
  totalRows: integer('total_rows').notNull().default(0),
  validCount: integer('valid_count').notNull().default(0),
  invalidCount: integer('invalid_count').notNull().default(0),
  duplicateCount: integer('duplicate_count').notNull().default(0),
  skippedCount: integer('skipped_count').notNull().default(0),
  loadAnywayCount: integer('load_anyway_count').notNull().default(0),
  loadedCount: integer('loaded_count').notNull().default(0),
  rejectedCount: integer('rejected_count').notNull().default(0),
  cursorRow: integer('cursor_row').notNull().default(0),
  progressDone: integer('progress_done').notNull().default(0),
  progressTotal: integer('progress_total').notNull().default(0),
  runStartedAt: timestamp('run_started_at', { withTimezone: true }),
  runStartDone: integer('run_start_done').notNull().default(0),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  jobId: text('job_id'),
  errorCode: text('error_code'),
  errorParams: jsonb('error_params').$type<Record<string, unknown>>(),
  signedOffBy: uuid('signed_off_by'),
  signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
export type ImportRecord = typeof imports.$inferSelect;
export type ImportStatusName = ImportRecord['status'];

export const importRows = pgTable(
  'import_rows',
  {
    importId: uuid('import_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    raw: jsonb('raw').$type<string[]>().notNull(),
    normalised: jsonb('normalised').$type<Record<string, unknown>>(),
    status: text('status', {
      enum: ['valid', 'invalid', 'duplicate', 'loaded', 'rejected', 'skipped'],
    }).notNull(),
    reasons: jsonb('reasons').$type<ImportReason[]>().notNull().default([]),
    notes: jsonb('notes').$type<ImportReason[]>().notNull().default([]),
    matchedRegistrationId: uuid('matched_registration_id'),
    matchedRow: integer('matched_row'),
    decision: text('decision', { enum: ['load_anyway'] }),
    registrationId: uuid('registration_id'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] })],
);
export type StagedRow = typeof importRows.$inferSelect;
