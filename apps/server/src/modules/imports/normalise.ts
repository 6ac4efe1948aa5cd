// One row of a legacy list judged like an application: CIN, names in each script, birth date,
// gender, phone, province of the import's chamber, activity matched by its name in the
// nomenclature. Pure: the reference data comes in as facts.
import { type ImportField, type ImportMapping, type ImportReason, toE164Morocco } from '@hirfa/contracts';
import { normalizeCin } from '../names/index.ts';
import { personKeys } from '../registry/index.ts';
import { parseBirthDate } from './dates.ts';
import { labelKey } from './headers.ts';
import type { CellFlag } from './source-row.ts';

export interface RowFacts {
  regionCode: string;
  today: string;
  /** Province by code ("MA-CAS", "CAS") or name in either language (labelKey). */
  provinces: Map<string, { code: string; regionCode: string }>;
  /** Activity code by code or name in either language (labelKey, and its sorted words). */
  activities: Map<string, string>;
}

export interface NormalisedRow {
  cin: string;
  firstNameAr: string;
  lastNameAr: string;
  firstNameLatn: string;
  lastNameLatn: string;
  birthDate: string;
  gender: 'F' | 'M';
  phone: string | null;
  email: string | null;
  provinceCode: string;
  activityCode: string;
  kind: 'artisan' | 'master_artisan';
  addressAr: string | null;
  addressFr: string | null;
  yearsOfPractice: number | null;
  legacyNumber: string | null;
  nameLatnNorm: string;
  nameArNorm: string;
  nameSkeleton: string;
  nameSkeletonAr: string;
}

export type Judged =
  | { ok: true; row: NormalisedRow; notes: ImportReason[] }
  | { ok: false; reasons: ImportReason[]; notes: ImportReason[] };

const ARABIC = /^[\u0600-\u06FF\u0750-\u077F\s'’-]+$/;
const LATIN = /^[A-Za-zÀ-ÖØ-öø-ÿ\s'’.-]+$/;
const MAX_NAME = 100;
const LATIN_PARTICLES = new Set([
  'el',
  'al',
  'ben',
  'bin',
  'ibn',
  'ait',
  'ould',
  'bou',
  'abou',
  'abu',
  'oulad',
  'lal',
]);
const ARABIC_PARTICLES = new Set([
  'بن',
  'ابن',
  'ايت',
  'آيت',
  'أيت',
  'ولد',
  'ابو',
  'أبو',
  'بو',
  'اولاد',
  'أولاد',
]);

const GENDERS = new Map<string, 'F' | 'M'>();
for (const g of ['m', 'h', 'homme', 'masculin', 'male', 'garcon', 'ذكر', 'ذ', 'رجل'])
  GENDERS.set(labelKey(g), 'M');
for (const g of ['f', 'femme', 'feminin', 'female', 'fille', 'انثي', 'أنثى', 'ا', 'امراه', 'امرأة'])
  GENDERS.set(labelKey(g), 'F');

const KINDS = new Map<string, NormalisedRow['kind'] | 'unsupported'>();
for (const k of [
  'artisan',
  'artisane',
  'artisan individuel',
  'صانع',
  'صانعه',
  'صانع تقليدي',
  'صانعه تقليديه',
  'حرفي',
])
  KINDS.set(labelKey(k), 'artisan');
for (const k of [
  'maitre artisan',
  'maalem',
  'maallem',
  'mallem',
  'master artisan',
  'معلم',
  'معلم حرفي',
  'معلمه',
])
  KINDS.set(labelKey(k), 'master_artisan');
for (const k of ['cooperative', 'entreprise', 'enterprise', 'societe', 'تعاونيه', 'مقاوله', 'شركه'])
  KINDS.set(labelKey(k), 'unsupported');

const PROVINCE_PREFIX = /^(province|prefecture|prefecture d arrondissements)( de| d| du)? |^(عماله|اقليم) /;
const STOP_WORDS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'et',
  'en',
  'au',
  'aux',
  'a',
  'و',
  'في',
]);

/** The order-free key of an activity name: its meaningful words, sorted. */
export function wordsKey(s: string): string {
  return labelKey(s)
    .split(' ')
    .filter((w) => w !== '' && !STOP_WORDS.has(w))
    .sort()
    .join(' ');
}

export function provinceKeys(code: string, nameFr: string, nameAr: string): string[] {
  return [code.toUpperCase(), code.replace(/^MA-/, '').toUpperCase(), labelKey(nameFr), labelKey(nameAr)];
}

/** A lookup remembered by the raw value: a list repeats the same few provinces and activities. */
function memo<T>(cache: Map<string, T | null>, value: string, find: () => T | undefined): T | undefined {
  const known = cache.get(value);
  if (known !== undefined) return known ?? undefined;
  const found = find();
  if (cache.size < 50_000) cache.set(value, found ?? null);
  return found;
}

