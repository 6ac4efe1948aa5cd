import { REGISTRANT_KINDS } from '@hirfa/contracts';
import {
  boolean,
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

export const persons = pgTable('persons', {
  id: uuid('id').primaryKey().defaultRandom(),
  cin: text('cin'),
  firstNameAr: text('first_name_ar').notNull(),
  lastNameAr: text('last_name_ar').notNull(),
  firstNameLatn: text('first_name_latn').notNull(),
  lastNameLatn: text('last_name_latn').notNull(),
  nameLatnNorm: text('name_latn_norm').notNull(),
  nameArNorm: text('name_ar_norm').notNull(),
  nameSkeleton: text('name_skeleton').notNull(),
  nameSkeletonAr: text('name_skeleton_ar').notNull().default(''),
  birthDate: date('birth_date').notNull(),
  gender: text('gender', { enum: ['F', 'M'] }).notNull(),
  phone: text('phone'),
  email: text('email'),
  addressAr: text('address_ar'),
  addressFr: text('address_fr'),
  provinceCode: text('province_code'),
  postalCode: text('postal_code'),
  userId: uuid('user_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type PersonRow = typeof persons.$inferSelect;

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: ['cooperative', 'enterprise'] }).notNull(),
  nameAr: text('name_ar').notNull(),
  nameFr: text('name_fr').notNull(),
  ice: text('ice'),
  rcCourt: text('rc_court'),
  rcNumber: text('rc_number'),
  coopRegisterNumber: text('coop_register_number'),
  legalRepPersonId: uuid('legal_rep_person_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid('organisation_id').notNull(),
    personId: uuid('person_id').notNull(),
    role: text('role', { enum: ['legal_representative', 'member', 'supervising_artisan'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.personId, t.role] })],
);

export const niaSequence = pgTable('nia_sequence', {
  id: boolean('id').primaryKey().default(true),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
});

export const registrations = pgTable('registrations', {
  id: uuid('id').primaryKey().defaultRandom(),
  nia: text('nia').notNull(),
  kind: text('kind', { enum: REGISTRANT_KINDS }).notNull(),
  qualificationBasis: text('qualification_basis', {
    enum: ['diploma', 'practice_attestation', 'recognition_attestation'],
  }),
  yearsOfPractice: integer('years_of_practice'),
  personId: uuid('person_id'),
  organisationId: uuid('organisation_id'),
  supervisingRegistrationId: uuid('supervising_registration_id'),
  chamberCode: text('chamber_code').notNull(),
  workshopProvinceCode: text('workshop_province_code').notNull(),
  workshopAddressAr: text('workshop_address_ar'),
  workshopAddressFr: text('workshop_address_fr'),
  nomenclatureVersion: text('nomenclature_version').notNull(),
  primaryActivityCode: text('primary_activity_code').notNull(),
  status: text('status', { enum: ['active', 'suspended', 'radiated'] })
    .notNull()
    .default('active'),
  statusReason: text('status_reason'),
  suspendedUntil: date('suspended_until'),
  version: integer('version').notNull().default(1),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type RegistrationRow = typeof registrations.$inferSelect;

export const registrationActivities = pgTable(
  'registration_activities',
  {
    registrationId: uuid('registration_id').notNull(),
    nomenclatureVersion: text('nomenclature_version').notNull(),
    activityCode: text('activity_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.activityCode] })],
);

export const registrationVersions = pgTable(
  'registration_versions',
  {
    registrationId: uuid('registration_id').notNull(),
    version: integer('version').notNull(),
    action: text('action', {
      enum: ['register', 'modify', 'suspend', 'lift_suspension', 'radiate', 'reinstate', 'transfer'],
    }).notNull(),
    snapshot: jsonb('snapshot').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    applicationId: uuid('application_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.version] })],
);
