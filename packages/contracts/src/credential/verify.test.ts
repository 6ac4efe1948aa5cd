import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cborEncode } from './cbor.ts';
import { signCoseSign1 } from './cose.ts';
import { issueCardQr, issueCredential } from './issue.ts';
import { decimalEncode } from './decimal.ts';
import { BitstringStatusList } from './status-list.ts';
import { LONG_NAMES, resolverFor, SAMPLE_CLAIMS, TEST_BASE_URL, testKey } from './test-fixtures.ts';
import { verifyCredential } from './verify.ts';

const key = testKey(21);
const now = new Date('2026-03-01T10:00:00Z');
const issued = issueCardQr(SAMPLE_CLAIMS, key, TEST_BASE_URL);
const clear = () => ({ revocation: new BitstringStatusList(), suspension: new BitstringStatusList() });
const check = (text: string | Uint8Array, options: Partial<Parameters<typeof verifyCredential>[1]> = {}) =>
  verifyCredential(text, { resolveKey: resolverFor([key, 'active']), now, statusLists: clear(), ...options });

test('valid: signature, dates and both lists check out', () => {
  const r = check(issued.qrText);
  assert.equal(r.verdict, 'valid');
  assert.equal(r.reason, 'ok');
  assert.equal(r.statusChecked, true);
  assert.deepEqual(r.claims, issued.claims);
  assert.equal(r.kid, key.kid);
  assert.equal(check(issued.bytes).verdict, 'valid');
});

test('valid but status not checked when the lists are missing', () => {
  const r = check(issued.qrText, { statusLists: { revocation: new BitstringStatusList() } });
  assert.equal(r.verdict, 'valid');
  assert.equal(r.statusChecked, false);
  assert.deepEqual(r.statusNotes, [{ purpose: 'suspension', reason: 'list_missing' }]);
  assert.equal(check(issued.qrText, { statusLists: undefined }).statusNotes.length, 2);
});

test('expired after the last valid day, not yet valid before the first', () => {
  assert.equal(check(issued.qrText, { now: new Date('2030-09-25T23:59:59Z') }).verdict, 'valid');
  const expired = check(issued.qrText, { now: new Date('2030-09-26T00:00:00Z') });
  assert.equal(expired.verdict, 'expired');
  assert.equal(expired.reason, 'expired_on');
  assert.equal(expired.claims?.validUntil, '2030-09-25');
  const early = check(issued.qrText, { now: new Date('2025-09-25T12:00:00Z') });
  assert.equal(early.verdict, 'not_yet_valid');
  assert.equal(early.reason, 'not_valid_before');
});

test('revoked and suspended come from the chamber lists; revocation wins', () => {
  const lists = clear();
  lists.suspension.set(SAMPLE_CLAIMS.statusListIndex, true);
  assert.equal(check(issued.qrText, { statusLists: lists }).verdict, 'suspended');
  assert.equal(check(issued.qrText, { statusLists: lists }).reason, 'status_suspended');
  lists.revocation.set(SAMPLE_CLAIMS.statusListIndex, true);
  assert.equal(check(issued.qrText, { statusLists: lists }).verdict, 'revoked');
  assert.equal(check(issued.qrText, { statusLists: { revocation: lists.revocation } }).verdict, 'revoked');
});

test('a verified list of another chamber, purpose or past its validity is not used', () => {
  const list = new BitstringStatusList();
  list.set(SAMPLE_CLAIMS.statusListIndex, true);
  const meta = {
    purpose: 'revocation' as const,
    issued: now,
    validUntil: new Date(now.getTime() + 1000),
    kid: key.kid,
  };
  const other = { ...meta, chamber: 'CA-MA-07', list };
  const r = check(issued.qrText, {
    statusLists: { revocation: other, suspension: new BitstringStatusList() },
  });
  assert.equal(r.verdict, 'valid');
  assert.deepEqual(r.statusNotes, [{ purpose: 'revocation', reason: 'list_other_chamber' }]);
  const stale = { ...meta, chamber: 'CA-MA-06', validUntil: new Date(now.getTime() - 1), list };
  assert.equal(
    check(issued.qrText, { statusLists: { revocation: stale } }).statusNotes[0]?.reason,
    'list_expired',
  );
  const own = { ...meta, chamber: 'CA-MA-06', list };
  assert.equal(check(issued.qrText, { statusLists: { revocation: own } }).verdict, 'revoked');
  const wrongSlot = { ...meta, chamber: 'CA-MA-06', list, purpose: 'suspension' as const };
  assert.equal(
    check(issued.qrText, { statusLists: { revocation: wrongSlot } }).statusNotes[0]?.reason,
    'list_other_purpose',
  );
});

