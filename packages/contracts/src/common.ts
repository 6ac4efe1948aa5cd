import { z } from 'zod';

import { LOCALES } from './constants.ts';

/** Languages of the platform. Arabic first; Amazigh written in Tifinagh. */
export const localeSchema = z.enum(LOCALES);

/** RFC 9457 problem details, as every error of the API is returned. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable error code, e.g. AUTH_INVALID_CREDENTIALS'),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string().describe('JSON pointer-like dotted path of the offending field'),
          code: z.string(),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

/** A name in both scripts, and the one in the request's language. */
export const bilingualSchema = z.object({
  name: z.string().describe("Name in the request's language (falls back to French, then Arabic)"),
  nameAr: z.string(),
  nameFr: z.string(),
});

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}
