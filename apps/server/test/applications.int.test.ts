import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ApplicationDetail, Registration } from '@hirfa/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/platform/db/client.ts';
import { artisanPayload, key, pdfBytes, pngBytes } from './fixtures.ts';
import { type Client, DEMO, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let artisan: Client;
let casa: Client;
let fes: Client;
before(async () => {
  t = await startTestApp();
  artisan = await t.login(DEMO.artisan);
  casa = await t.login(DEMO.casaAgent);
  fes = await t.login(DEMO.fesAgent);
});
after(() => t?.close());

const rows = async <R>(q: ReturnType<typeof sql>) => rowsOf<R>(await t.deps.database.db.execute(q));
const upload = (
  c: Client,
  id: string,
  type: string,
  body: Buffer,
  contentType = 'application/octet-stream',
) =>
  c.inject({
    method: 'POST',
    url: `/api/v1/applications/${id}/documents?type=${type}`,
    payload: body,
    headers: { 'content-type': contentType },
  });
const act = (c: Client, app: ApplicationDetail, type: string, extra: object = {}, idem = key()) =>
  c.post(`/api/v1/applications/${app.id}/actions`, {
    type,
    version: app.version,
    idempotencyKey: idem,
    ...extra,
  });

async function draft(c: Client, payload = artisanPayload(), kind = 'artisan'): Promise<ApplicationDetail> {
  const created = await c.post('/api/v1/applications', {
    kind,
    workshopProvinceCode: 'MA-CAS',
    idempotencyKey: key(),
  });
  assert.equal(created.statusCode, 201, created.body);
  const app = created.json<ApplicationDetail>();
  const saved = await c.inject({
    method: 'PUT',
    url: `/api/v1/applications/${app.id}`,
    payload: { version: app.version, payload, idempotencyKey: key() },
  });
  assert.equal(saved.statusCode, 200, saved.body);
  for (const [type, bytes] of [
    ['cin_copy', pdfBytes('CIN')],
    ['photo', pngBytes()],
    ['practice_attestation', pdfBytes('attestation')],
  ] as const) {
    const up = await upload(c, app.id, type, bytes);
    assert.equal(up.statusCode, 201, up.body);
  }
  return (await c.get(`/api/v1/applications/${app.id}`)).json<ApplicationDetail>();
}

test('the full path: the artisan applies, the chamber asks for a document, the artisan answers, the agent approves, the NIA appears', async () => {
  let app = await draft(artisan);
  assert.equal(app.state, 'draft');
  assert.equal(app.channel, 'portal');
  assert.equal(app.chamberCode, 'CA-MA-06');
  assert.match(app.fileNumber, /^RNA-06-\d{4}-\d{6}$/);
  assert.deepEqual(
    app.rules.filter((r) => !r.ok),
    [],
  );

  const submitted = await act(artisan, app, 'submit');
  assert.equal(submitted.statusCode, 200, submitted.body);
  app = submitted.json();
  assert.equal(app.state, 'submitted');

  // The Casablanca agent sees it in the queue; the Fès agent neither sees nor opens it.
  const queue = (await casa.get('/api/v1/applications')).json();
  assert.ok(queue.items.some((i: { id: string }) => i.id === app.id));
  const fesQueue = (await fes.get('/api/v1/applications')).json();
  assert.ok(!fesQueue.items.some((i: { id: string }) => i.id === app.id));
  assert.equal((await fes.get(`/api/v1/applications/${app.id}`)).statusCode, 403);
  assert.equal((await act(fes, app, 'start_review')).statusCode, 403);

  const asked = await act(casa, app, 'request_info', {
    message: 'Merci de joindre une photo plus nette / المرجو إرفاق صورة أوضح',
  });
  assert.equal(asked.statusCode, 200, asked.body);
  app = (await artisan.get(`/api/v1/applications/${app.id}`)).json();
  assert.equal(app.state, 'incomplete');
  assert.match(app.lastRequest ?? '', /صورة أوضح/);
  assert.ok(app.availableActions.includes('resubmit'));

  assert.equal((await upload(artisan, app.id, 'photo', pngBytes(), 'image/png')).statusCode, 201);
  app = (await artisan.get(`/api/v1/applications/${app.id}`)).json();
  app = (await act(artisan, app, 'resubmit')).json();
  assert.equal(app.state, 'resubmitted');

  app = (await act(casa, app, 'start_review')).json();
  assert.equal(app.state, 'under_review');
  const dups = await casa.get(`/api/v1/applications/${app.id}/duplicates`);
  assert.deepEqual(dups.json(), []);
  const approved = await act(casa, app, 'approve');
  assert.equal(approved.statusCode, 200, approved.body);
  app = approved.json();
  assert.equal(app.state, 'approved');
  assert.match(app.nia ?? '', /^\d{4}\d{7}[0-9A-Z]$/);

  // The artisan sees the entry, its NIA and its history in the portal.
  const mine = (await artisan.get('/api/v1/me/registrations')).json<Registration[]>();
  assert.equal(mine.length, 1);
  assert.equal(mine[0]?.nia, app.nia);
  assert.equal(mine[0]?.status, 'active');
  assert.equal(mine[0]?.history[0]?.action, 'register');

  // Every step is an action row, each event an audit row, and the artisan was told by SMS.
  const actions = await rows<{ type: string }>(
    sql`SELECT type FROM application_actions WHERE application_id = ${app.id} ORDER BY id`,
  );
  assert.deepEqual(
    actions.map((a) => a.type),
    ['create', 'edit', 'submit', 'request_info', 'resubmit', 'start_review', 'approve'],
  );
  const outbox = await rows<{ template: string; channel: string }>(
    sql`SELECT template, channel FROM outbox ORDER BY id`,
  );
  assert.deepEqual(
    outbox.filter((o) => o.channel === 'sms').map((o) => o.template),
    [
      'application_submitted',
      'application_info_requested',
      'application_resubmitted',
      'application_approved',
    ],
  );
  const audit = await rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM audit_events WHERE target_id = ${app.id}`,
  );
  assert.ok(Number(audit[0]?.n) >= 10);
});

test('a retried request with the same idempotency key changes nothing; a stale version is refused', async () => {
  let app = await draft(
    casa,
    artisanPayload({
      cin: 'C445566',
      firstNameLatn: 'Youssef',
      firstNameAr: 'يوسف',
      lastNameLatn: 'Tazi',
      lastNameAr: 'التازي',
      birthDate: '1979-01-02',
    }),
  );
  assert.equal(app.channel, 'counter');
  const idem = key();
  const first = await act(casa, app, 'submit', {}, idem);
  assert.equal(first.statusCode, 200);
  const again = await act(casa, app, 'submit', {}, idem);
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().version, first.json().version);
  const submits = await rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM application_actions WHERE application_id = ${app.id} AND type = 'submit'`,
  );
  assert.equal(Number(submits[0]?.n), 1);

  app = first.json();
  const stale = await casa.post(
    `/api/v1/applications/${app.id}/actions`,
    { type: 'start_review', version: app.version - 1, idempotencyKey: key() },
    { 'accept-language': 'fr' },
  );
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().code, 'APPLICATION_STALE');

  const outOfOrder = await act(casa, app, 'approve', {}, key());
  assert.equal(outOfOrder.statusCode, 409);
  assert.equal(outOfOrder.json().code, 'APPLICATION_TRANSITION_FORBIDDEN');
  const reused = await act(casa, app, 'start_review', {}, idem);
  assert.equal(reused.statusCode, 409);
  assert.equal(reused.json().code, 'IDEMPOTENCY_KEY_REUSED');
  const reject = await act(casa, app, 'reject');
  assert.equal(reject.statusCode, 400);
  assert.equal(reject.json().errors[0].path, 'reasonCode');
  const after = (await casa.get(`/api/v1/applications/${app.id}`)).json<ApplicationDetail>();
  assert.equal(after.state, 'submitted');
  assert.equal(after.version, app.version);
});

