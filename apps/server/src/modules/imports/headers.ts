// Column headers as chambers write them, in French or Arabic (or the field names themselves):
// finding the header row under title lines, proposing a mapping, and a signature to recognise
// the same layout next time (templates).
import { createHash } from 'node:crypto';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '@hirfa/contracts';
import { isBlankRow } from './source-row.ts';

/**
 * A label reduced for comparison: lower case, no accents or Arabic diacritics, one alef, ya and
 * ta marbuta, punctuation as spaces. "N° C.I.N" → "n c i n", "الإسم العائلي" → "الاسم العايلي".
 */
export function labelKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ئ/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ة/g, 'ه')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Header words per field, in French, Arabic and English; compared after labelKey. */
const SYNONYMS: Record<ImportField, string[]> = {
  cin: [
    'cin',
    'cnie',
    'n cin',
    'no cin',
    'num cin',
    'numero cin',
    'c i n',
    'n c i n',
    'carte nationale',
    'n carte nationale',
    'numero de la carte nationale',
    'cin cnie',
    'national id',
    'رقم البطاقه الوطنيه',
    'البطاقه الوطنيه',
    'ب ت و',
    'رقم ب ت و',
    'رقم البطاقه',
  ],
  lastNameLatn: [
    'nom',
    'nom fr',
    'nom francais',
    'nom en francais',
    'nom latin',
    'nom de famille',
    'last name',
    'surname',
    'family name',
    'last name latn',
  ],
  firstNameLatn: [
    'prenom',
    'prenoms',
    'prenom fr',
    'prenom francais',
    'prenom en francais',
    'first name',
    'given name',
    'first name latn',
  ],
  fullNameLatn: [
    'nom et prenom',
    'nom prenom',
    'nom et prenoms',
    'nom complet',
    'full name',
    'name',
    'nom et prenom fr',
  ],
  lastNameAr: ['الاسم العايلي', 'النسب', 'العايلي', 'nom ar', 'nom arabe', 'nom en arabe', 'last name ar'],
  firstNameAr: ['الاسم الشخصي', 'الشخصي', 'prenom ar', 'prenom arabe', 'prenom en arabe', 'first name ar'],
  fullNameAr: [
    'الاسم الكامل',
    'الاسم والنسب',
    'الاسم و النسب',
    'الاسم',
    'nom complet ar',
    'nom et prenom ar',
    'nom et prenom arabe',
    'full name ar',
  ],
  birthDate: [
    'date de naissance',
    'date naissance',
    'date de naiss',
    'ne le',
    'ne e le',
    'naissance',
    'ddn',
    'birth date',
    'date of birth',
    'تاريخ الازدياد',
    'تاريخ الميلاد',
    'الازدياد',
    'تاريخ ومكان الازدياد',
  ],
  gender: ['sexe', 'genre', 'gender', 'sex', 'الجنس', 'النوع'],
  phone: [
    'telephone',
    'tel',
    'gsm',
    'portable',
    'mobile',
    'phone',
    'n tel',
    'n telephone',
    'الهاتف',
    'رقم الهاتف',
    'الهاتف المحمول',
  ],
  email: ['email', 'e mail', 'courriel', 'mail', 'adresse email', 'البريد الالكتروني', 'البريد الإلكتروني'],
  province: [
    'province',
    'prefecture',
    'province prefecture',
    'prefecture province',
    'code province',
    'province code',
    'الاقليم',
    'العماله',
    'العماله او الاقليم',
    'العماله الاقليم',
  ],
  activity: [
    'activite',
    'metier',
    'activite principale',
    'metier principal',
    'profession',
    'code activite',
    'activity',
    'activity code',
    'النشاط',
    'الحرفه',
    'المهنه',
    'النشاط الرييسي',
  ],
  kind: ['categorie', 'qualite', 'statut', 'type', 'الصفه', 'الفيه'],
  addressFr: ['adresse', 'adresse atelier', 'adresse fr', 'adresse de l atelier', 'address'],
  addressAr: ['العنوان', 'عنوان الورشه', 'adresse ar', 'adresse arabe', 'adresse en arabe'],
  yearsOfPractice: [
    'annees d experience',
    'experience',
    'anciennete',
    'annees de pratique',
    'سنوات الخبره',
    'الاقدميه',
  ],
  legacyNumber: [
    'n',
    'no',
    'numero',
    'n ordre',
    'n d ordre',
    'ref',
    'reference',
    'matricule',
    'ancien numero',
    'الرقم',
    'الرقم الترتيبي',
    'ر ت',
    'source index',
  ],
};

const LOOKUP = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
  LOOKUP.set(labelKey(field), field);
  for (const s of SYNONYMS[field]) if (!LOOKUP.has(labelKey(s))) LOOKUP.set(labelKey(s), field);
}

/** The field a header names, if it names one. */
export function fieldOfHeader(header: string): ImportField | null {
  const key = labelKey(header);
  if (key === '') return null;
  const exact = LOOKUP.get(key);
  if (exact) return exact;
  // "Nom (arabe)", "Date de naissance (jj/mm/aaaa)": the longest known label the header starts with.
  let best: { field: ImportField; length: number } | null = null;
  for (const [label, field] of LOOKUP) {
    if (label.length < 3) continue;
    if ((key.startsWith(`${label} `) || key.endsWith(` ${label}`)) && label.length > (best?.length ?? 0)) {
      best = { field, length: label.length };
    }
  }
  return best?.field ?? null;
}

