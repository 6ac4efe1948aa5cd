// How a generated person shows up in a chamber's legacy list (other spellings, swapped columns,
// upper case, hamza dropped, ة typed ه, CIN and phone typed loosely or missing), and labelled
// search queries for measuring recall@k against the generated register.
import type { SyntheticPerson } from './people.ts';
import { generatePerson, type GeneratorOptions } from './people.ts';
import { familyNameBySpelling, firstNameBySpelling, type NameEntry, otherSpelling } from './pools.ts';
import { type Rng, rngFor } from './prng.ts';

/** One row of a legacy list; every field may be missing or loosely typed. */
export interface LegacyEntry {
  /** Ground truth: index of the generated person this row comes from. */
  readonly sourceIndex: number;
  readonly cin: string | null;
  /** Column order may be swapped, or the full name put in one column (then firstNameLatn is null). */
  readonly firstNameLatn: string | null;
  readonly lastNameLatn: string | null;
  readonly firstNameAr: string | null;
  readonly lastNameAr: string | null;
  readonly phone: string | null;
  /** DD/MM/YYYY, YYYY-MM-DD, a bare year, or null. */
  readonly birthDate: string | null;
  readonly provinceCode: string;
  readonly activityCode: string;
}

function latinVariant(entry: NameEntry | undefined, spelling: string, p: number, rng: Rng): string {
  let s = entry && rng.chance(p) ? otherSpelling(entry, spelling, rng) : spelling;
  if (/^El [A-Z]/.test(s) && rng.chance(0.2)) s = rng.chance(0.5) ? s.slice(3) : `El${s.slice(3)}`;
  return s;
}

function arabicVariant(entry: NameEntry | undefined, spelling: string, rng: Rng): string {
  let s =
    entry && entry.ar.length > 1 && rng.chance(0.3)
      ? rng.pick(entry.ar.filter((a) => a !== spelling))
      : spelling;
  if (rng.chance(0.4)) s = s.replace(/[أإآ]/g, 'ا');
  if (rng.chance(0.15)) s = s.replace(/ة(?=\s|$)/g, 'ه');
  if (rng.chance(0.15)) s = s.replace(/ى(?=\s|$)/g, 'ي');
  if (rng.chance(0.25)) s = s.replace(/^(بن|آيت|أيت|ايت) /, '$1'); // بن علي → بنعلي
  if (rng.chance(0.1) && s.startsWith('ال') && s.length > 4) s = s.slice(2);
  if (rng.chance(0.05)) s = addTashkil(s, rng);
  if (rng.chance(0.03)) s = s.replace(/(?<=[\u0628-\u064A])(?=[\u0628-\u064A])/, '\u0640');
  return s;
}

const HARAKAT = ['\u064E', '\u064F', '\u0650', '\u0652', '\u0651'];
function addTashkil(s: string, rng: Rng): string {
  return [...s]
    .map((ch) => (/[\u0621-\u064A]/.test(ch) && rng.chance(0.5) ? ch + rng.pick(HARAKAT) : ch))
    .join('');
}

function caseStyle(s: string, rng: Rng): string {
  const u = rng.next();
  return u < 0.35 ? s.toUpperCase() : u < 0.4 ? s.toLowerCase() : s;
}

function looseCin(cin: string, rng: Rng): string | null {
  const u = rng.next();
  if (u < 0.2) return null;
  const m = /^([A-Z]+)(\d+)$/.exec(cin);
  const [letters, number] = m ? [m[1] ?? '', m[2] ?? ''] : [cin, ''];
  if (u < 0.3) return cin.toLowerCase();
  if (u < 0.45) return `${letters} ${number}`;
  if (u < 0.5) return `${letters}-${number}`;
  if (u < 0.55) return ` ${cin.toLowerCase()} `;
  return cin;
}

function loosePhone(phone: string | null, rng: Rng): string | null {
  if (phone === null || rng.chance(0.15)) return null;
  const national = `0${phone.slice(4)}`; // +2126… → 06…
  const pairs = national.match(/\d{2}/g)?.join(' ') ?? national;
  const u = rng.next();
  if (u < 0.4) return pairs;
  if (u < 0.7) return national;
  if (u < 0.8) return `+212 ${national.slice(1, 2)} ${pairs.slice(3)}`;
  if (u < 0.85) return `00212${national.slice(1)}`;
  return phone;
}

