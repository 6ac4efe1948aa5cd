import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ApplicationDetail, ApplicationSummary, Registration } from '@hirfa/contracts';
import { sql } from 'drizzle-orm';
import { seedDemoRegister } from '../src/modules/demo/index.ts';
import { SYSTEM_ACTOR, verifyAuditChain } from '../src/platform/audit/audit.ts';
import { rowsOf } from '../src/platform/db/client.ts';
import { DEMO, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ SEED_DEMO_REGISTER: 'true' });
});
after(() => t?.close());

const q = async <R>(query: ReturnType<typeof sql>) => rowsOf<R>(await t.deps.database.db.execute(query));

test('a fresh start seeds a living register: every chamber, every state, names in both scripts', async () => {
  const states = await q<{ state: string }>(sql`SELECT DISTINCT state FROM applications`);
  assert.deepEqual(states.map((s) => s.state).sort(), [
    'approved',
    'commission',
    'draft',
    'incomplete',
    'rejected',
    'resubmitted',
    'submitted',
    'under_review',
    'withdrawn',
  ]);
  const chambers = await q<{ chamber_code: string; n: number }>(
    sql`SELECT chamber_code, count(*)::int AS n FROM registrations GROUP BY 1 ORDER BY 1`,
  );
  assert.equal(chambers.length, 12);
  assert.ok(chambers.every((c) => Number(c.n) >= 20));
  const statuses = await q<{ status: string }>(sql`SELECT DISTINCT status FROM registrations`);
  assert.deepEqual(statuses.map((s) => s.status).sort(), ['active', 'radiated', 'suspended']);
  const names = await q<{ first_name_ar: string; first_name_latn: string }>(
    sql`SELECT first_name_ar, first_name_latn FROM persons LIMIT 50`,
  );
  assert.ok(
    names.every((n) => /[\u0600-\u06FF]/.test(n.first_name_ar) && /^[A-Za-z' -]+$/.test(n.first_name_latn)),
  );
  // Running it again adds nothing.
  assert.equal(await seedDemoRegister(t.deps.database.db, t.deps.storage, t.config, SYSTEM_ACTOR), 0);
  assert.equal((await verifyAuditChain(t.deps.database.db)).ok, true);
});

test('the seeded files are usable through the API: the Casablanca queue, a file, an entry', async () => {
  const agent = await t.login(DEMO.casaAgent);
  const queue = (await agent.get('/api/v1/applications?limit=100')).json<{
    items: ApplicationSummary[];
    total: number;
  }>();
  assert.ok(queue.total >= 8);
  assert.ok(queue.items.every((i) => i.chamberCode === 'CA-MA-06'));
  const days = queue.items.map((i) => i.daysInState);
  assert.deepEqual(
    days,
    [...days].sort((a, b) => b - a),
    'oldest first',
  );
  const incomplete = queue.items.find((i) => i.state === 'incomplete');
  assert.ok(incomplete);
  const detail = (await agent.get(`/api/v1/applications/${incomplete.id}`)).json<ApplicationDetail>();
  assert.ok(detail.lastRequest);
  assert.ok(detail.documents.length >= 2);
  const doc = await agent.get(`/api/v1/documents/${detail.documents[0]?.id}`);
  assert.equal(doc.statusCode, 200);
  const [reg] = await q<{ id: string }>(
    sql`SELECT id FROM registrations WHERE chamber_code = 'CA-MA-06' AND status = 'suspended' LIMIT 1`,
  );
  const entry = (await agent.get(`/api/v1/registrations/${reg?.id}`)).json<Registration>();
  assert.equal(entry.status, 'suspended');
  assert.deepEqual(
    entry.history.map((h) => h.action),
    ['register', 'suspend'],
  );
});

test('demo cards: most delivered, some waiting to print; the demo artisan holds one with a working QR', async () => {
  const statuses = await q<{ status: string; n: number }>(
    sql`SELECT status, count(*)::int AS n FROM cards GROUP BY 1`,
  );
  const by = Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]));
  assert.ok((by.active ?? 0) > 100, JSON.stringify(by));
  assert.ok((by.requested ?? 0) > 10);
  assert.ok((by.suspended ?? 0) >= 1);
  const artisan = await t.login(DEMO.artisan);
  const cards = (await artisan.get('/api/v1/me/cards')).json<{ status: string; nia: string }[]>();
  assert.equal(cards.length, 1);
  assert.equal(cards[0]?.status, 'active');
  const regs = (await artisan.get('/api/v1/me/registrations')).json<Registration[]>();
  assert.equal(regs[0]?.nameLatn, 'Hassan Ait Belaid');
});