/** The header row among the first rows: the one naming the most fields (1-based; 0 when none does). */
export function findHeaderRow(rows: { rowNumber: number; cells: string[] }[]): number {
  let best = { rowNumber: 0, score: 0 };
  for (const row of rows.slice(0, 20)) {
    const score = new Set(row.cells.map(fieldOfHeader).filter((f) => f !== null)).size;
    if (score > best.score) best = { rowNumber: row.rowNumber, score };
  }
  if (best.score > 0) return best.rowNumber;
  // No known header: the first row with several cells filled (the agent maps it by its values).
  const first = rows.find((r) => !isBlankRow(r.cells) && r.cells.filter((c) => c.trim() !== '').length >= 2);
  return first?.rowNumber ?? 0;
}

export type ColumnScript = 'arabic' | 'latin' | 'mixed' | 'numeric' | 'empty';

const ARABIC = /[\u0600-\u06FF]/;
const LATIN = /[A-Za-z\u00C0-\u024F]/;

export function scriptOf(values: string[]): ColumnScript {
  let ar = 0;
  let la = 0;
  let num = 0;
  let n = 0;
  for (const v of values) {
    const s = v.trim();
    if (s === '') continue;
    n++;
    if (ARABIC.test(s)) ar++;
    else if (LATIN.test(s)) la++;
    else if (/^[\d\s.,/+-]+$/.test(s)) num++;
  }
  if (n === 0) return 'empty';
  if (ar >= n * 0.7) return 'arabic';
  if (la >= n * 0.7) return 'latin';
  if (num >= n * 0.7) return 'numeric';
  return 'mixed';
}

const SCRIPT_TWIN: Partial<Record<ImportField, ImportField>> = {
  lastNameLatn: 'lastNameAr',
  firstNameLatn: 'firstNameAr',
  fullNameLatn: 'fullNameAr',
  lastNameAr: 'lastNameLatn',
  firstNameAr: 'firstNameLatn',
  fullNameAr: 'fullNameLatn',
  addressFr: 'addressAr',
  addressAr: 'addressFr',
};
const ARABIC_FIELDS = new Set<ImportField>(['lastNameAr', 'firstNameAr', 'fullNameAr', 'addressAr']);

/**
 * A mapping proposed from the headers; a name column whose values are in the other script goes
 * to the field of that script ("Nom" holding Arabic names is the Arabic last name).
 */
export function proposeMapping(headers: string[], samples: string[][]): ImportMapping {
  const mapping: ImportMapping = {};
  headers.forEach((header, index) => {
    let field = fieldOfHeader(header);
    if (!field) return;
    const twin = SCRIPT_TWIN[field];
    if (twin) {
      const script = scriptOf(samples.map((row) => row[index] ?? ''));
      const wantsArabic = ARABIC_FIELDS.has(field);
      if ((script === 'arabic' && !wantsArabic) || (script === 'latin' && wantsArabic)) field = twin;
    }
    if (mapping[field] === undefined) mapping[field] = index;
  });
  // A single name column of each script is the full name, not the last name alone.
  if (
    mapping.lastNameLatn !== undefined &&
    mapping.firstNameLatn === undefined &&
    mapping.fullNameLatn === undefined
  ) {
    mapping.fullNameLatn = mapping.lastNameLatn;
    delete mapping.lastNameLatn;
  }
  if (
    mapping.lastNameAr !== undefined &&
    mapping.firstNameAr === undefined &&
    mapping.fullNameAr === undefined
  ) {
    mapping.fullNameAr = mapping.lastNameAr;
    delete mapping.lastNameAr;
  }
  return mapping;
}

/** The same layout gives the same signature, whatever the case, accents or spacing of its headers. */
export function headerSignature(headers: string[]): string {
  const keys = headers.map(labelKey);
  while (keys.length > 0 && keys[keys.length - 1] === '') keys.pop();
  return createHash('sha256').update(JSON.stringify(keys)).digest('hex');
}

/** Fields the mapping is missing to make an entry (a name in each script, split or whole). */
export function missingFields(mapping: ImportMapping): ImportField[] {
  const missing: ImportField[] = [];
  for (const f of ['cin', 'birthDate', 'gender', 'province', 'activity'] as const) {
    if (mapping[f] === undefined) missing.push(f);
  }
  if (
    mapping.fullNameAr === undefined &&
    (mapping.lastNameAr === undefined || mapping.firstNameAr === undefined)
  ) {
    missing.push(mapping.lastNameAr === undefined ? 'lastNameAr' : 'firstNameAr');
  }
  if (
    mapping.fullNameLatn === undefined &&
    (mapping.lastNameLatn === undefined || mapping.firstNameLatn === undefined)
  ) {
    missing.push(mapping.lastNameLatn === undefined ? 'lastNameLatn' : 'firstNameLatn');
  }
  return missing;
}
