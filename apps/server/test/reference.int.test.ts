import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Chamber, Nomenclature, Province, Region } from '@hirfa/contracts';
import { sql } from 'drizzle-orm';
import { referenceFolder } from '../src/bootstrap.ts';
import { loadReferenceData } from '../src/modules/reference/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit.ts';
import { rowsOf } from '../src/platform/db/client.ts';
import { startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t?.close());

test('the 12 regions with their ISO 3166-2:MA codes, in the request language', async () => {
  const fr = await t.anonymous.get('/api/v1/regions', { 'accept-language': 'fr' });
  assert.equal(fr.statusCode, 200);
  const regions = fr.json<Region[]>();
  assert.deepEqual(
    regions.map((r) => r.code),
    Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`),
  );
  const casa = regions.find((r) => r.code === 'MA-06');
  assert.equal(casa?.name, 'Casablanca-Settat');
  assert.equal(casa?.nameAr, 'الدار البيضاء - سطات');
  assert.equal(casa?.provinceCount, 9);
  assert.equal(
    regions.reduce((n, r) => n + r.provinceCount, 0),
    75,
  );

  const ar = (await t.anonymous.get('/api/v1/regions', { 'accept-language': 'ar' })).json<Region[]>();
  assert.equal(ar.find((r) => r.code === 'MA-06')?.name, 'الدار البيضاء - سطات');
  assert.equal(ar.find((r) => r.code === 'MA-06')?.capital, 'الدار البيضاء');
  const en = (await t.anonymous.get('/api/v1/regions?lang=en')).json<Region[]>();
  assert.equal(en.find((r) => r.code === 'MA-03')?.name, 'Fez-Meknes');
  assert.equal(fr.headers.vary, 'accept-language');
});

test('75 prefectures and provinces, filtered by region, placed by the decree not by ISO parents', async () => {
  const all = (await t.anonymous.get('/api/v1/provinces')).json<Province[]>();
  assert.equal(all.length, 75);
  assert.equal(all.filter((p) => p.type === 'prefecture').length, 13);
  // The two provinces ISO data misplaces: Chtouka-Aït Baha is in Souss-Massa, Nouaceur in Casablanca-Settat.
  assert.equal(all.find((p) => p.code === 'MA-CHT')?.regionCode, 'MA-09');
  assert.equal(all.find((p) => p.code === 'MA-NOU')?.regionCode, 'MA-06');
  const dakhla = (await t.anonymous.get('/api/v1/provinces?region=MA-12')).json<Province[]>();
  assert.equal(dakhla.length, 2);
  const bad = await t.anonymous.get('/api/v1/provinces?region=Casablanca', { 'accept-language': 'en' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal(bad.json().errors[0].path, 'query.region');
});

test('the 12 regional chambers and the Federation', async () => {
  const chambers = (await t.anonymous.get('/api/v1/chambers', { 'accept-language': 'fr' })).json<Chamber[]>();
  assert.equal(chambers.length, 13);
  assert.equal(chambers.filter((c) => c.kind === 'regional').length, 12);
  const fca = chambers.find((c) => c.code === 'FCA-MA');
  assert.equal(fca?.kind, 'federation');
  assert.equal(fca?.regionCode, null);
  assert.equal(chambers.find((c) => c.code === 'CA-MA-03')?.seat, 'Fès');
  const ar = (await t.anonymous.get('/api/v1/chambers', { 'accept-language': 'ar' })).json<Chamber[]>();
  assert.equal(ar.find((c) => c.code === 'CA-MA-03')?.seat, 'فاس');
});

test('the nomenclature: 2 categories, provisional branches and activities, bilingual', async () => {
  const n = (await t.anonymous.get('/api/v1/nomenclature', { 'accept-language': 'ar' })).json<Nomenclature>();
  assert.equal(n.provisional, true);
  assert.equal(n.version, 'provisional-2022');
  assert.deepEqual(n.categories.map((c) => c.code).sort(), ['art_production', 'services']);
  assert.equal(n.activities.length, 44);
  assert.ok(n.branches.length >= 13);
  const carpets = n.activities.find((a) => a.nameFr === 'Tissage de tapis');
  assert.equal(carpets?.name, 'نسج الزرابي');
  assert.equal(carpets?.categoryCode, 'art_production');
  for (const a of n.activities) assert.ok(n.branches.some((b) => b.code === a.branchCode));
});

test('reference data is effective-dated: before the 2015 decree there is none in force', async () => {
  const res = await t.anonymous.get('/api/v1/regions?at=2010-01-01');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), []);
  const n = await t.anonymous.get('/api/v1/nomenclature?at=2020-01-01', { 'accept-language': 'fr' });
  assert.equal(n.statusCode, 404);
  assert.equal(n.json().code, 'NOT_FOUND');
  const bad = await t.anonymous.get('/api/v1/regions?at=2015-13-45');
  assert.equal(bad.statusCode, 400);
});

test('loading unchanged files again changes nothing and writes no audit event', async () => {
  const count = async () =>
    Number(
      rowsOf<{ n: string }>(await t.deps.database.db.execute(sql`SELECT count(*) AS n FROM audit_events`))[0]
        ?.n,
    );
  const before = await count();
  const report = await loadReferenceData(t.deps.database.db, referenceFolder(t.config), SYSTEM_ACTOR);
  assert.deepEqual(report.loaded, []);
  assert.deepEqual(report.unchanged.sort(), ['chambers', 'nomenclature', 'provinces', 'regions']);
  assert.equal(await count(), before);
  const loads = rowsOf<{ target_id: string }>(
    await t.deps.database.db.execute(sql`SELECT target_id FROM audit_events WHERE action = 'reference.load'`),
  );
  assert.equal(loads.length, 4);
});