test('submission checks every rule and says which fields, in the user’s language', async () => {
  const created = await artisan.post('/api/v1/applications', {
    kind: 'artisan',
    workshopProvinceCode: 'MA-CAS',
    idempotencyKey: key(),
  });
  const app = created.json<ApplicationDetail>();
  const res = await artisan.post(
    `/api/v1/applications/${app.id}/actions`,
    { type: 'submit', version: app.version, idempotencyKey: key() },
    { 'accept-language': 'ar' },
  );
  assert.equal(res.statusCode, 400);
  const p = res.json();
  assert.equal(p.code, 'APPLICATION_INCOMPLETE_FOR_SUBMISSION');
  const paths = p.errors.map((e: { path: string }) => e.path);
  for (const path of ['person.cin', 'person.firstNameAr', 'activities.primary', 'documents.cin_copy'])
    assert.ok(paths.includes(path), path);
  assert.ok(p.errors.every((e: { message: string }) => /[\u0600-\u06FF]/.test(e.message)));

  const bad = await artisan.inject({
    method: 'PUT',
    url: `/api/v1/applications/${app.id}`,
    payload: {
      version: app.version,
      idempotencyKey: key(),
      payload: artisanPayload({ cin: 'bk 12x4', phone: '0912', postalCode: '123' }),
    },
  });
  const saved = bad.json<ApplicationDetail>();
  const failing = saved.rules.filter((r) => !r.ok).map((r) => r.path);
  assert.ok(
    failing.includes('person.cin') &&
      failing.includes('person.phone') &&
      failing.includes('person.postalCode'),
  );
});

