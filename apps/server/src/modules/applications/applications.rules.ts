import type { ApplicationPayload, DocumentType, RegistrantKind } from '@hirfa/contracts';
import { toE164Morocco } from '@hirfa/contracts';
import type { FieldError } from '../../platform/http/errors.ts';

/**
 * The rules an application must meet to be submitted, and that the agent sees listed on the file.
 * Pure: what needs the database (CIN already registered, supervising NIA, nomenclature, provinces)
 * comes in as facts looked up by the service beforehand.
 */
export interface RuleFacts {
  kind: RegistrantKind;
  /** The CIN normalised, or null when it is not a valid CIN. */
  cin: string | null;
  cinTaken: boolean;
  provincesKnown: Set<string>;
  activitiesKnown: Set<string>;
  supervising: { nia: string | null; found: boolean; active: boolean } | null;
  uploaded: Set<DocumentType>;
  /** True when the applicant can be told of progress (portal account, phone or e-mail). */
  reachable: boolean;
  today: string;
}

export interface RuleResult {
  rule: string;
  ok: boolean;
  path?: string;
  code?: string;
  params?: Record<string, unknown>;
}

const ARABIC = /^[\u0600-\u06FF\u0750-\u077F\s'’-]+$/;
const LATIN = /^[A-Za-zÀ-ÖØ-öø-ÿ\s'’.-]+$/;

export function requiredDocuments(kind: RegistrantKind, basis: string | undefined): DocumentType[] {
  switch (kind) {
    case 'artisan':
      return ['cin_copy', 'photo', basis === 'diploma' ? 'diploma' : 'practice_attestation'];
    case 'master_artisan':
      return ['cin_copy', 'photo', 'recognition_attestation'];
    case 'cooperative':
      return ['cin_copy', 'cooperative_papers'];
    case 'enterprise':
      return ['cin_copy', 'enterprise_papers'];
  }
}

/** ICE: 15 digits whose value is a multiple of 97 (the last two digits are the check key). */
export function isValidIce(ice: string): boolean {
  if (!/^\d{15}$/.test(ice)) return false;
  return BigInt(ice) % 97n === 0n;
}

export function checkRules(p: ApplicationPayload, f: RuleFacts): RuleResult[] {
  const r: RuleResult[] = [];
  const add = (rule: string, ok: boolean, path?: string, code?: string, params?: Record<string, unknown>) =>
    r.push({
      rule,
      ok,
      ...(path ? { path } : {}),
      ...(ok ? {} : { code: code ?? 'required', ...(params ? { params } : {}) }),
    });
  const person = p.person;

  // Identity (the artisan, or an organisation's legal representative).
  add('cin_present', Boolean(person.cin), 'person.cin');
  if (person.cin) add('cin_format', f.cin !== null, 'person.cin', 'cin_format');
  if (f.cin) add('cin_unique', !f.cinTaken, 'person.cin', 'cin_taken');
  for (const field of ['firstNameAr', 'lastNameAr'] as const) {
    const v = person[field];
    add(`${field}_present`, Boolean(v), `person.${field}`);
    if (v) add(`${field}_script`, ARABIC.test(v), `person.${field}`, 'script_arabic');
  }
  for (const field of ['firstNameLatn', 'lastNameLatn'] as const) {
    const v = person[field];
    add(`${field}_present`, Boolean(v), `person.${field}`);
    if (v) add(`${field}_script`, LATIN.test(v), `person.${field}`, 'script_latin');
  }
  add('birth_date_present', Boolean(person.birthDate), 'person.birthDate');
  if (person.birthDate) {
    const ok = person.birthDate >= '1900-01-01' && person.birthDate <= f.today;
    add('birth_date_range', ok, 'person.birthDate', 'birth_date_range');
  }
  add('gender_present', Boolean(person.gender), 'person.gender');
  if (person.phone) add('phone_format', toE164Morocco(person.phone) !== null, 'person.phone', 'phone');
  add(
    'contact',
    f.reachable || Boolean(person.phone) || Boolean(person.email),
    'person.phone',
    'phone_or_email',
  );
  if (person.postalCode)
    add('postal_code', /^\d{5}$/.test(person.postalCode), 'person.postalCode', 'postal_code');
  if (person.provinceCode) {
    add(
      'person_province',
      f.provincesKnown.has(person.provinceCode),
      'person.provinceCode',
      'province_unknown',
    );
  }

  // Workshop and activities.
  const ws = p.workshop.provinceCode;
  add('workshop_province_present', Boolean(ws), 'workshop.provinceCode');
  if (ws) add('workshop_province', f.provincesKnown.has(ws), 'workshop.provinceCode', 'province_unknown');
  const primary = p.activities.primary;
  add('activity_present', Boolean(primary), 'activities.primary');
  if (primary)
    add('activity_known', f.activitiesKnown.has(primary), 'activities.primary', 'activity_unknown');
  p.activities.secondary.forEach((code, i) => {
    add(`secondary_${i}_known`, f.activitiesKnown.has(code), `activities.secondary.${i}`, 'activity_unknown');
    const repeated = code === primary || p.activities.secondary.indexOf(code) !== i;
    add(`secondary_${i}_unique`, !repeated, `activities.secondary.${i}`, 'activity_repeated');
  });

  // Qualification, by kind (Law 50-17: diploma, or ≥ 3 years attested; maâlem ≥ 10 years).
  const q = p.qualification;
  if (f.kind === 'artisan') {
    add(
      'basis',
      q.basis === 'diploma' || q.basis === 'practice_attestation',
      'qualification.basis',
      'basis_mismatch',
    );
    if (q.basis === 'practice_attestation') {
      add('years_artisan', (q.yearsOfPractice ?? 0) >= 3, 'qualification.yearsOfPractice', 'years_artisan');
    }
  }
  if (f.kind === 'master_artisan') {
    const ok = q.basis === 'recognition_attestation';
    add('basis', ok, 'qualification.basis', q.basis ? 'basis_mismatch' : 'required');
    add('years_master', (q.yearsOfPractice ?? 0) >= 10, 'qualification.yearsOfPractice', 'years_master');
  }

  // Organisations.
  const o = p.organisation;
  if (f.kind === 'cooperative' || f.kind === 'enterprise') {
    add('org_name_ar', Boolean(o?.nameAr), 'organisation.nameAr');
    add('org_name_fr', Boolean(o?.nameFr), 'organisation.nameFr');
    if (f.kind === 'cooperative')
      add('coop_register', Boolean(o?.coopRegisterNumber), 'organisation.coopRegisterNumber');
    if (f.kind === 'enterprise') {
      add('ice_present', Boolean(o?.ice), 'organisation.ice');
      add('rc', Boolean(o?.rcCourt && o.rcNumber), 'organisation.rcNumber');
      add('supervising_present', Boolean(o?.supervisingNia), 'organisation.supervisingNia');
      const s = f.supervising;
      if (o?.supervisingNia && s) {
        add('supervising_nia_format', s.nia !== null, 'organisation.supervisingNia', 'nia_format');
        if (s.nia) {
          add('supervising_found', s.found, 'organisation.supervisingNia', 'supervising_nia_unknown');
          if (s.found)
            add('supervising_active', s.active, 'organisation.supervisingNia', 'supervising_nia_inactive');
        }
      }
    }
    if (o?.ice) add('ice_checksum', isValidIce(o.ice), 'organisation.ice', 'ice_checksum');
  }

  // Documents.
  for (const doc of requiredDocuments(f.kind, q.basis)) {
    add(`document_${doc}`, f.uploaded.has(doc), `documents.${doc}`, 'document_missing');
  }
  return r;
}

export function fieldErrorsOf(results: RuleResult[]): FieldError[] {
  return results
    .filter((x) => !x.ok && x.path)
    .map((x) => ({
      path: x.path as string,
      code: x.code ?? 'required',
      ...(x.params ? { params: x.params } : {}),
    }));
}
