// docs/card-credential.md is the contract other teams implement: its worked example, its symbol
// tables and its budget must be what the library does. This test reads the document and checks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  ARABIC_SYMBOLS,
  credentialByteBudget,
  generateIssuerKey,
  issueCardQr,
  LATIN_SYMBOLS,
  publicKeyToJwk,
  toHex,
  verifyCredential,
} from '../../../../packages/contracts/src/credential/index.ts';
import { SAMPLE_CLAIMS } from '../../../../packages/contracts/src/credential/test-fixtures.ts';

const doc = readFileSync(
  fileURLToPath(new URL('../../../../docs/card-credential.md', import.meta.url)),
  'utf8',
);
/** The document's text with the wrapping of long lines in code blocks undone. */
const unwrapped = doc.replace(/^([0-9a-f]{96}|HTTPS:\/\/\S{88}|[0-9]{96})\n/gm, '$1');

const key = generateIssuerKey(Uint8Array.from({ length: 32 }, (_, i) => i));
const example = issueCardQr(SAMPLE_CLAIMS, key, 'https://hirfa.ma/v');

test('the worked example in the document is what the library produces', () => {
  assert.ok(doc.includes(toHex(key.publicKey)), 'public key');
  assert.ok(doc.includes(JSON.stringify(publicKeyToJwk(key.publicKey))), 'JWK');
  assert.ok(unwrapped.includes(toHex(example.bytes)), 'COSE_Sign1 hex');
  assert.ok(unwrapped.includes(example.qrText), 'QR text');
  assert.ok(doc.includes(JSON.stringify(SAMPLE_CLAIMS, null, 2)), 'claims');
});

test('the QR text printed in the document verifies', () => {
  const match = /\n(HTTPS:\/\/HIRFA\.MA\/V#[0-9]+)/.exec(unwrapped);
  assert.ok(match);
  const r = verifyCredential(match[1] as string, {
    resolveKey: (kid) => (kid === key.kid ? { publicKey: key.publicKey, state: 'active' } : null),
    now: new Date('2026-01-01'),
  });
  assert.equal(r.verdict, 'valid');
  assert.equal(r.claims?.nameAr, SAMPLE_CLAIMS.nameAr);
});

function tableAfter(heading: string): Map<number, string> {
  const start = doc.indexOf(heading);
  assert.ok(start >= 0, heading);
  const block = doc.slice(doc.indexOf('```', start) + 3, doc.indexOf('```', doc.indexOf('```', start) + 3));
  const table = new Map<number, string>();
  for (const line of block.split('\n')) {
    const m = /^\s*(\d+)\s+((?:U\+[0-9A-F]{4}\s?)+)/.exec(line);
    if (!m) continue;
    const text = (m[2] as string)
      .trim()
      .split(/\s+/)
      .map((cp) => String.fromCodePoint(Number.parseInt(cp.slice(2), 16)))
      .join('');
    table.set(Number(m[1]), text);
  }
  return table;
}

test('the symbol tables in the document are the library tables', () => {
  for (const [heading, symbols] of [
    ['Arabic script (claim −4):', ARABIC_SYMBOLS],
    ['Latin script (claim −5):', LATIN_SYMBOLS],
  ] as const) {
    const table = tableAfter(heading);
    assert.equal(table.size, 63, heading);
    for (let i = 1; i < 64; i++) assert.equal(table.get(i), symbols[i], `${heading} ${i}`);
  }
});

test('the budget in the document is the computed one', () => {
  const budget = credentialByteBudget('https://hirfa.ma/v');
  assert.ok(doc.includes(`**${budget} credential bytes**`));
});
