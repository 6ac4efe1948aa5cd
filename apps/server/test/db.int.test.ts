import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { migrationsFolder } from '../src/bootstrap.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { DataDirLockedError, lockDataDir } from '../src/platform/db/lock.ts';
import { MigrationEditedError, migrate } from '../src/platform/db/migrate.ts';
import { engineUnderTest, startTestApp } from './harness.ts';

const run = promisify(execFile);
const root = loadConfig({}).repoRoot;
const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

test('migrations are safe to run twice, and an edited migration is refused', async () => {
  const t = await startTestApp();
  try {
    const again = await migrate(t.deps.database, migrationsFolder(t.config));
    assert.equal(again.applied, 0);
    assert.ok(again.total >= 1);

    const copy = tmp('hirfa-migrations-');
    fs.cpSync(migrationsFolder(t.config), copy, { recursive: true });
    const first = fs.readdirSync(copy).find((f) => f.endsWith('.sql'));
    assert.ok(first);
    fs.appendFileSync(path.join(copy, first), '\n-- edited after it landed\n');
    await assert.rejects(migrate(t.deps.database, copy), MigrationEditedError);
  } finally {
    await t.close();
  }
});

test('the extensions search needs are installed by the first migration', async () => {
  const t = await startTestApp();
  try {
    const rows = await t.deps.database.query<{ extname: string }>(
      'SELECT extname FROM pg_extension ORDER BY extname',
    );
    const names = rows.map((r) => r.extname);
    for (const ext of ['fuzzystrmatch', 'pg_trgm', 'unaccent']) assert.ok(names.includes(ext), ext);
    const [sim] = await t.deps.database.query<{ s: number; u: string; l: number }>(
      `SELECT similarity('Mohamed', 'Mohammed') AS s, unaccent('Aït Baha') AS u, levenshtein(lower('Benali'), lower('Ben Ali')) AS l`,
    );
    assert.ok(Number(sim?.s) > 0.5);
    assert.equal(sim?.u, 'Ait Baha');
    assert.equal(sim?.l, 1);
  } finally {
    await t.close();
  }
});

test('a PGlite data folder is locked: a second process gets a clear error; a stale lock is taken over', {
  skip: engineUnderTest() !== 'pglite' && 'PGlite only',
}, async () => {
  const dir = tmp('hirfa-data-');
  const db = await openDatabase({ dataDir: dir });
  try {
    assert.throws(() => lockDataDir(dir), DataDirLockedError);
    // Another process: the CLI refuses to open the folder while this one holds it.
    await assert.rejects(
      run(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'db:migrate'], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', NODE_ENV: 'test' },
      }),
      (err: { code: number; stderr: string }) =>
        err.code === 1 && /in use by another Hirfa process/.test(err.stderr),
    );
  } finally {
    await db.close();
  }
  assert.equal(fs.existsSync(path.join(dir, 'hirfa.lock')), false, 'released on close');
  fs.writeFileSync(path.join(dir, 'hirfa.lock'), '999999999\n');
  const lock = lockDataDir(dir);
  lock.release();
});

test('the CLI migrates a fresh folder twice and verifies the audit chain', {
  skip: engineUnderTest() !== 'pglite' && 'PGlite only',
}, async () => {
  const dir = tmp('hirfa-cli-');
  const env = {
    ...process.env,
    DATA_DIR: dir,
    DATABASE_URL: '',
    NODE_ENV: 'test',
    SEED_DEMO: 'true',
    SEED_DEMO_REGISTER: 'false',
  };
  const cli = (cmd: string) =>
    run(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', cmd], { cwd: root, env });
  const first = await cli('db:migrate');
  assert.match(first.stdout, /Database migrated/);
  const second = await cli('db:migrate');
  assert.match(second.stdout, /Database migrated/);
  const verify = await cli('audit:verify');
  assert.match(verify.stdout, /Audit chain intact: \d+ events checked/);

  // Tamper with the folder's trail, then the command names the broken event and fails.
  const db = await openDatabase({ dataDir: dir });
  await db.exec(`
    ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
    UPDATE audit_events SET target_id = 'forged' WHERE id = 3;
    ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;`);
  await db.close();
  await assert.rejects(cli('audit:verify'), (err: { code: number; stdout: string }) => {
    assert.equal(err.code, 2);
    assert.match(err.stdout, /BROKEN at event 3 \(hash_mismatch\); 2 events before it are intact/);
    return true;
  });
});
