// Reference data for the generator: regions, provinces and activities read from the seed CSVs
// (apps/server/data/reference), joined with the generator's own tables (territory.ts, activity mix).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { PERMUTATION_SIZE } from './prng.ts';
import { PROVINCE_FACTS_BY_CODE, type ProvinceFacts } from './territory.ts';

/** Finds apps/server/data/reference from src/ (tsx) or dist/ (bundled). */
function findReferenceDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'data', 'reference');
    if (fs.existsSync(path.join(candidate, 'provinces.csv'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/reference');
}

export const DEFAULT_REFERENCE_DIR = findReferenceDir();

export interface SyntheticProvince extends ProvinceFacts {
  readonly nameFr: string;
  readonly nameAr: string;
  readonly regionCode: string;
  readonly type: 'prefecture' | 'province';
  /** Start of this province's slice of the CIN permutation domain [0, PERMUTATION_SIZE). */
  readonly sliceStart: number;
  readonly sliceSize: number;
}

export interface SyntheticActivity {
  readonly code: string;
  readonly branchCode: string;
  readonly labelFr: string;
  readonly labelAr: string;
  /** Relative frequency among registered artisans (Low: judgement, not statistics). */
  readonly weight: number;
  /** Share of women among those practising it (Low: judgement, not statistics). */
  readonly femaleShare: number;
}

export interface SyntheticReference {
  readonly provinces: readonly SyntheticProvince[];
  readonly activities: readonly SyntheticActivity[];
  readonly regionCodes: readonly string[];
}

/** Activity mix: code → weight, female share. Carpets, sewing and embroidery dominate the register. */
const ACTIVITY_MIX: Readonly<Record<string, readonly [number, number]>> = {
  'P01.01': [14, 0.9],
  'P01.02': [4, 0.5],
  'P01.03': [0.6, 0.6],
  'P01.04': [0.4, 0.4],
  'P01.05': [0.4, 0.3],
  'P02.01': [14, 0.6],
  'P02.02': [7, 0.95],
  'P02.03': [2, 0.7],
  'P02.04': [0.8, 0.9],
  'P03.01': [4, 0.2],
  'P03.02': [1, 0.98],
  'P03.03': [2.5, 0.2],
  'P03.04': [2.5, 0.03],
  'P04.01': [3, 0.05],
  'P04.02': [5, 0.02],
  'P04.03': [1.2, 0.05],
  'P04.04': [1, 0.1],
  'P04.05': [0.8, 0.02],
  'P05.01': [3, 0.02],
  'P05.02': [2, 0.03],
  'P05.03': [0.4, 0.05],
  'P06.01': [4, 0.1],
  'P07.01': [1.2, 0.05],
  'P07.02': [3, 0.3],
  'P07.03': [2.5, 0.1],
  'P07.04': [0.5, 0.02],
  'P07.05': [0.3, 0.2],
  'P07.06': [0.2, 0.3],
  'P08.01': [2, 0.6],
  'P08.02': [0.6, 0.4],
  'P09.01': [1.5, 0.02],
  'P09.02': [0.8, 0.02],
  'P09.03': [0.8, 0.02],
  'P10.01': [0.5, 0.02],
  'P10.02': [0.15, 0.01],
  'P11.01': [8, 0.7],
  'P11.02': [1.5, 0.95],
  'P12.01': [1, 0.5],
  'P13.01': [3, 0.01],
  'P13.02': [2.5, 0.01],
  'P13.03': [3, 0.01],
  'P13.04': [1.2, 0.02],
  'P13.05': [1, 0.02],
  'P14.01': [3, 0.01],
};
const DEFAULT_MIX: readonly [number, number] = [1, 0.3];

function readCsv(file: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]?.message ?? 'CSV error'}`);
  return parsed.data;
}

function field(row: Record<string, string>, name: string, file: string): string {
  const v = row[name]?.trim();
  if (!v) throw new Error(`${file}: missing ${name}`);
  return v;
}

/** Numbers per CIN prefix: 10000–999999 (five or six digits). */
export const CIN_NUMBERS_PER_PREFIX = 990_000;

function loadProvinces(dir: string): SyntheticProvince[] {
  const file = path.join(dir, 'provinces.csv');
  const rows = readCsv(file).map((r) => {
    const code = field(r, 'code', file);
    const facts = PROVINCE_FACTS_BY_CODE.get(code);
    if (!facts) throw new Error(`synthetic: no facts for province ${code} (territory.ts)`);
    return { r, facts };
  });
  const total = rows.reduce((s, { facts }) => s + facts.weight, 0);
  let start = 0;
  return rows.map(({ r, facts }, i) => {
    // Slices of the permutation domain proportional to the weights; the last one takes the rest.
    const end =
      i === rows.length - 1
        ? PERMUTATION_SIZE
        : start + Math.round((facts.weight / total) * PERMUTATION_SIZE);
    const p: SyntheticProvince = {
      ...facts,
      nameFr: field(r, 'name_fr', file),
      nameAr: field(r, 'name_ar', file),
      regionCode: field(r, 'region_iso', file),
      type: field(r, 'type', file) === 'prefecture' ? 'prefecture' : 'province',
      sliceStart: start,
      sliceSize: end - start,
    };
    if (p.sliceSize > p.cinPrefixes.length * CIN_NUMBERS_PER_PREFIX) {
      throw new Error(`synthetic: province ${p.code} needs more CIN prefixes`);
    }
    start = end;
    return p;
  });
}

function loadActivities(dir: string): SyntheticActivity[] {
  const file = path.join(dir, 'nomenclature', 'provisional-2022.csv');
  return readCsv(file).map((r) => {
    const code = field(r, 'activity_code', file);
    const [weight, femaleShare] = ACTIVITY_MIX[code] ?? DEFAULT_MIX;
    return {
      code,
      branchCode: field(r, 'branch_code', file),
      labelFr: field(r, 'activity_fr', file),
      labelAr: field(r, 'activity_ar', file),
      weight,
      femaleShare,
    };
  });
}

const cache = new Map<string, SyntheticReference>();

/** Loads (once per folder) and checks the reference data; throws on any inconsistency. */
export function loadSyntheticReference(dir: string = DEFAULT_REFERENCE_DIR): SyntheticReference {
  const hit = cache.get(dir);
  if (hit) return hit;
  const provinces = loadProvinces(dir);
  const prefixes = provinces.flatMap((p) => p.cinPrefixes);
  const dup = prefixes.find((p, i) => prefixes.indexOf(p) !== i);
  if (dup) throw new Error(`synthetic: CIN prefix ${dup} is given to two provinces`);
  const ref: SyntheticReference = {
    provinces,
    activities: loadActivities(dir),
    regionCodes: [...new Set(provinces.map((p) => p.regionCode))].sort(),
  };
  cache.set(dir, ref);
  return ref;
}
