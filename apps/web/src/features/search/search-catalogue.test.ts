/// <reference types="node" />
// The `search` namespace (packages/contracts/locales/<lng>/search.json): the same keys in the four
// languages, each in its script, and every key this feature asks for present.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const localesDir = join(here, '../../../../../packages/contracts/locales');
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
  LANGS.map((lng) => [lng, flatten(JSON.parse(readFileSync(join(localesDir, lng, 'search.json'), 'utf8')))]),
) as Record<(typeof LANGS)[number], Map<string, string>>;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

test('search catalogues: same keys, no empty value, same placeholders', () => {
  const reference = [...catalogues.fr.keys()].sort();
  for (const lng of LANGS) {
    assert.deepEqual([...catalogues[lng].keys()].sort(), reference, lng);
    for (const [key, value] of catalogues[lng]) {
      assert.ok(value.trim(), `${lng}:${key} is empty`);
      assert.deepEqual(placeholders(value), placeholders(catalogues.fr.get(key) ?? ''), `${lng}:${key}`);
    }
  }
});

test('search catalogues: Arabic in Arabic script, Amazigh in Tifinagh', () => {
  for (const [key, value] of catalogues.ar) assert.match(value, /[\u0600-\u06FF]/, `ar:${key}`);
  // File formats, the licence and an example CIN stay in Latin letters in every language.
  const allowed = /\b(CSV|JSON|CC BY|BK123456)\b/g;
  for (const [key, value] of catalogues.zgh) {
    assert.match(value, /[\u2D30-\u2D7F]|^[\u0600-\u06FF ,.…0-9A-Z]+$/, `zgh:${key} has no Tifinagh`);
    const rest = value.replace(/\{\{[^}]*\}\}/g, '').replace(allowed, '');
    assert.doesNotMatch(rest, /[A-Za-z\u00C0-\u024F]/, `zgh:${key} has Latin letters`);
  }
});

test('every search: key the feature uses exists', () => {
  const missing: string[] = [];
  const keys = [...catalogues.fr.keys()];
  for (const file of readdirSync(here).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))) {
    const text = readFileSync(join(here, file), 'utf8');
    for (const m of text.matchAll(/['`]search:([a-zA-Z0-9_.${}]+)['`]/g)) {
      const key = m[1] ?? '';
      const ok = key.includes('${')
        ? keys.some((k) => k.startsWith(key.slice(0, key.indexOf('${'))))
        : catalogues.fr.has(key);
      if (!ok) missing.push(`${file}: ${key}`);
    }
  }
  assert.deepEqual(missing, []);
});
