import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DirectoryEntry, DirectoryPage } from '@hirfa/contracts';
import { OPEN_COUNTS_COLUMNS, OPEN_DIRECTORY_COLUMNS } from '@hirfa/contracts';
import Papa from 'papaparse';
import { loadRegister } from '../bench/load-register.ts';
import { seedDemoDirectoryConsent } from '../src/modules/search/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit.ts';
import { type Client, DEMO, startTestApp, type TestApp } from './harness.ts';

/**
 * The public directory and open data on 1,500 synthetic entries (about a quarter consented): consent
 * set by the holder and at the counter, what each level shows, what is never shown, and the
 * suppression of small counts.
 */
const SEED = 777;
const N = 1500;
let t: TestApp;

interface Private {
  registrationId: string;
  consent: 'none' | 'basic' | 'contact';
  status: string;
  cin: string;
  birthDate: string;
  addressAr: string | null;
  addressFr: string | null;
  phone: string | null;
  nameLatn: string;
  provinceCode: string;
  chamberCode: string;
}

const q = <R>(text: string, params: unknown[] = []) => t.deps.database.query<R>(text, params);
const privates = () =>
  q<Private>(`
    SELECT s.registration_id AS "registrationId", s.directory_consent AS consent, s.status, p.cin,
           to_char(p.birth_date, 'YYYY-MM-DD') AS "birthDate", p.address_ar AS "addressAr",
           p.address_fr AS "addressFr", p.phone, s.name_latn AS "nameLatn", s.province_code AS "provinceCode",
           s.chamber_code AS "chamberCode"
    FROM search_entries s JOIN persons p ON p.id = s.person_id`);
const put = (c: Client, url: string, consent: string) =>
  c.inject({ method: 'PUT', url, payload: { consent } });
const directory = async (params: Record<string, string | number>) => {
  const res = await t.anonymous.get(
    `/api/v1/directory?${new URLSearchParams(params as Record<string, string>)}`,
  );
  assert.equal(res.statusCode, 200, res.body);
  return res.json<DirectoryPage>();
};

before(async () => {
  t = await startTestApp();
  const [v] = await q<{ code: string }>(
    'SELECT code FROM nomenclature_versions ORDER BY valid_from DESC LIMIT 1',
  );
  await loadRegister((text, params) => t.deps.database.query(text, params), {
    seed: SEED,
    from: 0,
    to: N,
    nomenclatureVersion: v?.code ?? '',
  });
});
after(() => t?.close());

test('the directory lists only active, consented entries, and never identity or home data', async () => {
  const all = await privates();
  const byId = new Map(all.map((p) => [p.registrationId, p]));
  const seen: DirectoryEntry[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await directory({ limit: 100, offset });
    seen.push(...page.items);
    if (page.items.length < 100) break;
  }
  const listed = all.filter((p) => p.consent !== 'none' && p.status === 'active');
  assert.ok(listed.length > 100);
  assert.equal(seen.length, listed.length);
  for (const e of seen) {
    const p = byId.get(e.id);
    assert.ok(p && p.consent !== 'none' && p.status === 'active', `${e.id} is not listed`);
    const json = JSON.stringify(e);
    assert.ok(!json.includes(p.cin), 'no CIN');
    assert.ok(!json.includes(p.birthDate), 'no birth date');
    for (const address of [p.addressAr, p.addressFr])
      if (address) assert.ok(!json.includes(address), 'no home address');
    if (p.consent === 'basic') assert.equal(e.contact, null, 'basic: no contact');
    else assert.ok(e.contact?.workshopAddressFr, 'contact: the workshop address');
    if (p.consent === 'contact') assert.equal(e.contact?.phone, p.phone);
    assert.ok(e.activity.nameFr && e.province.nameAr, 'activity and place are named');
  }
});

test('directory name search finds consented entries only, with the cache header', async () => {
  const all = await privates();
  const hidden = all.find((p) => p.consent === 'none' && p.status === 'active');
  const shown = all.find((p) => p.consent === 'basic' && p.status === 'active');
  assert.ok(hidden && shown);
  const res = await t.anonymous.get(`/api/v1/directory?q=${encodeURIComponent(shown.nameLatn)}`);
  assert.match(String(res.headers['cache-control']), /public, max-age=\d+/);
  assert.ok(res.json<DirectoryPage>().items.some((e) => e.id === shown.registrationId));
  const none = await directory({ q: hidden.nameLatn, province: hidden.provinceCode, limit: 100 });
  assert.ok(!none.items.some((e) => e.id === hidden.registrationId));
  // The public box is never a CIN or phone lookup.
  assert.equal((await directory({ q: shown.cin })).items.length, 0);
  const byPlace = await directory({ province: shown.provinceCode, limit: 100 });
  assert.ok(byPlace.items.every((e) => e.province.code === shown.provinceCode));
});

