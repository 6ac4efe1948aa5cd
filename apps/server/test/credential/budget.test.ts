// The QR byte budget, measured with the `qrcode` encoder itself: every card stays at or below
// version 12 at level Q; the figures printed here are the ones in docs/card-credential.md.
import assert from 'node:assert/strict';
import { createPrivateKey } from 'node:crypto';
import { test } from 'node:test';
import { CompactSign } from 'jose';
import QRCode from 'qrcode';
import {
  base45Encode,
  buildQrText,
  CLAIM_KEYS,
  credentialByteBudget,
  dateToDays,
  decimalEncode,
  decodeCoseSign1,
  issueCardQr,
  toBase64url,
} from '../../../../packages/contracts/src/credential/index.ts';
import { cborDecode, cborEncode } from '../../../../packages/contracts/src/credential/cbor.ts';
import {
  LONG_NAMES,
  SAMPLE_CLAIMS,
  TEST_BASE_URL,
  testKey,
} from '../../../../packages/contracts/src/credential/test-fixtures.ts';

const key = testKey(51);
const version = (text: string) => QRCode.create(text, { errorCorrectionLevel: 'Q' }).version;
const NAME_SETS = {
  sample: { nameAr: SAMPLE_CLAIMS.nameAr, nameLatn: SAMPLE_CLAIMS.nameLatn },
  ...LONG_NAMES,
};

function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += alphabet[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return bits > 0 ? out + alphabet[(acc << (5 - bits)) & 31] : out;
}

const BASE = 'HTTPS://HIRFA.MA/V#';
const ENCODINGS: Record<string, (bytes: Uint8Array) => string> = {
  'decimal, numeric mode (chosen)': (b) => BASE + decimalEncode(b),
  'base45, raw spaces': (b) => BASE + base45Encode(b),
  'base45, space→%20, %→%25': (b) => BASE + base45Encode(b).replace(/%/g, '%25').replace(/ /g, '%20'),
  'base32, no padding': (b) => BASE + base32(b),
  'base64url, byte mode': (b) => `https://hirfa.ma/v#${toBase64url(b)}`,
};

