// Search benchmark (npm run bench search; not a test, never in CI). Against a PostgreSQL server
// (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres) it loads synthetic registers
// of 300,000 and 3,000,000 entries into scratch databases (hirfa_bench_300k and hirfa_bench; a load
// resumes where it stopped and is skipped when complete), then measures, at each size, on one
// connection: search latency for Latin, Arabic and misspelt names and for an exact NIA lookup (the
// baseline, same run), recall@10 of the right person, and the backend's memory.
//   BENCH_SIZES=20000,200000   other sizes (database hirfa_bench_<n>)
//   BENCH_QUERIES=300          queries per set (≥ 200)
//   BENCH_FRESH=1              drop and reload the databases
//   BENCH_LOAD_ONLY=1          load, do not measure
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { loadReferenceData } from '../src/modules/reference/index.ts';
import { formatNia, personKeys } from '../src/modules/registry/index.ts';
import {
  CANDIDATE_CAP,
  exactTerms,
  fullNameTerms,
  nameCandidatesSql,
  nameScore,
  parseQuery,
  runSearch,
  similarWordsSql,
  WHOLE_NAME_ENOUGH,
} from '../src/modules/search/index.ts';
import {
  generatePerson,
  type LabelledQuery,
  labelledVariantSet,
  mulberry32,
} from '../src/modules/synthetic/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit.ts';
import { type Db, openDatabase, rowsOf } from '../src/platform/db/client.ts';
import { MigrationEditedError, migrate } from '../src/platform/db/migrate.ts';
import { loadRegister } from './load-register.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEED = 20261129;
const NIA_FORMAT = '{yy}{region}{seq:7}';
const BATCH = 10_000;

const baseUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const sizes = (process.env.BENCH_SIZES ?? '300000,3000000').split(',').map(Number);
const perSet = Math.max(200, Number(process.env.BENCH_QUERIES ?? 300));

const dbName = (size: number) =>
  size === 3_000_000 ? 'hirfa_bench' : size === 300_000 ? 'hirfa_bench_300k' : `hirfa_bench_${size}`;
const urlOf = (name: string) => {
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
};
const log = (s = '') => process.stdout.write(`${s}\n`);
const fmt = (n: number, d = 1) => n.toFixed(d);

async function ensureDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    if (process.env.BENCH_FRESH) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

async function prepareSchema(url: string): Promise<void> {
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    try {
      await migrate(database, path.resolve(here, '../migrations'));
    } catch (err) {
      // A scratch database outlives edits of unreleased migrations: keep measuring with its schema.
      if (!(err instanceof MigrationEditedError)) throw err;
      log(`  warning: ${err.message} — measuring with the schema as loaded (BENCH_FRESH=1 reloads)`);
    }
    await loadReferenceData(database.db, path.resolve(here, '../data/reference'), SYSTEM_ACTOR);
  } finally {
    await database.close();
  }
}

// ───────────── loading ─────────────

/**
 * A large load goes faster without the secondary indexes, built once at the end. Their
 * definitions are kept in the scratch database, so that a load stopped half-way resumes and still
 * rebuilds them. Unique indexes stay: they are the constraints.
 */
async function dropSecondaryIndexes(client: pg.Client): Promise<void> {
  await client.query(
    'CREATE TABLE IF NOT EXISTS bench_dropped_indexes (name text PRIMARY KEY, def text NOT NULL)',
  );
  const { rows } = await client.query<{ name: string; def: string }>(`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relname IN ('persons', 'organisations', 'registrations', 'search_entries')
      AND NOT x.indisunique AND NOT x.indisprimary`);
  for (const r of rows) {
    await client.query('INSERT INTO bench_dropped_indexes VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      r.name,
      r.def,
    ]);
    await client.query(`DROP INDEX ${r.name}`);
  }
}

