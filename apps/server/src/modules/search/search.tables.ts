import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The search projection of the register, written only by database triggers (see the migration). */
export const searchEntries = pgTable('search_entries', {
  registrationId: uuid('registration_id').primaryKey(),
  personId: uuid('person_id'),
  organisationId: uuid('organisation_id'),
  nia: text('nia').notNull(),
  kind: text('kind', { enum: ['artisan', 'master_artisan', 'cooperative', 'enterprise'] }).notNull(),
  status: text('status', { enum: ['active', 'suspended', 'radiated'] }).notNull(),
  chamberCode: text('chamber_code').notNull(),
  regionCode: text('region_code'),
  provinceCode: text('province_code').notNull(),
  activityCode: text('activity_code').notNull(),
  nomenclatureVersion: text('nomenclature_version').notNull(),
  directoryConsent: text('directory_consent', { enum: ['none', 'basic', 'contact'] }).notNull(),
  gender: text('gender'),
  cin: text('cin'),
  phone: text('phone'),
  nameAr: text('name_ar').notNull(),
  nameLatn: text('name_latn').notNull(),
  nameLatnNorm: text('name_latn_norm').notNull(),
  nameArNorm: text('name_ar_norm').notNull(),
  nameSkeleton: text('name_skeleton').notNull(),
  nameSkeletonAr: text('name_skeleton_ar').notNull(),
  orgWords: text('org_words').notNull(),
  terms: text('terms').array().notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
});
export type SearchEntryRow = typeof searchEntries.$inferSelect;
