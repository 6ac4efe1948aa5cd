import { z } from 'zod';

/**
 * Imports of the chambers' legacy lists: an uploaded file (CSV or XLSX), its column mapping, a dry
 * run that judges every row, the chamber's sign-off, then a load in batches. The state machine is
 * uploaded → mapped → dry_run_done → signed_off → loading → done, or failed / cancelled.
 */
export const IMPORT_STATUSES = [
  'uploaded',
  'mapped',
  'dry_run_done',
  'signed_off',
  'loading',
  'done',
  'failed',
  'cancelled',
] as const;
export const importStatusSchema = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof importStatusSchema>;

export const IMPORT_ROW_STATUSES = [
  'valid',
  'invalid',
  'duplicate',
  'loaded',
  'rejected',
  'skipped',
] as const;
export const importRowStatusSchema = z.enum(IMPORT_ROW_STATUSES);
export type ImportRowStatus = z.infer<typeof importRowStatusSchema>;

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252'] as const;
export const importEncodingSchema = z.enum(IMPORT_ENCODINGS);
export type ImportEncoding = z.infer<typeof importEncodingSchema>;

/** What a column of a legacy list can hold. Names come either split (first/last) or in one column. */
export const IMPORT_FIELDS = [
  'cin',
  'lastNameAr',
  'firstNameAr',
  'fullNameAr',
  'lastNameLatn',
  'firstNameLatn',
  'fullNameLatn',
  'birthDate',
  'gender',
  'phone',
  'email',
  'province',
  'activity',
  'kind',
  'addressAr',
  'addressFr',
  'yearsOfPractice',
  'legacyNumber',
] as const;
export const importFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof importFieldSchema>;

/** Fields every mapping needs (a name in each script: split, or in one column). */
export const IMPORT_REQUIRED_FIELDS: readonly ImportField[] = [
  'cin',
  'birthDate',
  'gender',
  'province',
  'activity',
];

/** Why a row is invalid, a duplicate candidate, rejected at load or skipped. */
export const IMPORT_ROW_REASONS = [
  'required',
  'cin_format',
  'script_arabic',
  'script_latin',
  'name_split',
  'birth_date_format',
  'birth_date_incomplete',
  'birth_date_range',
  'gender',
  'phone',
  'email',
  'province_unknown',
  'province_other_chamber',
  'activity_unknown',
  'kind_unsupported',
  'years_of_practice',
  'formula_without_value',
  'too_long',
  'same_cin',
  'same_name_and_birth_date',
  'same_cin_in_file',
  'same_name_and_birth_date_in_file',
  'cin_taken',
  'empty_row',
] as const;
export type ImportRowReasonCode = (typeof IMPORT_ROW_REASONS)[number];

/** Observations on a row that do not stop it (what was corrected or guessed). */
export const IMPORT_ROW_NOTES = [
  'cin_normalised',
  'phone_leading_zero',
  'name_split_guessed',
  'merged_cell_filled',
  'formula_value_used',
  'excel_serial_date',
  'kind_defaulted',
] as const;

/** File-level observations of the dry run (title rows, merged cells, formulas, empty rows…). */
export const IMPORT_FILE_NOTES = [
  'title_rows',
  'merged_cells',
  'formulas',
  'formulas_without_value',
  'empty_rows',
  'other_sheets_ignored',
  'no_header_row',
] as const;

export const importReasonSchema = z.object({
  code: z.string(),
  field: importFieldSchema.optional(),
  value: z.string().optional(),
  row: z.number().int().optional().describe('For an in-file duplicate: the earlier row it matches'),
});
export type ImportReason = z.infer<typeof importReasonSchema>;

export const importNoteSchema = z.object({
  code: z.string(),
  count: z.number().int().optional(),
  cells: z.array(z.string()).optional().describe('A few cell references (A1 notation) as examples'),
});
export type ImportNote = z.infer<typeof importNoteSchema>;

/** Field → zero-based column index. */
export const importMappingSchema = z.partialRecord(importFieldSchema, z.number().int().min(0).max(255));
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const putImportMappingSchema = z
  .object({
    headerRow: z
      .number()
      .int()
      .min(0)
      .max(50)
      .optional()
      .describe('Row holding the column headers (1-based); 0 when the file has none'),
    mapping: importMappingSchema,
    saveAsTemplate: z.string().trim().min(1).max(100).optional(),
  })
  .meta({ id: 'PutImportMapping' });
export type PutImportMapping = z.infer<typeof putImportMappingSchema>;

