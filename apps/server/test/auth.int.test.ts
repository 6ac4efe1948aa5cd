import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { DEMO_PASSWORD } from '../src/modules/accounts/index.ts';
import { rowsOf } from '../src/platform/db/client.ts';
import { DEMO, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_MINUTES: '15' });
});
after(() => t?.close());

const rows = async <R>(query: ReturnType<typeof sql>) => rowsOf<R>(await t.deps.database.db.execute(query));

test('a staff member signs in: httpOnly SameSite cookie, hashed session row, audited', async () => {
  const res = await t.anonymous.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { identifier: 'Agent.Casa@hirfa.ma', password: DEMO_PASSWORD },
    remoteAddress: '10.1.1.1',
  });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.user.role, 'chamber_agent');
  assert.equal(body.user.chamberCode, 'CA-MA-06');
  assert.ok(body.csrfToken.length >= 24);
  const cookie = res.cookies.find((c) => c.name === 'hirfa_session');
  assert.ok(cookie);
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  assert.equal(cookie.path, '/');
  // The token is only in the cookie: the database keeps its SHA-256.
  const stored = await rows<{ id: string }>(sql`SELECT id FROM sessions WHERE user_id = ${body.user.id}`);
  assert.ok(stored.length >= 1);
  assert.ok(stored.every((s) => s.id !== cookie.value && /^[0-9a-f]{64}$/.test(s.id)));
  const audit = await rows<{ action: string }>(
    sql`SELECT action FROM audit_events WHERE actor_id = ${body.user.id} AND action = 'auth.login'`,
  );
  assert.ok(audit.length >= 1);
  // Passwords are argon2id hashes.
  const [u] = await rows<{ password_hash: string }>(
    sql`SELECT password_hash FROM users WHERE id = ${body.user.id}`,
  );
  assert.match(u?.password_hash ?? '', /^\$argon2id\$/);
});

test('the artisan signs in with a phone number typed any usual way', async () => {
  for (const typed of ['0612345678', '06 12 34 56 78', '+212612345678', '00212 6-12-34-56-78']) {
    const res = await t.anonymous.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { identifier: typed, password: DEMO_PASSWORD },
      remoteAddress: '10.1.1.2',
    });
    assert.equal(res.statusCode, 200, typed);
    assert.equal(res.json().user.phone, '+212612345678');
  }
});

test('session, CSRF on writes, logout', async () => {
  const c = await t.login(DEMO.casaAdmin);
  const session = await c.get('/api/v1/auth/session');
  assert.equal(session.statusCode, 200);
  assert.equal(session.json().user.role, 'chamber_admin');
  assert.equal(session.json().csrfToken, c.csrfToken);

  const noCsrf = await c.inject({
    method: 'PATCH',
    url: '/api/v1/auth/me/preferences',
    payload: { locale: 'fr' },
    headers: { 'x-csrf-token': 'forged', 'accept-language': 'en' },
  });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal(noCsrf.json().code, 'AUTH_CSRF');

  const pref = await c.patch('/api/v1/auth/me/preferences', { locale: 'zgh' });
  assert.equal(pref.statusCode, 200);
  assert.equal(pref.json().locale, 'zgh');
  // Without Accept-Language, errors now come in the user's saved language.
  const forbidden = await c.get('/api/v1/audit');
  assert.equal(forbidden.statusCode, 403);
  assert.match(forbidden.json().title, /[\u2D30-\u2D7F]/);

  const out = await c.post('/api/v1/auth/logout');
  assert.equal(out.statusCode, 204);
  const after = await c.get('/api/v1/auth/session', { 'accept-language': 'fr' });
  assert.equal(after.statusCode, 401);
  assert.equal(after.json().code, 'AUTH_REQUIRED');
  assert.equal(after.json().title, 'Connectez-vous pour continuer');
});

test('wrong passwords are refused the same way for unknown and known accounts', async () => {
  const unknown = await t.anonymous.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { identifier: 'nobody@hirfa.ma', password: 'whatever-it-is' },
    remoteAddress: '10.2.0.1',
  });
  const wrong = await t.anonymous.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { identifier: DEMO.auditor, password: 'not-the-password' },
    remoteAddress: '10.2.0.2',
  });
  assert.equal(unknown.statusCode, 401);
  assert.equal(wrong.statusCode, 401);
  assert.equal(unknown.json().code, 'AUTH_INVALID_CREDENTIALS');
  assert.equal(wrong.json().code, 'AUTH_INVALID_CREDENTIALS');
});