async function rebuildIndexes(client: pg.Client): Promise<number> {
  const exists = await client.query(`SELECT to_regclass('bench_dropped_indexes') IS NOT NULL AS e`);
  if (!exists.rows[0]?.e) return 0;
  const { rows } = await client.query<{ name: string; def: string }>(
    'SELECT name, def FROM bench_dropped_indexes',
  );
  const t0 = performance.now();
  await client.query(`SET maintenance_work_mem = '1GB'`);
  for (const r of rows) {
    const t = performance.now();
    await client.query(r.def);
    await client.query('DELETE FROM bench_dropped_indexes WHERE name = $1', [r.name]);
    log(`    index ${r.name}: ${fmt((performance.now() - t) / 1000, 0)} s`);
  }
  await client.query('RESET maintenance_work_mem');
  return (performance.now() - t0) / 1000;
}

interface LoadReport {
  loaded: number;
  insertSeconds: number;
  indexSeconds: number;
}

async function load(client: pg.Client, size: number): Promise<LoadReport> {
  const count = async () =>
    Number((await client.query('SELECT count(*)::int AS n FROM registrations')).rows[0]?.n ?? 0);
  const have = await count();
  if (have >= size) {
    const indexSeconds = await rebuildIndexes(client);
    log(`  ${have.toLocaleString('en')} entries already loaded: load skipped`);
    return { loaded: 0, insertSeconds: 0, indexSeconds };
  }
  const version = (
    await client.query('SELECT code FROM nomenclature_versions ORDER BY valid_from DESC LIMIT 1')
  ).rows[0]?.code as string;
  const supervisor = (
    await client.query(`SELECT id FROM registrations WHERE kind = 'artisan' AND status = 'active' LIMIT 1`)
  ).rows[0]?.id as string | undefined;
  await client.query('SET synchronous_commit = off');
  if (size - have >= 100_000) await dropSecondaryIndexes(client);
  log(
    `  loading ${have.toLocaleString('en')} → ${size.toLocaleString('en')} in batches of ${BATCH.toLocaleString('en')}`,
  );
  let lastPrint = 0;
  const started = performance.now();
  const loaded = await loadRegister((text, params) => client.query(text, params), {
    seed: SEED,
    from: have,
    to: size,
    batchSize: BATCH,
    nomenclatureVersion: version,
    niaFormat: NIA_FORMAT,
    supervisor: supervisor ?? null,
    onBatch: (done, seconds) => {
      if (seconds - lastPrint < 15 && have + done < size) return;
      lastPrint = seconds;
      log(
        `    ${(have + done).toLocaleString('en')} entries, ${fmt(seconds, 0)} s, ${Math.round(done / seconds).toLocaleString('en')} entries/s`,
      );
    },
  });
  const insertSeconds = (performance.now() - started) / 1000;
  log('  rebuilding the secondary indexes');
  const indexSeconds = await rebuildIndexes(client);
  const t0 = performance.now();
  await client.query('VACUUM (ANALYZE) persons, organisations, registrations, search_entries, search_words');
  log(`  VACUUM ANALYZE ${fmt((performance.now() - t0) / 1000, 0)} s`);
  return { loaded, insertSeconds, indexSeconds };
}

// ───────────── query sets ─────────────

interface BenchQuery {
  text: string;
  /** The entry that should be found (generator index), null for the baseline. */
  index: number | null;
}

/** One typo in the longest word: a letter dropped, doubled, swapped with the next or replaced. */
function misspell(text: string, seed: number): string {
  const rng = mulberry32(seed);
  const words = text.split(' ');
  let at = 0;
  words.forEach((w, i) => {
    if (w.length > (words[at]?.length ?? 0)) at = i;
  });
  const w = words[at] ?? '';
  if (w.length < 4) return text;
  const i = 1 + rng.int(w.length - 2);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const ops = [
    () => w.slice(0, i) + w.slice(i + 1),
    () => w.slice(0, i) + w[i] + w.slice(i),
    () => w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2),
    () => w.slice(0, i) + letters[rng.int(26)] + w.slice(i + 1),
  ];
  words[at] = ops[rng.int(ops.length)]?.() ?? w;
  return words.join(' ');
}

