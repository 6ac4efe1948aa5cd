import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import type { ImportDetail } from '@hirfa/contracts';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit.ts';
import { runImportCommand } from '../src/modules/imports/imports.cli.ts';
import { resumeStale } from '../src/modules/imports/imports.jobs.ts';
import { loadHooks, runLoad } from '../src/modules/imports/load.ts';
import { importTuning } from '../src/modules/imports/tuning.ts';
import { type Client, DEMO, startTestApp, type TestApp } from './harness.ts';
import { bulkCsv, mapAndDryRun, upload, waitForImport } from './imports-fixtures.ts';

/**
 * The load survives crashes: a batch that fails rolls back whole, a process that dies between
 * batches is resumed after its cursor, two workers on one import do not double anything.
 */
let t: TestApp;
let admin: Client;
let agent: Client;
const ROWS = 130;
const BATCH = 20;

before(async () => {
  t = await startTestApp();
  admin = await t.login(DEMO.casaAdmin);
  agent = await t.login(DEMO.casaAgent);
  importTuning.batchSize = BATCH;
});
after(async () => {
  importTuning.batchSize = 2000;
  await t?.close();
});

async function scalar(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.deps.database.query<{ n: string | number }>(sql, params);
  return Number(row?.n ?? 0);
}

/** Uploads a bulk list under a seed of its own (CINs never collide across tests) and signs it off. */
async function signedOff(seed: number): Promise<ImportDetail> {
  const res = await upload(agent, `bulk-${seed}.csv`, bulkCsv(ROWS, seed));
  assert.equal(res.statusCode, 201, res.body);
  const report = await mapAndDryRun(agent, res.json<ImportDetail>().id);
  assert.equal(report.status, 'dry_run_done');
  assert.ok(report.counts.valid > 100, JSON.stringify(report.counts));
  const signed = await admin.post(`/api/v1/imports/${report.id}/sign-off`);
  assert.equal(signed.statusCode, 200, signed.body);
  return signed.json<ImportDetail>();
}

/** Every row of the import that should be in the register is there exactly once. */
async function assertExactlyOnce(imp: ImportDetail, niaBefore: number) {
  const id = imp.id;
  const loadedRows = await scalar(
    `SELECT count(*) AS n FROM import_rows WHERE import_id = $1 AND status = 'loaded'`,
    [id],
  );
  const entries = await scalar('SELECT count(*) AS n FROM registrations WHERE import_id = $1', [id]);
  const distinctRows = await scalar(
    'SELECT count(DISTINCT import_row) AS n FROM registrations WHERE import_id = $1',
    [id],
  );
  const persons = await scalar(
    'SELECT count(*) AS n FROM persons p JOIN registrations r ON r.person_id = p.id WHERE r.import_id = $1',
    [id],
  );
  const orphans = await scalar(
    `SELECT count(*) AS n FROM import_rows ir LEFT JOIN registrations r ON r.id = ir.registration_id
      WHERE ir.import_id = $1 AND ir.status = 'loaded' AND (r.id IS NULL OR r.import_row <> ir.row_number)`,
    [id],
  );
  const stillValid = await scalar(
    `SELECT count(*) AS n FROM import_rows WHERE import_id = $1 AND status = 'valid'`,
    [id],
  );
  assert.equal(loadedRows, imp.counts.valid, 'every valid row loaded');
  assert.equal(entries, loadedRows, 'one entry per loaded row');
  assert.equal(distinctRows, entries, 'no row twice');
  assert.equal(persons, entries);
  assert.equal(orphans, 0);
  assert.equal(stillValid, 0, 'nothing lost');
  // NIA numbers were taken only by the batches that committed.
  assert.equal(await scalar('SELECT last_seq AS n FROM nia_sequence'), niaBefore + entries);
  const detail = (await agent.get(`/api/v1/imports/${id}`)).json<ImportDetail>();
  assert.equal(detail.status, 'done');
  assert.equal(detail.counts.loaded, entries);
}

