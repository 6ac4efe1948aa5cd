// Import benchmark: a 1,000,000-row legacy list (synthetic, messy as chambers' lists are) goes
// through the whole import — read, decode, judge every row, compare with the register and the
// rest of the file, stage the report, sign off, load the valid rows into the register — and the
// same file goes through a raw COPY into a bare table, in the same run, on the same server.
//
//   npm run bench                                   (with the other benchmarks)
//   node --import tsx apps/server/bench/imports.ts [--rows 1000000] [--seed 42]
//
// It runs on the PostgreSQL server of BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
// in a scratch database hirfa_bench_import made afresh each run and dropped at the end (--keep keeps it
// for inspection).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { prepareDatabase } from '../src/bootstrap.ts';
import { CsvReader } from '../src/modules/imports/csv-reader.ts';
import { runDryRun } from '../src/modules/imports/dry-run.ts';
import { missingFields } from '../src/modules/imports/headers.ts';
import { columnsOf } from '../src/modules/imports/imports.queries.ts';
import { ImportsService } from '../src/modules/imports/imports.service.ts';
import { runLoad } from '../src/modules/imports/load.ts';
import { importTuning } from '../src/modules/imports/tuning.ts';
import {
  generatePeople,
  LEGACY_COLUMNS,
  type LegacyEntry,
  legacyCsvLine,
  loadSyntheticReference,
  messyVariant,
  rngFor,
} from '../src/modules/synthetic/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit.ts';
import { loadConfig } from '../src/platform/config.ts';
import { localFolderStorage } from '../src/platform/storage/storage.ts';
import { fmt, line } from './stats.ts';

const SCRATCH = 'hirfa_bench_import';
const CHAMBER_PROVINCES = [
  'MA-CAS',
  'MA-MOH',
  'MA-JDI',
  'MA-NOU',
  'MA-MED',
  'MA-BES',
  'MA-BRR',
  'MA-SET',
  'MA-SIB',
];

export interface ImportBenchResult {
  rows: number;
  fileBytes: number;
  copySeconds: number;
  unnestSeconds: number;
  importSeconds: number;
  phases: Record<string, number>;
  counts: { valid: number; invalid: number; duplicate: number; loaded: number };
}

/**
 * The legacy list: messy variants of synthetic people (other spellings, swapped columns, CIN and
 * phone typed loosely or missing, dates in three shapes), all in the chamber of Casablanca-Settat,
 * the activity written as its French or Arabic name (as old lists do), plus a gender column.
 */