function querySets(size: number) {
  const labelled = labelledVariantSet({
    seed: SEED,
    size: perSet * 5,
    populationSize: size,
    querySeed: SEED + 7,
  });
  const latn = labelled.filter((q) => q.script === 'latn');
  const ar = labelled.filter((q) => q.script === 'ar');
  const toQuery = (q: LabelledQuery): BenchQuery => ({ text: q.queryText, index: q.expectedIndex });
  const rng = mulberry32(SEED + size);
  const nia: BenchQuery[] = Array.from({ length: perSet }, () => {
    const p = generatePerson(SEED, rng.int(size));
    return {
      text: formatNia(NIA_FORMAT, { year: 2019, regionCode: p.regionCode, seq: p.index + 1 }),
      index: p.index,
    };
  });
  return {
    'NIA (baseline)': nia,
    Latin: latn.slice(0, perSet).map(toQuery),
    Arabic: ar.slice(0, perSet).map(toQuery),
    misspelt: latn
      .slice(perSet, 2 * perSet)
      .map((q, i) => ({ text: misspell(q.queryText, SEED + i), index: q.expectedIndex })),
  };
}

// ───────────── measuring ─────────────

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

interface SetResult {
  name: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  recall: number;
  /** Share of queries whose target has 10 or more entries with exactly its name keys. */
  homonymous: number;
  /** recall@10 over the other queries. */
  recallDistinct: number;
  /** recall@10 with the target's province as a filter, as an agent at a counter would add it. */
  recallProvince: number;
  p95Province: number;
  /** Searched by an agent of the target's chamber (every chamber agent's search is scoped). */
  recallChamber: number;
  p95Chamber: number;
  misses: string[];
}

const niaOf = (index: number) => {
  const p = generatePerson(SEED, index);
  return formatNia(NIA_FORMAT, { year: 2019, regionCode: p.regionCode, seq: index + 1 });
};

async function homonyms(db: Db, index: number): Promise<number> {
  const p = generatePerson(SEED, index);
  const k = personKeys(p);
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      SELECT count(*)::int AS n FROM persons
      WHERE (name_skeleton = ${k.nameSkeleton} AND ${k.nameSkeleton} <> '')
         OR (name_skeleton_ar = ${k.nameSkeletonAr} AND ${k.nameSkeletonAr} <> '')`),
  );
  return Number(row?.n ?? 0);
}

async function timed(db: Db, text: string, filters: { province?: string; chamber?: string } = {}) {
  const t0 = performance.now();
  const result = await db.transaction((tx) =>
    runSearch(tx, parseQuery(text, { identifiers: true }), {
      filters,
      audience: 'staff',
      limit: 10,
      offset: 0,
    }),
  );
  return { ms: performance.now() - t0, result };
}

async function measureSet(db: Db, name: string, queries: BenchQuery[]): Promise<SetResult> {
  const times: number[] = [];
  const provinceTimes: number[] = [];
  const chamberTimes: number[] = [];
  let hits = 0;
  let provinceHits = 0;
  let chamberHits = 0;
  let homonymous = 0;
  let distinct = 0;
  let distinctHits = 0;
  const misses: string[] = [];
  for (const q of queries) {
    const { ms, result } = await timed(db, q.text);
    times.push(ms);
    if (q.index === null) continue;
    const target = niaOf(q.index);
    const hit = result.hits.some((h) => h.nia === target);
    if (hit) hits++;
    if (name.startsWith('NIA')) continue;
    const many = (await homonyms(db, q.index)) >= 10;
    if (many) homonymous++;
    else {
      distinct++;
      if (hit) distinctHits++;
    }
    const p = generatePerson(SEED, q.index);
    const withProvince = await timed(db, q.text, { province: p.provinceCode });
    provinceTimes.push(withProvince.ms);
    if (withProvince.result.hits.some((h) => h.nia === target)) provinceHits++;
    const withChamber = await timed(db, q.text, { chamber: p.regionCode.replace('MA-', 'CA-MA-') });
    chamberTimes.push(withChamber.ms);
    if (withChamber.result.hits.some((h) => h.nia === target)) chamberHits++;
    if (!hit && misses.length < 8) {
      const parsed = parseQuery(q.text, { identifiers: false });
      const own = parsed.kind === 'name' ? nameScore(parsed.name, { ...personKeys(p), orgWords: '' }) : 0;
      misses.push(
        `"${q.text}" → ${p.firstNameLatn} ${p.lastNameLatn} / ${p.firstNameAr} ${p.lastNameAr}` +
          ` (own score ${fmt(own, 2)}, 10th ${fmt(result.hits[9]?.score ?? 0, 2)}, found ${result.total}${result.truncated ? '+' : ''}${many ? ', ≥10 homonyms' : ''})`,
      );
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  const sortedP = [...provinceTimes].sort((a, b) => a - b);
  const sortedC = [...chamberTimes].sort((a, b) => a - b);
  const labelled = queries.filter((q) => q.index !== null).length;
  return {
    name,
    n: times.length,
    p50: pct(sorted, 50),
    p95: pct(sorted, 95),
    p99: pct(sorted, 99),
    mean: times.reduce((s, x) => s + x, 0) / times.length,
    recall: hits / labelled,
    homonymous: name.startsWith('NIA') ? 0 : homonymous / labelled,
    recallDistinct: distinct ? distinctHits / distinct : Number.NaN,
    recallProvince: name.startsWith('NIA') ? Number.NaN : provinceHits / labelled,
    p95Province: pct(sortedP, 95),
    recallChamber: name.startsWith('NIA') ? Number.NaN : chamberHits / labelled,
    p95Chamber: pct(sortedC, 95),
    misses,
  };
}

interface Memory {
  pid: number;
  rssKb: number;
  anonKb: number;
  shmemKb: number;
  hwmKb: number;
}

function memoryOf(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { pid, rssKb: kb('VmRSS'), anonKb: kb('RssAnon'), shmemKb: kb('RssShmem'), hwmKb: kb('VmHWM') };
}

/** Private memory of every postgres process on this machine (shared buffers counted once, apart). */
function serverPrivateKb(): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      if (!/^Name:\s+postgres$/m.test(status)) continue;
      total += Number(/^RssAnon:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

async function explain(db: Db, label: string, query: ReturnType<typeof sql>, lines = 14) {
  const rows = rowsOf<{ 'QUERY PLAN': string }>(
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', '0.3', true)`);
      return tx.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
    }),
  );
  log(`    ── ${label}`);
  for (const r of rows.slice(0, lines)) log(`      ${r['QUERY PLAN']}`);
}

