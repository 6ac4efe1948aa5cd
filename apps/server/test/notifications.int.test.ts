import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { inArray } from 'drizzle-orm';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { defineNotificationJobs, kickDelivery, render } from '../src/modules/notifications/index.ts';
import { claimBatch } from '../src/modules/notifications/notifications.repo.ts';
import type { Deps } from '../src/platform/context.ts';
import { enqueueMessage, outbox, type Recipient } from '../src/platform/outbox/outbox.ts';
import { startTestApp, type TestApp } from './harness.ts';

// ——— a real SMTP server and a real HTTP SMS gateway, in this process ———
type SmsBody = { to: string; text: string; encoding: string };
const mails: { to: string[]; raw: string }[] = [];
const smsRequests: { headers: IncomingHttpHeaders; body: SmsBody }[] = [];
const FAILING_NUMBER = '+212699000099';

const smtp = new SMTPServer({
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, session, done) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString();
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      done();
    });
  },
});
const gateway = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString()) as SmsBody;
    smsRequests.push({ headers: req.headers, body });
    res.writeHead(body.to === FAILING_NUMBER ? 500 : 202).end(body.to === FAILING_NUMBER ? 'down' : '{}');
  });
});
const listen = (server: { listen(port: number, host: string, cb: () => void): unknown }) =>
  new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

/** What a test needs of a MIME message: a header (RFC 2047 words decoded) and the text body. */
const qp = (s: string) =>
  Buffer.from(
    s
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  );
const WORD = /=\?[^?]+\?([BQ])\?([^?]*)\?=/gi;
const decodeWords = (value: string) =>
  value.replace(/=\?[^?]+\?[BQ]\?[^?]*\?=(?:\s+=\?[^?]+\?[BQ]\?[^?]*\?=)*/gi, (run) =>
    Buffer.concat(
      [...run.matchAll(WORD)].map(([, enc, data = '']) =>
        enc?.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : qp(data.replace(/_/g, ' ')),
      ),
    ).toString(),
  );
function parseMail(raw: string): { header(name: string): string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const lines = raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n');
  const header = (name: string) =>
    decodeWords(
      lines
        .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
        ?.slice(name.length + 1)
        .trim() ?? '',
    );
  const body = raw.slice(split + 4);
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    cte === 'base64'
      ? Buffer.from(body, 'base64')
      : cte === 'quoted-printable'
        ? qp(body)
        : Buffer.from(body);
  return { header, text: text.toString().replace(/\r\n/g, '\n').trim() };
}

// ——— the application ———
const PORTAL = 'https://www.hirfa.gov.ma';
const logLines: string[] = [];
const capture = () => pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
let t: TestApp;

