import { z } from 'zod';
import { registrantKindSchema } from './registry.ts';

export const CARD_STATUSES = [
  'requested',
  'printed',
  'delivered',
  'active',
  'suspended',
  'revoked',
  'expired',
  'replaced',
] as const;
export const cardStatusSchema = z.enum(CARD_STATUSES);
export type CardStatus = z.infer<typeof cardStatusSchema>;

export const cardSchema = z
  .object({
    id: z.uuid(),
    serial: z.string(),
    registrationId: z.uuid(),
    nia: z.string(),
    kind: registrantKindSchema,
    chamberCode: z.string(),
    nameAr: z.string(),
    nameLatn: z.string(),
    activityCode: z.string(),
    status: cardStatusSchema,
    issuedAt: z.string(),
    validFrom: z.string(),
    validUntil: z.string(),
    verificationCode: z.string().describe('Printed on the card for typing by hand'),
    kid: z.string(),
    statusListIndex: z.number().int(),
    batchId: z.uuid().nullable(),
    replacesSerial: z.string().nullable(),
    revokedReason: z.string().nullable(),
    qrText: z.string().describe('The text of the QR printed on the card'),
  })
  .meta({ id: 'Card' });
export type Card = z.infer<typeof cardSchema>;

export const VERDICTS = [
  'valid',
  'expired',
  'not_yet_valid',
  'suspended',
  'revoked',
  'unknown_key',
  'compromised_key',
  'damaged',
  'not_found',
] as const;
export const verdictSchema = z.enum(VERDICTS);

export const verifyRequestSchema = z
  .object({
    serial: z.string().trim().min(4).max(40),
    code: z.string().trim().min(4).max(20).describe('The verification code printed on the card'),
  })
  .meta({ id: 'VerifyRequest' });

export const verifyResponseSchema = z
  .object({
    verdict: verdictSchema,
    reason: z.string(),
    message: z.string().describe("The verdict in the request's language"),
    checkedAt: z.string(),
    card: z
      .object({
        serial: z.string(),
        nia: z.string(),
        nameAr: z.string(),
        nameLatn: z.string(),
        kind: registrantKindSchema,
        activityCode: z.string(),
        activityName: z.string(),
        chamberCode: z.string(),
        chamberName: z.string(),
        validFrom: z.string(),
        validUntil: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'VerifyResponse' });
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;
