import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ImportMapping } from '@hirfa/contracts';
import {
  fieldOfHeader,
  findHeaderRow,
  headerSignature,
  labelKey,
  missingFields,
  proposeMapping,
} from './headers.ts';
import { allows } from './import-state.ts';
import type { ImportRecord } from './imports.tables.ts';
import { judgeRow, provinceKeys, type RowFacts, splitFullName, wordsKey } from './normalise.ts';
import { formatDuration, progressLine } from './progress.ts';

test('headers in French, Arabic, with accents, units and numbering', () => {
  assert.equal(fieldOfHeader('N° CIN'), 'cin');
  assert.equal(fieldOfHeader('رقم البطاقة الوطنية'), 'cin');
  assert.equal(fieldOfHeader('Date de naissance (jj/mm/aaaa)'), 'birthDate');
  assert.equal(fieldOfHeader('تاريخ الإزدياد'), 'birthDate');
  assert.equal(fieldOfHeader('PRÉNOM'), 'firstNameLatn');
  assert.equal(fieldOfHeader('الإسم الشخصي'), 'firstNameAr');
  assert.equal(fieldOfHeader('Métier'), 'activity');
  assert.equal(fieldOfHeader('Observations'), null);
  assert.equal(labelKey('N° C.I.N'), 'n c i n');
  assert.equal(headerSignature(['CIN', 'Nom ', 'Prénom', '']), headerSignature(['cin', 'NOM', 'prenom']));
});

test('the header row under title lines; a name column in the other script changes field', () => {
  const rows = [
    { rowNumber: 1, cells: ['Chambre d’artisanat — liste 2019'] },
    { rowNumber: 2, cells: [] },
    { rowNumber: 3, cells: ['CIN', 'Nom', 'Prénom', 'Sexe'] },
    { rowNumber: 4, cells: ['AB1', 'بنعلي', 'Mohamed', 'M'] },
  ];
  assert.equal(findHeaderRow(rows), 3);
  const mapping = proposeMapping(['CIN', 'Nom', 'Prénom', 'Sexe'], [['AB1', 'بنعلي', 'Mohamed', 'M']]);
  assert.equal(mapping.fullNameAr, 1, 'an Arabic "Nom" with no Arabic first name is the whole Arabic name');
  assert.equal(mapping.firstNameLatn, 2);
  assert.deepEqual(
    missingFields(mapping).sort(),
    ['activity', 'birthDate', 'lastNameLatn', 'province'].sort(),
  );
});

test('full names split family name first, particles kept with it', () => {
  assert.deepEqual(splitFullName('BENALI Mohamed Amine', 'latn'), { last: 'BENALI', first: 'Mohamed Amine' });
  assert.deepEqual(splitFullName('EL FASSI Fatima Zahra', 'latn'), {
    last: 'EL FASSI',
    first: 'Fatima Zahra',
  });
  assert.deepEqual(splitFullName('EL FASSI FATIMA', 'latn'), { last: 'EL FASSI', first: 'FATIMA' });
  assert.deepEqual(splitFullName('بن علي محمد', 'ar'), { last: 'بن علي', first: 'محمد' });
  assert.equal(splitFullName('Benali', 'latn'), null);
});

const facts: RowFacts = {
  regionCode: 'MA-06',
  today: '2026-11-29',
  provinces: new Map<string, { code: string; regionCode: string }>([
    ...provinceKeys('MA-CAS', 'Casablanca', 'الدار البيضاء').map(
      (k) => [k, { code: 'MA-CAS', regionCode: 'MA-06' }] as const,
    ),
    ...provinceKeys('MA-MAR', 'Marrakech', 'مراكش').map(
      (k) => [k, { code: 'MA-MAR', regionCode: 'MA-07' }] as const,
    ),
  ]),
  activities: new Map([
    ['P01.01', 'P01.01'],
    [labelKey('Tissage de tapis'), 'P01.01'],
    [labelKey('نسج الزرابي'), 'P01.01'],
    [`w:${wordsKey('Tissage de tapis')}`, 'P01.01'],
  ]),
};
const mapping: ImportMapping = {
  cin: 0,
  lastNameLatn: 1,
  firstNameLatn: 2,
  lastNameAr: 3,
  firstNameAr: 4,
  birthDate: 5,
  gender: 6,
  phone: 7,
  province: 8,
  activity: 9,
};
const row = (over: Record<number, string> = {}) => {
  const cells = [
    'bk 12345',
    'Benali',
    'Mohamed',
    'بنعلي',
    'محمد',
    '12/03/1980',
    'ذكر',
    '612345678',
    'الدار البيضاء',
    'tapis, tissage',
  ];
  for (const [i, v] of Object.entries(over)) cells[Number(i)] = v;
  return cells;
};