test('login is throttled per account, with Retry-After, even with the right password', async () => {
  const attempt = (password: string, ip: string) =>
    t.anonymous.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { identifier: DEMO.fesAgent, password },
      remoteAddress: ip,
      headers: { 'accept-language': 'fr' },
    });
  for (let i = 0; i < 3; i++) assert.equal((await attempt('bad-password', `10.3.0.${i}`)).statusCode, 401);
  const locked = await attempt(DEMO_PASSWORD, '10.3.1.1');
  assert.equal(locked.statusCode, 429);
  assert.equal(locked.json().code, 'AUTH_THROTTLED');
  assert.match(locked.json().title, /réessayez dans 15 minute/);
  assert.ok(Number(locked.headers['retry-after']) > 800);
  // The lock lapses: move it into the past and the right password works again.
  await t.deps.database.query(
    `UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE key LIKE 'acct:%'`,
  );
  assert.equal((await attempt(DEMO_PASSWORD, '10.3.1.2')).statusCode, 200);
});

test('login is throttled per address across accounts', async () => {
  const ip = '10.4.4.4';
  let last = 0;
  for (let i = 0; i < 13; i++) {
    const res = await t.anonymous.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { identifier: `someone${i}@example.ma`, password: 'bad-password' },
      remoteAddress: ip,
    });
    last = res.statusCode;
  }
  assert.equal(last, 429);
  const other = await t.anonymous.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { identifier: DEMO.federation, password: DEMO_PASSWORD },
    remoteAddress: ip,
  });
  assert.equal(other.statusCode, 429);
});

test('staff TOTP: set up, confirm with a code, then required at sign-in', async () => {
  const c = await t.login(DEMO.federation);
  const setup = await c.post('/api/v1/auth/totp/setup');
  assert.equal(setup.statusCode, 200);
  const { secret, otpauthUrl } = setup.json();
  assert.match(otpauthUrl, /^otpauth:\/\/totp\/Hirfa:/);
  const [stored] = await rows<{ totp_secret: string }>(
    sql`SELECT totp_secret FROM users WHERE email = ${DEMO.federation}`,
  );
  assert.ok(
    stored?.totp_secret.startsWith('v1.') && !stored.totp_secret.includes(secret),
    'secret encrypted at rest',
  );
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  const wrong = await c.post('/api/v1/auth/totp/enable', {
    code: totp.generate() === '000000' ? '111111' : '000000',
  });
  assert.equal(wrong.statusCode, 400);
  const ok = await c.post('/api/v1/auth/totp/enable', { code: totp.generate() });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().totpEnabled, true);

  const login = (body: object) =>
    t.anonymous.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: body,
      remoteAddress: '10.5.0.1',
    });
  const needs = await login({ identifier: DEMO.federation, password: DEMO_PASSWORD });
  assert.equal(needs.statusCode, 401);
  assert.equal(needs.json().code, 'AUTH_TOTP_REQUIRED');
  const bad = await login({ identifier: DEMO.federation, password: DEMO_PASSWORD, totp: '000000' });
  assert.equal(bad.statusCode, 401);
  const good = await login({ identifier: DEMO.federation, password: DEMO_PASSWORD, totp: totp.generate() });
  assert.equal(good.statusCode, 200);
  // Artisans have no second factor.
  const artisan = await t.login(DEMO.artisan);
  assert.equal((await artisan.post('/api/v1/auth/totp/setup')).statusCode, 403);
});

test('artisan sign-up: phone normalised to E.164, duplicates refused, bad input explained', async () => {
  const res = await t.anonymous.post('/api/v1/auth/signup', {
    displayName: 'Fatima Ait Ouahmane',
    phone: '07 00 11 22 33',
    password: 'a-long-enough-password',
    locale: 'ar',
  });
  assert.equal(res.statusCode, 201);
  assert.equal(res.json().user.phone, '+212700112233');
  assert.equal(res.json().user.role, 'artisan');
  assert.ok(res.cookies.some((c) => c.name === 'hirfa_session'));

  const again = await t.anonymous.post(
    '/api/v1/auth/signup',
    { displayName: 'Someone Else', phone: '+212700112233', password: 'a-long-enough-password' },
    { 'accept-language': 'fr' },
  );
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'ACCOUNT_PHONE_TAKEN');

  const bad = await t.anonymous.post(
    '/api/v1/auth/signup',
    { displayName: 'X', phone: '0912', password: 'short' },
    { 'accept-language': 'ar' },
  );
  assert.equal(bad.statusCode, 400);
  const paths = bad
    .json()
    .errors.map((e: { path: string }) => e.path)
    .sort();
  assert.deepEqual(paths, ['displayName', 'password', 'phone']);
  assert.ok(
    bad
      .json()
      .errors.find((e: { path: string }) => e.path === 'phone')
      .message.includes('رقم هاتف'),
  );

  const none = await t.anonymous.post('/api/v1/auth/signup', {
    displayName: 'No Contact',
    password: 'a-long-enough-password',
  });
  assert.equal(none.statusCode, 400);
  assert.equal(none.json().errors[0].code, 'contact');
  const count = await rows<{ n: string }>(
    sql`SELECT count(*) AS n FROM users WHERE display_name IN ('X', 'No Contact')`,
  );
  assert.equal(Number(count[0]?.n), 0);
});