test('key rotation: retired keys verify until expiry, compromised keys never, unknown keys are named', () => {
  const next = testKey(22);
  const resolveKey = resolverFor([key, 'retired'], [next, 'active']);
  assert.equal(check(issued.qrText, { resolveKey }).verdict, 'valid');
  assert.equal(check(issued.qrText, { resolveKey }).keyState, 'retired');
  assert.equal(check(issued.qrText, { resolveKey, now: new Date('2031-01-01') }).verdict, 'expired');
  const fresh = issueCardQr(SAMPLE_CLAIMS, next, TEST_BASE_URL);
  assert.equal(check(fresh.qrText, { resolveKey }).verdict, 'valid');
  const compromised = check(issued.qrText, {
    resolveKey: resolverFor([key, 'compromised'], [next, 'active']),
  });
  assert.equal(compromised.verdict, 'compromised_key');
  assert.equal(compromised.reason, 'key_compromised');
  assert.equal(compromised.claims, undefined);
  const unknown = check(issued.qrText, { resolveKey: resolverFor([next, 'active']) });
  assert.equal(unknown.verdict, 'unknown_key');
  assert.equal(unknown.reason, 'kid_unknown');
  assert.equal(unknown.claims, undefined);
});

test('a credential signed by another key under our kid is damaged (signature_invalid)', () => {
  const forger = testKey(23);
  const forged = issueCredential(
    { ...SAMPLE_CLAIMS, validUntil: '2099-12-31' },
    { kidBytes: key.kidBytes, secretKey: forger.secretKey },
    184,
  );
  const r = check(forged.bytes);
  assert.equal(r.verdict, 'damaged');
  assert.equal(r.reason, 'signature_invalid');
  assert.equal(r.claims, undefined);
});

test('damaged: unreadable text, CBOR, COSE, claims — each with its reason', () => {
  assert.equal(check('HTTPS://HIRFA.MA/V#12X').reason, 'qr_text_invalid');
  assert.equal(check('HTTPS://HIRFA.MA/V#1234').reason, 'decimal_invalid');
  assert.equal(check(`#${decimalEncode(new Uint8Array([0xff, 0x00]))}`).reason, 'cbor_malformed');
  assert.equal(check(new Uint8Array([0x80])).reason, 'cose_malformed');
  // A well-signed payload that is not a valid claim set.
  const junk = signCoseSign1(cborEncode(new Map([[-1, 1]])), key);
  assert.equal(check(junk).verdict, 'damaged');
  assert.equal(check(junk).reason, 'claims_malformed');
  const v2 = signCoseSign1(cborEncode(new Map([[-1, 2]])), key);
  assert.equal(check(v2).reason, 'format_version_unsupported');
});

test('no single-bit change of the credential and no single-digit change of the QR text is valid', () => {
  const bytes = issued.bytes;
  for (let bit = 0; bit < bytes.length * 8; bit++) {
    const altered = bytes.slice();
    altered[bit >> 3] = (altered[bit >> 3] as number) ^ (0x80 >> (bit & 7));
    const r = check(altered);
    assert.notEqual(r.verdict, 'valid', `bit ${bit}`);
    assert.ok(['damaged', 'unknown_key'].includes(r.verdict), `bit ${bit}: ${r.verdict}`);
  }
  const text = issued.qrText;
  const start = text.indexOf('#') + 1;
  for (let i = start; i < text.length; i++) {
    const digit = Number(text[i]);
    const altered = `${text.slice(0, i)}${(digit + 1) % 10}${text.slice(i + 1)}`;
    assert.ok(['damaged', 'unknown_key'].includes(check(altered).verdict), `digit ${i}`);
  }
});

test('long names: the issue example fits unshortened; longer ones are shortened and flagged', () => {
  const example = issueCardQr({ ...SAMPLE_CLAIMS, ...LONG_NAMES.example }, key, TEST_BASE_URL);
  assert.deepEqual(example.claims.abbreviated, { nameAr: false, nameLatn: false });
  assert.equal(example.claims.nameAr, LONG_NAMES.example.nameAr);
  const longest = issueCardQr({ ...SAMPLE_CLAIMS, ...LONG_NAMES.longest }, key, TEST_BASE_URL);
  assert.ok(longest.bytes.length <= 184);
  assert.ok(longest.claims.abbreviated.nameAr || longest.claims.abbreviated.nameLatn);
  const r = check(longest.qrText);
  assert.equal(r.verdict, 'valid');
  assert.deepEqual(r.claims, longest.claims);
  assert.ok(LONG_NAMES.longest.nameLatn.toUpperCase().startsWith(longest.claims.nameLatn));
  assert.ok(LONG_NAMES.longest.nameAr.startsWith(longest.claims.nameAr));
});
