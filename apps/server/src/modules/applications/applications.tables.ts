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
import {
  APPLICATION_STATES,
  type ApplicationPayload,
  DOCUMENT_TYPES,
  REGISTRANT_KINDS,
  LOCALES,
} from '@hirfa/contracts';
import { ACTION_TYPES } from './application-state.ts';

export const applications = pgTable('applications', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileNumber: text('file_number').notNull(),
  purpose: text('purpose', { enum: ['registration', 'modification', 'reinstatement'] })
    .notNull()
    .default('registration'),
  kind: text('kind', { enum: REGISTRANT_KINDS }).notNull(),
  chamberCode: text('chamber_code').notNull(),
  channel: text('channel', { enum: ['portal', 'counter'] }).notNull(),
  applicantUserId: uuid('applicant_user_id'),
  filedByUserId: uuid('filed_by_user_id'),
  registrationId: uuid('registration_id'),
  payload: jsonb('payload').$type<ApplicationPayload>().notNull(),
  cin: text('cin'),
  birthDate: date('birth_date'),
  nameLatnNorm: text('name_latn_norm').notNull().default(''),
  nameArNorm: text('name_ar_norm').notNull().default(''),
  nameSkeleton: text('name_skeleton').notNull().default(''),
  nameSkeletonAr: text('name_skeleton_ar').notNull().default(''),
  provinceCode: text('province_code'),
  primaryActivityCode: text('primary_activity_code'),
  state: text('state', { enum: APPLICATION_STATES }).notNull(),
  stateSince: timestamp('state_since', { withTimezone: true }).notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  assigneeId: uuid('assignee_id'),
  locale: text('locale', { enum: LOCALES }).notNull().default('ar'),
  contactPhone: text('contact_phone'),
  contactEmail: text('contact_email'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type ApplicationRow = typeof applications.$inferSelect;

export const applicationActions = pgTable('application_actions', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  applicationId: uuid('application_id').notNull(),
  type: text('type', { enum: ACTION_TYPES }).notNull(),
  side: text('side', { enum: ['applicant', 'staff'] }).notNull(),
  actorId: uuid('actor_id'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  reasonCode: text('reason_code'),
  message: text('message'),
  data: jsonb('data'),
  idempotencyKey: text('idempotency_key').notNull(),
});
export type ApplicationActionRow = typeof applicationActions.$inferSelect;

export const applicationCounters = pgTable(
  'application_counters',
  {
    chamberCode: text('chamber_code').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chamberCode, t.year] })],
);

export const documents = pgTable('documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull(),
  type: text('type', { enum: DOCUMENT_TYPES }).notNull(),
  sha256: text('sha256').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  mime: text('mime', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
  originalName: text('original_name'),
  uploadedBy: uuid('uploaded_by'),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  supersededAt: timestamp('superseded_at', { withTimezone: true }),
});
export type DocumentRow = typeof documents.$inferSelect;

export const duplicateDecisions = pgTable('duplicate_decisions', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  applicationId: uuid('application_id').notNull(),
  candidateRegistrationId: uuid('candidate_registration_id'),
  candidateApplicationId: uuid('candidate_application_id'),
  decision: text('decision', { enum: ['not_duplicate', 'duplicate_reject', 'duplicate_link'] }).notNull(),
  note: text('note'),
  actorId: uuid('actor_id').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});