test('the holder sets their consent; others cannot; every change is audited', async () => {
  const artisan = await t.login(DEMO.artisan);
  const [mine] = await q<{ registrationId: string; personId: string }>(`
    SELECT registration_id AS "registrationId", person_id AS "personId" FROM search_entries
    WHERE kind = 'artisan' AND status = 'active' AND directory_consent = 'none' ORDER BY nia LIMIT 1`);
  assert.ok(mine);
  await q(`UPDATE persons SET user_id = (SELECT id FROM users WHERE phone = '+212612345678') WHERE id = $1`, [
    mine.personId,
  ]);
  const url = `/api/v1/me/registrations/${mine.registrationId}/directory-consent`;
  const res = await put(artisan, url, 'contact');
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().consent, 'contact');
  assert.equal(
    (await artisan.get(`/api/v1/registrations/${mine.registrationId}/directory-consent`)).json().consent,
    'contact',
  );
  const listed = await directory({
    q: (await privates()).find((p) => p.registrationId === mine.registrationId)?.nameLatn ?? '',
  });
  assert.ok(
    listed.items.some((e) => e.id === mine.registrationId && e.contact !== null),
    'shown at once, with contact',
  );
  const [ev] = await q<{ changes: Record<string, unknown>; chamber_code: string; actor_role: string }>(
    `SELECT changes, chamber_code, actor_role FROM audit_events
     WHERE action = 'registration.directory_consent' AND target_id = $1 ORDER BY id DESC LIMIT 1`,
    [mine.registrationId],
  );
  assert.deepEqual(ev?.changes, { consent: { from: 'none', to: 'contact' }, by: 'holder' });
  assert.equal(ev?.actor_role, 'artisan');
  // Someone else's entry is not theirs to see or change; the counter route is not theirs either.
  const [other] = await q<{ id: string }>(
    `SELECT registration_id AS id FROM search_entries WHERE registration_id <> $1 LIMIT 1`,
    [mine.registrationId],
  );
  assert.equal(
    (await put(artisan, `/api/v1/me/registrations/${other?.id}/directory-consent`, 'basic')).statusCode,
    404,
  );
  assert.equal((await artisan.get(`/api/v1/registrations/${other?.id}/directory-consent`)).statusCode, 404);
  assert.equal(
    (await put(artisan, `/api/v1/registrations/${mine.registrationId}/directory-consent`, 'none')).statusCode,
    403,
  );
  // Withdrawing takes the entry out of the directory.
  assert.equal((await put(artisan, url, 'none')).json().consent, 'none');
  const gone = await directory({
    limit: 100,
    province: (await privates()).find((p) => p.registrationId === mine.registrationId)?.provinceCode ?? '',
  });
  assert.ok(!gone.items.some((e) => e.id === mine.registrationId));
});

test('staff record consent at the counter within their chamber; a radiated entry cannot be listed', async () => {
  const agent = await t.login(DEMO.casaAgent);
  const all = await privates();
  const casa = all.find((p) => p.chamberCode === 'CA-MA-06' && p.status === 'active' && p.consent === 'none');
  const fes = all.find((p) => p.chamberCode === 'CA-MA-03');
  assert.ok(casa && fes);
  const ok = await put(agent, `/api/v1/registrations/${casa.registrationId}/directory-consent`, 'basic');
  assert.equal(ok.statusCode, 200, ok.body);
  const [ev] = await q<{ changes: Record<string, unknown> }>(
    `SELECT changes FROM audit_events WHERE action = 'registration.directory_consent' AND target_id = $1`,
    [casa.registrationId],
  );
  assert.equal(ev?.changes.by, 'counter');
  const out = await put(agent, `/api/v1/registrations/${fes.registrationId}/directory-consent`, 'basic');
  assert.equal(out.statusCode, 403);
  assert.equal(out.json().code, 'AUTH_OUT_OF_SCOPE');
  const [radiated] = await q<{ id: string }>(
    `SELECT registration_id AS id FROM search_entries WHERE status = 'radiated' AND chamber_code = 'CA-MA-06' LIMIT 1`,
  );
  if (radiated) {
    const refused = await put(agent, `/api/v1/registrations/${radiated.id}/directory-consent`, 'contact');
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, 'DIRECTORY_CONSENT_RADIATED');
  }
});

