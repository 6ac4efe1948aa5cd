import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generatePeople, generatePerson, type SyntheticPerson } from './people.ts';
import { loadSyntheticReference } from './reference.ts';

const take = (seed: number, count: number, startIndex = 0) => [
  ...generatePeople({ seed, count, startIndex }),
];

test('same seed → identical first 1,000 records; random access equals streaming', () => {
  const a = take(42, 1000);
  const b = take(42, 1000);
  assert.deepEqual(a, b);
  for (const i of [0, 1, 17, 999]) assert.deepEqual(generatePerson(42, i), a[i]);
  assert.deepEqual(take(42, 10, 500), a.slice(500, 510));
});

test('different seeds give different records', () => {
  const a = take(42, 1000);
  const b = take(43, 1000);
  const same = a.filter((p, i) => p.cin === b[i]?.cin || p.lastNameAr === b[i]?.lastNameAr).length;
  assert.ok(same < 200, `too many equal fields across seeds: ${same}`);
  assert.notDeepEqual(a.slice(0, 10), b.slice(0, 10));
});

const N = 200_000;
const ref = loadSyntheticReference();

test(`over ${N.toLocaleString('en')} records: unique CINs, valid fields, full coverage`, () => {
  const cins = new Set<string>();
  const regions = new Set<string>();
  const provinces = new Map<string, number>();
  const activities = new Set<string>();
  const kinds = new Map<string, number>();
  const prefixOwner = new Map(ref.provinces.flatMap((p) => p.cinPrefixes.map((x) => [x, p] as const)));
  let phones = 0;
  let emails = 0;
  let women = 0;
  let mohamed = 0;
  for (const p of generatePeople({ seed: 7, count: N })) {
    cins.add(p.cin);
    regions.add(p.regionCode);
    provinces.set(p.provinceCode, (provinces.get(p.provinceCode) ?? 0) + 1);
    activities.add(p.primaryActivityCode);
    for (const s of p.secondaryActivityCodes) activities.add(s);
    kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
    if (p.phone) phones++;
    if (p.email) emails++;
    if (p.gender === 'F') women++;
    if (p.firstNameAr === 'محمد') mohamed++;
    checkRecord(p, prefixOwner);
  }
  assert.equal(cins.size, N, 'CINs are unique');
  assert.equal(regions.size, 12);
  assert.equal(provinces.size, 75);
  assert.equal(activities.size, ref.activities.length);
  const share = (n: number | undefined) => (n ?? 0) / N;
  assert.ok(Math.abs(share(kinds.get('artisan')) - 0.8) < 0.01);
  assert.ok(Math.abs(share(kinds.get('master_artisan')) - 0.08) < 0.01);
  assert.ok(Math.abs(share(kinds.get('cooperative')) - 0.07) < 0.01);
  assert.ok(Math.abs(share(kinds.get('enterprise')) - 0.05) < 0.01);
  assert.ok(Math.abs(share(phones) - 0.85) < 0.01, `phones ${share(phones)}`);
  assert.ok(Math.abs(share(emails) - 0.15) < 0.01, `emails ${share(emails)}`);
  assert.ok(share(women) > 0.4 && share(women) < 0.7, `women ${share(women)}`);
  assert.ok(share(mohamed) > 0.03, `Mohamed ${share(mohamed)}`);
  const cas = share(provinces.get('MA-CAS'));
  assert.ok(cas > 0.05 && cas < 0.1, `Casablanca share ${cas}`);
});

function checkRecord(p: SyntheticPerson, prefixOwner: ReadonlyMap<string, { code: string }>): void {
  const m = /^([A-Z]{1,2})(\d{5,6})$/.exec(p.cin);
  assert.ok(m, p.cin);
  assert.equal(prefixOwner.get(m[1] ?? '')?.code, p.provinceCode, `${p.cin} prefix ↔ ${p.provinceCode}`);
  assert.match(p.birthDate, /^\d{4}-\d{2}-\d{2}$/);
  const age = 2025 - Number(p.birthDate.slice(0, 4));
  assert.ok(age >= 18 && age <= 81, `age ${age}`);
  if (p.phone) assert.match(p.phone, /^\+212[5-7]\d{8}$/);
  if (p.email) assert.match(p.email, /^[a-z._]+\d*@[a-z.]+$/);
  assert.match(p.postalCode, /^\d{5}$/);
  assert.match(p.firstNameAr + p.lastNameAr, /^[\u0621-\u064A\u06AD ]+$/);
  assert.match(p.firstNameLatn + p.lastNameLatn, /^[A-Za-z' -]+$/);
  assert.ok(!p.secondaryActivityCodes.includes(p.primaryActivityCode));
  assert.ok(p.yearsOfPractice >= 0 && p.yearsOfPractice <= age - 12);
  if (p.kind === 'master_artisan') assert.ok(p.yearsOfPractice >= 10);
  assert.equal(p.organisationNameFr === null, p.kind === 'artisan' || p.kind === 'master_artisan');
}

test('postal codes keep the zone of the province seat', () => {
  const byCode = new Map(ref.provinces.map((p) => [p.code, p]));
  for (const p of generatePeople({ seed: 3, count: 5000 })) {
    assert.equal(
      p.postalCode.slice(0, 3),
      byCode.get(p.provinceCode)?.postalCode.slice(0, 3),
      p.provinceCode,
    );
  }
  const zone = (code: string) => byCode.get(code)?.postalCode.slice(0, 2);
  assert.deepEqual(['MA-RAB', 'MA-CAS', 'MA-FES', 'MA-MAR', 'MA-OUJ', 'MA-AGD', 'MA-TNG'].map(zone), [
    '10',
    '20',
    '30',
    '40',
    '60',
    '80',
    '90',
  ]);
});

test('speed: records per second for 100,000 (reported, not asserted)', (t) => {
  const start = performance.now();
  let n = 0;
  for (const p of generatePeople({ seed: 11, count: 100_000 })) n += p.cin.length > 0 ? 1 : 0;
  const seconds = (performance.now() - start) / 1000;
  t.diagnostic(
    `generatePeople: ${n} records in ${seconds.toFixed(2)} s = ${Math.round(n / seconds)} records/s`,
  );
});