async function explainAll(db: Db) {
  const show = async (label: string, text: string, filters: { chamber?: string } = {}) => {
    const parsed = parseQuery(text, { identifiers: false });
    if (parsed.kind !== 'name') return;
    const slots = parsed.name.slots;
    await explain(
      db,
      `${label}: "${text}" — step 0, whole-name key`,
      nameCandidatesSql([fullNameTerms(slots)], filters, 'staff', WHOLE_NAME_ENOUGH),
    );
    await explain(
      db,
      `${label}: "${text}" — step 1, a term of every word`,
      nameCandidatesSql(slots.map(exactTerms), filters, 'staff', CANDIDATE_CAP),
    );
  };
  await show('common name', 'Mohammed El Alaoui');
  await show('common name, Casablanca agent', 'Mohammed El Alaoui', { chamber: 'CA-MA-06' });
  await show('Arabic name', 'فاطمة الزهراء بناني');
  await explain(db, 'dictionary (pg_trgm % on search_words)', similarWordsSql(['mohamef', 'alaoiu'], 6));
  await explain(
    db,
    'NIA lookup',
    sql`SELECT registration_id FROM search_entries WHERE nia = ${niaOf(12345)}`,
    6,
  );
}

export interface SizeResult {
  size: number;
  loadRate: number | null;
  sets: SetResult[];
  memoryBefore: Memory;
  memoryAfter: Memory;
  serverPrivateMb: number;
  tableMb: Record<string, number>;
}

