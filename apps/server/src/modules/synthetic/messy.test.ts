import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { nameKeys, nameSimilarity, normalizeCin, skeletonMatch } from '../names/index.ts';
import { csvField, PERSON_COLUMNS } from './csv.ts';
import { labelledVariantSet, messyVariant, type QueryKind } from './messy.ts';
import { generatePeople, generatePerson } from './people.ts';
import { rngFor } from './prng.ts';

const digitsOf = (s: string) => s.replace(/\D/g, '').replace(/^(00)?212/, '0');

test('messyVariant is deterministic and stays consistent with the record', () => {
  let withCin = 0;
  let total = 0;
  for (const p of generatePeople({ seed: 5, count: 2000 })) {
    const a = messyVariant(p, rngFor(5, p.index, 3));
    assert.deepEqual(messyVariant(p, rngFor(5, p.index, 3)), a);
    total++;
    if (a.cin !== null) {
      withCin++;
      assert.equal(normalizeCin(a.cin), p.cin, `${a.cin} → ${p.cin}`);
    }
    if (a.phone !== null) assert.equal(digitsOf(a.phone), digitsOf(p.phone ?? ''), a.phone);
    assert.ok(a.firstNameLatn !== null || a.lastNameLatn !== null || a.lastNameAr !== null);
  }
  assert.ok(withCin / total > 0.7 && withCin / total < 0.9, `CIN present in ${withCin / total}`);
});

test('messy names still meet the register keys (skeleton recall, similarity)', (t) => {
  let match = 0;
  let similar = 0;
  const n = 3000;
  for (const p of generatePeople({ seed: 9, count: n })) {
    const m = messyVariant(p, rngFor(9, p.index, 3));
    const record = nameKeys(p);
    const legacy = nameKeys(m);
    if (skeletonMatch(record, legacy)) match++;
    if (nameSimilarity(record, legacy) >= 0.9) similar++;
  }
  t.diagnostic(
    `legacy rows: skeleton match ${(match / n).toFixed(3)}, similarity ≥ 0.9 ${(similar / n).toFixed(3)}`,
  );
  assert.ok(match / n > 0.9);
  assert.ok(similar / n > 0.9);
});

test('labelledVariantSet: deterministic, labels point at the generated person, all kinds present', (t) => {
  const opts = { seed: 42, size: 2000, populationSize: 100_000 };
  const set = labelledVariantSet(opts);
  assert.deepEqual(labelledVariantSet(opts), set);
  const kinds = new Map<QueryKind, { n: number; skel: number; sim: number }>();
  for (const q of set) {
    const person = generatePerson(42, q.expectedIndex);
    assert.equal(person.cin, q.expectedCin);
    assert.ok(q.expectedIndex < opts.populationSize);
    const keys = nameKeys(q.script === 'ar' ? { lastNameAr: q.queryText } : { lastNameLatn: q.queryText });
    const k = kinds.get(q.kind) ?? { n: 0, skel: 0, sim: 0 };
    k.n++;
    if (skeletonMatch(nameKeys(person), keys)) k.skel++;
    if (nameSimilarity(nameKeys(person), keys) >= 0.9) k.sim++;
    kinds.set(q.kind, k);
  }
  assert.deepEqual([...kinds.keys()].sort(), ['ar_variant', 'latn_last_first', 'latn_variant']);
  for (const [kind, k] of kinds) {
    t.diagnostic(
      `${kind}: ${k.n} queries, skeleton match ${(k.skel / k.n).toFixed(3)}, sim ≥ 0.9 ${(k.sim / k.n).toFixed(3)}`,
    );
    assert.ok(k.skel / k.n > 0.85, kind);
  }
});

test('CSV fields are escaped per RFC 4180', () => {
  assert.equal(csvField('a'), 'a');
  assert.equal(csvField('1, Rue X'), '"1, Rue X"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField(null), '');
  assert.equal(csvField(3), '3');
});

test('the CLI writes parseable CSV identical to the generator', () => {
  const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', cli, '--count', '20', '--seed', '42'], {
    encoding: 'utf8',
  });
  const parsed = Papa.parse<Record<string, string>>(out, { header: true, skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.meta.fields, [...PERSON_COLUMNS]);
  assert.equal(parsed.data.length, 20);
  const people = [...generatePeople({ seed: 42, count: 20 })];
  parsed.data.forEach((row, i) => {
    assert.equal(row.cin, people[i]?.cin);
    assert.equal(row.addressAr, people[i]?.addressAr);
    assert.equal(row.secondaryActivityCodes, people[i]?.secondaryActivityCodes.join('|'));
  });
  const legacy = execFileSync(
    process.execPath,
    ['--import', 'tsx', cli, '--count', '5', '--seed', '42', '--style', 'legacy', '--format', 'jsonl'],
    { encoding: 'utf8' },
  );
  assert.equal(legacy.trim().split('\n').length, 5);
});