test('uploads: type from content, size limit, and nothing half-written', async () => {
  const created = await artisan.post('/api/v1/applications', {
    kind: 'artisan',
    workshopProvinceCode: 'MA-CAS',
    idempotencyKey: key(),
  });
  const app = created.json<ApplicationDetail>();
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03'), Buffer.alloc(200)]);
  const disguised = await upload(artisan, app.id, 'cin_copy', exe, 'application/pdf');
  assert.equal(disguised.statusCode, 415);
  assert.equal(disguised.json().code, 'DOCUMENT_TYPE_REFUSED');
  const big = await upload(
    artisan,
    app.id,
    'cin_copy',
    Buffer.concat([pdfBytes(), Buffer.alloc(11 * 1024 * 1024)]),
  );
  assert.equal(big.statusCode, 413);
  const docs = await rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM documents WHERE application_id = ${app.id}`,
  );
  assert.equal(Number(docs[0]?.n), 0);

  const ok = await upload(artisan, app.id, 'cin_copy', pdfBytes());
  assert.equal(ok.statusCode, 201);
  const doc = ok.json();
  assert.equal(doc.mime, 'application/pdf');
  const view = await artisan.get(`/api/v1/documents/${doc.id}`);
  assert.equal(view.statusCode, 200);
  assert.equal(view.headers['content-type'], 'application/pdf');
  assert.match(String(view.headers['content-security-policy']), /sandbox/);
  assert.equal((await t.anonymous.get(`/api/v1/documents/${doc.id}`)).statusCode, 401);
  assert.equal((await fes.get(`/api/v1/documents/${doc.id}`)).statusCode, 403);
  const viewed = await rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'document.view' AND target_id = ${doc.id}`,
  );
  assert.equal(Number(viewed[0]?.n), 1);
});