export const importCountsSchema = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  duplicate: z.number().int(),
  skipped: z.number().int(),
  loadAnyway: z.number().int(),
  loaded: z.number().int(),
  rejected: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importProgressSchema = z.object({
  phase: z.enum(['dry_run', 'load']),
  done: z.number().int(),
  total: z.number().int(),
  rowsPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  startedAt: z.string(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const IMPORT_ACTIONS = ['map', 'dry_run', 'decide', 'sign_off', 'load', 'cancel'] as const;

export const importSummarySchema = z
  .object({
    id: z.uuid(),
    chamberCode: z.string(),
    fileName: z.string(),
    format: z.enum(IMPORT_FORMATS),
    sizeBytes: z.number().int(),
    status: importStatusSchema,
    counts: importCountsSchema,
    progress: importProgressSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ImportSummary' });
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importDetailSchema = importSummarySchema
  .extend({
    sha256: z.string(),
    encoding: importEncodingSchema.nullable(),
    delimiter: z.string().nullable(),
    sheetName: z.string().nullable(),
    headerRow: z.number().int(),
    headers: z.array(z.string()),
    estimatedRows: z.number().int().nullable(),
    mapping: importMappingSchema.nullable(),
    templateId: z.uuid().nullable(),
    notes: z.array(importNoteSchema),
    errorCode: z.string().nullable(),
    errorTitle: z.string().nullable(),
    signedOffBy: z.string().nullable(),
    signedOffAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    jobId: z.string().nullable(),
    actions: z.array(z.enum(IMPORT_ACTIONS)).describe('What the caller may do next'),
  })
  .meta({ id: 'ImportDetail' });
export type ImportDetail = z.infer<typeof importDetailSchema>;

export const importTemplateSchema = z
  .object({
    id: z.uuid(),
    chamberCode: z.string(),
    name: z.string(),
    headers: z.array(z.string()),
    mapping: importMappingSchema,
    headerRow: z.number().int(),
    matches: z.boolean().describe('True when its headers are those of the file at hand'),
    createdAt: z.string(),
  })
  .meta({ id: 'ImportTemplate' });
export type ImportTemplate = z.infer<typeof importTemplateSchema>;

export const importColumnSchema = z.object({
  index: z.number().int(),
  letter: z.string().describe('Spreadsheet column letter (A, B, …)'),
  header: z.string(),
  script: z.enum(['arabic', 'latin', 'mixed', 'numeric', 'empty']),
  samples: z.array(z.string()),
});

export const importColumnsSchema = z
  .object({
    headerRow: z.number().int(),
    columns: z.array(importColumnSchema),
    preview: z.array(z.object({ rowNumber: z.number().int(), cells: z.array(z.string()) })),
    proposed: importMappingSchema.describe('Mapping proposed from the headers (or from a matching template)'),
    proposedFrom: z.enum(['headers', 'template', 'saved']),
    templates: z.array(importTemplateSchema),
    fields: z.array(z.object({ field: importFieldSchema, required: z.boolean() })),
  })
  .meta({ id: 'ImportColumns' });
export type ImportColumns = z.infer<typeof importColumnsSchema>;

export const importMatchSchema = z.object({
  registrationId: z.uuid().nullable(),
  nia: z.string().nullable(),
  nameAr: z.string(),
  nameLatn: z.string(),
  birthDate: z.string().nullable(),
  cin: z.string().nullable(),
  chamberCode: z.string().nullable(),
  status: z.string().nullable(),
});

export const importRowSchema = z
  .object({
    rowNumber: z.number().int(),
    status: importRowStatusSchema,
    cells: z.array(z.string()),
    normalised: z.record(z.string(), z.unknown()).nullable(),
    reasons: z.array(importReasonSchema),
    notes: z.array(importReasonSchema),
    match: importMatchSchema.nullable(),
    matchedRow: z.number().int().nullable(),
    decision: z.enum(['load_anyway']).nullable(),
    registrationId: z.uuid().nullable(),
  })
  .meta({ id: 'ImportRow' });
export type ImportRow = z.infer<typeof importRowSchema>;

export const importRowDecisionSchema = z
  .object({ decision: z.enum(['load_anyway', 'exclude']) })
  .meta({ id: 'ImportRowDecision' });

export const importListQuerySchema = z.object({
  chamber: z.string().max(20).optional(),
  status: importStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const importRowsQuerySchema = z.object({
  status: importRowStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const importUploadQuerySchema = z.object({
  chamber: z
    .string()
    .regex(/^(CA-)?MA-\d{2}$/)
    .describe('The chamber whose list this is (CA-MA-06, or MA-06)'),
  name: z.string().trim().min(1).max(255).describe('The file name as the user chose it'),
  encoding: importEncodingSchema.optional().describe('Override the detected encoding (CSV only)'),
});

export const importTemplatesQuerySchema = z.object({ chamber: z.string().max(20).optional() });

/** The largest file the back office accepts (the command line accepts larger ones). */
export const IMPORT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
