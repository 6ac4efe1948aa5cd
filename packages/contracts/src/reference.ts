import { z } from 'zod';
import { bilingualSchema } from './common.ts';

export const regionSchema = bilingualSchema
  .extend({
    code: z.string().describe('ISO 3166-2:MA code, e.g. MA-06'),
    capital: z.string(),
    provinceCount: z.number().int(),
  })
  .meta({ id: 'Region' });
export type Region = z.infer<typeof regionSchema>;

export const provinceSchema = bilingualSchema
  .extend({
    code: z.string().describe('ISO 3166-2:MA code, e.g. MA-CAS'),
    type: z.enum(['prefecture', 'province']),
    regionCode: z.string(),
    hcpCode: z.string().nullable(),
  })
  .meta({ id: 'Province' });
export type Province = z.infer<typeof provinceSchema>;

export const chamberSchema = bilingualSchema
  .extend({
    code: z.string().describe('Hirfa chamber code, e.g. CA-MA-06; FCA-MA for the Federation'),
    kind: z.enum(['regional', 'federation']),
    regionCode: z.string().nullable(),
    seat: z.string(),
  })
  .meta({ id: 'Chamber' });
export type Chamber = z.infer<typeof chamberSchema>;

export const activitySchema = bilingualSchema
  .extend({
    code: z.string(),
    branchCode: z.string(),
    categoryCode: z.string(),
    provisional: z.boolean(),
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof activitySchema>;

export const branchSchema = bilingualSchema
  .extend({ code: z.string(), categoryCode: z.string(), provisional: z.boolean() })
  .meta({ id: 'Branch' });
export type Branch = z.infer<typeof branchSchema>;

export const categorySchema = bilingualSchema.extend({ code: z.string() }).meta({ id: 'Category' });
export type Category = z.infer<typeof categorySchema>;

export const nomenclatureSchema = z
  .object({
    version: z.string().describe('Nomenclature version in force on the requested date'),
    provisional: z.boolean().describe('True while the official annex of decree 2-21-991 is not loaded'),
    categories: z.array(categorySchema),
    branches: z.array(branchSchema),
    activities: z.array(activitySchema),
  })
  .meta({ id: 'Nomenclature' });
export type Nomenclature = z.infer<typeof nomenclatureSchema>;

export const referenceQuerySchema = z.object({
  at: z.iso
    .date()
    .optional()
    .describe('Date (YYYY-MM-DD) at which the data must be in force; today by default'),
});
export const provinceQuerySchema = referenceQuerySchema.extend({
  region: z
    .string()
    .regex(/^MA-\d{2}$/)
    .optional(),
});