const provinceMemo = new WeakMap<RowFacts, Map<string, { code: string; regionCode: string } | null>>();
const activityMemo = new WeakMap<RowFacts, Map<string, string | null>>();
const labelMemo = new Map<string, string>();

/** labelKey, remembered (genders and categories take a handful of values). */
function cachedLabel(s: string): string {
  let key = labelMemo.get(s);
  if (key === undefined) {
    key = labelKey(s);
    if (labelMemo.size < 10_000) labelMemo.set(s, key);
  }
  return key;
}

export function findProvinceIn(facts: RowFacts, value: string) {
  let cache = provinceMemo.get(facts);
  if (!cache) {
    cache = new Map();
    provinceMemo.set(facts, cache);
  }
  return memo(cache, value, () => {
    const v = value.trim();
    return (
      facts.provinces.get(v.toUpperCase()) ??
      facts.provinces.get(labelKey(v)) ??
      facts.provinces.get(labelKey(v).replace(PROVINCE_PREFIX, ''))
    );
  });
}

export function findActivityIn(facts: RowFacts, value: string): string | undefined {
  let cache = activityMemo.get(facts);
  if (!cache) {
    cache = new Map();
    activityMemo.set(facts, cache);
  }
  return memo(cache, value, () => {
    const v = value.trim();
    return (
      facts.activities.get(v.toUpperCase()) ??
      facts.activities.get(labelKey(v)) ??
      facts.activities.get(`w:${wordsKey(v)}`)
    );
  });
}

const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

type Split =
  | { first: string; last: string; guessed: boolean }
  | { error: 'required' | 'name_split'; field: ImportField; value?: string };

/** "BENALI Mohamed", "EL FASSI Fatima Zahra", "بن علي محمد": the family name first, as lists write it. */
export function splitFullName(full: string, script: 'ar' | 'latn'): { first: string; last: string } | null {
  const tokens = full.split(' ').filter(Boolean);
  if (tokens.length < 2) return null;
  if (script === 'latn') {
    const caps = (t: string) => t === t.toUpperCase() && t !== t.toLowerCase();
    if (!tokens.every(caps)) {
      let n = 0;
      while (n < tokens.length && caps(tokens[n] ?? '')) n++;
      if (n > 0 && n < tokens.length)
        return { last: tokens.slice(0, n).join(' '), first: tokens.slice(n).join(' ') };
    }
  }
  const particles = script === 'latn' ? LATIN_PARTICLES : ARABIC_PARTICLES;
  const head = script === 'latn' ? (tokens[0] ?? '').toLowerCase() : (tokens[0] ?? '');
  const n = particles.has(head) && tokens.length > 2 ? 2 : 1;
  return { last: tokens.slice(0, n).join(' '), first: tokens.slice(n).join(' ') };
}

/** A name in one script: from its two columns, or split from the one that holds it whole. */
function names(get: (f: ImportField) => string, mapping: ImportMapping, script: 'ar' | 'latn'): Split {
  const suffix = script === 'ar' ? 'Ar' : 'Latn';
  const firstField = `firstName${suffix}` as ImportField;
  const lastField = `lastName${suffix}` as ImportField;
  const fullField = `fullName${suffix}` as ImportField;
  const first = get(firstField);
  const last = get(lastField);
  if (first && last) return { first, last, guessed: false };
  const whole = get(fullField) || last || first;
  const wholeField = get(fullField) ? fullField : last ? lastField : firstField;
  if (!whole) return { error: 'required', field: mapping[fullField] !== undefined ? fullField : lastField };
  const split = splitFullName(whole, script);
  if (split) return { ...split, guessed: true };
  // One word where two were expected: the other column is missing, or the name cannot be split.
  if (mapping[fullField] === undefined) return { error: 'required', field: last ? firstField : lastField };
  return { error: 'name_split', field: wholeField, value: whole };
}

