import type { RegistrantKind } from '@hirfa/contracts';
import { type SectionId, sectionsFor } from '../../../components/application-form/payload.ts';

/** The wizard: the kind first (before the file exists), then one screen per section, then review. */
export type StepId = 'kind' | SectionId | 'review';

export function stepsFor(kind: RegistrantKind): StepId[] {
  return ['kind', ...sectionsFor(kind), 'review'];
}

export function isStep(kind: RegistrantKind, step: string | undefined): step is StepId {
  return stepsFor(kind).includes(step as StepId) && step !== 'kind';
}

export function stepPath(id: string, step: StepId): string {
  return `/portal/apply/${id}/${step}`;
}
