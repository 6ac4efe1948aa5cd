import { z } from 'zod';
import { registrantKindSchema } from './registry.ts';

const provinceCode = z.string().regex(/^MA-[A-Z]{3}$/);
const regionCode = z.string().regex(/^MA-\d{2}$/);
const activityCode = z.string().max(20);

export const REGISTRATION_STATUSES = ['active', 'suspended', 'radiated'] as const;
export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES);

/** What a search matched on: an identifier typed in full, or the name. */
export const SEARCH_MATCHES = ['cin', 'nia', 'phone', 'name'] as const;
export const searchMatchSchema = z.enum(SEARCH_MATCHES);
export type SearchMatch = z.infer<typeof searchMatchSchema>;

export const registrationSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(120)
    .default('')
    .describe('A name in Arabic or Latin script (any spelling), or a CIN, NIA or phone number in full'),
  chamber: z.string().max(10).optional(),
  province: provinceCode.optional(),
  activity: activityCode.optional().describe('Primary activity code'),
  kind: registrantKindSchema.optional(),
  status: registrationStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});
export type RegistrationSearchQuery = z.infer<typeof registrationSearchQuerySchema>;

export const registrationHitSchema = z
  .object({
    registrationId: z.uuid(),
    nia: z.string(),
    nameAr: z.string(),
    nameLatn: z.string(),
    kind: registrantKindSchema,
    status: registrationStatusSchema,
    chamberCode: z.string(),
    provinceCode: z.string(),
    primaryActivityCode: z.string(),
    score: z.number().describe('0..1, higher is closer; 1 for an identifier typed in full'),
    matchedOn: searchMatchSchema.nullable().describe('null when the search had no query, only filters'),
  })
  .meta({ id: 'RegistrationHit' });
export type RegistrationHit = z.infer<typeof registrationHitSchema>;

export const registrationSearchPageSchema = z
  .object({
    items: z.array(registrationHitSchema),
    total: z.number().int().describe('Entries found, at most the candidate cap'),
    limit: z.number().int(),
    offset: z.number().int(),
    truncated: z
      .boolean()
      .describe('More entries match than were ranked: add a filter or more of the name to narrow it'),
    queryKind: z.enum(['cin', 'nia', 'phone', 'name', 'none']),
  })
  .meta({ id: 'RegistrationSearchPage' });
export type RegistrationSearchPage = z.infer<typeof registrationSearchPageSchema>;

/** What an entry agreed to publish in the public directory. */
export const DIRECTORY_CONSENTS = ['none', 'basic', 'contact'] as const;
export const directoryConsentSchema = z.enum(DIRECTORY_CONSENTS);
export type DirectoryConsent = z.infer<typeof directoryConsentSchema>;

export const directoryConsentBodySchema = z
  .object({ consent: directoryConsentSchema })
  .meta({ id: 'DirectoryConsentRequest' });

export const directoryConsentStateSchema = z
  .object({
    registrationId: z.uuid(),
    consent: directoryConsentSchema,
    consentAt: z.string().nullable(),
  })
  .meta({ id: 'DirectoryConsentState' });
export type DirectoryConsentState = z.infer<typeof directoryConsentStateSchema>;

export const directoryQuerySchema = z.object({
  q: z.string().trim().max(120).default('').describe('A name in Arabic or Latin script'),
  activity: activityCode.optional(),
  region: regionCode.optional(),
  province: provinceCode.optional(),
  kind: registrantKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  offset: z.coerce.number().int().min(0).max(5000).default(0),
});
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

const namedCode = z.object({ code: z.string(), nameAr: z.string(), nameFr: z.string() });

/** A directory entry: `basic` fields always, `contact` fields only when the holder agreed. */
export const directoryEntrySchema = z
  .object({
    id: z.uuid(),
    nameAr: z.string(),
    nameLatn: z.string(),
    kind: registrantKindSchema,
    activity: namedCode,
    province: namedCode,
    region: namedCode.nullable(),
    contact: z
      .object({
        workshopAddressAr: z.string().nullable(),
        workshopAddressFr: z.string().nullable(),
        phone: z.string().nullable(),
      })
      .nullable()
      .describe('Present only for entries whose holder agreed to publish their contact'),
  })
  .meta({ id: 'DirectoryEntry' });
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const directoryPageSchema = z
  .object({
    items: z.array(directoryEntrySchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    truncated: z.boolean(),
  })
  .meta({ id: 'DirectoryPage' });
export type DirectoryPage = z.infer<typeof directoryPageSchema>;

/** Column names of the open-data files: stable, they are a published interface. */
export const OPEN_DIRECTORY_COLUMNS = [
  'name_ar',
  'name_latn',
  'kind',
  'activity_code',
  'activity_name_fr',
  'activity_name_ar',
  'province_code',
  'province_name_fr',
  'province_name_ar',
  'region_code',
  'region_name_fr',
  'region_name_ar',
] as const;
export const OPEN_COUNTS_COLUMNS = [
  'region_code',
  'region_name_fr',
  'region_name_ar',
  'activity_code',
  'activity_name_fr',
  'activity_name_ar',
  'kind',
  'gender',
  'count',
  'suppressed',
] as const;