before(async () => {
  await Promise.all([listen(smtp), listen(gateway)]);
  t = await startTestApp(
    {
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`,
      SMS_GATEWAY_TOKEN: 'test-gateway-token',
      PUBLIC_BASE_URL: PORTAL,
    },
    { notifications: false },
  );
  const fast = { maxAttempts: 3, retryBaseSeconds: 0, sweepSeconds: 1 };
  await defineNotificationJobs(t.deps, { log: capture(), ...fast });
});
after(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const queue = (deps: Deps, to: Recipient, template: string, params: Record<string, string>) =>
  deps.database.db.transaction((tx) => enqueueMessage(tx, to, template, params));
const rowsTo = (deps: Deps, recipients: string[]) =>
  deps.database.db.select().from(outbox).where(inArray(outbox.recipient, recipients)).orderBy(outbox.id);
const settled = (deps: Deps, recipients: string[], count: number) =>
  waitFor(`${count} messages to settle`, async () => {
    const rows = await rowsTo(deps, recipients);
    return rows.length === count && rows.every((r) => r.status !== 'pending') ? rows : undefined;
  });

const SAMPLE = {
  fileNumber: 'CA-MA-06/2026/000123',
  message: 'Merci de joindre une copie lisible de votre CIN, recto et verso. Ne recopiez pas {{nia}}.',
  nia: '260600001234',
  displayName: 'Fatima Zahra Bennani',
};

test('concurrent claims never hand out the same message, and a claimed message waits for its backoff', async () => {
  const db = t.deps.database.db;
  const recipients = Array.from({ length: 25 }, (_, i) => `claim${i}@example.ma`);
  await db.transaction(async (tx) => {
    for (const email of recipients)
      await enqueueMessage(tx, { email, phone: null, locale: 'fr' }, 'account_created', SAMPLE);
  });
  const policy = { maxAttempts: 3, retryBaseSeconds: 3600 };
  const claims = await Promise.all([1, 2, 3].map(() => claimBatch(db, policy, { limit: 10 })));
  const ids = claims.flat().map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'a row was claimed twice');
  assert.equal(ids.length, 25);
  assert.ok(claims.flat().every((r) => r.attempts === 1));
  assert.deepEqual(await claimBatch(db, policy, { limit: 10 }), [], 'claimed rows are not due again yet');
  // Closed by hand so that the delivery worker leaves them alone.
  await db.update(outbox).set({ status: 'failed', lastError: 'test' }).where(inArray(outbox.id, ids));
});

test('e-mail and SMS go out in the recipient language; rows are marked sent', async () => {
  const ar = { email: 'fatima.zahra@example.ma', phone: '+212612345678', locale: 'ar' } as const;
  const frTo = { email: 'youssef.alami@example.ma', phone: null, locale: 'fr' } as const;
  await queue(t.deps, ar, 'application_approved', { fileNumber: SAMPLE.fileNumber, nia: SAMPLE.nia });
  await queue(t.deps, frTo, 'application_info_requested', {
    fileNumber: SAMPLE.fileNumber,
    message: SAMPLE.message,
  });
  await kickDelivery(t.deps);
  await kickDelivery(t.deps); // a burst of kicks makes one run, never a lost message
  const rows = await settled(t.deps, [ar.email, ar.phone, frTo.email], 3);
  for (const row of rows) {
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 1);
    assert.equal(row.lastError, null);
    assert.ok(row.sentAt instanceof Date);
  }

  const params = { fileNumber: SAMPLE.fileNumber, nia: SAMPLE.nia, portalUrl: PORTAL };
  const arMail = mails.find((m) => m.to.includes(ar.email));
  assert.ok(arMail, 'the Arabic e-mail arrived');
  const arParsed = parseMail(arMail.raw);
  const arExpected = render('application_approved', 'ar', params, 'email');
  assert.equal(arParsed.header('Subject'), arExpected.subject);
  assert.equal(arParsed.text, arExpected.text);
  assert.match(arParsed.text, /رقم هويتكم الحرفية \(NIA\): 260600001234/);
  assert.equal(arParsed.header('Content-Language'), 'ar');
  assert.match(arParsed.header('From'), /no-reply@hirfa\.ma/);

  const frMail = mails.find((m) => m.to.includes(frTo.email));
  assert.ok(frMail, 'the French e-mail arrived');
  const frParsed = parseMail(frMail.raw);
  assert.equal(
    frParsed.header('Subject'),
    `Hirfa : la chambre demande un complément pour le dossier ${SAMPLE.fileNumber}`,
  );
  assert.ok(frParsed.text.includes(`\n\n${SAMPLE.message}\n\n`), 'the chamber message, verbatim');
  assert.match(frParsed.text, /Que faire : connectez-vous/);
  assert.ok(frParsed.text.endsWith(`${PORTAL}\nMessage automatique : merci de ne pas y répondre.`));

  const sms = smsRequests.filter((r) => r.body.to === ar.phone);
  assert.equal(sms.length, 1);
  assert.deepEqual(sms[0]?.body, {
    to: ar.phone,
    text: render('application_approved', 'ar', params, 'sms').text,
    encoding: 'UCS-2',
  });
  assert.equal(sms[0]?.headers.authorization, 'Bearer test-gateway-token');
  assert.match(sms[0]?.headers['content-type'] ?? '', /^application\/json/);
});

test('a failing gateway: attempts grow, the message ends failed after the limit, the others still go', async () => {
  const failing = { email: null, phone: FAILING_NUMBER, locale: 'fr' } as const;
  const other = { email: 'amina.tazi@example.ma', phone: '0661234567', locale: 'en' } as const;
  await queue(t.deps, failing, 'application_resubmitted', { fileNumber: SAMPLE.fileNumber });
  await queue(t.deps, other, 'account_created', { displayName: 'Amina Tazi' });
  await kickDelivery(t.deps);
  const rows = await settled(t.deps, [FAILING_NUMBER, other.email, other.phone], 3);
  const [bad, ...good] = rows;
  assert.equal(bad?.recipient, FAILING_NUMBER);
  assert.equal(bad?.status, 'failed');
  assert.equal(bad?.attempts, 3);
  assert.equal(bad?.lastError, 'sms: HTTP 500');
  assert.equal(smsRequests.filter((r) => r.body.to === FAILING_NUMBER).length, 3, 'one request per attempt');
  assert.deepEqual(
    good.map((r) => [r.channel, r.status, r.attempts]),
    [
      ['email', 'sent', 1],
      ['sms', 'sent', 1],
    ],
  );
  const enSms = smsRequests.find((r) => r.body.to === '+212661234567');
  assert.equal(enSms?.body.encoding, 'GSM-7', 'a national number is sent in E.164, English text in GSM-7');
  assert.ok(mails.some((m) => m.to.includes(other.email)));
  const warnings = logLines.filter((l) => l.includes('notification not sent')).map((l) => JSON.parse(l));
  assert.deepEqual(
    warnings.filter((w) => w.outboxId === bad?.id).map((w) => [w.attempts, w.final, w.error]),
    [
      [1, false, 'sms: HTTP 500'],
      [2, false, 'sms: HTTP 500'],
      [3, true, 'sms: HTTP 500'],
    ],
  );
});

test('a transaction that rolls back leaves no outbox row, so no message', async () => {
  const to = { email: 'rollback@example.ma', phone: '+212611111111', locale: 'fr' } as const;
  await assert.rejects(
    t.deps.database.db.transaction(async (tx) => {
      assert.equal(await enqueueMessage(tx, to, 'account_created', { displayName: 'Rollback' }), 2);
      throw new Error('the event failed');
    }),
    /the event failed/,
  );
  assert.deepEqual(await rowsTo(t.deps, [to.email, to.phone]), []);
  // A later message goes out; nothing ever reaches the rolled-back recipient.
  await queue(
    t.deps,
    { email: 'after.rollback@example.ma', phone: null, locale: 'fr' },
    'account_created',
    SAMPLE,
  );
  await kickDelivery(t.deps);
  await settled(t.deps, ['after.rollback@example.ma'], 1);
  assert.ok(!mails.some((m) => m.to.includes(to.email)));
  assert.ok(!smsRequests.some((r) => r.body.to === to.phone));
});

test('the delivery log carries no address, number, name or text', () => {
  const all = logLines.join('\n');
  for (const secret of 'fatima.zahra@ youssef.alami@ 612345678 699000099 Amina Tazi CIN Bonjour حرفة'.split(
    ' ',
  )) {
    assert.ok(!all.includes(secret), `log holds ${secret}`);
  }
  assert.ok(logLines.some((l) => l.includes('notification sent')));
});

test('without SMTP or SMS gateway, delivery writes masked log lines only', async () => {
  const dev = await startTestApp({}, { notifications: false });
  const lines: string[] = [];
  try {
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    await defineNotificationJobs(dev.deps, { log, sweepSeconds: 1 });
    const to = { email: 'jamal.idrissi@example.ma', phone: '+212612345678', locale: 'fr' } as const;
    await queue(dev.deps, to, 'account_created', { displayName: 'Jamal Idrissi' });
    await queue(dev.deps, to, 'application_info_requested', {
      fileNumber: SAMPLE.fileNumber,
      message: SAMPLE.message,
    });
    await kickDelivery(dev.deps);
    const rows = await settled(dev.deps, [to.email, to.phone], 4);
    assert.ok(rows.every((r) => r.status === 'sent'));
    const all = lines.join('\n');
    assert.match(all, /email to j\*\*\*@example\.ma, template account_created, locale fr/);
    assert.match(all, /sms to \+2126\*\*\*\*\*\*78, locale fr/);
    for (const secret of 'jamal.idrissi 612345678 Jamal Idrissi Bonjour Connectez-vous CIN lisible'.split(
      ' ',
    )) {
      assert.ok(!all.includes(secret), `log holds ${secret}`);
    }
  } finally {
    await dev.close();
  }
});
