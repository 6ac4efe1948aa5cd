/// <reference types="node" />
// Run: node --import tsx --test apps/web/src/features/imports/imports-catalogue.test.ts
// The `imports` namespace (shared with the server's rejects file and command line): the same keys
// in the four languages, the same placeholders, each language in its script, and every key these
// screens ask for (written "imports:<key>") present.
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
  LANGS.map((lng) => [
    lng,
    flatten(JSON.parse(readFileSync(join(localesDir, lng, 'imports.json'), 'utf8')) as Tree),
  ]),
) as Record<(typeof LANGS)[number], Map<string, string>>;
const holes = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

test('the same keys and placeholders in every language, none empty', () => {
  for (const lng of LANGS) {
    assert.deepEqual([...catalogues[lng].keys()].sort(), [...catalogues.fr.keys()].sort(), lng);
    for (const [key, text] of catalogues[lng]) {
      assert.ok(text.trim() !== '', `${lng}:${key} is empty`);
      assert.deepEqual(holes(text), holes(catalogues.fr.get(key) ?? ''), `${lng}:${key} placeholders`);
    }
  }
});

test('Arabic in Arabic script, Amazigh in Tifinagh (technical names aside)', () => {
  const technical =
    /\b(CSV|XLSX|UTF-8|UTF-16|Windows-1256|Excel|npm run import|FILE|TEMPLATE|MA-06|fr|ar|en|zgh|utf-8|utf-16le|utf-16be|windows-1256|windows-1252|y|N)\b|--\w+/g;
  const words = (m: Map<string, string>) => [...m].filter(([, text]) => /\p{L}/u.test(text));
  for (const [key, text] of words(catalogues.ar)) assert.match(text, /[\u0600-\u06FF]/, `ar:${key}`);
  for (const [key, text] of words(catalogues.zgh)) {
    assert.match(text, /[\u2D30-\u2D7F]/, `zgh:${key} has no Tifinagh letter`);
    const rest = text.replace(/\{\{[^}]*\}\}/g, '').replace(technical, '');
    assert.doesNotMatch(rest, /[A-Za-z\u00C0-\u024F]/, `zgh:${key} has Latin letters: ${text}`);
  }
});

test('every key the import screens ask for exists', () => {
  const missing: string[] = [];
  for (const name of readdirSync(here)) {
    if (!/\.tsx?$/.test(name) || name.endsWith('.test.ts')) continue;
    const text = readFileSync(join(here, name), 'utf8');
    for (const m of text.matchAll(/'imports:([a-zA-Z_.]+)'/g)) {
      if (!catalogues.fr.has(m[1] ?? '')) missing.push(`${name}: ${m[1]}`);
    }
    for (const m of text.matchAll(/`imports:([a-zA-Z_.]+)\.\$\{/g)) {
      const prefix = `${m[1]}.`;
      if (![...catalogues.fr.keys()].some((k) => k.startsWith(prefix))) missing.push(`${name}: ${m[1]}.*`);
    }
  }
  assert.deepEqual(missing, []);
});