/** Judges one row; `flags` says which cells were formulas or repeated merged values. */
export function judgeRow(
  cells: readonly string[],
  flags: Map<number, CellFlag> | null,
  mapping: ImportMapping,
  facts: RowFacts,
): Judged {
  const reasons: ImportReason[] = [];
  const notes: ImportReason[] = [];
  const get = (f: ImportField) => {
    const i = mapping[f];
    return i === undefined ? '' : clean(cells[i]);
  };
  const fail = (code: string, field?: ImportField, value?: string) =>
    reasons.push({ code, ...(field ? { field } : {}), ...(value ? { value: value.slice(0, 100) } : {}) });
  const required = (field: ImportField) => {
    const i = mapping[field];
    fail(
      i !== undefined && flags?.get(i) === 'formula_no_value' ? 'formula_without_value' : 'required',
      field,
    );
  };
  if (flags) {
    for (const [field, i] of Object.entries(mapping) as [ImportField, number][]) {
      const flag = flags.get(i);
      if (flag === 'formula') notes.push({ code: 'formula_value_used', field });
      if (flag === 'merged') notes.push({ code: 'merged_cell_filled', field });
    }
  }

  const rawCin = get('cin');
  const cin = normalizeCin(rawCin);
  if (!rawCin) required('cin');
  else if (!cin) fail('cin_format', 'cin', rawCin);
  else if (cin !== rawCin) notes.push({ code: 'cin_normalised', field: 'cin', value: rawCin });

  const person: Partial<Record<'firstNameAr' | 'lastNameAr' | 'firstNameLatn' | 'lastNameLatn', string>> = {};
  for (const script of ['ar', 'latn'] as const) {
    const suffix = script === 'ar' ? 'Ar' : 'Latn';
    const split = names(get, mapping, script);
    if ('error' in split) {
      if (split.error === 'required') required(split.field);
      else fail('name_split', split.field, split.value);
      continue;
    }
    if (split.guessed) notes.push({ code: 'name_split_guessed', field: `fullName${suffix}` as ImportField });
    const pattern = script === 'ar' ? ARABIC : LATIN;
    for (const [key, value] of [
      [`firstName${suffix}`, split.first],
      [`lastName${suffix}`, split.last],
    ] as const) {
      const field = key as ImportField;
      if (value.length > MAX_NAME) fail('too_long', field);
      else if (!pattern.test(value)) fail(script === 'ar' ? 'script_arabic' : 'script_latin', field, value);
      else person[key as keyof typeof person] = value;
    }
  }

  let birthDate: string | null = null;
  const rawDate = get('birthDate');
  if (!rawDate) required('birthDate');
  else {
    const d = parseBirthDate(rawDate);
    if (!d.ok) fail(d.code, 'birthDate', rawDate);
    else if (d.date <= '1900-01-01' || d.date > facts.today) fail('birth_date_range', 'birthDate', rawDate);
    else {
      birthDate = d.date;
      if (d.serial) notes.push({ code: 'excel_serial_date', field: 'birthDate', value: rawDate });
    }
  }

  const rawGender = get('gender');
  const gender = rawGender ? GENDERS.get(cachedLabel(rawGender)) : undefined;
  if (!rawGender) required('gender');
  else if (!gender) fail('gender', 'gender', rawGender);

  let phone: string | null = null;
  const rawPhone = get('phone');
  if (rawPhone) {
    let p = rawPhone;
    if (/^[5-8]\d{8}$/.test(p.replace(/[\s.-]/g, ''))) {
      p = `0${p.replace(/[\s.-]/g, '')}`; // a number cell loses its leading zero
      notes.push({ code: 'phone_leading_zero', field: 'phone', value: rawPhone });
    }
    phone = toE164Morocco(p);
    if (!phone) fail('phone', 'phone', rawPhone);
  }

  const rawEmail = get('email').toLowerCase();
  if (rawEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(rawEmail)) fail('email', 'email', rawEmail);

  let provinceCode: string | null = null;
  const rawProvince = get('province');
  if (!rawProvince) required('province');
  else {
    const p = findProvinceIn(facts, rawProvince);
    if (!p) fail('province_unknown', 'province', rawProvince);
    else if (p.regionCode !== facts.regionCode) fail('province_other_chamber', 'province', rawProvince);
    else provinceCode = p.code;
  }

  let activityCode: string | null = null;
  const rawActivity = get('activity');
  if (!rawActivity) required('activity');
  else {
    activityCode = findActivityIn(facts, rawActivity) ?? null;
    if (!activityCode) fail('activity_unknown', 'activity', rawActivity);
  }

  let kind: NormalisedRow['kind'] = 'artisan';
  const rawKind = get('kind');
  if (rawKind) {
    const k = KINDS.get(cachedLabel(rawKind));
    if (k === 'unsupported' || k === undefined) fail('kind_unsupported', 'kind', rawKind);
    else kind = k;
  }

  let yearsOfPractice: number | null = null;
  const rawYears = get('yearsOfPractice');
  if (rawYears) {
    const m = /^(\d{1,2})(\s*(ans?|سنه|سنوات|years?))?$/i.exec(rawYears);
    const n = m ? Number(m[1]) : Number.NaN;
    if (!(n >= 0 && n <= 80)) fail('years_of_practice', 'yearsOfPractice', rawYears);
    else yearsOfPractice = n;
  }

  if (reasons.length > 0) return { ok: false, reasons, notes };
  const named = person as Required<typeof person>;
  const addressAr = get('addressAr').slice(0, 300) || null;
  const addressFr = get('addressFr').slice(0, 300) || null;
  return {
    ok: true,
    notes,
    row: {
      cin: cin as string,
      ...named,
      birthDate: birthDate as string,
      gender: gender as 'F' | 'M',
      phone,
      email: rawEmail || null,
      provinceCode: provinceCode as string,
      activityCode: activityCode as string,
      kind,
      addressAr,
      addressFr,
      yearsOfPractice,
      legacyNumber: get('legacyNumber').slice(0, 50) || null,
      ...personKeys(named),
    },
  };
}