test('a master artisan goes through the qualification commission', async () => {
  const payload = artisanPayload({
    cin: 'EE112233',
    firstNameLatn: 'Lahcen',
    firstNameAr: 'لحسن',
    lastNameLatn: 'Ouazzani',
    lastNameAr: 'الوزاني',
    birthDate: '1960-05-05',
  });
  payload.qualification = { basis: 'recognition_attestation', yearsOfPractice: 25 };
  const created = await casa.post('/api/v1/applications', {
    kind: 'master_artisan',
    workshopProvinceCode: 'MA-CAS',
    idempotencyKey: key(),
  });
  let app = created.json<ApplicationDetail>();
  app = (
    await casa.inject({
      method: 'PUT',
      url: `/api/v1/applications/${app.id}`,
      payload: { version: app.version, payload, idempotencyKey: key() },
    })
  ).json();
  for (const [type, bytes] of [
    ['cin_copy', pdfBytes()],
    ['photo', pngBytes()],
    ['recognition_attestation', pdfBytes()],
  ] as const) {
    assert.equal((await upload(casa, app.id, type, bytes)).statusCode, 201);
  }
  app = (await casa.get(`/api/v1/applications/${app.id}`)).json();
  app = (await act(casa, app, 'submit')).json();
  app = (await act(casa, app, 'start_review')).json();
  const direct = await act(casa, app, 'approve');
  assert.equal(direct.statusCode, 409);
  assert.equal(direct.json().code, 'APPLICATION_COMMISSION_REQUIRED');
  app = (await act(casa, app, 'refer_commission')).json();
  assert.equal(app.state, 'commission');
  const ok = await act(casa, app, 'approve');
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().state, 'approved');
});

