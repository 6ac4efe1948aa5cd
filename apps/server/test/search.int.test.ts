import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RegistrationSearchPage } from '@hirfa/contracts';
import { loadRegister } from '../bench/load-register.ts';
import { displayNia } from '../src/modules/registry/index.ts';
import { labelledVariantSet } from '../src/modules/synthetic/index.ts';
import { type Client, DEMO, startTestApp, type TestApp } from './harness.ts';

/**
 * Staff search on a register of 2,000 synthetic people: recall on variant spellings across scripts,
 * exact identifier lookups, chamber scope, filters, paging, the audit trail, and the projection
 * following changes made through the register's own routes.
 */
const SEED = 4242;
const N = 2000;
let t: TestApp;
let fed: Client;

interface Entry {
  registrationId: string;
  nia: string;
  cin: string;
  phone: string | null;
  chamberCode: string;
  nameLatn: string;
  nameAr: string;
  kind: string;
  status: string;
}

const q = <R>(text: string, params: unknown[] = []) => t.deps.database.query<R>(text, params);
const search = async (c: Client, params: Record<string, string | number>) => {
  const res = await c.get(
    `/api/v1/search/registrations?${new URLSearchParams(params as Record<string, string>)}`,
  );
  assert.equal(res.statusCode, 200, res.body);
  return res.json<RegistrationSearchPage>();
};
const entries = (where: string, params: unknown[] = []) =>
  q<Entry>(
    `SELECT registration_id AS "registrationId", nia, cin, phone, chamber_code AS "chamberCode",
            name_latn AS "nameLatn", name_ar AS "nameAr", kind, status
     FROM search_entries WHERE ${where} ORDER BY nia`,
    params,
  );

before(async () => {
  t = await startTestApp();
  const [v] = await q<{ code: string }>(
    'SELECT code FROM nomenclature_versions ORDER BY valid_from DESC LIMIT 1',
  );
  await loadRegister((text, params) => t.deps.database.query(text, params), {
    seed: SEED,
    from: 0,
    to: N,
    batchSize: 1000,
    nomenclatureVersion: v?.code ?? '',
  });
  fed = await t.login(DEMO.federation);
});
after(() => t?.close());

