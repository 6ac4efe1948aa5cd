import { z } from 'zod';
import { localeSchema } from './common.ts';

export const REGISTRANT_KINDS = ['artisan', 'master_artisan', 'cooperative', 'enterprise'] as const;
export const registrantKindSchema = z.enum(REGISTRANT_KINDS);
export type RegistrantKind = z.infer<typeof registrantKindSchema>;

export const QUALIFICATION_BASES = ['diploma', 'practice_attestation', 'recognition_attestation'] as const;
export const DOCUMENT_TYPES = [
  'cin_copy',
  'photo',
  'diploma',
  'practice_attestation',
  'recognition_attestation',
  'cooperative_papers',
  'enterprise_papers',
  'other',
] as const;
export const documentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'incomplete',
  'resubmitted',
  'under_review',
  'commission',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export const applicationStateSchema = z.enum(APPLICATION_STATES);
export type ApplicationStateName = z.infer<typeof applicationStateSchema>;

export const WORKFLOW_ACTIONS = [
  'submit',
  'request_info',
  'resubmit',
  'start_review',
  'refer_commission',
  'approve',
  'reject',
  'withdraw',
  'assign',
] as const;
export const workflowActionSchema = z.enum(WORKFLOW_ACTIONS);
export type WorkflowAction = z.infer<typeof workflowActionSchema>;

/** Reasons for rejecting an application (the decision also carries free text). */
export const REJECTION_REASONS = [
  'documents_missing',
  'documents_invalid',
  'conditions_not_met',
  'experience_insufficient',
  'activity_not_handicraft',
  'duplicate',
  'false_declaration',
  'other',
] as const;
export const rejectionReasonSchema = z.enum(REJECTION_REASONS);

export const RADIATION_REASONS = ['voluntary', 'condition_lost', 'death', 'duplicate', 'sanction'] as const;

const optionalText = (max: number) => z.string().trim().max(max).optional();

/** The person part of an application, as typed; every field optional while it is a draft. */
export const personDraftSchema = z.object({
  cin: optionalText(12),
  firstNameAr: optionalText(80),
  lastNameAr: optionalText(80),
  firstNameLatn: optionalText(80),
  lastNameLatn: optionalText(80),
  birthDate: z.iso.date().optional(),
  gender: z.enum(['F', 'M']).optional(),
  phone: optionalText(24),
  email: z.union([z.email().max(254), z.literal('')]).optional(),
  addressAr: optionalText(300),
  addressFr: optionalText(300),
  provinceCode: z
    .string()
    .regex(/^MA-[A-Z]{3}$/)
    .optional(),
  postalCode: optionalText(10),
});
export type PersonDraft = z.infer<typeof personDraftSchema>;

export const organisationDraftSchema = z.object({
  nameAr: optionalText(200),
  nameFr: optionalText(200),
  ice: optionalText(20),
  rcCourt: optionalText(100),
  rcNumber: optionalText(30),
  coopRegisterNumber: optionalText(40),
  supervisingNia: optionalText(30).describe(
    'Enterprise: NIA of the registered artisan who supervises production',
  ),
});

export const applicationPayloadSchema = z
  .object({
    person: personDraftSchema.default({}),
    organisation: organisationDraftSchema.optional(),
    qualification: z
      .object({
        basis: z.enum(QUALIFICATION_BASES).optional(),
        yearsOfPractice: z.number().int().min(0).max(80).optional(),
      })
      .default({}),
    activities: z
      .object({
        primary: z.string().max(20).optional(),
        secondary: z.array(z.string().max(20)).max(5).default([]),
      })
      .default({ secondary: [] }),
    workshop: z
      .object({
        provinceCode: z
          .string()
          .regex(/^MA-[A-Z]{3}$/)
          .optional(),
        addressAr: optionalText(300),
        addressFr: optionalText(300),
      })
      .default({}),
  })
  .meta({ id: 'ApplicationPayload' });
export type ApplicationPayload = z.infer<typeof applicationPayloadSchema>;

export const createApplicationSchema = z
  .object({
    kind: registrantKindSchema,
    workshopProvinceCode: z.string().regex(/^MA-[A-Z]{3}$/),
    payload: applicationPayloadSchema.optional(),
    locale: localeSchema.optional().describe('Language of the notifications to the applicant'),
    idempotencyKey: z.string().min(8).max(100),
  })
  .meta({ id: 'CreateApplication' });

export const editApplicationSchema = z
  .object({
    version: z.number().int().min(1).describe('The version the editor saw; a stale edit is refused'),
    payload: applicationPayloadSchema,
    idempotencyKey: z.string().min(8).max(100),
  })
  .meta({ id: 'EditApplication' });

export const applicationActionSchema = z
  .object({
    type: workflowActionSchema,
    version: z.number().int().min(1),
    idempotencyKey: z.string().min(8).max(100),
    reasonCode: rejectionReasonSchema.optional(),
    message: z.string().trim().max(4000).optional(),
    assigneeId: z.uuid().nullable().optional(),
  })
  .meta({ id: 'ApplicationActionRequest' });
export type ApplicationActionRequest = z.infer<typeof applicationActionSchema>;

export const ruleResultSchema = z.object({
  rule: z.string(),
  ok: z.boolean(),
  path: z.string().optional(),
  message: z.string(),
});