async function benchSize(size: number, withExplain: boolean): Promise<SizeResult> {
  const name = dbName(size);
  log(`\n■ ${size.toLocaleString('en')} entries — database ${name}`);
  await ensureDatabase(name);
  await prepareSchema(urlOf(name));
  const loader = new pg.Client({ connectionString: urlOf(name), application_name: 'hirfa-bench-load' });
  await loader.connect();
  let loadReport: LoadReport;
  try {
    loadReport = await load(loader, size);
  } finally {
    await loader.end();
  }
  // Searches run on a fresh connection: its backend's memory is the search's alone.
  const client = new pg.Client({ connectionString: urlOf(name), application_name: 'hirfa-bench' });
  await client.connect();
  try {
    const { loaded, insertSeconds, indexSeconds } = loadReport;
    const loadRate = loaded > 0 ? loaded / (insertSeconds + indexSeconds) : null;
    if (loadRate)
      log(
        `  loaded ${loaded.toLocaleString('en')} entries: inserts ${fmt(insertSeconds, 0)} s ` +
          `(${Math.round(loaded / insertSeconds).toLocaleString('en')} entries/s), index builds ${fmt(indexSeconds, 0)} s; ` +
          `overall ${Math.round(loadRate).toLocaleString('en')} entries/s`,
      );
    if (process.env.BENCH_LOAD_ONLY)
      return {
        size,
        loadRate,
        sets: [],
        memoryBefore: memoryOf(process.pid),
        memoryAfter: memoryOf(process.pid),
        serverPrivateMb: 0,
        tableMb: {},
      };
    const db = drizzle(client) as unknown as Db;
    const pid = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0]?.pid);
    const sizes = (
      await client.query(`
        SELECT relname, pg_total_relation_size(oid) / 1048576 AS mb FROM pg_class
        WHERE relname IN ('persons', 'registrations', 'search_entries', 'search_words')`)
    ).rows as { relname: string; mb: string }[];
    const tableMb = Object.fromEntries(sizes.map((r) => [r.relname, Number(r.mb)]));
    log(`  sizes (MB, with indexes): ${JSON.stringify(tableMb)}`);
    // Warm up: the first queries read the indexes from disk into the cache.
    const sets = querySets(size);
    for (const q of [...sets.Latin.slice(0, 50), ...sets.Arabic.slice(0, 50)]) await timed(db, q.text);
    const memoryBefore = memoryOf(pid);
    const loadBefore = os.loadavg()[0] ?? 0;
    const results: SetResult[] = [];
    for (const [setName, queries] of Object.entries(sets))
      results.push(await measureSet(db, setName, queries));
    const memoryAfter = memoryOf(pid);
    // This machine is shared: other work on its cores shows in the tail of the latencies.
    const loadAfter = os.loadavg()[0] ?? 0;
    const meminfo = fs.readFileSync('/proc/meminfo', 'utf8');
    const cachedMb = Number(/^Cached:\s+(\d+)/m.exec(meminfo)?.[1] ?? 0) / 1024;
    const dbMb = Object.values(tableMb).reduce((a, b) => a + b, 0);
    log(
      `  page cache of this machine: ${fmt(cachedMb / 1024, 1)} GB (the tables above: ${fmt(dbMb / 1024, 1)} GB;` +
        ` shared_buffers ${(await client.query('SHOW shared_buffers')).rows[0]?.shared_buffers}) — what is not cached is read from disk`,
    );
    log(
      `  load average (1 min) before/after the run: ${fmt(loadBefore, 2)} / ${fmt(loadAfter, 2)} on ${os.cpus().length} cores` +
        (Math.max(loadBefore, loadAfter) > 1.5 ? ' — other work was running: figures are pessimistic' : ''),
    );
    if (withExplain) {
      log('  EXPLAIN (ANALYZE, BUFFERS), after the measured run:');
      await explainAll(db);
    }
    return {
      size,
      loadRate,
      sets: results,
      memoryBefore,
      memoryAfter,
      serverPrivateMb: serverPrivateKb() / 1024,
      tableMb,
    };
  } finally {
    await client.end();
  }
}

