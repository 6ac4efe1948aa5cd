/// <reference types="node" />
// The `verify` namespace of the public verify page (packages/contracts/locales/<lng>/verify.json):
// complete in the four languages, in the right scripts, and every key the page asks for exists.
// Run: node --import tsx --test apps/web/src/verify/verify-catalogue.test.ts
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const localesDir = join(here, '../../../../packages/contracts/locales');
const LANGS = ['ar', 'fr', 'en', 'zgh'] as const;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const catalogues = Object.fromEntries(
  LANGS.map((lng) => [
    lng,
    flatten(JSON.parse(readFileSync(join(localesDir, lng, 'verify.json'), 'utf8')) as Tree),
  ]),
) as Record<(typeof LANGS)[number], Map<string, string>>;

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

const sources = readdirSync(here)
  .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts'))
  .map((name) => ({ name, text: readFileSync(join(here, name), 'utf8') }));

/** Keys the page asks for: t('verify:a.b') literally, and t(`verify:a.${x}`) as the prefix 'a.'. */
function usedKeys(): { exact: Set<string>; prefixes: Set<string>; where: Map<string, string> } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const where = new Map<string, string>();
  for (const { name, text } of sources) {
    for (const m of text.matchAll(/\bt\(\s*(['`])verify:([^'`]+)\1/g)) {
      const key = m[2] ?? '';
      if (key.includes('${')) prefixes.add(key.slice(0, key.indexOf('${')));
      else exact.add(key);
      where.set(key, name);
    }
  }
  return { exact, prefixes, where };
}

test('every key exists in every language (fr is the reference, and vice versa)', () => {
  const reference = [...catalogues.fr.keys()].sort();
  for (const lng of LANGS) {
    const keys = [...catalogues[lng].keys()].sort();
    assert.deepEqual(
      reference.filter((k) => !catalogues[lng].has(k)),
      [],
      `${lng} is missing keys`,
    );
    assert.deepEqual(
      keys.filter((k) => !catalogues.fr.has(k)),
      [],
      `${lng} has keys fr does not have`,
    );
  }
});

test('no empty translation; keys are <screen>.<element>', () => {
  for (const lng of LANGS) {
    for (const [key, value] of catalogues[lng]) {
      assert.ok(value.trim().length > 0, `${lng}:${key} is empty`);
      assert.match(key, /^[a-z][a-zA-Z0-9]*\.[a-zA-Z0-9_.]+$/, `badly shaped key ${key}`);
    }
  }
});

test('Amazigh is written in Tifinagh, not Latin', () => {
  // Tokens that stay in Latin letters in every language: "QR" and the sample verification code.
  const allowed = /\b(QR|K7Q4-M2PX)\b/g;
  for (const [key, value] of catalogues.zgh) {
    assert.match(value, /[\u2D30-\u2D7F]/, `zgh:${key} has no Tifinagh letter: "${value}"`);
    const rest = value.replace(/\{\{[^}]*\}\}/g, '').replace(allowed, '');
    assert.doesNotMatch(rest, /[A-Za-z\u00C0-\u024F]/, `zgh:${key} contains Latin letters: "${value}"`);
  }
});

test('Arabic is written in Arabic script', () => {
  for (const [key, value] of catalogues.ar) {
    assert.match(value, /[\u0600-\u06FF]/, `ar:${key} has no Arabic letter: "${value}"`);
  }
});

test('interpolation placeholders match across languages', () => {
  for (const [key, fr] of catalogues.fr) {
    for (const lng of LANGS) {
      const other = catalogues[lng].get(key);
      if (other !== undefined)
        assert.deepEqual(placeholders(other), placeholders(fr), `${lng}:${key} placeholders differ from fr`);
    }
  }
});

test('every key the page asks for exists, and every key is asked for', () => {
  const { exact, prefixes, where } = usedKeys();
  assert.ok(exact.size > 50, 'the key finder found the calls');
  const missing = [...exact].filter((k) => !catalogues.fr.has(k)).map((k) => `${where.get(k)}: ${k}`);
  for (const prefix of prefixes) {
    if (![...catalogues.fr.keys()].some((k) => k.startsWith(prefix))) missing.push(`template ${prefix}…`);
  }
  assert.deepEqual(missing, []);
  const unused = [...catalogues.fr.keys()].filter(
    (k) => !exact.has(k) && ![...prefixes].some((p) => k.startsWith(p)),
  );
  assert.deepEqual(unused, [], 'keys no code asks for');
});

test('the page never asks for another namespace', () => {
  for (const { name, text } of sources) {
    for (const m of text.matchAll(/\bt\(\s*(['`])([^'`]*)\1/g)) {
      assert.match(m[2] ?? '', /^verify:/, `${name}: t('${m[2]}') is not in the verify namespace`);
    }
  }
});