function pseudoRandom(length: number, seed: number): Uint8Array {
  let x = seed;
  return Uint8Array.from({ length }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
}

test('every card, longest names included, fits version 12 at level Q', (t) => {
  const rows = [
    '| names | Arabic chars | Latin chars | COSE bytes | QR chars | QR version | shortened |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [label, names] of Object.entries(NAME_SETS)) {
    const issued = issueCardQr({ ...SAMPLE_CLAIMS, ...names, statusListIndex: 131_071 }, key, TEST_BASE_URL);
    const v = version(issued.qrText);
    assert.ok(v <= 12, `${label}: version ${v}`);
    assert.ok(issued.bytes.length <= credentialByteBudget(TEST_BASE_URL));
    const cut =
      Object.entries(issued.claims.abbreviated)
        .filter(([, c]) => c)
        .map(([f]) => f)
        .join(', ') || 'no';
    rows.push(
      `| ${label} | ${[...names.nameAr].length} | ${[...names.nameLatn].length} | ${issued.bytes.length} | ${issued.qrText.length} | ${v} | ${cut} |`,
    );
  }
  t.diagnostic(`\n${rows.join('\n')}`);
});

test('the budget: 184 COSE bytes with the base URL HTTPS://HIRFA.MA/V, and what takes them', (t) => {
  assert.equal(credentialByteBudget(TEST_BASE_URL), 184);
  assert.equal(version(buildQrText(TEST_BASE_URL, pseudoRandom(184, 1))), 12);
  assert.equal(version(buildQrText(TEST_BASE_URL, pseudoRandom(185, 1))), 13);
  const issued = issueCardQr(
    { ...SAMPLE_CLAIMS, ...LONG_NAMES.example, statusListIndex: 131_071 },
    key,
    TEST_BASE_URL,
  );
  const { payload, protectedBytes } = decodeCoseSign1(issued.bytes);
  const claims = cborDecode(payload) as Map<number, unknown>;
  const names = Object.fromEntries(Object.entries(CLAIM_KEYS).map(([n, k]) => [k, n]));
  const rows = ['| part | bytes |', '|---|---|'];
  rows.push(`| tag 18, array(4), empty unprotected map | 3 |`);
  rows.push(`| protected header {1: -8, 4: kid} with its bstr head | ${protectedBytes.length + 1} |`);
  rows.push(`| payload bstr head | ${payload.length < 24 ? 1 : payload.length < 256 ? 2 : 3} |`);
  rows.push(`| claim map head | 1 |`);
  let sum = 1;
  for (const [k, v] of claims) {
    const size = cborEncode(new Map([[k, v]])).length - 1;
    sum += size;
    rows.push(`| ${k} ${names[k]} | ${size} |`);
  }
  rows.push(`| signature with its bstr head | 66 |`);
  assert.equal(sum, payload.length);
  assert.equal(3 + protectedBytes.length + 1 + 2 + payload.length + 66, issued.bytes.length);
  rows.push(`| **total** | **${issued.bytes.length}** |`);
  t.diagnostic(`\n${rows.join('\n')}`);
});

test('text encodings compared: largest credential at version 12-Q and version of a real card', (t) => {
  const card = issueCardQr(
    { ...SAMPLE_CLAIMS, ...LONG_NAMES.example, statusListIndex: 131_071 },
    key,
    TEST_BASE_URL,
  );
  const rows = [
    '| encoding | chars for this card | QR version | max COSE bytes at ≤ v12 |',
    '|---|---|---|---|',
  ];
  const budgets: Record<string, number> = {};
  for (const [label, encodeText] of Object.entries(ENCODINGS)) {
    let max = 0;
    for (let n = 100; n < 260; n++) {
      // The worst of a few payloads: escapes make base45 lengths depend on the bytes.
      if ([1, 2, 3, 4, 5].every((seed) => version(encodeText(pseudoRandom(n, seed))) <= 12)) max = n;
    }
    budgets[label] = max;
    const text = encodeText(card.bytes);
    rows.push(`| ${label} | ${text.length} | ${version(text)} | ${max} |`);
  }
  t.diagnostic(`\n${rows.join('\n')}`);
  const chosen = budgets['decimal, numeric mode (chosen)'] as number;
  assert.equal(chosen, 184);
  for (const [label, max] of Object.entries(budgets)) {
    if (label !== 'base45, raw spaces') assert.ok(max <= chosen, `${label} would hold more`);
  }
});

test('the same statement as a compact JWS (EdDSA, JSON claims) for comparison', async (t) => {
  const privateKey = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: toBase64url(key.publicKey), d: toBase64url(key.secretKey) },
    format: 'jwk',
  });
  const rows = ['| names | form | bytes | URL chars | QR version (Q) |', '|---|---|---|---|---|'];
  const day = (d: string) => dateToDays(d) * 86_400;
  for (const [label, names] of Object.entries({ sample: NAME_SETS.sample, example: LONG_NAMES.example })) {
    const cwt = issueCardQr({ ...SAMPLE_CLAIMS, ...names, statusListIndex: 131_071 }, key, TEST_BASE_URL);
    const readable = {
      v: 1,
      serial: SAMPLE_CLAIMS.serial,
      nia: SAMPLE_CLAIMS.nia,
      nameAr: names.nameAr,
      nameLatn: names.nameLatn,
      activityCode: SAMPLE_CLAIMS.activityCode,
      kind: SAMPLE_CLAIMS.kind,
      chamberCode: SAMPLE_CLAIMS.chamberCode,
      iat: day(SAMPLE_CLAIMS.issuedAt),
      nbf: day(SAMPLE_CLAIMS.validFrom),
      exp: day(SAMPLE_CLAIMS.validUntil) + 86_399,
      statusListIndex: 131_071,
    };
    const short = {
      v: 1,
      s: readable.serial,
      n: readable.nia,
      na: readable.nameAr,
      nl: readable.nameLatn,
      a: readable.activityCode,
      k: 1,
      c: 6,
      nbf: readable.nbf,
      exp: readable.exp,
      i: 131_071,
    };
    for (const [form, claims] of Object.entries({
      'JWS, readable JSON claims': readable,
      'JWS, one-letter keys': short,
    })) {
      const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
        .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
        .sign(privateKey);
      const url = `https://hirfa.ma/v#${jws}`;
      rows.push(`| ${label} | ${form} | ${jws.length} | ${url.length} | ${version(url)} |`);
      assert.ok(version(url) > version(cwt.qrText));
    }
    rows.push(
      `| ${label} | CWT / COSE_Sign1, decimal (chosen) | ${cwt.bytes.length} | ${cwt.qrText.length} | ${version(cwt.qrText)} |`,
    );
  }
  t.diagnostic(`\n${rows.join('\n')}`);
});
