/// <reference types="node" />
// The offline-first check of a card QR (check.ts + sources.ts + outcome.ts), with the credential
// library's test keys, a fake network and an in-memory store.
// Run: node --import tsx --test apps/web/src/verify/check.test.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BitstringStatusList,
  issueCardQr,
  publicKeyToJwk,
  signStatusList,
  type StatusListDocument,
} from '@hirfa/contracts/credential';
import { SAMPLE_CLAIMS, testKey } from '../../../../packages/contracts/src/credential/test-fixtures.ts';
import { checkQrText, peekChamber } from './check.ts';
import { negotiateLocale } from './locale.ts';
import { Sources } from './sources.ts';
import { memoryStore } from './store.ts';

const key = testKey(1);
const stranger = testKey(2);
const BASE = 'HTTPS://HIRFA.MA/V';
const T0 = new Date('2026-01-05T10:00:00Z');
const { qrText } = issueCardQr(SAMPLE_CLAIMS, key, BASE);

async function list(
  purpose: 'revocation' | 'suspension',
  set: number[] = [],
  opts: { issued?: Date; hours?: number; chamber?: string; signer?: typeof key } = {},
): Promise<StatusListDocument> {
  const bits = new BitstringStatusList();
  for (const i of set) bits.set(i, true);
  const issued = opts.issued ?? new Date(T0.getTime() - 3_600_000);
  return signStatusList(
    {
      chamber: opts.chamber ?? 'CA-MA-06',
      purpose,
      list: bits,
      issued,
      validUntil: new Date(issued.getTime() + (opts.hours ?? 24) * 3_600_000),
    },
    opts.signer ?? key,
  );
}

/** A server: path → JSON document; `online` false makes every request fail like a dead network. */
function world(docs: Record<string, unknown>) {
  const state = { online: true, now: T0, requests: [] as string[] };
  const fetchImpl = (async (input: string | URL | Request) => {
    const url = String(input);
    state.requests.push(url);
    if (!state.online) throw new TypeError('Failed to fetch');
    const doc = docs[url.split('?')[0] ?? ''];
    return doc === undefined
      ? new Response('{"code":"NOT_FOUND"}', { status: 404 })
      : new Response(JSON.stringify(doc), { status: 200 });
  }) as typeof fetch;
  const sources = new Sources({
    store: memoryStore(),
    fetch: fetchImpl,
    now: () => state.now,
    online: () => state.online,
  });
  return { state, sources, docs, check: (text = qrText) => checkQrText(text, sources, () => state.now) };
}

const jwks = { keys: [publicKeyToJwk(key.publicKey, 'active')] };
async function normalWorld() {
  return world({
    '/.well-known/jwks.json': jwks,
    '/status/CA-MA-06/revocation.json': await list('revocation'),
    '/status/CA-MA-06/suspension.json': await list('suspension'),
  });
}

test('online: a good card is valid, checked against freshly downloaded lists', async () => {
  const w = await normalWorld();
  const o = await w.check();
  assert.equal(o.outcome, 'valid');
  assert.equal(o.card?.nameLatn, 'FATIMA ZAHRA BENNANI');
  assert.equal(o.card?.chamberCode, 'CA-MA-06');
  assert.deepEqual(o.status && { ...o.status }, {
    kind: 'lists',
    issued: new Date(T0.getTime() - 3_600_000),
    savedAt: T0,
    fresh: true,
  });
  // The lists were requested while the keys loaded (the chamber is peeked before verification).
  assert.ok(w.state.requests.includes('/status/CA-MA-06/revocation.json'));
});

test('offline after a first visit: still verifies, with the lists saved then', async () => {
  const w = await normalWorld();
  await w.check();
  w.state.online = false;
  w.state.now = new Date(T0.getTime() + 2 * 3_600_000);
  const o = await w.check();
  assert.equal(o.outcome, 'valid');
  assert.equal(o.status?.kind, 'lists');
  assert.equal(o.status?.kind === 'lists' && o.status.fresh, false);
  assert.deepEqual(o.status?.kind === 'lists' && o.status.savedAt, T0);
});

test('offline with saved lists past their validUntil: genuine, status not checked', async () => {
  const w = await normalWorld();
  await w.check();
  w.state.online = false;
  w.state.now = new Date(T0.getTime() + 48 * 3_600_000);
  const o = await w.check();
  assert.equal(o.outcome, 'valid_unchecked');
  assert.equal(o.status?.kind === 'unchecked' && o.status.why, 'lists_expired');
});

test('never online: no keys, so nothing can be said but that it is not checked', async () => {
  const w = await normalWorld();
  w.state.online = false;
  assert.equal((await w.check()).outcome, 'no_keys');
  // A text that is not a card is still recognised as such.
  assert.equal((await w.check('https://example.com/product/12')).outcome, 'not_card');
});

