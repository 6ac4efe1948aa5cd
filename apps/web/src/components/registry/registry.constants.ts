import type {
  ApplicationStateName,
  DocumentType,
  RegistrantKind,
  Registration,
  WorkflowAction,
} from '@hirfa/contracts';

// The same lists as in @hirfa/contracts, typed by its types: importing its values would pull zod
// into the browser bundle (only `@hirfa/contracts/constants` is schema-free).

export const KINDS: readonly RegistrantKind[] = ['artisan', 'master_artisan', 'cooperative', 'enterprise'];

export const STATES: readonly ApplicationStateName[] = [
  'draft',
  'submitted',
  'incomplete',
  'resubmitted',
  'under_review',
  'commission',
  'approved',
  'rejected',
  'withdrawn',
];

/** What a chamber's queue shows when no state is chosen (the server's default too). */
export const OPEN_STATES: readonly ApplicationStateName[] = [
  'submitted',
  'incomplete',
  'resubmitted',
  'under_review',
  'commission',
];

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  'cin_copy',
  'photo',
  'diploma',
  'practice_attestation',
  'recognition_attestation',
  'cooperative_papers',
  'enterprise_papers',
  'other',
];

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
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const RADIATION_REASONS = ['voluntary', 'condition_lost', 'death', 'duplicate', 'sanction'] as const;
export type RadiationReason = (typeof RADIATION_REASONS)[number];

export type RegistrationStatus = Registration['status'];

/** Buttons of the back office in the order a file moves forward. */
export const ACTION_ORDER: readonly WorkflowAction[] = [
  'assign',
  'submit',
  'resubmit',
  'start_review',
  'request_info',
  'refer_commission',
  'approve',
  'reject',
  'withdraw',
];

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** A file that has waited this long in the same state is shown as late in the queue. */
export const LATE_AFTER_DAYS = 15;

export function isHolderKind(kind: RegistrantKind): boolean {
  return kind === 'artisan' || kind === 'master_artisan';
}
