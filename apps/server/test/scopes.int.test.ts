import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role, User } from '@hirfa/contracts';
import { PERMISSIONS } from '../src/platform/auth/policy.ts';
import { type Client, DEMO, startTestApp, type TestApp } from './harness.ts';

/**
 * Every protected route, called by every role: only the roles holding its permission get through,
 * anonymous callers get 401, and chamber-scoped callers cannot reach another chamber's data.
 * A route added without a line here fails the first test.
 */
let t: TestApp;
const clients = {} as Record<Role, Client>;
const LOGIN: Record<Role, string> = {
  federation_admin: DEMO.federation,
  chamber_admin: DEMO.casaAdmin,
  chamber_agent: DEMO.casaAgent,
  auditor: DEMO.auditor,
  artisan: DEMO.artisan,
};

before(async () => {
  t = await startTestApp();
  for (const [role, login] of Object.entries(LOGIN)) clients[role as Role] = await t.login(login);
});
after(() => t?.close());

const SOME_UUID = '00000000-0000-4000-8000-000000000000';
let n = 0;
/** A request that is valid for the route, so that only authorisation decides the answer. */
const CASES: Record<string, () => { url: string; body?: unknown }> = {
  'GET /api/v1/auth/session': () => ({ url: '/api/v1/auth/session' }),
  'POST /api/v1/auth/logout': () => ({ url: '/api/v1/auth/logout' }),
  'PATCH /api/v1/auth/me/preferences': () => ({ url: '/api/v1/auth/me/preferences', body: { locale: 'fr' } }),
  'POST /api/v1/auth/totp/setup': () => ({ url: '/api/v1/auth/totp/setup' }),
  'POST /api/v1/auth/totp/enable': () => ({ url: '/api/v1/auth/totp/enable', body: { code: '123456' } }),
  'GET /api/v1/admin/users': () => ({ url: '/api/v1/admin/users' }),
  'POST /api/v1/admin/users': () => ({
    url: '/api/v1/admin/users',
    body: {
      displayName: 'Agent Test',
      email: `agent${++n}@casa.hirfa.ma`,
      role: 'chamber_agent',
      chamberCode: 'CA-MA-06',
      password: 'a-strong-password-1',
    },
  }),
  'GET /api/v1/jobs': () => ({ url: '/api/v1/jobs' }),
  'GET /api/v1/jobs/:id': () => ({ url: `/api/v1/jobs/${SOME_UUID}` }),
  'POST /api/v1/jobs/audit-verify': () => ({ url: '/api/v1/jobs/audit-verify' }),
  'GET /api/v1/audit': () => ({ url: '/api/v1/audit' }),
  'POST /api/v1/applications': () => ({
    url: '/api/v1/applications',
    body: { kind: 'artisan', workshopProvinceCode: 'MA-CAS', idempotencyKey: `scope-${++n}-create` },
  }),
  'GET /api/v1/applications': () => ({ url: '/api/v1/applications' }),
  'GET /api/v1/applications/:id': () => ({ url: `/api/v1/applications/${SOME_UUID}` }),
  'PUT /api/v1/applications/:id': () => ({
    url: `/api/v1/applications/${SOME_UUID}`,
    body: { version: 1, payload: {}, idempotencyKey: `scope-${++n}-edit` },
  }),
  'POST /api/v1/applications/:id/actions': () => ({
    url: `/api/v1/applications/${SOME_UUID}/actions`,
    body: { type: 'submit', version: 1, idempotencyKey: `scope-${++n}-act` },
  }),
  'POST /api/v1/applications/:id/documents': () => ({
    url: `/api/v1/applications/${SOME_UUID}/documents?type=photo`,
    body: {},
  }),
  'GET /api/v1/documents/:id': () => ({ url: `/api/v1/documents/${SOME_UUID}` }),
  'GET /api/v1/applications/:id/duplicates': () => ({ url: `/api/v1/applications/${SOME_UUID}/duplicates` }),
  'POST /api/v1/applications/:id/duplicates': () => ({
    url: `/api/v1/applications/${SOME_UUID}/duplicates`,
    body: { source: 'registration', candidateId: SOME_UUID, decision: 'not_duplicate' },
  }),
  'GET /api/v1/registrations/:id': () => ({ url: `/api/v1/registrations/${SOME_UUID}` }),
  'POST /api/v1/registrations/:id/lifecycle': () => ({
    url: `/api/v1/registrations/${SOME_UUID}/lifecycle`,
    body: { action: 'suspend', reason: 'scope test', version: 1, idempotencyKey: `scope-${++n}-life` },
  }),
  'GET /api/v1/me/registrations': () => ({ url: '/api/v1/me/registrations' }),
  'GET /api/v1/cards': () => ({ url: '/api/v1/cards' }),
  'GET /api/v1/cards/:id': () => ({ url: `/api/v1/cards/${SOME_UUID}` }),
  'POST /api/v1/cards': () => ({ url: '/api/v1/cards', body: { registrationId: SOME_UUID } }),
  'POST /api/v1/cards/:id/deliver': () => ({ url: `/api/v1/cards/${SOME_UUID}/deliver` }),
  'POST /api/v1/cards/:id/renew': () => ({ url: `/api/v1/cards/${SOME_UUID}/renew` }),
  'POST /api/v1/cards/:id/revoke': () => ({
    url: `/api/v1/cards/${SOME_UUID}/revoke`,
    body: { reason: 'lost' },
  }),
  'GET /api/v1/me/cards': () => ({ url: '/api/v1/me/cards' }),
  'POST /api/v1/me/cards/:id/replacement': () => ({
    url: `/api/v1/me/cards/${SOME_UUID}/replacement`,
    body: { reason: 'lost' },
  }),
  'GET /api/v1/me/cards/:id/vc': () => ({ url: `/api/v1/me/cards/${SOME_UUID}/vc` }),
  'POST /api/v1/print-batches': () => ({
    url: '/api/v1/print-batches',
    body: { chamberCode: 'CA-MA-06', layout: 'a4-sheet' },
  }),
  'GET /api/v1/print-batches/:id': () => ({ url: `/api/v1/print-batches/${SOME_UUID}` }),
  'GET /api/v1/print-batches/:id/pdf': () => ({ url: `/api/v1/print-batches/${SOME_UUID}/pdf` }),
  'GET /api/v1/search/registrations': () => ({ url: '/api/v1/search/registrations?q=alaoui' }),
  'GET /api/v1/registrations/:id/directory-consent': () => ({
    url: `/api/v1/registrations/${SOME_UUID}/directory-consent`,
  }),
  'PUT /api/v1/registrations/:id/directory-consent': () => ({
    url: `/api/v1/registrations/${SOME_UUID}/directory-consent`,
    body: { consent: 'basic' },
  }),
  'PUT /api/v1/me/registrations/:id/directory-consent': () => ({
    url: `/api/v1/me/registrations/${SOME_UUID}/directory-consent`,
    body: { consent: 'basic' },
  }),
  'POST /api/v1/imports': () => ({ url: '/api/v1/imports?chamber=MA-06&name=scope.csv', body: {} }),
  'GET /api/v1/imports': () => ({ url: '/api/v1/imports' }),
  'GET /api/v1/imports/templates': () => ({ url: '/api/v1/imports/templates' }),
  'GET /api/v1/imports/:id': () => ({ url: `/api/v1/imports/${SOME_UUID}` }),
  'GET /api/v1/imports/:id/columns': () => ({ url: `/api/v1/imports/${SOME_UUID}/columns` }),
  'PUT /api/v1/imports/:id/mapping': () => ({
    url: `/api/v1/imports/${SOME_UUID}/mapping`,
    body: { mapping: { cin: 0 } },
  }),
  'POST /api/v1/imports/:id/dry-run': () => ({ url: `/api/v1/imports/${SOME_UUID}/dry-run` }),
  'GET /api/v1/imports/:id/rows': () => ({ url: `/api/v1/imports/${SOME_UUID}/rows` }),
  'POST /api/v1/imports/:id/rows/:row/decision': () => ({
    url: `/api/v1/imports/${SOME_UUID}/rows/2/decision`,
    body: { decision: 'load_anyway' },
  }),
  'POST /api/v1/imports/:id/sign-off': () => ({ url: `/api/v1/imports/${SOME_UUID}/sign-off` }),
  'POST /api/v1/imports/:id/load': () => ({ url: `/api/v1/imports/${SOME_UUID}/load` }),
  'POST /api/v1/imports/:id/cancel': () => ({ url: `/api/v1/imports/${SOME_UUID}/cancel` }),
  'GET /api/v1/imports/:id/rejects.csv': () => ({ url: `/api/v1/imports/${SOME_UUID}/rejects.csv` }),
};