test('the projection holds every entry, with skeleton keys in both scripts', async () => {
  const [row] = await q<{ n: number; keyed: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE '#mhmd' = ANY (terms))::int AS keyed FROM search_entries`,
  );
  assert.equal(Number(row?.n), N);
  assert.ok(Number(row?.keyed) > 50, 'Mohamed and محمد share the key #mhmd');
});

test(`recall@10 ≥ 0.95 on variant spellings across scripts (HTTP)`, async (tc) => {
  const set = labelledVariantSet({ seed: SEED, size: 500, populationSize: N });
  const niaByCin = new Map((await entries('true')).map((e) => [e.cin, e.nia]));
  const byKind = new Map<string, [number, number]>();
  let hits = 0;
  for (const item of set) {
    const page = await search(fed, { q: item.queryText, limit: 10 });
    const found = page.items.some((h) => h.nia === niaByCin.get(item.expectedCin));
    if (found) hits++;
    const k = byKind.get(item.kind) ?? [0, 0];
    byKind.set(item.kind, [k[0] + (found ? 1 : 0), k[1] + 1]);
  }
  const recall = hits / set.length;
  tc.diagnostic(
    `recall@10 ${recall.toFixed(3)} — ${[...byKind].map(([k, [h, n]]) => `${k} ${h}/${n}`).join(', ')}`,
  );
  assert.ok(recall >= 0.95, `recall@10 ${recall}`);
});

test('exact lookups: CIN typed lower-case with spaces, NIA grouped, phone in national form', async () => {
  const [e] = await entries(`phone IS NOT NULL AND kind = 'artisan'`);
  assert.ok(e);
  const cinTyped = ` ${e.cin.toLowerCase().replace(/^([a-z]+)(\d{2})/, '$1 $2 ')} `;
  const national = `0${e.phone?.slice(4)}`.replace(/(\d{2})(?=\d)/g, '$1 ');
  for (const [typed, matchedOn] of [
    [cinTyped, 'cin'],
    [displayNia(e.nia).toLowerCase(), 'nia'],
    [national, 'phone'],
  ] as const) {
    const page = await search(fed, { q: typed });
    assert.equal(page.queryKind, matchedOn, typed);
    assert.equal(page.items[0]?.registrationId, e.registrationId, typed);
    assert.equal(page.items[0]?.matchedOn, matchedOn);
    assert.equal(page.items[0]?.score, 1);
  }
  // The audit trail says a CIN and a phone were searched, never which.
  const events = await q<{ changes: Record<string, unknown>; actor_role: string }>(
    `SELECT changes, actor_role FROM audit_events WHERE action = 'search.registrations' ORDER BY id DESC LIMIT 3`,
  );
  const kinds = events.map((ev) => ev.changes.queryKind).sort();
  assert.deepEqual(kinds, ['cin', 'nia', 'phone']);
  const trail = JSON.stringify(events);
  assert.ok(!trail.includes(e.cin) && !trail.includes(e.cin.toLowerCase()), 'no CIN in the trail');
  assert.ok(!trail.includes((e.phone ?? '').slice(4)), 'no phone number in the trail');
  assert.ok(events.every((ev) => ev.actor_role === 'federation_admin' && ev.changes.resultCount === 1));
});

test('a name search is audited with its normalised name, filters and result count', async () => {
  const page = await search(fed, { q: 'Mohammed El Alaoui', province: 'MA-CAS', kind: 'artisan' });
  const [ev] = await q<{ changes: Record<string, unknown> }>(
    `SELECT changes FROM audit_events WHERE action = 'search.registrations' ORDER BY id DESC LIMIT 1`,
  );
  assert.deepEqual(ev?.changes, {
    queryKind: 'name',
    name: 'mohamed alaui',
    filters: { province: 'MA-CAS', kind: 'artisan' },
    offset: 0,
    resultCount: page.total,
    truncated: false,
  });
});

test('scope: a Fès agent never sees Casablanca entries, by name, identifier or filter', async () => {
  const fes = await t.login(DEMO.fesAgent);
  const casa = await entries(`chamber_code = 'CA-MA-06'`);
  assert.ok(casa.length > 50);
  for (const e of casa.slice(0, 25)) {
    for (const typed of [e.nameLatn, e.nameAr, e.cin, e.nia]) {
      const page = await search(fes, { q: typed, limit: 50 });
      assert.ok(
        page.items.every((h) => h.chamberCode === 'CA-MA-03'),
        `${typed}: ${page.items.map((h) => h.chamberCode)}`,
      );
    }
  }
  const browse = await search(fes, { limit: 100 });
  assert.ok(browse.items.length > 0 && browse.items.every((h) => h.chamberCode === 'CA-MA-03'));
  const asked = await fes.get('/api/v1/search/registrations?q=alaoui&chamber=CA-MA-06');
  assert.equal(asked.statusCode, 403);
  assert.equal(asked.json().code, 'AUTH_OUT_OF_SCOPE');
  // Casablanca's own agent finds the same entry by CIN.
  const casaAgent = await t.login(DEMO.casaAgent);
  const own = await search(casaAgent, { q: casa[0]?.cin ?? '' });
  assert.equal(own.items[0]?.registrationId, casa[0]?.registrationId);
});

test('filters narrow the results; pages do not overlap', async () => {
  const page = await search(fed, { q: 'Mohamed', kind: 'artisan', status: 'active', limit: 100 });
  assert.ok(page.items.length > 0);
  assert.ok(page.items.every((h) => h.kind === 'artisan' && h.status === 'active'));
  const byProvince = await search(fed, { province: 'MA-FES', limit: 100 });
  assert.ok(byProvince.items.every((h) => h.provinceCode === 'MA-FES'));
  assert.equal(byProvince.queryKind, 'none');
  const [n] = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM search_entries WHERE province_code = 'MA-FES'`,
  );
  assert.equal(byProvince.total, Number(n?.n));
  const first = await search(fed, { q: 'Fatima', limit: 10, offset: 0 });
  const second = await search(fed, { q: 'Fatima', limit: 10, offset: 10 });
  assert.ok(first.total > 10);
  const ids = new Set(first.items.map((h) => h.registrationId));
  assert.ok(second.items.every((h) => !ids.has(h.registrationId)));
  assert.ok(
    first.items.every((h, i) => i === 0 || (first.items[i - 1]?.score ?? 0) >= h.score),
    'ranked',
  );
});

test('the projection follows the register: a suspension and a transfer are seen at once', async () => {
  const casaAdmin = await t.login(DEMO.casaAdmin);
  const [e] = await entries(`chamber_code = 'CA-MA-06' AND status = 'active' AND kind = 'artisan'`);
  assert.ok(e);
  const suspend = await casaAdmin.post(`/api/v1/registrations/${e.registrationId}/lifecycle`, {
    action: 'suspend',
    reason: 'Atelier fermé pour travaux',
    version: 1,
    idempotencyKey: `search-suspend-${e.nia}`,
  });
  assert.equal(suspend.statusCode, 200, suspend.body);
  const suspended = await search(fed, { q: e.cin, status: 'suspended' });
  assert.equal(suspended.items[0]?.registrationId, e.registrationId);
  const moved = await casaAdmin.post(`/api/v1/registrations/${e.registrationId}/lifecycle`, {
    action: 'transfer',
    workshopProvinceCode: 'MA-FES',
    version: 2,
    idempotencyKey: `search-transfer-${e.nia}`,
  });
  assert.equal(moved.statusCode, 200, moved.body);
  const fes = await t.login(DEMO.fesAgent);
  const now = await search(fes, { q: e.cin });
  assert.equal(now.items[0]?.chamberCode, 'CA-MA-03');
  assert.equal(now.items[0]?.provinceCode, 'MA-FES');
  assert.equal((await search(casaAdmin, { q: e.cin })).total, 0);
});

test('misspelt names are found through the word dictionary', async () => {
  const [e] = await entries(`kind = 'artisan' AND name_latn ~ '^[A-Za-z]{6,} [A-Za-z]{6,}$'`);
  assert.ok(e);
  const [first = '', last = ''] = e.nameLatn.split(' ');
  const typo = `${first.slice(0, 3)}${first.slice(4)} ${last}`; // one letter dropped
  const page = await search(fed, { q: typo, limit: 10 });
  assert.ok(
    page.items.some((h) => h.registrationId === e.registrationId),
    `${typo} → ${page.items.map((h) => h.nameLatn)}`,
  );
});