function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

test('open-data counts: small cells suppressed, none recoverable along a line, no totals', async () => {
  const res = await t.anonymous.get('/api/v1/open-data/counts.csv');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.ok(res.body.startsWith('\uFEFF'), 'BOM for Excel');
  const [header, ...rows] = parseCsv(res.body.slice(1));
  assert.deepEqual(header, [...OPEN_COUNTS_COLUMNS]);
  const col = (name: string) => OPEN_COUNTS_COLUMNS.indexOf(name as (typeof OPEN_COUNTS_COLUMNS)[number]);
  const cells = rows.map((r) => ({
    key: [r[col('region_code')], r[col('activity_code')], r[col('kind')], r[col('gender')]],
    count: r[col('count')] === '' ? null : Number(r[col('count')]),
    suppressed: r[col('suppressed')] === 'true',
  }));
  assert.ok(cells.length > 50 && cells.some((c) => c.suppressed) && cells.some((c) => !c.suppressed));
  assert.ok(
    cells.every((c) => (c.suppressed ? c.count === null : (c.count ?? 0) >= 5)),
    'no count under 5',
  );
  assert.ok(
    cells.every((c) => c.key.every((k) => k && k !== 'total' && k !== '*')),
    'no total rows',
  );
  for (let free = 0; free < 4; free++) {
    const lines = new Map<string, typeof cells>();
    for (const c of cells) {
      const k = c.key.map((v, i) => (i === free ? '*' : v)).join('|');
      lines.set(k, [...(lines.get(k) ?? []), c]);
    }
    for (const [k, line] of lines) {
      const hidden = line.filter((c) => c.suppressed).length;
      assert.ok(hidden !== 1 || line.length === 1, `line ${k}: one suppressed cell beside published ones`);
    }
  }
  // Published cells are the true counts of active entries.
  const truth = await q<{ k: string; n: number }>(`
    SELECT concat_ws('|', region_code, activity_code, kind, coalesce(gender, 'NA')) AS k, count(*)::int AS n
    FROM search_entries WHERE status = 'active' GROUP BY 1`);
  const byKey = new Map(truth.map((r) => [r.k, Number(r.n)]));
  for (const c of cells)
    if (!c.suppressed) assert.equal(c.count, byKey.get(c.key.join('|')), c.key.join('|'));
  const json = (await t.anonymous.get('/api/v1/open-data/counts.json')).json();
  assert.equal(json.metadata.licence.id, 'CC-BY-4.0');
  assert.equal(json.metadata.suppression.threshold, 5);
  assert.equal(json.rows.length, cells.length);
  assert.ok(
    json.rows.every(
      (r: { count: number | null; suppressed: boolean }) => r.suppressed === (r.count === null),
    ),
  );
});

test('open-data directory: consented entries, basic fields only, CSV and JSON alike', async () => {
  const all = await privates();
  const listed = all.filter((p) => p.consent !== 'none' && p.status === 'active');
  const csv = await t.anonymous.get('/api/v1/open-data/directory.csv');
  assert.ok(csv.body.startsWith('\uFEFF'));
  const lines = parseCsv(csv.body.slice(1));
  assert.deepEqual(lines[0], [...OPEN_DIRECTORY_COLUMNS]);
  assert.equal(lines.length - 1, listed.length);
  const json = (await t.anonymous.get('/api/v1/open-data/directory.json')).json();
  assert.equal(json.rows.length, listed.length);
  assert.deepEqual(Object.keys(json.rows[0]), [...OPEN_DIRECTORY_COLUMNS]);
  const text = csv.body + JSON.stringify(json);
  for (const p of listed) {
    assert.ok(!text.includes(p.cin), 'no CIN');
    if (p.phone) assert.ok(!text.includes(p.phone), 'no phone, even with the contact consent');
  }
  assert.ok(!/Atelier \d+, souk/.test(text), 'no workshop address');
});

test('the demo seed lists about a third of the active demo entries', async () => {
  const before = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM registrations WHERE directory_consent <> 'none'`,
  );
  await q(`UPDATE registrations SET directory_consent = 'none'`);
  const n = await seedDemoDirectoryConsent(t.deps.database.db, SYSTEM_ACTOR);
  const [active] = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM registrations WHERE status = 'active'`,
  );
  assert.ok(n > Number(active?.n) / 4 && n < Number(active?.n) / 2, `${n} of ${active?.n}`);
  assert.ok(Number(before[0]?.n) > 0);
});
