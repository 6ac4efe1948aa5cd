// Loads synthetic people straight into the register tables (persons, organisations, registrations),
// many rows per statement through unnest() of array parameters: one INSERT … SELECT per table, all
// three in one statement (data-modifying CTEs), so a batch is in whole or not at all and a load
// resumes at the entry count. The search projection follows through the migration's triggers.
// Used by the search integration test (2,000 people) and by the benchmark (3,000,000).
import { randomUUID } from 'node:crypto';
import { formatNia, personKeys } from '../src/modules/registry/index.ts';
import { generatePerson, type SyntheticPerson } from '../src/modules/synthetic/index.ts';

/** Runs one parameterised statement (Database.query or a pg client). */
export type Run = (text: string, params: unknown[]) => Promise<unknown>;

export interface LoadOptions {
  readonly seed: number;
  /** First generator index to load (the count already loaded, to resume). */
  readonly from: number;
  /** Index after the last one to load. */
  readonly to: number;
  readonly batchSize?: number;
  readonly nomenclatureVersion: string;
  /** NIAs use this year, apart from entries made by applications (default 2019). */
  readonly niaYear?: number;
  readonly niaFormat?: string;
  /** An artisan registration an enterprise may name as its supervisor when the batch has none yet. */
  readonly supervisor?: string | null;
  readonly onBatch?: (done: number, seconds: number) => void;
}

/** Deterministic per index: a small hash to spread statuses and consents. */
const bucket = (i: number, m: number) => (Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0) % m;

/** The status and directory consent a synthetic entry gets (about 94% active, 25% listed). */
export function syntheticState(index: number): {
  status: 'active' | 'suspended' | 'radiated';
  consent: 'none' | 'basic' | 'contact';
} {
  const s = bucket(index, 100);
  const c = bucket(index + 7, 100);
  return {
    status: s < 4 ? 'suspended' : s < 6 ? 'radiated' : 'active',
    consent: c < 15 ? 'basic' : c < 25 ? 'contact' : 'none',
  };
}

const PERSON_COLUMNS = [
  'id uuid',
  'cin text',
  'first_name_ar text',
  'last_name_ar text',
  'first_name_latn text',
  'last_name_latn text',
  'name_latn_norm text',
  'name_ar_norm text',
  'name_skeleton text',
  'name_skeleton_ar text',
  'birth_date date',
  'gender text',
  'phone text',
  'email text',
  'address_ar text',
  'address_fr text',
  'province_code text',
  'postal_code text',
];
const ORG_COLUMNS = [
  'id uuid',
  'kind text',
  'name_ar text',
  'name_fr text',
  'ice text',
  'rc_court text',
  'rc_number text',
  'coop_register_number text',
  'legal_rep_person_id uuid',
];
const REG_COLUMNS = [
  'id uuid',
  'nia text',
  'kind text',
  'qualification_basis text',
  'years_of_practice int',
  'person_id uuid',
  'organisation_id uuid',
  'supervising_registration_id uuid',
  'chamber_code text',
  'workshop_province_code text',
  'workshop_address_ar text',
  'workshop_address_fr text',
  'nomenclature_version text',
  'primary_activity_code text',
  'status text',
  'status_reason text',
  'directory_consent text',
];

function insertFrom(table: string, columns: string[], offset: number): string {
  const names = columns.map((c) => c.split(' ')[0]);
  const params = columns.map((c, i) => `$${offset + i + 1}::${c.split(' ')[1]}[]`);
  return `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${params.join(', ')}) RETURNING 1`;
}

const STATEMENT = `
  WITH p AS (${insertFrom('persons', PERSON_COLUMNS, 0)}),
       o AS (${insertFrom('organisations', ORG_COLUMNS, PERSON_COLUMNS.length)}),
       r AS (${insertFrom('registrations', REG_COLUMNS, PERSON_COLUMNS.length + ORG_COLUMNS.length)})
  SELECT (SELECT count(*) FROM r)::int AS n`;

function columnsOf(rows: unknown[][], width: number): unknown[][] {
  const cols: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) {
    for (const [i, v] of row.entries()) cols[i]?.push(v);
  }
  return cols;
}

