import { boolean, date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const effective = {
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
};

export const regions = pgTable(
  'regions',
  {
    code: text('code').notNull(),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en'),
    nameZgh: text('name_zgh'),
    capitalAr: text('capital_ar').notNull(),
    capitalFr: text('capital_fr').notNull(),
    ...effective,
  },
  (t) => [primaryKey({ columns: [t.code, t.validFrom] })],
);

export const provinces = pgTable(
  'provinces',
  {
    code: text('code').notNull(),
    type: text('type', { enum: ['prefecture', 'province'] }).notNull(),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
    nameZgh: text('name_zgh'),
    regionCode: text('region_code').notNull(),
    hcpCode: text('hcp_code'),
    ...effective,
  },
  (t) => [primaryKey({ columns: [t.code, t.validFrom] })],
);

export const chambers = pgTable(
  'chambers',
  {
    code: text('code').notNull(),
    kind: text('kind', { enum: ['regional', 'federation'] }).notNull(),
    regionCode: text('region_code'),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
    nameZgh: text('name_zgh'),
    seatAr: text('seat_ar').notNull(),
    seatFr: text('seat_fr').notNull(),
    ...effective,
  },
  (t) => [primaryKey({ columns: [t.code, t.validFrom] })],
);

export const nomenclatureVersions = pgTable('nomenclature_versions', {
  code: text('code').primaryKey(),
  provisional: boolean('provisional').notNull(),
  source: text('source').notNull(),
  ...effective,
});

export const activityCategories = pgTable('activity_categories', {
  code: text('code').primaryKey(),
  nameAr: text('name_ar').notNull(),
  nameFr: text('name_fr').notNull(),
  nameEn: text('name_en'),
  nameZgh: text('name_zgh'),
});

export const activityBranches = pgTable(
  'activity_branches',
  {
    versionCode: text('version_code').notNull(),
    code: text('code').notNull(),
    categoryCode: text('category_code').notNull(),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
    nameZgh: text('name_zgh'),
  },
  (t) => [primaryKey({ columns: [t.versionCode, t.code] })],
);

export const activities = pgTable(
  'activities',
  {
    versionCode: text('version_code').notNull(),
    code: text('code').notNull(),
    branchCode: text('branch_code').notNull(),
    nameAr: text('name_ar').notNull(),
    nameFr: text('name_fr').notNull(),
    nameZgh: text('name_zgh'),
    sourceNote: text('source_note'),
  },
  (t) => [primaryKey({ columns: [t.versionCode, t.code] })],
);

export const referenceLoads = pgTable('reference_loads', {
  file: text('file').primaryKey(),
  sha256: text('sha256').notNull(),
  rowCount: integer('row_count').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});
