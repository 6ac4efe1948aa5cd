// Synthetic register entries: deterministic from (seed, index), generated one at a time, so a
// benchmark can stream 3,000,000 rows or regenerate row i without storing anything.
import { drawAddress, provinceTown } from './address.ts';
import { cinSpelling, drawFamilyName, drawFirstName, type Gender } from './pools.ts';
import { feistel24, mix32, PERMUTATION_SIZE, type Rng, rngFor, WeightedTable } from './prng.ts';
import {
  CIN_NUMBERS_PER_PREFIX,
  loadSyntheticReference,
  type SyntheticActivity,
  type SyntheticProvince,
  type SyntheticReference,
} from './reference.ts';

export type ActorKind = 'artisan' | 'master_artisan' | 'cooperative' | 'enterprise';

/** One generated person (for organisations: their legal representative). */
export interface SyntheticPerson {
  readonly index: number;
  /** Unique over all indices of one seed: 1–2 letters of the province's offices + 5–6 digits. */
  readonly cin: string;
  readonly firstNameAr: string;
  readonly lastNameAr: string;
  /** As written on the CIN: one spelling, no accents. */
  readonly firstNameLatn: string;
  readonly lastNameLatn: string;
  readonly gender: Gender;
  /** YYYY-MM-DD; age 18–80 on the reference date. */
  readonly birthDate: string;
  /** E.164 (+2126…, +2127…, a few +2125… landlines), or null (about 15%). */
  readonly phone: string | null;
  readonly email: string | null;
  readonly provinceCode: string;
  readonly regionCode: string;
  readonly postalCode: string;
  readonly addressAr: string;
  readonly addressFr: string;
  readonly primaryActivityCode: string;
  readonly secondaryActivityCodes: readonly string[];
  readonly kind: ActorKind;
  readonly organisationNameFr: string | null;
  readonly organisationNameAr: string | null;
  readonly yearsOfPractice: number;
}

export interface GeneratorOptions {
  /** Date the ages are computed at (YYYY-MM-DD); fixed so output never depends on the clock. */
  readonly referenceDate?: string;
  /** Folder of the reference CSVs (default: apps/server/data/reference). */
  readonly referenceDir?: string;
}

export interface GeneratePeopleOptions extends GeneratorOptions {
  readonly seed: number;
  readonly count: number;
  readonly startIndex?: number;
}

export const DEFAULT_REFERENCE_DATE = '2025-06-30';
const CIN_STRIDE = 7919; // prime, coprime with CIN_NUMBERS_PER_PREFIX: spreads numbers over the range

const KINDS = new WeightedTable<ActorKind>(
  ['artisan', 'master_artisan', 'cooperative', 'enterprise'],
  [80, 8, 7, 5],
);
const EMAIL_DOMAINS = new WeightedTable(
  ['gmail.com', 'hotmail.com', 'yahoo.fr', 'outlook.com', 'yahoo.com', 'menara.ma'],
  [60, 15, 10, 8, 4, 3],
);
const COOPERATIVE_NAMES = (
  'Al Amal|الأمل;Annahda|النهضة;Tifaout|تيفاوت;Tamount|تامونت;Al Baraka|البركة;Ennour|النور;' +
  'Al Wifaq|الوفاق;Tiwizi|تويزة;Al Fadila|الفضيلة;Al Khayr|الخير;Assafae|الصفاء;Al Ikhlas|الإخلاص;' +
  'Nissae Al Atlas|نساء الأطلس;Tamaynout|تامينوت;Al Inbiaat|الانبعاث;Attawfik|التوفيق'
)
  .split(';')
  .map((p) => p.split('|') as [string, string]);

interface Prepared {
  readonly ref: SyntheticReference;
  readonly activities: WeightedTable<SyntheticActivity>;
  readonly byBranch: ReadonlyMap<string, readonly SyntheticActivity[]>;
  readonly refTime: number;
}

const prepared = new Map<string, Prepared>();

function prepare(opts: GeneratorOptions): Prepared {
  const key = `${opts.referenceDir ?? ''}|${opts.referenceDate ?? DEFAULT_REFERENCE_DATE}`;
  const hit = prepared.get(key);
  if (hit) return hit;
  const ref = loadSyntheticReference(opts.referenceDir);
  const byBranch = new Map<string, SyntheticActivity[]>();
  for (const a of ref.activities) byBranch.set(a.branchCode, [...(byBranch.get(a.branchCode) ?? []), a]);
  const refTime = Date.parse(`${opts.referenceDate ?? DEFAULT_REFERENCE_DATE}T00:00:00Z`);
  if (Number.isNaN(refTime)) throw new Error(`bad referenceDate: ${opts.referenceDate}`);
  const p: Prepared = {
    ref,
    activities: new WeightedTable(
      ref.activities,
      ref.activities.map((a) => a.weight),
    ),
    byBranch,
    refTime,
  };
  prepared.set(key, p);
  return p;
}

/** Province and CIN from the keyed permutation: unique CINs, province frequencies ∝ weights. */
function placeAndCin(ref: SyntheticReference, seed: number, index: number): [SyntheticProvince, string] {
  const v = feistel24(index, mix32(seed ^ 0x5bd1e995));
  let lo = 0;
  let hi = ref.provinces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((ref.provinces[mid]?.sliceStart ?? 0) <= v) lo = mid;
    else hi = mid - 1;
  }
  const province = ref.provinces[lo];
  if (!province) throw new Error('synthetic: no province');
  const offset = v - province.sliceStart;
  const n = province.cinPrefixes.length;
  const prefix = province.cinPrefixes[offset % n] ?? '';
  const number = 10_000 + ((Math.floor(offset / n) * CIN_STRIDE) % CIN_NUMBERS_PER_PREFIX);
  return [province, `${prefix}${number}`];
}

