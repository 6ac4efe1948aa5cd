// Parsed name pools: spellings per name, weights per gender and per region, and lookups from any
// spelling back to its name (used to write a person's name differently in a legacy list).
import { FAMILY_NAMES_REGIONAL } from './family-names-regional.ts';
import { FAMILY_NAMES_GENERAL } from './family-names.ts';
import { FIRST_NAMES } from './first-names.ts';
import { type Rng, WeightedTable } from './prng.ts';

export type Gender = 'F' | 'M';
export type RegionalTag = '' | 'fes' | 'amz' | 'rif' | 'sah';

/** A name with its spellings. */
export interface NameEntry {
  /** Spellings used on CINs, most common first. */
  readonly latnCin: readonly string[];
  /** Spellings also met in legacy lists (accents, particles run together, abbreviations). */
  readonly latnLegacy: readonly string[];
  /** Arabic spellings, the CIN form first. */
  readonly ar: readonly string[];
  readonly weight: number;
}
export interface FirstNameEntry extends NameEntry {
  readonly gender: Gender;
}
export interface FamilyNameEntry extends NameEntry {
  readonly tag: RegionalTag;
}

function splitSpellings(field: string): { cin: string[]; legacy: string[] } {
  const all = field.split('/').map((s) => s.trim());
  return {
    cin: all.filter((s) => !s.startsWith('~')),
    legacy: all.filter((s) => s.startsWith('~')).map((s) => s.slice(1)),
  };
}

function parseFirst(line: string): FirstNameEntry {
  const [gender, latn = '', ar = '', weight = ''] = line.split('|');
  if (gender !== 'F' && gender !== 'M') throw new Error(`first-names: bad gender in ${line}`);
  const { cin, legacy } = splitSpellings(latn);
  return { gender, latnCin: cin, latnLegacy: legacy, ar: ar.split('/'), weight: Number(weight) };
}

const TAGS = new Set<string>(['', 'fes', 'amz', 'rif', 'sah']);

function parseFamily(line: string): FamilyNameEntry {
  const [latn = '', ar = '', weight = '', tag = ''] = line.split('|');
  if (!TAGS.has(tag)) throw new Error(`family-names: bad tag in ${line}`);
  const { cin, legacy } = splitSpellings(latn);
  return {
    latnCin: cin,
    latnLegacy: legacy,
    ar: ar.split('/'),
    weight: Number(weight),
    tag: tag as RegionalTag,
  };
}

export const FIRST_NAME_ENTRIES: readonly FirstNameEntry[] = FIRST_NAMES.map(parseFirst);
export const FAMILY_NAME_ENTRIES: readonly FamilyNameEntry[] = [
  ...FAMILY_NAMES_GENERAL,
  ...FAMILY_NAMES_REGIONAL,
].map(parseFamily);

/** How much more (or less) common a tagged family name is in a region than elsewhere. */
const REGIONAL_FACTORS: Readonly<Record<Exclude<RegionalTag, ''>, Readonly<Record<string, number>>>> = {
  fes: { 'MA-03': 2, 'MA-04': 1.5, 'MA-06': 1.5, other: 0.6 },
  amz: { 'MA-09': 5, 'MA-08': 3, 'MA-05': 2, 'MA-07': 1.5, 'MA-10': 2, other: 0.3 },
  rif: { 'MA-01': 4, 'MA-02': 4, 'MA-03': 1, other: 0.3 },
  sah: { 'MA-10': 6, 'MA-11': 12, 'MA-12': 12, other: 0.05 },
};

function regionalWeight(e: FamilyNameEntry, region: string): number {
  if (e.tag === '') return e.weight;
  const f = REGIONAL_FACTORS[e.tag];
  return e.weight * (f[region] ?? f.other ?? 1);
}

const firstByGender = new Map<Gender, WeightedTable<FirstNameEntry>>();
const familyByRegion = new Map<string, WeightedTable<FamilyNameEntry>>();

/** Draws a given name for the gender (Mohamed about one man in eight, Fatima one woman in ten). */
export function drawFirstName(gender: Gender, rng: Rng): FirstNameEntry {
  let table = firstByGender.get(gender);
  if (!table) {
    const items = FIRST_NAME_ENTRIES.filter((e) => e.gender === gender);
    table = new WeightedTable(
      items,
      items.map((e) => e.weight),
    );
    firstByGender.set(gender, table);
  }
  return table.sample(rng);
}

/** Draws a family name with regional frequencies (Ait- names in Souss-Massa, Ould- in the south). */
export function drawFamilyName(region: string, rng: Rng): FamilyNameEntry {
  let table = familyByRegion.get(region);
  if (!table) {
    table = new WeightedTable(
      FAMILY_NAME_ENTRIES,
      FAMILY_NAME_ENTRIES.map((e) => regionalWeight(e, region)),
    );
    familyByRegion.set(region, table);
  }
  return table.sample(rng);
}

/**
 * The CIN spelling of a name for one person: the first spelling 55% of the time, then each next one
 * about half as often as the previous (Mohamed 55%, Mohammed 23%, Mhamed 12%, Mohamad 6%, Muhammad 3%).
 */
export function cinSpelling(e: NameEntry, rng: Rng): string {
  const spellings = e.latnCin;
  let u = rng.next();
  if (u < 0.55 || spellings.length === 1) return spellings[0] ?? '';
  u = (u - 0.55) / 0.45;
  const n = spellings.length - 1;
  const total = 1 - 0.5 ** n; // geometric weights 1/2, 1/4, … over the other spellings
  let acc = 0;
  for (let k = 1; k <= n; k++) {
    acc += 0.5 ** k / total;
    if (u < acc) return spellings[k] ?? '';
  }
  return spellings[n] ?? '';
}

/** Any spelling of the name other than `current` (CIN or legacy), or `current` if there is none. */
export function otherSpelling(e: NameEntry, current: string, rng: Rng): string {
  const options = [...e.latnCin, ...e.latnLegacy].filter((s) => s !== current);
  return options.length === 0 ? current : rng.pick(options);
}

function indexBySpelling<T extends NameEntry>(entries: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const e of entries) for (const s of [...e.latnCin, ...e.latnLegacy, ...e.ar]) map.set(s, e);
  return map;
}

let firstIndex: Map<string, FirstNameEntry> | undefined;
let familyIndex: Map<string, FamilyNameEntry> | undefined;

/** The given-name entry one of whose spellings (Latin or Arabic) is `spelling`. */
export function firstNameBySpelling(spelling: string): FirstNameEntry | undefined {
  firstIndex ??= indexBySpelling(FIRST_NAME_ENTRIES);
  return firstIndex.get(spelling);
}

/** The family-name entry one of whose spellings (Latin or Arabic) is `spelling`. */
export function familyNameBySpelling(spelling: string): FamilyNameEntry | undefined {
  familyIndex ??= indexBySpelling(FAMILY_NAME_ENTRIES);
  return familyIndex.get(spelling);
}