test('duplicates across spellings and scripts block approval until the agent decides', async () => {
  // The first file is approved; the same woman files again with a variant Latin spelling.
  const first = artisanPayload({
    cin: 'BE778899',
    firstNameLatn: 'Khadija',
    firstNameAr: 'خديجة',
    lastNameLatn: 'El Amrani',
    lastNameAr: 'العمراني',
    birthDate: '1990-07-21',
    phone: '0700112233',
  });
  let a = await draft(casa, first);
  a = (await act(casa, a, 'submit')).json();
  a = (await act(casa, a, 'start_review')).json();
  a = (await act(casa, a, 'approve')).json();
  assert.equal(a.state, 'approved');

  const second = artisanPayload({
    cin: 'BE778800',
    firstNameLatn: 'Khadija',
    firstNameAr: 'خديجة',
    lastNameLatn: 'Elamrani',
    lastNameAr: 'العمراني',
    birthDate: '1990-07-21',
    phone: '0700112244',
  });
  let b = await draft(casa, second);
  b = (await act(casa, b, 'submit')).json();
  b = (await act(casa, b, 'start_review')).json();
  const candidates = (await casa.get(`/api/v1/applications/${b.id}/duplicates`)).json();
  const match = candidates.find(
    (c: { source: string; label: string }) => c.source === 'registration' && c.label === a.nia,
  );
  assert.ok(match, JSON.stringify(candidates));
  assert.ok(
    match.reasons.includes('same_name_and_birth_date') ||
      match.reasons.includes('similar_name_and_birth_date'),
  );
  const blocked = await act(casa, b, 'approve');
  assert.equal(blocked.statusCode, 409);
  assert.equal(blocked.json().code, 'APPLICATION_DUPLICATES_UNDECIDED');

  const decided = await casa.post(`/api/v1/applications/${b.id}/duplicates`, {
    source: 'registration',
    candidateId: match.id,
    decision: 'not_duplicate',
    note: 'Deux sœurs, CIN différentes',
  });
  assert.equal(decided.statusCode, 200, decided.body);
  b = (await casa.get(`/api/v1/applications/${b.id}`)).json();
  const approved = await act(casa, b, 'approve');
  assert.equal(approved.statusCode, 200, approved.body);
  const regs = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM registrations`);
  assert.ok(Number(regs[0]?.n) >= 3, 'nothing was merged: both entries exist');
});

test('the lifecycle of an entry: suspend, lift, transfer, radiate, reinstate — every version kept', async () => {
  let a = await draft(
    casa,
    artisanPayload({
      cin: 'BH334455',
      firstNameLatn: 'Hicham',
      firstNameAr: 'هشام',
      lastNameLatn: 'Berrada',
      lastNameAr: 'برادة',
      birthDate: '1982-11-30',
      gender: 'M',
    }),
  );
  a = (await act(casa, a, 'submit')).json();
  a = (await act(casa, a, 'start_review')).json();
  a = (await act(casa, a, 'approve')).json();
  const id = a.registrationId as string;
  let reg = (await casa.get(`/api/v1/registrations/${id}`)).json<Registration>();
  const op = async (body: object, status = 200) => {
    const res = await casa.post(`/api/v1/registrations/${id}/lifecycle`, {
      version: reg.version,
      idempotencyKey: key(),
      ...body,
    });
    assert.equal(res.statusCode, status, res.body);
    if (status === 200) reg = res.json();
    return res;
  };
  await op({ action: 'suspend', reason: 'Atelier fermé pour travaux', until: '2027-01-31' });
  assert.equal(reg.status, 'suspended');
  await op({ action: 'suspend', reason: 'encore' }, 409);
  await op({ action: 'lift_suspension' });
  await op({ action: 'modify', phone: '0611223344', workshopAddressFr: 'Derb Omar' });
  assert.equal(reg.status, 'active');
  assert.equal((await fes.get(`/api/v1/registrations/${id}`)).statusCode, 403);
  await op({ action: 'transfer', workshopProvinceCode: 'MA-FES', workshopAddressFr: 'Fès el-Bali' });
  assert.equal(reg.chamberCode, 'CA-MA-03');
  // Now the Fès chamber holds the entry; Casablanca no longer does.
  assert.equal((await casa.get(`/api/v1/registrations/${id}`)).statusCode, 403);
  assert.equal((await fes.get(`/api/v1/registrations/${id}`)).statusCode, 200);
  const rad = await fes.post(`/api/v1/registrations/${id}/lifecycle`, {
    version: reg.version,
    idempotencyKey: key(),
    action: 'radiate',
    reason: 'voluntary',
  });
  assert.equal(rad.statusCode, 200, rad.body);
  reg = rad.json();
  assert.equal(reg.status, 'radiated');
  const back = await fes.post(`/api/v1/registrations/${id}/lifecycle`, {
    version: reg.version,
    idempotencyKey: key(),
    action: 'reinstate',
    reason: 'Reprise d’activité',
  });
  reg = back.json();
  assert.equal(reg.status, 'active');
  assert.deepEqual(
    reg.history.map((h) => h.action),
    ['register', 'suspend', 'lift_suspension', 'modify', 'transfer', 'radiate', 'reinstate'],
  );
  assert.deepEqual(reg.history[4]?.changes.chamberCode, { from: 'CA-MA-06', to: 'CA-MA-03' });
  const deleted = await rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM registrations WHERE id = ${id}`,
  );
  assert.equal(Number(deleted[0]?.n), 1);
});

test('the queue finds a file by number, CIN or name in either script; a counter file needs no phone', async () => {
  const payload = artisanPayload({
    cin: 'JB223344',
    firstNameLatn: 'Brahim',
    firstNameAr: 'إبراهيم',
    lastNameLatn: 'Oubella',
    lastNameAr: 'أوبلا',
    phone: undefined,
    birthDate: '1958-08-08',
  });
  let app = await draft(casa, payload);
  assert.deepEqual(
    app.rules.filter((r) => !r.ok),
    [],
    'at the counter the receipt stands for the notice',
  );
  app = (await act(casa, app, 'submit')).json();
  for (const q of [app.fileNumber, 'jb 223344', 'oubella', 'أوبلا']) {
    const found = (await casa.get(`/api/v1/applications?q=${encodeURIComponent(q)}`)).json();
    assert.ok(
      found.items.some((i: { id: string }) => i.id === app.id),
      q,
    );
  }
  const assigned = await act(casa, app, 'assign', {
    assigneeId: (await casa.get('/api/v1/auth/session')).json().user.id,
  });
  assert.equal(assigned.json().assigneeName, 'Fatima Zahra Alaoui');
});
