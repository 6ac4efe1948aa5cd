import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
});
after(() => t?.close());

const PROBLEM = 'application/problem+json; charset=utf-8';

test('an unknown route is a problem document in the request language, never HTML', async () => {
  for (const [lang, title] of [
    ['fr', "Cette ressource n'existe pas"],
    ['ar', 'هذا المورد غير موجود'],
    ['en', 'This resource does not exist'],
  ] as const) {
    const res = await t.anonymous.get('/api/v1/no-such-thing', { 'accept-language': lang });
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers['content-type'], PROBLEM);
    const p = res.json();
    assert.equal(p.code, 'NOT_FOUND');
    assert.equal(p.title, title);
    assert.equal(p.status, 404);
    assert.equal(p.type, 'https://hirfa.ma/problems/not-found');
    assert.equal(p.requestId, res.headers['x-request-id']);
  }
  const zgh = await t.anonymous.get('/api/v1/nothing?lang=zgh');
  assert.match(zgh.json().title, /[\u2D30-\u2D7F]/);
});

test('malformed JSON, wrong types, missing fields, unknown media type and oversize bodies', async () => {
  const malformed = await t.anonymous.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    payload: '{"identifier": "a",',
  });
  assert.equal(malformed.statusCode, 400);
  assert.equal(malformed.headers['content-type'], PROBLEM);
  assert.equal(malformed.json().code, 'MALFORMED_JSON');

  const wrongTypes = await t.anonymous.post(
    '/api/v1/auth/login',
    { identifier: 42 },
    { 'accept-language': 'fr' },
  );
  assert.equal(wrongTypes.statusCode, 400);
  const p = wrongTypes.json();
  assert.equal(p.code, 'VALIDATION_FAILED');
  assert.deepEqual(
    p.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [
      ['identifier', 'invalid_type'],
      ['password', 'required'],
    ],
  );
  assert.equal(p.errors[1].message, 'Champ obligatoire');

  const text = await t.anonymous.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': 'text/xml' },
    payload: '<login/>',
  });
  assert.equal(text.statusCode, 415);
  assert.equal(text.json().code, 'UNSUPPORTED_MEDIA_TYPE');

  const big = await t.anonymous.post('/api/v1/auth/login', { identifier: 'x'.repeat(5000), password: 'y' });
  assert.equal(big.statusCode, 413);
  assert.equal(big.headers['content-type'], PROBLEM);
  assert.equal(big.json().code, 'BODY_TOO_LARGE');
});

test('a 5xx never shows internals: a broken table gives a generic problem', async () => {
  const db = t.deps.database;
  await db.query('ALTER TABLE regions RENAME TO regions_moved');
  try {
    const res = await t.anonymous.get('/api/v1/regions', { 'accept-language': 'fr' });
    assert.equal(res.statusCode, 500);
    assert.equal(res.headers['content-type'], PROBLEM);
    const p = res.json();
    assert.equal(p.code, 'INTERNAL');
    assert.equal(p.title, 'Une erreur interne est survenue ; elle a été enregistrée');
    assert.equal(p.detail, undefined);
    assert.doesNotMatch(res.body, /regions_moved|select |relation|\.ts:|stack/i);
  } finally {
    await db.query('ALTER TABLE regions_moved RENAME TO regions');
  }
  assert.equal((await t.anonymous.get('/api/v1/regions')).statusCode, 200);
});

test('security headers and request ids', async () => {
  const res = await t.anonymous.get('/health', { 'x-request-id': 'counter-12345678' });
  assert.equal(res.headers['x-request-id'], 'counter-12345678');
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
  assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
  assert.equal(res.headers['referrer-policy'], 'no-referrer');
  const generated = await t.anonymous.get('/health', { 'x-request-id': 'bad id with spaces' });
  assert.match(String(generated.headers['x-request-id']), /^[0-9a-f-]{36}$/);
});

test('GET /health reports the database', async () => {
  const res = await t.anonymous.get('/health');
  assert.equal(res.statusCode, 200);
  const h = res.json();
  assert.equal(h.status, 'ok');
  assert.equal(h.database.ok, true);
  assert.equal(h.database.engine, process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
});

test('the OpenAPI 3.1 document describes every API route with its schemas, and /docs serves it', async () => {
  const res = await t.anonymous.get('/openapi.json');
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  for (const path of [
    '/api/v1/regions',
    '/api/v1/provinces',
    '/api/v1/chambers',
    '/api/v1/nomenclature',
    '/health',
  ]) {
    assert.ok(doc.paths[path]?.get, `${path} documented`);
  }
  assert.ok(doc.paths['/api/v1/auth/login'].post.requestBody);
  for (const name of ['Problem', 'Region', 'Session', 'LoginRequest'])
    assert.ok(doc.components.schemas[name], name);
  for (const r of t.app.protectedRoutes) {
    const openApiPath = r.url.replace(/:(\w+)/g, '{$1}');
    assert.ok(doc.paths[openApiPath]?.[r.method.toLowerCase()], `${r.method} ${r.url} documented`);
  }
  const docs = await t.anonymous.get('/docs/');
  assert.equal(docs.statusCode, 200);
  assert.match(docs.body, /swagger/i);
});

test('GET /health answers 503 with the reason when the database is gone', async () => {
  const t2 = await startTestApp();
  try {
    await t2.deps.jobs.stop();
    await t2.deps.database.close();
    const res = await t2.anonymous.get('/health');
    assert.equal(res.statusCode, 503);
    const h = res.json();
    assert.equal(h.status, 'unavailable');
    assert.equal(h.database.ok, false);
    assert.match(h.reason, /^database: /);
  } finally {
    await t2.app.close();
    await t2.close().catch(() => {});
  }
});