test('every protected route has a scope test', () => {
  const routes = t.app.protectedRoutes.map((r) => `${r.method} ${r.url}`).sort();
  assert.deepEqual(routes, Object.keys(CASES).sort());
});

test('anonymous callers get 401 on every protected route', async () => {
  for (const r of t.app.protectedRoutes) {
    const c = CASES[`${r.method} ${r.url}`]?.();
    assert.ok(c);
    const res = await t.anonymous.inject({
      method: r.method as 'GET',
      url: c.url,
      payload: c.body as object,
    });
    assert.equal(res.statusCode, 401, `${r.method} ${r.url}`);
    assert.equal(res.json().code, 'AUTH_REQUIRED');
  }
});

test('each role gets through exactly the routes its permissions allow', async () => {
  // Logout last: it ends the session the other calls use.
  const routes = [...t.app.protectedRoutes].sort(
    (a, b) => Number(a.url.endsWith('logout')) - Number(b.url.endsWith('logout')),
  );
  for (const role of Object.keys(LOGIN) as Role[]) {
    for (const r of routes) {
      const c = CASES[`${r.method} ${r.url}`]?.();
      assert.ok(c);
      const res = await clients[role].inject({
        method: r.method as 'GET',
        url: c.url,
        payload: c.body as object,
      });
      const allowed = (PERMISSIONS[r.permission] as readonly Role[]).includes(role);
      if (allowed) {
        assert.notEqual(res.statusCode, 401, `${role} ${r.method} ${r.url}: ${res.body}`);
        assert.notEqual(res.statusCode, 403, `${role} ${r.method} ${r.url} refused: ${res.body}`);
      } else {
        assert.equal(res.statusCode, 403, `${role} ${r.method} ${r.url} should be refused`);
        assert.equal(res.json().code, 'AUTH_FORBIDDEN');
      }
    }
    clients[role] = await t.login(LOGIN[role]);
  }
});