test('keys saved but not this chamber’s lists: valid_unchecked, offline_no_list', async () => {
  const w = await normalWorld();
  await w.sources.keys();
  w.state.online = false;
  w.state.now = new Date(T0.getTime() + 120_000);
  const o = await w.check();
  assert.equal(o.outcome, 'valid_unchecked');
  assert.equal(o.status?.kind === 'unchecked' && o.status.why, 'offline_no_list');
});

test('revoked and suspended bits', async () => {
  const w = await normalWorld();
  w.docs['/status/CA-MA-06/revocation.json'] = await list('revocation', [SAMPLE_CLAIMS.statusListIndex]);
  assert.equal((await w.check()).outcome, 'revoked');
  w.docs['/status/CA-MA-06/revocation.json'] = await list('revocation');
  w.docs['/status/CA-MA-06/suspension.json'] = await list('suspension', [SAMPLE_CLAIMS.statusListIndex]);
  const o = await w.check();
  assert.equal(o.outcome, 'suspended');
  assert.equal(o.card?.serial, SAMPLE_CLAIMS.serial);
});

test('a list that does not authenticate is neither used nor saved over a good one', async () => {
  const w = await normalWorld();
  await w.check();
  w.docs['/status/CA-MA-06/revocation.json'] = await list('revocation', [SAMPLE_CLAIMS.statusListIndex], {
    signer: stranger,
  });
  w.state.now = new Date(T0.getTime() + 120_000);
  const o = await w.check();
  assert.equal(o.outcome, 'valid', 'the saved, authentic list is used');
  assert.equal(o.status?.kind === 'lists' && o.status.fresh, false);
});

test('one altered digit: damaged (signature); another key: unknown; a compromised key', async () => {
  const w = await normalWorld();
  const i = qrText.length - 30;
  const altered = `${qrText.slice(0, i)}${qrText[i] === '1' ? '2' : '1'}${qrText.slice(i + 1)}`;
  const damaged = await w.check(altered);
  assert.equal(damaged.outcome, 'damaged');
  assert.equal(damaged.card, null, 'claims are never shown for a damaged code');
  const foreign = await w.check(issueCardQr(SAMPLE_CLAIMS, stranger, BASE).qrText);
  assert.equal(foreign.outcome, 'unknown_key');
  assert.equal(foreign.keysFresh, true);
  w.docs['/.well-known/jwks.json'] = { keys: [publicKeyToJwk(key.publicKey, 'compromised')] };
  w.state.now = new Date(T0.getTime() + 120_000);
  assert.equal((await w.check()).outcome, 'compromised_key');
});

test('lower-cased URL, bare digits and the chamber peek', async () => {
  const w = await normalWorld();
  assert.equal((await w.check(qrText.toLowerCase())).outcome, 'valid');
  assert.equal((await w.check(qrText.slice(qrText.indexOf('#') + 1))).outcome, 'valid');
  assert.equal(peekChamber(qrText), 'CA-MA-06');
  assert.equal(peekChamber('HTTPS://HIRFA.MA/V#123'), null);
});

test('the reader’s language: saved choice, then browser languages, then English', () => {
  assert.equal(negotiateLocale('zgh', ['fr-FR']), 'zgh');
  assert.equal(negotiateLocale(undefined, ['fr-MA', 'ar']), 'fr');
  assert.equal(negotiateLocale(undefined, ['ar-MA']), 'ar');
  assert.equal(negotiateLocale(undefined, ['tzm-Tfng-MA']), 'zgh');
  assert.equal(negotiateLocale(undefined, ['de-DE', 'es']), 'en');
  assert.equal(negotiateLocale(undefined, []), 'ar');
});

test('online, but the chamber publishes no list: said so, not blamed on the network', async () => {
  const w = world({ '/.well-known/jwks.json': jwks });
  const o = await w.check();
  assert.equal(o.outcome, 'valid_unchecked');
  assert.equal(o.status?.kind === 'unchecked' && o.status.why, 'lists_unavailable');
});

test('the server publishes a stale list: status not checked, and the page says the lists are old', async () => {
  const stale = new Date(T0.getTime() - 30 * 3_600_000);
  const w = world({
    '/.well-known/jwks.json': jwks,
    '/status/CA-MA-06/revocation.json': await list('revocation', [], { issued: stale }),
    '/status/CA-MA-06/suspension.json': await list('suspension', [], { issued: stale }),
  });
  const o = await w.check();
  assert.equal(o.outcome, 'valid_unchecked');
  assert.deepEqual(o.status, { kind: 'unchecked', why: 'lists_expired', issued: stale });
});