async function writeLegacyFile(file: string, rows: number, seed: number): Promise<number> {
  const ref = loadSyntheticReference();
  const names = new Map(ref.activities.map((a) => [a.code, a]));
  const out = fs.createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r));
  await write(`${[...LEGACY_COLUMNS, 'gender'].join(',')}\n`);
  let buffer = '';
  for (const p of generatePeople({ seed, count: rows })) {
    const rng = rngFor(seed, p.index, 3);
    const e: LegacyEntry = messyVariant(p, rng);
    const activity = names.get(e.activityCode);
    const row: LegacyEntry = {
      ...e,
      provinceCode: CHAMBER_PROVINCES[p.index % CHAMBER_PROVINCES.length] ?? 'MA-CAS',
      activityCode: activity ? (p.index % 2 === 0 ? activity.labelFr : activity.labelAr) : e.activityCode,
    };
    buffer += `${legacyCsvLine(row).slice(0, -1)},${p.gender}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  out.end();
  await new Promise<void>((r) => out.once('finish', () => r()));
  return fs.statSync(file).size;
}

async function scratchDatabase(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${SCRATCH}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${SCRATCH}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
      await c.end();
    },
  };
}

const BARE = (name: string) =>
  `CREATE UNLOGGED TABLE IF NOT EXISTS ${name} (${[...LEGACY_COLUMNS, 'gender'].map((c) => `"${c}" text`).join(', ')})`;

/** The reference: the file streamed into a bare table by COPY … FROM STDIN (CSV), nothing else. */
async function rawCopy(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(BARE('bench_raw_copy').replace('UNLOGGED ', ''));
    const started = performance.now();
    await pipeline(
      fs.createReadStream(file),
      client.query(copyFrom('COPY bench_raw_copy FROM STDIN WITH (FORMAT csv, HEADER true)')),
    );
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

/** A second reference: the fastest plain INSERT path, 10,000 rows per INSERT … SELECT FROM unnest(). */
async function rawUnnest(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(BARE('bench_raw_unnest').replace('UNLOGGED ', ''));
    const width = LEGACY_COLUMNS.length + 1;
    const text = `INSERT INTO bench_raw_unnest SELECT * FROM unnest(${Array.from({ length: width }, (_, i) => `$${i + 1}::text[]`).join(', ')})`;
    const started = performance.now();
    const reader = new CsvReader(',');
    let columns: string[][] = Array.from({ length: width }, () => []);
    let n = 0;
    let header = true;
    const add = (row: string[]) => {
      if (header) {
        header = false;
        return;
      }
      for (let c = 0; c < width; c++) columns[c]?.push(row[c] ?? '');
      n++;
    };
    const flush = async () => {
      if (n === 0) return;
      await client.query(text, columns);
      columns = Array.from({ length: width }, () => []);
      n = 0;
    };
    for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 22 })) {
      for (const row of reader.push(chunk as string)) {
        add(row);
        if (n >= 10_000) await flush();
      }
    }
    for (const row of reader.end()) add(row);
    await flush();
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

/** Total time in search_entries_refresh (the search migration's trigger), when that function exists. */
async function searchProjectionSeconds(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ ms: number }>(
      `SELECT total_time AS ms FROM pg_stat_user_functions WHERE funcname = 'search_entries_refresh'`,
    );
    return rows[0] ? Number(rows[0].ms) / 1000 : null;
  } finally {
    await client.end();
  }
}

export async function runImportBench(
  opts: { rows?: number; seed?: number; baseUrl?: string; keep?: boolean } = {},
): Promise<ImportBenchResult> {
  const rows = opts.rows ?? 1_000_000;
  const seed = opts.seed ?? 42;
  const base =
    opts.baseUrl ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hirfa-bench-import-'));
  const file = path.join(work, 'liste-casa-settat.csv');
  process.stdout.write(`\nImport of a legacy list: ${fmt(rows, 0)} rows (synthetic, seed ${seed})\n`);
  let started = performance.now();
  const fileBytes = await writeLegacyFile(file, rows, seed);
  line(
    'file generated (not timed)',
    `${fmt(fileBytes / 1024 / 1024)} MB`,
    `${fmt((performance.now() - started) / 1000)} s`,
  );

  const scratch = await scratchDatabase(base);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: scratch.url,
    SEED_DEMO: 'false',
    SEED_DEMO_REGISTER: 'false',
    DOCUMENTS_DIR: path.join(work, 'documents'),
    LOG_LEVEL: 'silent',
  });
  const database = await prepareDatabase(config);
  // Time spent in the search projection's trigger function (the register's own cost of an entry).
  await database.exec(`ALTER DATABASE ${SCRATCH} SET track_functions = 'pl'`);
  let closed = false;
  try {
    const copySeconds = await rawCopy(scratch.url, file);
    line(
      'raw COPY FROM STDIN into a bare table',
      `${fmt(rows / copySeconds, 0)} rows/s`,
      `${fmt(copySeconds, 2)} s`,
    );
    const unnestSeconds = await rawUnnest(scratch.url, file);
    line(
      'raw INSERT … SELECT FROM unnest() (10k/statement)',
      `${fmt(rows / unnestSeconds, 0)} rows/s`,
      `${fmt(unnestSeconds, 2)} s`,
    );

    importTuning.batchSize = 5000;
    const storage = localFolderStorage(config.documentsDir);
    const service = new ImportsService(database.db, storage);
    const phases: Record<string, number> = {};
    const t0 = performance.now();
    started = t0;
    const lap = (name: string) => {
      const now = performance.now();
      phases[name] = (now - started) / 1000;
      started = now;
    };
    const bytes = await fs.promises.readFile(file);
    let imp = await service.create(
      { chamberCode: 'CA-MA-06', fileName: path.basename(file), bytes, createdBy: null },
      SYSTEM_ACTOR,
    );
    const columns = await columnsOf(database.db, imp);
    if (missingFields(columns.proposed).length > 0) throw new Error('the legacy headers were not recognised');
    imp = await service.map(null, imp.id, { mapping: columns.proposed }, SYSTEM_ACTOR);
    lap('upload: read, detect, store, map');
    await service.beginDryRun(null, imp.id, 'bench', SYSTEM_ACTOR);
    imp = await runDryRun({ db: database.db, storage }, imp.id, 'bench');
    lap('dry run: parse, judge, duplicates, stage');
    await service.signOff(null, imp.id, SYSTEM_ACTOR);
    await service.beginLoad(null, imp.id, 'bench', SYSTEM_ACTOR);
    imp = await runLoad(database.db, imp.id, { niaFormat: config.niaFormat, actor: SYSTEM_ACTOR });
    lap('load: entries, NIA, versions, provenance');
    const importSeconds = (performance.now() - t0) / 1000;
    for (const [name, seconds] of Object.entries(phases)) {
      line(`  ${name}`, `${fmt(seconds, 2)} s`);
    }
    line(
      'full import (upload → dry run → load)',
      `${fmt(rows / importSeconds, 0)} rows/s`,
      `${fmt(importSeconds, 2)} s`,
    );
    line(
      '  of which rows judged: valid / invalid / duplicate',
      `${fmt(imp.validCount, 0)}`,
      `${fmt(imp.invalidCount, 0)} / ${fmt(imp.duplicateCount, 0)}`,
    );
    line(
      '  entries loaded into the register',
      fmt(imp.loadedCount, 0),
      `${fmt(imp.loadedCount / (phases['load: entries, NIA, versions, provenance'] ?? 1), 0)} entries/s in the load`,
    );
    await database.close();
    closed = true;
    const searchSeconds = await searchProjectionSeconds(scratch.url);
    if (searchSeconds !== null) {
      line('  of the load: search projection (trigger on registrations)', `${fmt(searchSeconds, 2)} s`);
    }
    line('import speed / raw COPY speed', `${fmt((copySeconds / importSeconds) * 100)} %`, 'goal: ≥ 25 %');
    line('import speed / raw unnest INSERT speed', `${fmt((unnestSeconds / importSeconds) * 100)} %`);
    return {
      rows,
      fileBytes,
      copySeconds,
      unnestSeconds,
      importSeconds,
      phases,
      counts: {
        valid: imp.validCount,
        invalid: imp.invalidCount,
        duplicate: imp.duplicateCount,
        loaded: imp.loadedCount,
      },
    };
  } finally {
    importTuning.batchSize = 2000;
    if (!closed) await database.close();
    if (!opts.keep) await scratch.drop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      seed: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  await runImportBench({
    ...(values.rows ? { rows: Number(values.rows) } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    keep: values.keep ?? false,
  });
}