function looseDate(iso: string, rng: Rng): string | null {
  const u = rng.next();
  const [y = '', m = '', d = ''] = iso.split('-');
  if (u < 0.6) return `${d}/${m}/${y}`;
  if (u < 0.8) return iso;
  if (u < 0.9) return y;
  return null;
}

/** The same person as a chamber's legacy list records them. */
export function messyVariant(record: SyntheticPerson, rng: Rng): LegacyEntry {
  const first = firstNameBySpelling(record.firstNameLatn);
  const family = familyNameBySpelling(record.lastNameLatn);
  const hasLatn = rng.chance(0.92);
  const hasAr = !hasLatn || rng.chance(0.65);
  let firstLatn: string | null = caseStyle(latinVariant(first, record.firstNameLatn, 0.5, rng), rng);
  let lastLatn: string | null = caseStyle(latinVariant(family, record.lastNameLatn, 0.4, rng), rng);
  const layout = rng.next();
  if (layout < 0.2) [firstLatn, lastLatn] = [null, `${lastLatn.toUpperCase()} ${firstLatn}`];
  else if (layout < 0.45) [firstLatn, lastLatn] = [lastLatn, firstLatn];
  let firstAr: string | null = arabicVariant(first, record.firstNameAr, rng);
  let lastAr: string | null = arabicVariant(family, record.lastNameAr, rng);
  if (rng.chance(0.2)) [firstAr, lastAr] = [null, `${lastAr} ${firstAr}`];
  return {
    sourceIndex: record.index,
    cin: looseCin(record.cin, rng),
    firstNameLatn: hasLatn ? firstLatn : null,
    lastNameLatn: hasLatn ? lastLatn : null,
    firstNameAr: hasAr ? firstAr : null,
    lastNameAr: hasAr ? lastAr : null,
    phone: loosePhone(record.phone, rng),
    birthDate: looseDate(record.birthDate, rng),
    provinceCode: record.provinceCode,
    activityCode: record.primaryActivityCode,
  };
}

export type QueryKind = 'latn_variant' | 'latn_last_first' | 'ar_variant';

/** A search query with the person it should find. */
export interface LabelledQuery {
  readonly queryText: string;
  readonly script: 'latn' | 'ar';
  readonly kind: QueryKind;
  readonly expectedIndex: number;
  readonly expectedCin: string;
}

export interface LabelledSetOptions extends GeneratorOptions {
  /** Seed of the generated register the queries target. */
  readonly seed: number;
  readonly size: number;
  /** Number of entries in the register (indices 0..populationSize-1). */
  readonly populationSize: number;
  /** Seed of the query draw (default: seed + 1). */
  readonly querySeed?: number;
}

/**
 * Labelled queries for recall@k: each is a realistic variant spelling (Latin, or Arabic with
 * the usual hamza/ta-marbuta/spacing noise) of a random person of the register.
 */
export function labelledVariantSet(opts: LabelledSetOptions): LabelledQuery[] {
  const out: LabelledQuery[] = [];
  for (let j = 0; j < opts.size; j++) {
    const rng = rngFor(opts.querySeed ?? opts.seed + 1, j, 7);
    const person = generatePerson(opts.seed, rng.int(opts.populationSize), opts);
    const first = firstNameBySpelling(person.firstNameLatn);
    const family = familyNameBySpelling(person.lastNameLatn);
    const u = rng.next();
    const kind: QueryKind = u < 0.45 ? 'latn_variant' : u < 0.65 ? 'latn_last_first' : 'ar_variant';
    let queryText: string;
    if (kind === 'ar_variant') {
      const f = arabicVariant(first, person.firstNameAr, rng);
      const l = arabicVariant(family, person.lastNameAr, rng);
      queryText = rng.chance(0.3) ? `${l} ${f}` : `${f} ${l}`;
    } else {
      const f = latinVariant(first, person.firstNameLatn, 0.7, rng);
      const l = latinVariant(family, person.lastNameLatn, 0.6, rng);
      queryText = kind === 'latn_last_first' ? `${l.toUpperCase()} ${f}` : caseStyle(`${f} ${l}`, rng);
    }
    out.push({
      queryText,
      script: kind === 'ar_variant' ? 'ar' : 'latn',
      kind,
      expectedIndex: person.index,
      expectedCin: person.cin,
    });
  }
  return out;
}
