import { z } from 'zod';
import { localeSchema } from './common.ts';
import { ROLES } from './constants.ts';

export const roleSchema = z.enum(ROLES);

export const userSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    role: roleSchema,
    chamberCode: z.string().nullable().describe('Chamber scope; null means national scope'),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    locale: localeSchema,
    totpEnabled: z.boolean(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z
  .object({
    user: userSchema,
    csrfToken: z.string().describe('Send back in the X-CSRF-Token header on every write'),
    expiresAt: z.string(),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

export const loginBodySchema = z
  .object({
    identifier: z.string().trim().min(1).max(254).describe('E-mail or phone number'),
    password: z.string().min(1).max(256),
    totp: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
  })
  .meta({ id: 'LoginRequest' });
export type LoginBody = z.infer<typeof loginBodySchema>;

/** Moroccan phone number as typed: 06…, 07…, 05…, +212…, 00212…, spaces and dashes allowed. */
export const moroccanPhoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^(?:\+212|00212|0)[5-8]\d{8}$/, { message: 'phone' }));

export const artisanSignupSchema = z
  .object({
    displayName: z.string().trim().min(2).max(120),
    phone: moroccanPhoneSchema.optional(),
    email: z.email().max(254).optional(),
    password: z.string().min(10).max(256),
    locale: localeSchema.default('ar'),
  })
  .refine((v) => v.phone !== undefined || v.email !== undefined, { message: 'contact', path: ['phone'] })
  .meta({ id: 'ArtisanSignup' });
export type ArtisanSignup = z.infer<typeof artisanSignupSchema>;

export const preferencesSchema = z.object({ locale: localeSchema }).meta({ id: 'Preferences' });

export const totpSetupSchema = z
  .object({ secret: z.string(), otpauthUrl: z.string() })
  .meta({ id: 'TotpSetup' });
export const totpConfirmSchema = z.object({
  code: z.string().regex(/^\d{6}$/),
});

export const createStaffSchema = z
  .object({
    displayName: z.string().trim().min(2).max(120),
    email: z.email().max(254),
    role: z.enum(['federation_admin', 'chamber_admin', 'chamber_agent', 'auditor']),
    chamberCode: z.string().nullable(),
    password: z.string().min(12).max(256),
    locale: localeSchema.default('fr'),
  })
  .meta({ id: 'CreateStaff' });
export type CreateStaff = z.infer<typeof createStaffSchema>;

/** A Moroccan phone number in E.164 (+212…), or null when it is not one. */
export function toE164Morocco(input: string): string | null {
  const s = input.replace(/[\s.()-]/g, '');
  const m = /^(?:\+212|00212|0)([5-8]\d{8})$/.exec(s);
  return m ? `+212${m[1]}` : null;
}
