import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApplicationPayload, DocumentType } from '@hirfa/contracts';
import {
  checkRules,
  fieldErrorsOf,
  isValidIce,
  type RuleFacts,
  requiredDocuments,
} from './applications.rules.ts';

const complete: ApplicationPayload = {
  person: {
    cin: 'BK123456',
    firstNameAr: 'فاطمة',
    lastNameAr: 'آيت بلعيد',
    firstNameLatn: 'Fatima',
    lastNameLatn: 'Ait Belaid',
    birthDate: '1985-04-12',
    gender: 'F',
    phone: '0612345678',
    postalCode: '20250',
    provinceCode: 'MA-CAS',
  },
  qualification: { basis: 'practice_attestation', yearsOfPractice: 7 },
  activities: { primary: 'P01.01', secondary: ['P02.02'] },
  workshop: { provinceCode: 'MA-CAS', addressAr: 'درب السلطان', addressFr: 'Derb Sultan' },
};
const facts = (over: Partial<RuleFacts> = {}): RuleFacts => ({
  kind: 'artisan',
  cin: 'BK123456',
  cinTaken: false,
  provincesKnown: new Set(['MA-CAS', 'MA-FES']),
  activitiesKnown: new Set(['P01.01', 'P02.02']),
  supervising: null,
  uploaded: new Set<DocumentType>(['cin_copy', 'photo', 'practice_attestation']),
  reachable: false,
  today: '2026-11-29',
  ...over,
});
const failed = (p: ApplicationPayload, f: RuleFacts) =>
  fieldErrorsOf(checkRules(p, f)).map((e) => `${e.path}:${e.code}`);

test('a complete artisan application passes every rule', () => {
  const results = checkRules(complete, facts());
  assert.ok(results.length > 15);
  assert.deepEqual(
    results.filter((r) => !r.ok),
    [],
  );
});

test('each rule names the field and the reason', () => {
  assert.deepEqual(failed(complete, facts({ cin: null })), ['person.cin:cin_format']);
  assert.deepEqual(failed(complete, facts({ cinTaken: true })), ['person.cin:cin_taken']);
  assert.deepEqual(failed({ ...complete, person: { ...complete.person, firstNameAr: 'Fatima' } }, facts()), [
    'person.firstNameAr:script_arabic',
  ]);
  assert.deepEqual(failed({ ...complete, person: { ...complete.person, lastNameLatn: 'بلعيد' } }, facts()), [
    'person.lastNameLatn:script_latin',
  ]);
  assert.deepEqual(failed({ ...complete, person: { ...complete.person, phone: '0812' } }, facts()), [
    'person.phone:phone',
  ]);
  assert.deepEqual(failed({ ...complete, person: { ...complete.person, postalCode: '2025' } }, facts()), [
    'person.postalCode:postal_code',
  ]);
  assert.deepEqual(
    failed({ ...complete, person: { ...complete.person, birthDate: '2030-01-01' } }, facts()),
    ['person.birthDate:birth_date_range'],
  );
  assert.deepEqual(failed({ ...complete, activities: { primary: 'P99.99', secondary: [] } }, facts()), [
    'activities.primary:activity_unknown',
  ]);
  assert.deepEqual(
    failed({ ...complete, activities: { primary: 'P01.01', secondary: ['P01.01'] } }, facts()),
    ['activities.secondary.0:activity_repeated'],
  );
  assert.deepEqual(failed({ ...complete, workshop: { provinceCode: 'MA-XXX' } }, facts()), [
    'workshop.provinceCode:province_unknown',
  ]);
  assert.deepEqual(failed(complete, facts({ uploaded: new Set(['cin_copy']) })), [
    'documents.photo:document_missing',
    'documents.practice_attestation:document_missing',
  ]);
});

test('a phone, an e-mail or a portal account is needed to keep the applicant informed', () => {
  const noContact = { ...complete, person: { ...complete.person, phone: undefined } };
  assert.deepEqual(failed(noContact, facts()), ['person.phone:phone_or_email']);
  assert.deepEqual(failed(noContact, facts({ reachable: true })), []);
});

test('years of practice against the kind: 3 for an experienced artisan, 10 for a maâlem', () => {
  const years = (n: number) => ({
    ...complete,
    qualification: { basis: 'practice_attestation' as const, yearsOfPractice: n },
  });
  assert.deepEqual(failed(years(2), facts()), ['qualification.yearsOfPractice:years_artisan']);
  assert.deepEqual(failed(years(3), facts()), []);
  const master = (n: number) => ({
    ...complete,
    qualification: { basis: 'recognition_attestation' as const, yearsOfPractice: n },
  });
  const mf = facts({
    kind: 'master_artisan',
    uploaded: new Set(['cin_copy', 'photo', 'recognition_attestation']),
  });
  assert.deepEqual(failed(master(9), mf), ['qualification.yearsOfPractice:years_master']);
  assert.deepEqual(failed(master(10), mf), []);
  assert.deepEqual(failed(years(12), mf), ['qualification.basis:basis_mismatch']);
  const diploma = { ...complete, qualification: { basis: 'diploma' as const } };
  assert.deepEqual(failed(diploma, facts({ uploaded: new Set(['cin_copy', 'photo', 'diploma']) })), []);
});

test('ICE: 15 digits, a multiple of 97', () => {
  // Two published samples (python-stdnum's ma.ice), then one digit changed, then too short.
  assert.equal(isValidIce('001561191000066'), true);
  assert.equal(isValidIce('002136093000040'), true);
  assert.equal(isValidIce('001561191000067'), false);
  assert.equal(isValidIce('00156119100006'), false);
  assert.equal(isValidIce(String(97n * 10309278350n).padStart(15, '0')), true);
});

test('an enterprise needs an ICE, an RC and an active supervising artisan', () => {
  const enterprise: ApplicationPayload = {
    ...complete,
    qualification: {},
    organisation: {
      nameAr: 'مقاولة الزليج',
      nameFr: 'Zellige SARL',
      ice: '001561191000066',
      rcCourt: 'Fès',
      rcNumber: '12345',
      supervisingNia: '2603000001X',
    },
  };
  const ef = (s: RuleFacts['supervising']) =>
    facts({ kind: 'enterprise', supervising: s, uploaded: new Set(['cin_copy', 'enterprise_papers']) });
  assert.deepEqual(failed(enterprise, ef({ nia: '2603000001X', found: true, active: true })), []);
  assert.deepEqual(failed(enterprise, ef({ nia: '2603000001X', found: true, active: false })), [
    'organisation.supervisingNia:supervising_nia_inactive',
  ]);
  assert.deepEqual(failed(enterprise, ef({ nia: '2603000001X', found: false, active: false })), [
    'organisation.supervisingNia:supervising_nia_unknown',
  ]);
  assert.deepEqual(failed(enterprise, ef({ nia: null, found: false, active: false })), [
    'organisation.supervisingNia:nia_format',
  ]);
  const badIce = { ...enterprise, organisation: { ...enterprise.organisation, ice: '001561191000067' } };
  assert.deepEqual(failed(badIce, ef({ nia: '2603000001X', found: true, active: true })), [
    'organisation.ice:ice_checksum',
  ]);
  assert.deepEqual(requiredDocuments('cooperative', undefined), ['cin_copy', 'cooperative_papers']);
});
