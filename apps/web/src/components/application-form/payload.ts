import type { ApplicationDetail, ApplicationPayload, RegistrantKind } from '@hirfa/contracts';
import { ApiError } from '../../lib/api.ts';
import { isHolderKind } from '../registry/registry.constants.ts';

/** The parts of an application form, in the order the artisan meets them. */
export type SectionId =
  | 'workshop'
  | 'identity'
  | 'contact'
  | 'activity'
  | 'qualification'
  | 'organisation'
  | 'documents';

export function sectionsFor(kind: RegistrantKind): SectionId[] {
  return [
    'workshop',
    'identity',
    'contact',
    'activity',
    isHolderKind(kind) ? 'qualification' : 'organisation',
    'documents',
  ];
}

const SECTION_OF_PERSON_FIELD: Record<string, SectionId> = {
  cin: 'identity',
  firstNameAr: 'identity',
  lastNameAr: 'identity',
  firstNameLatn: 'identity',
  lastNameLatn: 'identity',
  birthDate: 'identity',
  gender: 'identity',
};

/** Where a field lives: `person.cin` → identity, `documents.photo` → documents. */
export function sectionOf(path: string): SectionId {
  const [head = '', field = ''] = path.split('.');
  switch (head) {
    case 'person':
      return SECTION_OF_PERSON_FIELD[field] ?? 'contact';
    case 'workshop':
    case 'workshopProvinceCode':
      return 'workshop';
    case 'activities':
      return 'activity';
    case 'qualification':
      return 'qualification';
    case 'organisation':
      return 'organisation';
    default:
      return 'documents';
  }
}

type Group = 'person' | 'organisation' | 'qualification' | 'activities' | 'workshop';

/** Reads one field by its dotted path. */
export function getIn(payload: ApplicationPayload, path: string): unknown {
  const [group, field] = path.split('.') as [Group, string];
  const part = payload[group] as Record<string, unknown> | undefined;
  return part?.[field];
}

/** A copy of the payload with one field changed; an empty answer is no answer. */
export function setIn(payload: ApplicationPayload, path: string, value: unknown): ApplicationPayload {
  const [group, field] = path.split('.') as [Group, string];
  const part = { ...((payload[group] as Record<string, unknown> | undefined) ?? {}) };
  if (value === '' || value === null || value === undefined) delete part[field];
  else part[field] = value;
  return { ...payload, [group]: part } as ApplicationPayload;
}

/** Field path → message, from the failed rules of a saved file. */
export function ruleErrors(detail: ApplicationDetail | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of detail?.rules ?? []) {
    if (!rule.ok && rule.path && !(rule.path in out)) out[fieldKey(rule.path)] = rule.message;
  }
  return out;
}

/** `activities.secondary.2` and `payload.person.cin` name the fields the form shows. */
export function fieldKey(path: string): string {
  const parts = path.replace(/^payload\./, '').split('.');
  return parts.slice(0, 2).join('.');
}

/** Field path → message, from a problem the server answered (validation or submission). */
export function problemErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const item of error.problem.errors ?? []) {
    const key = fieldKey(item.path);
    if (key && !(key in out)) out[key] = item.message;
  }
  return out;
}

/** The failed rules grouped by the section where they are fixed, in the form's order. */
export function failuresBySection(
  detail: ApplicationDetail,
  extra: Record<string, string> = {},
): { section: SectionId; items: { path: string; message: string }[] }[] {
  const all = { ...ruleErrors(detail), ...extra };
  return sectionsFor(detail.kind)
    .map((section) => ({
      section,
      items: Object.entries(all)
        .filter(([path]) => sectionOf(path) === section)
        .map(([path, message]) => ({ path, message })),
    }))
    .filter((group) => group.items.length > 0);
}

/** What a new application starts with: what the account already knows, and the kind's own basis. */
export function initialPayload(
  kind: RegistrantKind,
  known: {
    phone?: string | null;
    email?: string | null;
    workshopAddressAr?: string;
    workshopAddressFr?: string;
  },
): ApplicationPayload {
  return {
    person: {
      ...(known.phone ? { phone: known.phone } : {}),
      ...(known.email ? { email: known.email } : {}),
    },
    qualification: kind === 'master_artisan' ? { basis: 'recognition_attestation' } : {},
    activities: { secondary: [] },
    workshop: {
      ...(known.workshopAddressAr ? { addressAr: known.workshopAddressAr } : {}),
      ...(known.workshopAddressFr ? { addressFr: known.workshopAddressFr } : {}),
    },
  };
}