export const documentSchema = z
  .object({
    id: z.uuid(),
    type: documentTypeSchema,
    mime: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    originalName: z.string().nullable(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'Document' });

export const actionEntrySchema = z.object({
  id: z.number().int(),
  type: z.string(),
  side: z.enum(['applicant', 'staff']),
  actorName: z.string().nullable(),
  at: z.string(),
  reasonCode: z.string().nullable(),
  message: z.string().nullable(),
});

export const duplicateCandidateSchema = z
  .object({
    source: z.enum(['registration', 'application']),
    id: z.uuid(),
    label: z.string().describe('NIA or file number'),
    nameAr: z.string(),
    nameLatn: z.string(),
    birthDate: z.string().nullable(),
    cin: z.string().nullable(),
    chamberCode: z.string(),
    status: z.string(),
    score: z.number(),
    reasons: z.array(z.enum(['same_cin', 'same_name_and_birth_date', 'similar_name_and_birth_date'])),
    decision: z.enum(['not_duplicate', 'duplicate_reject', 'duplicate_link']).nullable(),
  })
  .meta({ id: 'DuplicateCandidate' });

export const applicationSummarySchema = z
  .object({
    id: z.uuid(),
    fileNumber: z.string(),
    kind: registrantKindSchema,
    state: applicationStateSchema,
    stateSince: z.string(),
    daysInState: z.number().int(),
    submittedAt: z.string().nullable(),
    chamberCode: z.string(),
    channel: z.enum(['portal', 'counter']),
    nameAr: z.string(),
    nameLatn: z.string(),
    provinceCode: z.string().nullable(),
    primaryActivityCode: z.string().nullable(),
    assigneeId: z.uuid().nullable(),
    assigneeName: z.string().nullable(),
  })
  .meta({ id: 'ApplicationSummary' });
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

export const applicationDetailSchema = applicationSummarySchema
  .extend({
    version: z.number().int(),
    payload: applicationPayloadSchema,
    nia: z.string().nullable().describe('Given at approval'),
    registrationId: z.uuid().nullable(),
    documents: z.array(documentSchema),
    requiredDocuments: z.array(documentTypeSchema),
    history: z.array(actionEntrySchema),
    rules: z.array(ruleResultSchema),
    availableActions: z.array(workflowActionSchema),
    canEdit: z.boolean(),
    durations: z.record(z.string(), z.number()).describe('Days spent in each state'),
    lastRequest: z.string().nullable().describe("The chamber's last request for information"),
  })
  .meta({ id: 'ApplicationDetail' });
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

export const applicationQueueQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('File number, CIN, or a name in Arabic or Latin script'),
  state: z
    .union([applicationStateSchema, z.array(applicationStateSchema)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  kind: registrantKindSchema.optional(),
  activity: z.string().max(20).optional(),
  province: z
    .string()
    .regex(/^MA-[A-Z]{3}$/)
    .optional(),
  chamber: z.string().max(10).optional(),
  minDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .describe('Only files in their state for at least N days'),
  assignee: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const duplicateDecisionSchema = z
  .object({
    source: z.enum(['registration', 'application']),
    candidateId: z.uuid(),
    decision: z.enum(['not_duplicate', 'duplicate_reject', 'duplicate_link']),
    note: z.string().trim().max(1000).optional(),
  })
  .meta({ id: 'DuplicateDecision' });

export const registrationSchema = z
  .object({
    id: z.uuid(),
    nia: z.string(),
    kind: registrantKindSchema,
    status: z.enum(['active', 'suspended', 'radiated']),
    statusReason: z.string().nullable(),
    suspendedUntil: z.string().nullable(),
    chamberCode: z.string(),
    nameAr: z.string(),
    nameLatn: z.string(),
    primaryActivityCode: z.string(),
    secondaryActivityCodes: z.array(z.string()),
    workshopProvinceCode: z.string(),
    workshopAddressAr: z.string().nullable(),
    workshopAddressFr: z.string().nullable(),
    registeredAt: z.string(),
    version: z.number().int(),
    history: z.array(
      z.object({
        version: z.number().int(),
        action: z.string(),
        reason: z.string().nullable(),
        at: z.string(),
        changes: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'Registration' });
export type Registration = z.infer<typeof registrationSchema>;

export const lifecycleActionSchema = z
  .discriminatedUnion('action', [
    z.object({
      action: z.literal('suspend'),
      reason: z.string().trim().min(3).max(500),
      until: z.iso.date().optional(),
    }),
    z.object({ action: z.literal('lift_suspension'), reason: z.string().trim().max(500).optional() }),
    z.object({
      action: z.literal('radiate'),
      reason: z.enum(RADIATION_REASONS),
      note: z.string().trim().max(500).optional(),
    }),
    z.object({ action: z.literal('reinstate'), reason: z.string().trim().min(3).max(500) }),
    z.object({
      action: z.literal('transfer'),
      workshopProvinceCode: z.string().regex(/^MA-[A-Z]{3}$/),
      workshopAddressAr: z.string().trim().max(300).optional(),
      workshopAddressFr: z.string().trim().max(300).optional(),
      reason: z.string().trim().max(500).optional(),
    }),
    z.object({
      action: z.literal('modify'),
      phone: z.string().trim().max(24).optional(),
      email: z.union([z.email().max(254), z.literal('')]).optional(),
      addressAr: z.string().trim().max(300).optional(),
      addressFr: z.string().trim().max(300).optional(),
      workshopAddressAr: z.string().trim().max(300).optional(),
      workshopAddressFr: z.string().trim().max(300).optional(),
      reason: z.string().trim().max(500).optional(),
    }),
  ])
  .and(z.object({ version: z.number().int().min(1), idempotencyKey: z.string().min(8).max(100) }));
export type LifecycleAction = z.infer<typeof lifecycleActionSchema>;
