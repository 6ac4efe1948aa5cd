import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimalEncode } from './decimal.ts';
import { cardQrSegments, qrVersionForSegments, segmentBits } from './qr-budget.ts';
import { buildQrText, credentialByteBudget, normaliseBaseUrl, parseQrText } from './qr-payload.ts';

const bytes = Uint8Array.from({ length: 150 }, (_, i) => (i * 7 + 3) & 0xff);

test('the QR text is the upper-case base URL, "#", and digits', () => {
  const text = buildQrText('https://hirfa.ma/v', bytes);
  assert.ok(text.startsWith('HTTPS://HIRFA.MA/V#'));
  assert.match(text.slice(19), /^[0-9]+$/);
  assert.equal(text.slice(19), decimalEncode(bytes));
});

test('parseQrText accepts the URL in any case, the fragment, or the bare digits, trimmed', () => {
  const text = buildQrText('https://hirfa.ma/v', bytes);
  const digits = text.slice(text.indexOf('#') + 1);
  for (const form of [
    text,
    text.toLowerCase(),
    `  ${text}\n`,
    `#${digits}`,
    digits,
    `https://other.example/x#${digits}`,
  ]) {
    const r = parseQrText(form);
    assert.ok(r.ok, form.slice(0, 30));
    assert.deepEqual(r.bytes, bytes);
  }
});

test('parseQrText reports damage with a typed reason', () => {
  const cases: [string, string][] = [
    ['', 'qr_text_invalid'],
    ['HTTPS://HIRFA.MA/V', 'qr_text_invalid'],
    ['HTTPS://HIRFA.MA/V#', 'qr_text_invalid'],
    ['HTTPS://HIRFA.MA/V#12AB', 'qr_text_invalid'],
    ['HTTPS://HIRFA.MA/V#1234', 'decimal_invalid'],
    ['#99999999999999999', 'decimal_invalid'],
  ];
  for (const [text, reason] of cases) {
    const r = parseQrText(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.equal(r.reason, reason, text);
  }
});

test('base URLs must stay in the QR alphanumeric alphabet', () => {
  assert.equal(normaliseBaseUrl(' https://hirfa.ma/v '), 'HTTPS://HIRFA.MA/V');
  assert.throws(() => normaliseBaseUrl('https://hirfa.ma/v?x=1'));
  assert.throws(() => normaliseBaseUrl('https://hirfa.ma/my_page'));
  assert.throws(() => normaliseBaseUrl('hirfa.ma/v'));
});

test('the byte budget is the largest credential that keeps version 12 at level Q', () => {
  const budget = credentialByteBudget('https://hirfa.ma/v');
  assert.equal(budget, 184);
  const base = 'HTTPS://HIRFA.MA/V';
  assert.equal(qrVersionForSegments(cardQrSegments(base, decimalEncode(new Uint8Array(budget)).length)), 12);
  assert.equal(
    qrVersionForSegments(cardQrSegments(base, decimalEncode(new Uint8Array(budget + 1)).length)),
    13,
  );
  assert.ok(credentialByteBudget('https://verify.hirfa.gov.ma/card') < budget);
  assert.equal(segmentBits([{ mode: 'byte', length: 203 }], 12), 4 + 16 + 203 * 8);
});