test('a batch that fails mid-way rolls back whole; the retried job continues after the last commit', async () => {
  const imp = await signedOff(101);
  const niaBefore = await scalar('SELECT last_seq AS n FROM nia_sequence');
  let crashes = 0;
  let committed = 0;
  let committedAtCrash = -1;
  // (No query from inside the hook: on PGlite it would wait for the very transaction it runs in.)
  loadHooks.afterBatch = () => {
    committed++;
  };
  loadHooks.inBatch = (batchIndex) => {
    if (batchIndex === 3 && crashes === 0) {
      crashes++;
      committedAtCrash = committed;
      throw new Error('simulated crash inside a batch');
    }
  };
  try {
    const started = await agent.post(`/api/v1/imports/${imp.id}/load`);
    assert.equal(started.statusCode, 202);
    const done = await waitForImport(
      agent,
      imp.id,
      (d) => d.status === 'done' || d.status === 'failed',
      90_000,
    );
    assert.equal(done.status, 'done', done.errorCode ?? '');
  } finally {
    loadHooks.inBatch = undefined;
    loadHooks.afterBatch = undefined;
  }
  assert.equal(crashes, 1);
  assert.equal(committedAtCrash, 3, 'three batches had committed when the fourth failed');
  await assertExactlyOnce(imp, niaBefore);
  const [job] = await t.deps.database.query<{ retry_count: number }>(
    `SELECT retry_count FROM pgboss.job WHERE name = 'imports.load' AND data->>'importId' = $1`,
    [imp.id],
  );
  assert.equal(Number(job?.retry_count), 1, 'the job was retried once');
});

test('a process that dies between batches is resumed after its cursor, nothing doubled or lost', async () => {
  const imp = await signedOff(202);
  const niaBefore = await scalar('SELECT last_seq AS n FROM nia_sequence');
  // Run the load in this process as a worker would, and "die" after two committed batches.
  const service = await import('../src/modules/imports/imports.service.ts');
  await new service.ImportsService(t.deps.database.db, t.deps.storage).beginLoad(
    null,
    imp.id,
    'dead-worker',
    SYSTEM_ACTOR,
  );
  loadHooks.afterBatch = (batchIndex) => {
    if (batchIndex === 1) throw new Error('process killed');
  };
  try {
    await assert.rejects(
      runLoad(t.deps.database.db, imp.id, { niaFormat: t.config.niaFormat, actor: SYSTEM_ACTOR }),
      /process killed/,
    );
  } finally {
    loadHooks.afterBatch = undefined;
  }
  const half = (await agent.get(`/api/v1/imports/${imp.id}`)).json<ImportDetail>();
  assert.equal(half.status, 'loading');
  assert.equal(half.counts.loaded, 2 * BATCH);
  assert.equal(
    await scalar('SELECT count(*) AS n FROM registrations WHERE import_id = $1', [imp.id]),
    2 * BATCH,
  );
  // While its heartbeat is fresh, nobody else may take the load over.
  const busy = await agent.post(`/api/v1/imports/${imp.id}/load`);
  assert.equal(busy.statusCode, 409);
  assert.equal(busy.json().code, 'IMPORT_BUSY');
  // The process is gone: its heartbeat ages, and the next start queues the load again.
  await t.deps.database.query(
    `UPDATE imports SET heartbeat_at = now() - interval '10 minutes' WHERE id = $1`,
    [imp.id],
  );
  assert.equal(await resumeStale(t.deps), 1);
  await waitForImport(agent, imp.id, (d) => d.status === 'done' || d.status === 'failed', 90_000);
  await assertExactlyOnce(imp, niaBefore);
  const resumed = await t.deps.database.query<{ action: string }>(
    `SELECT action FROM audit_events WHERE target_id = $1 AND action = 'registration.import'`,
    [imp.id],
  );
  assert.equal(resumed.length, Math.ceil(imp.counts.valid / BATCH));
});

test('two workers on the same import take turns batch by batch and double nothing', async () => {
  const imp = await signedOff(303);
  const niaBefore = await scalar('SELECT last_seq AS n FROM nia_sequence');
  const service = await import('../src/modules/imports/imports.service.ts');
  await new service.ImportsService(t.deps.database.db, t.deps.storage).beginLoad(
    null,
    imp.id,
    'two-workers',
    SYSTEM_ACTOR,
  );
  const opts = { niaFormat: t.config.niaFormat, actor: SYSTEM_ACTOR };
  await Promise.all([runLoad(t.deps.database.db, imp.id, opts), runLoad(t.deps.database.db, imp.id, opts)]);
  await assertExactlyOnce(imp, niaBefore);
});

