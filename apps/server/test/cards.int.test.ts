import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ApplicationDetail, Card, VerifyResponse } from '@hirfa/contracts';
import {
  type decodeStatusList,
  keyResolverFromJwks,
  type StatusListDocument,
  verifyCredential,
  verifyStatusListDocument,
} from '@hirfa/contracts/credential';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { publishStatusLists } from '../src/modules/cards/status-lists.ts';
import { artisanPayload, key, pdfBytes, pngBytes } from './fixtures.ts';
import { type Client, DEMO, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let agent: Client;
let artisan: Client;
before(async () => {
  t = await startTestApp({ VERIFY_RATE_LIMIT: '30' });
  agent = await t.login(DEMO.casaAgent);
  artisan = await t.login(DEMO.artisan);
});
after(() => t?.close());

async function approvedEntry(
  c: Client,
  cin: string,
  names: { ar: string; latn: string },
): Promise<ApplicationDetail> {
  const created = await c.post('/api/v1/applications', {
    kind: 'artisan',
    workshopProvinceCode: 'MA-CAS',
    idempotencyKey: key(),
  });
  let app = created.json<ApplicationDetail>();
  const payload = artisanPayload({
    cin,
    firstNameAr: names.ar,
    firstNameLatn: names.latn,
    birthDate: '1975-02-02',
  });
  app = (
    await c.inject({
      method: 'PUT',
      url: `/api/v1/applications/${app.id}`,
      payload: { version: app.version, payload, idempotencyKey: key() },
    })
  ).json();
  for (const [type, bytes] of [
    ['cin_copy', pdfBytes()],
    ['photo', pngBytes()],
    ['practice_attestation', pdfBytes()],
  ] as const) {
    await c.inject({
      method: 'POST',
      url: `/api/v1/applications/${app.id}/documents?type=${type}`,
      payload: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
  }
  app = (await c.get(`/api/v1/applications/${app.id}`)).json();
  for (const type of ['submit', 'start_review', 'approve']) {
    const res = await (type === 'submit' ? c : agent).post(`/api/v1/applications/${app.id}/actions`, {
      type,
      version: app.version,
      idempotencyKey: key(),
    });
    assert.equal(res.statusCode, 200, res.body);
    app = res.json();
  }
  return app;
}

async function offline(qrText: string, at = new Date()) {
  const jwks = (await t.anonymous.get('/.well-known/jwks.json')).json();
  const lists: {
    revocation?: Awaited<ReturnType<typeof decodeStatusList>>;
    suspension?: Awaited<ReturnType<typeof decodeStatusList>>;
  } = {};
  for (const purpose of ['revocation', 'suspension'] as const) {
    const doc = (await t.anonymous.get(`/status/CA-MA-06/${purpose}.json`)).json<StatusListDocument>();
    const verified = await verifyStatusListDocument(doc, {
      resolveKey: keyResolverFromJwks(jwks),
      now: at,
      chamber: 'CA-MA-06',
      purpose,
    });
    lists[purpose] = verified.list;
  }
  return verifyCredential(qrText, { resolveKey: keyResolverFromJwks(jwks), statusLists: lists, now: at });
}

let card: Card;

test('an approval requests a card whose QR verifies offline against the published keys and lists', async () => {
  const app = await approvedEntry(agent, 'BK100200', { ar: 'نعيمة', latn: 'Naima' });
  const cards = (await agent.get(`/api/v1/cards?registrationId=${app.registrationId}`)).json<Card[]>();
  assert.equal(cards.length, 1);
  card = cards[0] as Card;
  assert.equal(card.status, 'requested');
  assert.equal(card.nia, app.nia);
  assert.match(card.qrText, /^HTTP:\/\/LOCALHOST:3000\/V#\d+$/);
  assert.match(card.verificationCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await publishStatusLists(t.deps.database.db, t.config);
  const result = await offline(card.qrText);
  assert.equal(result.verdict, 'valid', JSON.stringify(result));
  assert.equal(result.claims?.nia, app.nia);
  assert.equal(result.claims?.serial, card.serial);
  assert.equal(result.statusChecked, true);
  const jwksRes = await t.anonymous.get('/.well-known/jwks.json');
  assert.match(String(jwksRes.headers['cache-control']), /max-age=300/);
});

test('the partner API: serial and printed code, rate-limited with RateLimit headers', async () => {
  const ok = await t.anonymous.post(
    '/api/v1/verify',
    { serial: card.serial, code: card.verificationCode.toLowerCase() },
    { 'accept-language': 'fr' },
  );
  assert.equal(ok.statusCode, 200);
  const v = ok.json<VerifyResponse>();
  assert.equal(v.verdict, 'valid');
  assert.equal(v.message, 'Carte authentique et valide');
  assert.equal(v.card?.chamberName, "Chambre d'Artisanat de la Région Casablanca-Settat");
  assert.equal(v.card?.activityName, 'Tissage de tapis');
  assert.ok(!('cin' in (v.card ?? {})) && !JSON.stringify(v).includes('1975-02-02'), 'no CIN, no birth date');
  assert.ok(
    ok.headers['ratelimit-limit'] !== undefined || ok.headers['ratelimit-policy'] !== undefined,
    JSON.stringify(ok.headers),
  );
  const wrong = await t.anonymous.post('/api/v1/verify', { serial: card.serial, code: 'AAAA-AAAA' });
  assert.equal(wrong.json<VerifyResponse>().verdict, 'not_found');
  assert.equal(wrong.json<VerifyResponse>().card, null);
  let last = 0;
  // One address hammering the API is stopped; others are not affected.
  const from = (remoteAddress: string) =>
    t.anonymous.inject({
      method: 'POST',
      url: '/api/v1/verify',
      payload: { serial: '00000000', code: 'AAAA-AAAA' },
      remoteAddress,
    });
  for (let i = 0; i < 31; i++) last = (await from('10.77.0.1')).statusCode;
  assert.equal(last, 429);
  assert.equal((await from('10.77.0.2')).statusCode, 200);
});

test('suspending the entry suspends the card; the next status list says so offline', async () => {
  const reg = (await agent.get(`/api/v1/registrations/${card.registrationId}`)).json();
  const res = await agent.post(`/api/v1/registrations/${card.registrationId}/lifecycle`, {
    action: 'suspend',
    reason: 'Contrôle en cours',
    version: reg.version,
    idempotencyKey: key(),
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal((await agent.get(`/api/v1/cards/${card.id}`)).json<Card>().status, 'suspended');
  await publishStatusLists(t.deps.database.db, t.config);
  assert.equal((await offline(card.qrText)).verdict, 'suspended');
  const lifted = await agent.post(`/api/v1/registrations/${card.registrationId}/lifecycle`, {
    action: 'lift_suspension',
    version: reg.version + 1,
    idempotencyKey: key(),
  });
  assert.equal(lifted.statusCode, 200, lifted.body);
  await publishStatusLists(t.deps.database.db, t.config);
  assert.equal((await offline(card.qrText)).verdict, 'valid');
});

test('a print batch renders a PDF by a job; delivery activates the card', async () => {
  const queued = await agent.post('/api/v1/print-batches', { chamberCode: 'CA-MA-06', layout: 'a4-sheet' });
  assert.equal(queued.statusCode, 202, queued.body);
  const batch = queued.json();
  assert.ok(batch.cardCount >= 1);
  let state = batch;
  for (let i = 0; i < 100 && state.status !== 'done' && state.status !== 'failed'; i++) {
    await new Promise((r) => setTimeout(r, 200));
    state = (await agent.get(`/api/v1/print-batches/${batch.id}`)).json();
  }
  assert.equal(state.status, 'done', JSON.stringify(state));
  assert.equal(state.cardsDone, batch.cardCount);
  const pdf = await agent.get(`/api/v1/print-batches/${batch.id}/pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.equal((await t.login(DEMO.fesAgent)).inject !== undefined, true);
  const fes = await t.login(DEMO.fesAgent);
  assert.equal((await fes.get(`/api/v1/print-batches/${batch.id}/pdf`)).statusCode, 403);
  assert.equal((await agent.get(`/api/v1/cards/${card.id}`)).json<Card>().status, 'printed');
  const delivered = await agent.post(`/api/v1/cards/${card.id}/deliver`);
  assert.equal(delivered.json<Card>().status, 'active');
});

test('a lost card is revoked and replaced with a new serial; the old QR then says revoked', async () => {
  const res = await agent.post(`/api/v1/cards/${card.id}/revoke`, { reason: 'lost', replace: true });
  assert.equal(res.statusCode, 200, res.body);
  const { revoked, replacement } = res.json();
  assert.equal(revoked.status, 'revoked');
  assert.equal(replacement.status, 'requested');
  assert.notEqual(replacement.serial, card.serial);
  assert.equal(replacement.nia, card.nia, 'the registration is untouched');
  await publishStatusLists(t.deps.database.db, t.config);
  assert.equal((await offline(card.qrText)).verdict, 'revoked');
  assert.equal((await offline(replacement.qrText)).verdict, 'valid');
  const api = (
    await t.anonymous.post('/api/v1/verify', { serial: card.serial, code: card.verificationCode })
  ).json<VerifyResponse>();
  assert.ok(api.verdict === 'revoked' || api.verdict === 'not_found');
  card = replacement;
});

test('key rotation: old cards keep verifying with the retired key; a compromised key fails them', async () => {
  const { rotateIssuerKey, compromiseIssuerKey } = await import('../src/modules/cards/index.ts');
  const oldKid = card.kid;
  const actor = { id: null, role: 'test', chamberCode: null, requestId: null, ip: null };
  const newKid = await rotateIssuerKey(t.deps.database.db, t.config.appSecret, actor);
  const keys = (await t.anonymous.get('/.well-known/jwks.json')).json().keys;
  assert.deepEqual(
    keys.map((k: { kid: string; state: string }) => [k.kid, k.state]).sort(),
    [
      [newKid, 'active'],
      [oldKid, 'retired'],
    ].sort(),
  );
  await publishStatusLists(t.deps.database.db, t.config);
  assert.equal((await offline(card.qrText)).verdict, 'valid');
  await compromiseIssuerKey(t.deps.database.db, t.config.appSecret, oldKid, actor);
  await publishStatusLists(t.deps.database.db, t.config);
  assert.equal((await offline(card.qrText)).verdict, 'compromised_key');
  const api = (
    await t.anonymous.post('/api/v1/verify', { serial: card.serial, code: card.verificationCode })
  ).json<VerifyResponse>();
  assert.equal(api.verdict, 'compromised_key');
});

test('the holder downloads a W3C VC 2.0 (vc+jwt) that verifies with the published keys', async () => {
  const app = await approvedEntry(artisan, 'BK900900', { ar: 'سعيد', latn: 'Said' });
  const mine = (await artisan.get('/api/v1/me/cards')).json<Card[]>();
  const own = mine.find((c) => c.registrationId === app.registrationId);
  assert.ok(own);
  const vc = await artisan.get(`/api/v1/me/cards/${own.id}/vc`);
  assert.equal(vc.statusCode, 200);
  assert.match(String(vc.headers['content-type']), /application\/vc\+jwt/);
  const jwks = (await t.anonymous.get('/.well-known/jwks.json')).json();
  const { payload, protectedHeader } = await jwtVerify(vc.body, createLocalJWKSet(jwks));
  assert.equal(protectedHeader.typ, 'vc+jwt');
  assert.deepEqual(payload.type, ['VerifiableCredential', 'HirfaArtisanCard']);
  assert.equal((payload.credentialSubject as { nia: string }).nia, app.nia);
  assert.equal((await agent.get(`/api/v1/me/cards/${own.id}/vc`)).statusCode, 403);
  // The artisan reports it lost from the portal: revoked and replaced.
  const rep = await artisan.post(`/api/v1/me/cards/${own.id}/replacement`, { reason: 'stolen' });
  assert.equal(rep.statusCode, 200, rep.body);
  assert.equal(rep.json().revoked.revokedReason, 'stolen');
});

test('renewal near expiry: a new card is requested; the old one is replaced when the new one is delivered', async () => {
  const app = await approvedEntry(agent, 'BK100300', { ar: 'لطيفة', latn: 'Latifa' });
  const [first] = (await agent.get(`/api/v1/cards?registrationId=${app.registrationId}`)).json<Card[]>();
  assert.ok(first);
  assert.equal(
    (await agent.post(`/api/v1/cards/${first.id}/renew`)).statusCode,
    409,
    'not renewable years before expiry',
  );
  // Bring the card close to its end of validity and hand it over.
  await t.deps.database.query(
    `UPDATE cards SET status = 'active', delivered_at = now(), valid_until = current_date + 30 WHERE id = $1`,
    [first.id],
  );
  const renewed = await agent.post(`/api/v1/cards/${first.id}/renew`);
  assert.equal(renewed.statusCode, 201, renewed.body);
  const next = renewed.json<Card>();
  assert.notEqual(next.serial, first.serial);
  assert.equal(
    (await agent.get(`/api/v1/cards/${first.id}`)).json<Card>().status,
    'active',
    'still valid meanwhile',
  );
  await t.deps.database.query(`UPDATE cards SET status = 'printed', printed_at = now() WHERE id = $1`, [
    next.id,
  ]);
  assert.equal((await agent.post(`/api/v1/cards/${next.id}/deliver`)).statusCode, 200);
  assert.equal((await agent.get(`/api/v1/cards/${first.id}`)).json<Card>().status, 'replaced');
  await publishStatusLists(t.deps.database.db, t.config);
  assert.equal((await offline(first.qrText)).verdict, 'revoked');
  assert.equal((await offline(next.qrText)).verdict, 'valid');
});