test('a chamber admin sees and manages only their own chamber', async () => {
  const casa = await t.login(DEMO.casaAdmin);
  const list = (await casa.get('/api/v1/admin/users')).json<User[]>();
  assert.ok(list.length > 0);
  assert.ok(list.every((u) => u.chamberCode === 'CA-MA-06'));
  assert.ok(!list.some((u) => u.role === 'artisan'));

  const other = await casa.post(
    '/api/v1/admin/users',
    {
      displayName: 'Agent Fès',
      email: 'intruder@fes.hirfa.ma',
      role: 'chamber_agent',
      chamberCode: 'CA-MA-03',
      password: 'a-strong-password-1',
    },
    { 'accept-language': 'fr' },
  );
  assert.equal(other.statusCode, 403);
  assert.equal(other.json().code, 'AUTH_OUT_OF_SCOPE');
  const national = await casa.post('/api/v1/admin/users', {
    displayName: 'Fake Federation',
    email: 'fake@hirfa.ma',
    role: 'federation_admin',
    chamberCode: null,
    password: 'a-strong-password-1',
  });
  assert.equal(national.statusCode, 403);

  const fed = await t.login(DEMO.federation);
  const all = (await fed.get('/api/v1/admin/users')).json<User[]>();
  assert.ok(all.some((u) => u.chamberCode === 'CA-MA-03'));
  assert.ok(all.some((u) => u.chamberCode === 'CA-MA-06'));
  const mismatch = await fed.post('/api/v1/admin/users', {
    displayName: 'Agent Sans Chambre',
    email: 'nochamber@hirfa.ma',
    role: 'chamber_agent',
    chamberCode: null,
    password: 'a-strong-password-1',
  });
  assert.equal(mismatch.statusCode, 400);
  assert.equal(mismatch.json().code, 'ACCOUNT_SCOPE_MISMATCH');
  const unknown = await fed.post('/api/v1/admin/users', {
    displayName: 'Agent Nulle Part',
    email: 'nowhere@hirfa.ma',
    role: 'chamber_agent',
    chamberCode: 'CA-MA-99',
    password: 'a-strong-password-1',
  });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().code, 'ACCOUNT_CHAMBER_UNKNOWN');
});

test('a chamber admin sees only the jobs of their chamber', async () => {
  const casaJob = await t.deps.jobs.send('audit.verify', { chamberCode: 'CA-MA-06' });
  const fesJob = await t.deps.jobs.send('audit.verify', { chamberCode: 'CA-MA-03' });
  assert.ok(casaJob && fesJob);
  const casa = await t.login(DEMO.casaAdmin);
  const ids = (await casa.get('/api/v1/jobs?limit=200')).json<{ id: string }[]>().map((j) => j.id);
  assert.ok(ids.includes(casaJob));
  assert.ok(!ids.includes(fesJob));
  assert.equal((await casa.get(`/api/v1/jobs/${fesJob}`)).statusCode, 404);
  assert.equal((await casa.get(`/api/v1/jobs/${casaJob}`)).statusCode, 200);
  const fed = await t.login(DEMO.federation);
  assert.equal((await fed.get(`/api/v1/jobs/${fesJob}`)).statusCode, 200);
});