function report(r: SizeResult) {
  const base = r.sets.find((s) => s.name.startsWith('NIA'));
  log(
    `\n  ${r.size.toLocaleString('en')} entries — latency in ms on one connection (× = ratio to the NIA lookup p50/p95)`,
  );
  log(
    '  set              n     p50    p95    p99   mean   ×p50   ×p95  recall@10  ≥10 homonyms  recall (others)' +
      '  | scoped to the chamber: recall  p95 | + province: recall  p95',
  );
  for (const s of r.sets) {
    const pad = (x: string, n: number) => x.padStart(n);
    log(
      `  ${s.name.padEnd(15)}${pad(String(s.n), 4)}${pad(fmt(s.p50, 2), 8)}${pad(fmt(s.p95, 2), 7)}${pad(fmt(s.p99, 2), 7)}${pad(fmt(s.mean, 2), 7)}` +
        `${pad(fmt(s.p50 / (base?.p50 ?? 1), 1), 7)}${pad(fmt(s.p95 / (base?.p95 ?? 1), 1), 7)}${pad(fmt(s.recall, 3), 11)}` +
        `${pad(fmt(100 * s.homonymous, 1), 13)}%${pad(fmt(s.recallDistinct, 3), 17)}` +
        `${pad(fmt(s.recallChamber, 3), 31)}${pad(fmt(s.p95Chamber, 2), 7)}${pad(fmt(s.recallProvince, 3), 20)}${pad(fmt(s.p95Province, 2), 7)}`,
    );
  }
  const m = (x: Memory) =>
    `RSS ${fmt(x.rssKb / 1024)} MB (private ${fmt(x.anonKb / 1024)}, shared buffers touched ${fmt(x.shmemKb / 1024)}), peak ${fmt(x.hwmKb / 1024)} MB`;
  log(`  backend pid ${r.memoryAfter.pid} before the run: ${m(r.memoryBefore)}`);
  log(`  backend pid ${r.memoryAfter.pid} after the run:  ${m(r.memoryAfter)}`);
  log(`  all postgres processes, private memory: ${fmt(r.serverPrivateMb)} MB`);
  for (const s of r.sets) for (const miss of s.misses) log(`  miss (${s.name}): ${miss}`);
}

export async function runSearchBench(): Promise<void> {
  log(`Hirfa search benchmark — ${baseUrl.replace(/\/\/[^@]*@/, '//')}, ${perSet} queries per set`);
  const results: SizeResult[] = [];
  for (const [i, size] of sizes.entries()) {
    const r = await benchSize(size, i === sizes.length - 1);
    if (process.env.BENCH_LOAD_ONLY) continue;
    report(r);
    results.push(r);
  }
  if (results.length >= 2) {
    const [small, big] = [results[0], results[results.length - 1]];
    if (!small || !big) return;
    log(`\n■ ${big.size.toLocaleString('en')} / ${small.size.toLocaleString('en')}: p95 ratios`);
    for (const s of big.sets) {
      const before = small.sets.find((x) => x.name === s.name);
      if (before)
        log(`  ${s.name.padEnd(15)} p50 ×${fmt(s.p50 / before.p50, 2)}   p95 ×${fmt(s.p95 / before.p95, 2)}`);
    }
    const fuzzy = big.sets.filter((s) => !s.name.startsWith('NIA'));
    const worst = Math.max(...fuzzy.map((s) => s.p95));
    const worstRatio = Math.max(
      ...fuzzy.map((s) => s.p95 / (small.sets.find((x) => x.name === s.name)?.p95 ?? Number.NaN)),
    );
    const recall = Math.min(
      ...big.sets.filter((s) => s.name === 'Latin' || s.name === 'Arabic').map((s) => s.recall),
    );
    log('\n■ goals at the largest size');
    log(`  fuzzy p95 ≤ 30 ms:                 ${fmt(worst, 2)} ms ${worst <= 30 ? 'met' : 'NOT met'}`);
    const scoped = Math.max(...fuzzy.map((s) => Math.max(s.p95Chamber, s.p95Province)));
    log(`  … with a chamber or province:      ${fmt(scoped, 2)} ms ${scoped <= 30 ? 'met' : 'NOT met'}`);
    log(
      `  p95 ≤ 1.5 × the smaller size's:    ×${fmt(worstRatio, 2)} ${worstRatio <= 1.5 ? 'met' : 'NOT met'}`,
    );
    log(
      `  recall@10 ≥ 0.95 (Latin, Arabic):  ${fmt(recall, 3)} ${recall >= 0.95 ? 'met' : 'NOT met'} (see the homonym columns)`,
    );
  }
}
