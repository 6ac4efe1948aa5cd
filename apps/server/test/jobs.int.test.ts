import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Job } from '@hirfa/contracts';
import { DEMO, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t?.close());

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('a failing job is retried with its backoff, then completes; staff see its state', async () => {
  const attempts: number[] = [];
  await t.deps.jobs.define<{ chamberCode: string; n: number }>({
    name: 'test.flaky',
    retryLimit: 2,
    retryDelay: 1,
    retryBackoff: false,
    async handler(data, job) {
      attempts.push(job.retryCount);
      if (attempts.length === 1) throw new Error('transient failure');
      return { doubled: data.n * 2 };
    },
  });
  const id = await t.deps.jobs.send('test.flaky', { chamberCode: 'CA-MA-06', n: 21 });
  assert.ok(id);
  const done = await waitFor('the job to complete', async () => {
    const j = await t.deps.jobs.get(id);
    return j?.state === 'completed' ? j : undefined;
  });
  assert.deepEqual(attempts, [0, 1]);
  assert.equal(done.retryCount, 1);
  assert.deepEqual(done.output, { doubled: 42 });

  const admin = await t.login(DEMO.casaAdmin);
  const res = await admin.get('/api/v1/jobs?name=test.flaky');
  assert.equal(res.statusCode, 200);
  const [listed] = res.json<Job[]>();
  assert.equal(listed?.id, id);
  assert.equal(listed?.state, 'completed');
  assert.equal(listed?.retryCount, 1);
});

test('a job that keeps failing ends as failed once its retries are spent', async () => {
  await t.deps.jobs.define<{ chamberCode: string }>({
    name: 'test.broken',
    retryLimit: 1,
    retryDelay: 1,
    retryBackoff: false,
    async handler() {
      throw new Error('always broken');
    },
  });
  const id = await t.deps.jobs.send('test.broken', { chamberCode: 'CA-MA-06' });
  assert.ok(id);
  const failed = await waitFor('the job to fail', async () => {
    const j = await t.deps.jobs.get(id);
    return j?.state === 'failed' ? j : undefined;
  });
  assert.equal(failed.retryCount, 1);
  assert.match(JSON.stringify(failed.output), /always broken/);
  const fed = await t.login(DEMO.federation);
  const list = (await fed.get('/api/v1/jobs?state=failed')).json<Job[]>();
  assert.ok(list.some((j) => j.id === id));
});

test('the audit verification job runs from the API and reports the chain', async () => {
  const fed = await t.login(DEMO.federation);
  const queued = await fed.post('/api/v1/jobs/audit-verify');
  assert.equal(queued.statusCode, 202);
  const { id } = queued.json();
  const job = await waitFor('audit.verify to complete', async () => {
    const res = await fed.get(`/api/v1/jobs/${id}`);
    const j = res.json<Job>();
    return j.state === 'completed' ? j : undefined;
  });
  const output = job.output as { ok: boolean; checked: number };
  assert.equal(output.ok, true);
  assert.ok(output.checked > 5);
});