test('a dry run whose file has gone fails cleanly: nothing staged, the reason shown', async () => {
  const res = await upload(agent, 'lost.csv', bulkCsv(10, 404));
  const id = res.json<ImportDetail>().id;
  const sha = res.json<ImportDetail>().sha256;
  fs.rmSync(path.join(t.config.documentsDir, sha.slice(0, 2), sha.slice(2, 4), sha));
  const failed = await mapAndDryRun(agent, id);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.errorCode, 'IMPORT_FILE_MISSING');
  assert.ok(failed.errorTitle);
  assert.equal(await scalar('SELECT count(*) AS n FROM import_rows WHERE import_id = $1', [id]), 0);
  assert.ok(failed.actions.includes('cancel'));
});

function capture() {
  const out = new PassThrough() as PassThrough & { isTTY?: boolean };
  let text = '';
  out.on('data', (c: Buffer) => {
    text += c.toString('utf8');
  });
  return { out: out as unknown as NodeJS.WriteStream, text: () => text };
}

test('the command line: dry run, report, confirmation, load with progress, rejects file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirfa-import-cli-'));
  try {
    const file = path.join(dir, 'liste.csv');
    fs.writeFileSync(file, bulkCsv(60, 505));
    const deps = { config: t.config, database: t.deps.database, storage: t.deps.storage };
    const stdin = new PassThrough() as unknown as NodeJS.ReadStream;

    // Without a terminal to ask, nothing is loaded unless --yes says so.
    const noYes = capture();
    assert.equal(
      await runImportCommand({ ...deps, stdout: noYes.out, stdin }, [
        file,
        '--chamber',
        'MA-06',
        '--lang',
        'en',
      ]),
      3,
    );
    assert.match(noYes.text(), /Dry run: 60 rows — 60 valid/);
    assert.match(noYes.text(), /confirm with --yes/);

    const yes = capture();
    const code = await runImportCommand({ ...deps, stdout: yes.out, stdin }, [
      file,
      '--chamber',
      'MA-06',
      '--yes',
      '--lang',
      'en',
    ]);
    assert.equal(code, 0, yes.text());
    assert.match(yes.text(), /File read: csv, encoding utf-8, delimiter ;, headers on row 1/);
    assert.match(yes.text(), /\[█+\] 100% {2}60\/60 rows · [\d ]+ rows\/s · 0:00 left/);
    assert.match(yes.text(), /60 entries loaded, 0 refused/);
    assert.ok(fs.existsSync(path.join(dir, 'liste.rejects.csv')));

    // The same file again: every row is now a duplicate of the register; the rejects say why.
    const again = capture();
    assert.equal(
      await runImportCommand({ ...deps, stdout: again.out, stdin }, [
        file,
        '--chamber',
        'MA-06',
        '--yes',
        '--lang',
        'fr',
      ]),
      1,
    );
    assert.match(again.text(), /60 doublons possibles/);
    assert.match(again.text(), /Aucune ligne valide/);
    const rejects = fs.readFileSync(path.join(dir, 'liste.rejects.csv'), 'utf8');
    assert.equal(rejects.trim().split('\r\n').length, 61);
    assert.match(rejects, /Une inscription du registre a la même CIN/);

    const unknown = capture();
    assert.equal(
      await runImportCommand({ ...deps, stdout: unknown.out, stdin }, [
        file,
        '--chamber',
        'MA-06',
        '--mapping',
        'nope',
        '--lang',
        'en',
      ]),
      1,
    );
    assert.match(unknown.text(), /No mapping template named nope/);
    const bad = capture();
    fs.writeFileSync(path.join(dir, 'bad.xlsx'), 'broken');
    assert.equal(
      await runImportCommand({ ...deps, stdout: bad.out, stdin }, [
        path.join(dir, 'bad.xlsx'),
        '--chamber',
        'MA-06',
      ]),
      1,
    );
    assert.match(bad.text(), /IMPORT_FILE_UNREADABLE/);
    assert.equal(
      await runImportCommand({ ...deps, stdout: capture().out, stdin }, ['--chamber', 'MA-06']),
      64,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