function rowsOfBatch(people: SyntheticPerson[], opts: LoadOptions, supervisor: { id: string | null }) {
  const persons: unknown[][] = [];
  const orgs: unknown[][] = [];
  const regs: unknown[][] = [];
  for (const p of people) {
    const personId = randomUUID();
    const names = {
      firstNameAr: p.firstNameAr,
      lastNameAr: p.lastNameAr,
      firstNameLatn: p.firstNameLatn,
      lastNameLatn: p.lastNameLatn,
    };
    const k = personKeys(names);
    persons.push([
      personId,
      p.cin,
      p.firstNameAr,
      p.lastNameAr,
      p.firstNameLatn,
      p.lastNameLatn,
      k.nameLatnNorm,
      k.nameArNorm,
      k.nameSkeleton,
      k.nameSkeletonAr,
      p.birthDate,
      p.gender,
      p.phone,
      p.email,
      p.addressAr,
      p.addressFr,
      p.provinceCode,
      p.postalCode,
    ]);
    const holder = p.kind === 'artisan' || p.kind === 'master_artisan';
    // An enterprise needs a supervising artisan: the first one of the load becomes it.
    const kind = p.kind === 'enterprise' && !supervisor.id ? 'cooperative' : p.kind;
    let orgId: string | null = null;
    if (!holder) {
      orgId = randomUUID();
      const enterprise = kind === 'enterprise';
      orgs.push([
        orgId,
        kind,
        p.organisationNameAr ?? 'تعاونية',
        p.organisationNameFr ?? 'Coopérative',
        enterprise ? String(100_000_000_000_000 + p.index) : null,
        enterprise ? 'Tribunal de commerce' : null,
        enterprise ? `RC${p.index}` : null,
        enterprise ? null : `ODCO-${p.cin}`,
        personId,
      ]);
    }
    const regId = randomUUID();
    const { status, consent } = syntheticState(p.index);
    regs.push([
      regId,
      formatNia(opts.niaFormat ?? '{yy}{region}{seq:7}', {
        year: opts.niaYear ?? 2019,
        regionCode: p.regionCode,
        seq: p.index + 1,
      }),
      kind,
      holder ? (p.kind === 'master_artisan' ? 'recognition_attestation' : 'practice_attestation') : null,
      holder ? p.yearsOfPractice : null,
      holder ? personId : null,
      orgId,
      kind === 'enterprise' ? supervisor.id : null,
      p.regionCode.replace('MA-', 'CA-MA-'),
      p.provinceCode,
      // A workshop is not the holder's home: its address must never be the personal one.
      `ورشة ${1 + (p.index % 180)}، سوق الصناعة التقليدية`,
      `Atelier ${1 + (p.index % 180)}, souk des artisans`,
      opts.nomenclatureVersion,
      p.primaryActivityCode,
      status,
      status === 'suspended' ? 'Atelier fermé temporairement' : status === 'radiated' ? 'voluntary' : null,
      consent,
    ]);
    if (p.kind === 'artisan' && status === 'active') supervisor.id = regId;
  }
  return [
    ...columnsOf(persons, PERSON_COLUMNS.length),
    ...columnsOf(orgs, ORG_COLUMNS.length),
    ...columnsOf(regs, REG_COLUMNS.length),
  ];
}

/**
 * Loads generator entries [from, to) in batches; returns the number of entries loaded. The next
 * batch is generated while the database writes the previous one (one statement in flight).
 */
export async function loadRegister(run: Run, opts: LoadOptions): Promise<number> {
  const size = opts.batchSize ?? 10_000;
  const supervisor = { id: opts.supervisor ?? null };
  const started = performance.now();
  let done = 0;
  let inFlight: Promise<number> | null = null;
  for (let start = opts.from; start < opts.to; start += size) {
    const people: SyntheticPerson[] = [];
    for (let i = start; i < Math.min(opts.to, start + size); i++) people.push(generatePerson(opts.seed, i));
    const params = rowsOfBatch(people, opts, supervisor);
    if (inFlight) report(await inFlight);
    inFlight = run(STATEMENT, params).then(() => people.length);
    inFlight.catch(() => {}); // handled by the await above, on the next turn
  }
  if (inFlight) report(await inFlight);
  return done;

  function report(n: number) {
    done += n;
    opts.onBatch?.(done, (performance.now() - started) / 1000);
  }
}
