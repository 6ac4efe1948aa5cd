import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { recordAudit, SYSTEM_ACTOR, verifyAuditChain } from '../src/platform/audit/audit.ts';
import { rowsOf } from '../src/platform/db/client.ts';
import { DEMO, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t?.close());

const count = async (where = sql`true`) =>
  Number(
    rowsOf<{ n: string }>(
      await t.deps.database.db.execute(sql`SELECT count(*) AS n FROM audit_events WHERE ${where}`),
    )[0]?.n,
  );

test('a change and its audit event are written together, with actor, request id and what changed', async () => {
  const fed = await t.login(DEMO.federation);
  const res = await fed.inject({
    method: 'POST',
    url: '/api/v1/admin/users',
    headers: { 'x-request-id': 'audit-test-0001' },
    payload: {
      displayName: 'Salma Idrissi',
      email: 'salma@rabat.hirfa.ma',
      role: 'chamber_agent',
      chamberCode: 'CA-MA-04',
      password: 'a-strong-password-1',
    },
  });
  assert.equal(res.statusCode, 201);
  const created = res.json();
  const [event] = rowsOf<Record<string, unknown>>(
    await t.deps.database.db.execute(
      sql`SELECT * FROM audit_events WHERE action = 'user.create' AND target_id = ${created.id}`,
    ),
  );
  assert.ok(event);
  assert.equal(event.request_id, 'audit-test-0001');
  assert.equal(event.actor_role, 'federation_admin');
  assert.equal(event.chamber_code, 'CA-MA-04');
  assert.deepEqual(event.changes, {
    role: 'chamber_agent',
    chamberCode: 'CA-MA-04',
    displayName: 'Salma Idrissi',
  });
  assert.ok(!JSON.stringify(event).includes('a-strong-password-1'), 'no password in the trail');

  const list = await fed.get('/api/v1/audit?action=user.create&limit=5');
  assert.equal(list.statusCode, 200);
  assert.equal(list.json()[0].targetId, created.id);
});

test('a transaction that fails leaves neither the change nor its audit event', async () => {
  const before = await count();
  await assert.rejects(
    t.deps.database.db.transaction(async (tx) => {
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'test.rollback', targetType: 'test' });
      throw new Error('failure halfway');
    }),
    /failure halfway/,
  );
  assert.equal(await count(), before);
  assert.equal(await count(sql`action = 'test.rollback'`), 0);
});

test('the trail is append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
  const db = t.deps.database;
  await assert.rejects(db.query(`UPDATE audit_events SET action = 'x' WHERE id = 1`), /append-only/);
  await assert.rejects(db.query('DELETE FROM audit_events WHERE id = 1'), /append-only/);
  await assert.rejects(db.query('TRUNCATE audit_events'), /append-only/);
});

test('the chain verifies, and tampering with a row is detected at that row', async () => {
  const intact = await verifyAuditChain(t.deps.database.db);
  assert.equal(intact.ok, true);
  assert.ok(intact.checked >= 10);

  const fed = await t.login(DEMO.federation);
  const queued = await fed.post('/api/v1/jobs/audit-verify');
  assert.equal(queued.statusCode, 202);

  // Someone with direct database access rewrites history, bypassing the trigger.
  const db = t.deps.database;
  const [victim] = await db.query<{ id: number }>(
    `SELECT id FROM audit_events WHERE action = 'user.create' ORDER BY id LIMIT 1`,
  );
  assert.ok(victim);
  await db.exec(`
    ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
    UPDATE audit_events SET changes = '{"role":"federation_admin"}' WHERE id = ${Number(victim.id)};
    ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;`);
  const tampered = await verifyAuditChain(t.deps.database.db);
  assert.equal(tampered.ok, false);
  assert.deepEqual(tampered.broken, { id: Number(victim.id), reason: 'hash_mismatch' });
  assert.equal(tampered.checked, Number(victim.id) - 1);

  // Deleting a row breaks the link of the next one.
  const [next] = await db.query<{ id: number }>(
    `SELECT id FROM audit_events WHERE id > ${Number(victim.id)} ORDER BY id LIMIT 1`,
  );
  await db.exec(`
    ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
    DELETE FROM audit_events WHERE id = ${Number(victim.id)};
    ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;`);
  const deleted = await verifyAuditChain(t.deps.database.db);
  assert.deepEqual(deleted.broken, { id: Number(next?.id), reason: 'prev_hash_mismatch' });
});
