/// <reference types="node" />
// Run: node --import tsx --test apps/web/src/i18n/catalogues.test.ts
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const webSrc = join(here, '..');
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
    flatten(JSON.parse(readFileSync(join(localesDir, lng, 'web.json'), 'utf8')) as Tree),
  ]),
) as Record<(typeof LANGS)[number], Map<string, string>>;

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path, ext);
    return ext.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

test('every key exists in every language (fr is the reference, and vice versa)', () => {
  const reference = [...catalogues.fr.keys()].sort();
  for (const lng of LANGS) {
    const keys = [...catalogues[lng].keys()].sort();
    const missing = reference.filter((k) => !catalogues[lng].has(k));
    const extra = keys.filter((k) => !catalogues.fr.has(k));
    assert.deepEqual(missing, [], `${lng} is missing keys`);
    assert.deepEqual(extra, [], `${lng} has keys fr does not have`);
  }
});

test('no empty translation', () => {
  for (const lng of LANGS) {
    for (const [key, value] of catalogues[lng]) assert.ok(value.trim().length > 0, `${lng}:${key} is empty`);
  }
});

test('keys follow <area>.<screen>.<element>', () => {
  for (const key of catalogues.fr.keys()) {
    assert.match(key, /^[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*\.[a-zA-Z0-9_.]+$/, `badly shaped key ${key}`);
  }
});

test('Amazigh is written in Tifinagh, not Latin', () => {
  // Acronyms and technical tokens that stay in Latin letters in every language.
  const allowed = /\b(API|HCP|QR|otpauth|auth\.login)\b/g;
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
      if (other === undefined) continue;
      assert.deepEqual(placeholders(other), placeholders(fr), `${lng}:${key} placeholders differ from fr`);
    }
  }
});

test('every key the code asks for exists', () => {
  const missing: string[] = [];
  for (const file of sourceFiles(webSrc, /\.tsx?$/)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*(['`])([a-z][\w.${}]*)\1/g)) {
      const key = match[2] ?? '';
      if (key.includes('${')) {
        const prefix = key.slice(0, key.indexOf('${'));
        if (![...catalogues.fr.keys()].some((k) => k.startsWith(prefix)))
          missing.push(`${relative(webSrc, file)}: ${key}`);
      } else if (!catalogues.fr.has(key)) {
        missing.push(`${relative(webSrc, file)}: ${key}`);
      }
    }
    for (const match of text.matchAll(/labelKey: '([^']+)'/g)) {
      if (!catalogues.fr.has(match[1] ?? '')) missing.push(`${relative(webSrc, file)}: ${match[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});

// JSX text between tags (">Some text<") that contains a letter, in any script.
const JSX_TEXT = />\s*([^<>{}()=;`'"|&]*\p{L}[^<>{}()=;`'"|&]*?)\s*<(?=\/|[A-Za-z])/gu;
// Literal strings in attributes people read.
const READ_ATTR = /\b(aria-label|title|placeholder|alt|label|description)="([^"]*\p{L}[^"]*)"/gu;

function literalsIn(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [
    ...[...code.matchAll(JSX_TEXT)].map((m) => m[1] ?? ''),
    ...[...code.matchAll(READ_ATTR)].map((m) => m[0]),
  ];
}

test('the literal finder catches what it should', () => {
  assert.deepEqual(literalsIn('<Text>Hello world</Text>'), ['Hello world']);
  assert.deepEqual(literalsIn('<b>مرحبا</b>'), ['مرحبا']);
  assert.deepEqual(literalsIn('<Button aria-label="Close" />'), ['aria-label="Close"']);
  assert.deepEqual(literalsIn('<Text>{t("a.b.c")}</Text> · <span>{x}</span>'), []);
  assert.deepEqual(literalsIn('const x = useState<Record<string, string>>({});'), []);
});

test('no user-visible text literal in .tsx files (use the catalogues)', () => {
  const found: string[] = [];
  for (const file of sourceFiles(webSrc, /\.tsx$/)) {
    for (const literal of literalsIn(readFileSync(file, 'utf8')))
      found.push(`${relative(webSrc, file)}: ${literal}`);
  }
  assert.deepEqual(found, []);
});