/** Age in years: skewed towards 30–55, masters older. */
function drawAge(kind: ActorKind, rng: Rng): number {
  const x = ((rng.next() + rng.next() + rng.next()) / 3) ** 1.25;
  return kind === 'master_artisan' ? 35 + Math.floor(45 * x) : 18 + Math.floor(62 * x);
}

function birthDate(refTime: number, age: number, rng: Rng): string {
  const ref = new Date(refTime);
  const lastBirthday = Date.UTC(ref.getUTCFullYear() - age, ref.getUTCMonth(), ref.getUTCDate());
  return new Date(lastBirthday - rng.int(365) * 86_400_000).toISOString().slice(0, 10);
}

function drawYears(kind: ActorKind, age: number, rng: Rng): number {
  const max = Math.max(0, age - 12);
  const min = kind === 'master_artisan' ? 10 : 1;
  const years = min + Math.floor((max - min) * rng.next() ** (kind === 'master_artisan' ? 1 : 1.5));
  return Math.min(max, Math.max(min, years));
}

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(10));
  return s;
}

function drawPhone(kind: ActorKind, rng: Rng): string | null {
  if (!rng.chance(0.85)) return null;
  if ((kind === 'cooperative' || kind === 'enterprise') && rng.chance(0.3)) return `+2125${digits(rng, 8)}`;
  return `+212${rng.chance(0.65) ? '6' : '7'}${digits(rng, 8)}`;
}

const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');

function drawEmail(first: string, last: string, rng: Rng): string | null {
  if (!rng.chance(0.15)) return null;
  const sep = rng.pick(['.', '_', '', '.']);
  const suffix = rng.chance(0.5) ? String(1 + rng.int(99)) : '';
  return `${ascii(first)}${sep}${ascii(last)}${suffix}@${EMAIL_DOMAINS.sample(rng)}`;
}

function drawSecondary(p: Prepared, primary: SyntheticActivity, rng: Rng): string[] {
  const n = rng.chance(0.6) ? 0 : rng.chance(0.75) ? 1 : 2;
  const out: string[] = [];
  for (let tries = 0; out.length < n && tries < 10; tries++) {
    const sameBranch = p.byBranch.get(primary.branchCode) ?? [];
    const a = rng.chance(0.7) && sameBranch.length > 1 ? rng.pick(sameBranch) : p.activities.sample(rng);
    if (a.code !== primary.code && !out.includes(a.code)) out.push(a.code);
  }
  return out;
}

/** Generates entry `index` of the synthetic register for `seed` (pure: same inputs, same record). */
export function generatePerson(seed: number, index: number, opts: GeneratorOptions = {}): SyntheticPerson {
  if (!Number.isInteger(index) || index < 0 || index >= PERMUTATION_SIZE) {
    throw new RangeError(`index must be an integer in [0, ${PERMUTATION_SIZE})`);
  }
  const p = prepare(opts);
  const [province, cin] = placeAndCin(p.ref, seed, index);
  const rng = rngFor(seed, index);
  const kind = KINDS.sample(rng);
  const activity = p.activities.sample(rng);
  const gender: Gender = rng.chance(activity.femaleShare) ? 'F' : 'M';
  const first = drawFirstName(gender, rng);
  const family = drawFamilyName(province.regionCode, rng);
  const firstNameLatn = cinSpelling(first, rng);
  const lastNameLatn = cinSpelling(family, rng);
  const age = drawAge(kind, rng);
  const address = drawAddress(province, rng);
  const [coopFr, coopAr] = rng.pick(COOPERATIVE_NAMES);
  const [townFr, townAr] = provinceTown(province);
  return {
    index,
    cin,
    firstNameAr: first.ar[0] ?? '',
    lastNameAr: family.ar[0] ?? '',
    firstNameLatn,
    lastNameLatn,
    gender,
    birthDate: birthDate(p.refTime, age, rng),
    phone: drawPhone(kind, rng),
    email: drawEmail(firstNameLatn, lastNameLatn, rng),
    provinceCode: province.code,
    regionCode: province.regionCode,
    postalCode: address.postalCode,
    addressAr: address.ar,
    addressFr: address.fr,
    primaryActivityCode: activity.code,
    secondaryActivityCodes: drawSecondary(p, activity, rng),
    kind,
    organisationNameFr:
      kind === 'cooperative'
        ? `Coopérative ${coopFr} ${townFr}`
        : kind === 'enterprise'
          ? `Ets ${lastNameLatn}`
          : null,
    organisationNameAr:
      kind === 'cooperative'
        ? `تعاونية ${coopAr} ${townAr}`
        : kind === 'enterprise'
          ? `مؤسسة ${family.ar[0]}`
          : null,
    yearsOfPractice: drawYears(kind, age, rng),
  };
}

/** Streams `count` entries from `startIndex` (default 0); holds one record at a time. */
export function* generatePeople(opts: GeneratePeopleOptions): Generator<SyntheticPerson, void, undefined> {
  const start = opts.startIndex ?? 0;
  if (!Number.isInteger(opts.count) || opts.count < 0)
    throw new RangeError('count must be a non-negative integer');
  if (start + opts.count > PERMUTATION_SIZE)
    throw new RangeError(`at most ${PERMUTATION_SIZE} entries per seed`);
  for (let i = start; i < start + opts.count; i++) yield generatePerson(opts.seed, i, opts);
}