test('a row judged like an application, with what was corrected noted', () => {
  const ok = judgeRow(row(), null, mapping, facts);
  assert.ok(ok.ok);
  if (!ok.ok) return;
  assert.equal(ok.row.cin, 'BK12345');
  assert.equal(ok.row.gender, 'M');
  assert.equal(ok.row.phone, '+212612345678');
  assert.equal(ok.row.provinceCode, 'MA-CAS');
  assert.equal(ok.row.activityCode, 'P01.01', 'activity found by its words, in any order');
  assert.ok(ok.row.nameSkeleton.length > 0);
  assert.deepEqual(ok.notes.map((n) => n.code).sort(), ['cin_normalised', 'phone_leading_zero']);
  const codes = (cells: string[]) => {
    const j = judgeRow(cells, null, mapping, facts);
    return j.ok ? [] : j.reasons.map((r) => r.code).sort();
  };
  assert.deepEqual(codes(row({ 0: '' })), ['required']);
  assert.deepEqual(codes(row({ 0: '123' })), ['cin_format']);
  assert.deepEqual(codes(row({ 3: 'Benali' })), ['script_arabic']);
  assert.deepEqual(codes(row({ 8: 'Marrakech' })), ['province_other_chamber']);
  assert.deepEqual(codes(row({ 8: 'Atlantis' })), ['province_unknown']);
  assert.deepEqual(codes(row({ 9: 'Astronautique' })), ['activity_unknown']);
  assert.deepEqual(codes(row({ 6: '?', 7: '12' })), ['gender', 'phone']);
  assert.deepEqual(codes(row({ 5: '2030-01-01' })), ['birth_date_range']);
  assert.deepEqual(codes(row({ 2: '' })), ['required'], 'one Latin word and no first name');
  const split = judgeRow(
    row({ 1: 'BENALI Mohamed', 2: '' }),
    null,
    { ...mapping, firstNameLatn: undefined },
    facts,
  );
  assert.ok(split.ok && split.row.firstNameLatn === 'Mohamed' && split.row.lastNameLatn === 'BENALI');
  const merged = judgeRow(row({ 6: '' }), new Map([[6, 'formula_no_value' as const]]), mapping, facts);
  assert.ok(!merged.ok && merged.reasons[0]?.code === 'formula_without_value');
});

const state = (status: ImportRecord['status'], over: Partial<ImportRecord> = {}) =>
  ({ status, phase: null, loadedCount: 0, signedOffAt: null, heartbeatAt: null, ...over }) as ImportRecord;

test('the state machine: each action only where it belongs', () => {
  const signed = new Date();
  assert.ok(allows(state('uploaded'), 'map'));
  assert.ok(!allows(state('uploaded'), 'dry_run'));
  assert.ok(allows(state('mapped'), 'dry_run'));
  assert.ok(!allows(state('mapped', { phase: 'dry_run', heartbeatAt: new Date() }), 'dry_run'));
  assert.ok(
    allows(state('mapped', { phase: 'dry_run', heartbeatAt: new Date(Date.now() - 600_000) }), 'dry_run'),
  );
  assert.ok(allows(state('dry_run_done'), 'sign_off'));
  assert.ok(allows(state('dry_run_done'), 'decide'));
  assert.ok(!allows(state('signed_off', { signedOffAt: signed }), 'map'));
  assert.ok(allows(state('signed_off', { signedOffAt: signed }), 'load'));
  assert.ok(
    !allows(state('loading', { signedOffAt: signed, phase: 'load', heartbeatAt: new Date() }), 'load'),
  );
  assert.ok(allows(state('failed', { signedOffAt: signed, loadedCount: 10 }), 'load'));
  assert.ok(!allows(state('failed', { signedOffAt: signed, loadedCount: 10 }), 'cancel'));
  assert.ok(allows(state('failed', { signedOffAt: null }), 'map'));
  for (const a of ['map', 'dry_run', 'decide', 'sign_off', 'load', 'cancel'] as const) {
    assert.ok(!allows(state('done', { signedOffAt: signed }), a), a);
    assert.ok(!allows(state('cancelled'), a), a);
  }
});

test('the progress line', () => {
  assert.equal(formatDuration(75), '1:15');
  assert.equal(formatDuration(3725), '1:02:05');
  assert.equal(
    progressLine(500, 1000, 10, { rows: 'rows', perSecond: 'rows/s', left: 'left' }, 10),
    '[█████░░░░░]  50%  500/1 000 rows · 50 rows/s · 0:10 left',
  );
});
