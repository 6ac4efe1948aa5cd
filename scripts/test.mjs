#!/usr/bin/env node
// Runs the test suites with node's test runner (so CI's log ends with its summary).
//   node scripts/test.mjs              unit + integration + end-to-end
//   node scripts/test.mjs unit|integration|e2e
// Unit tests are *.test.ts beside the code; integration tests (*.int.test.ts) build the app on a
// real database (PGlite in memory, or the server at TEST_DATABASE_URL); end-to-end tests
// (*.e2e.test.ts) drive Chromium against a built, running server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const which = process.argv[2] ?? 'all';
const extra = process.argv.slice(3);

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const all = ['apps', 'packages', 'e2e'].flatMap((d) => walk(path.join(root, d))).sort();
const kind = (f) =>
  f.endsWith('.e2e.test.ts') ? 'e2e' : f.endsWith('.int.test.ts') ? 'integration' : 'unit';
const files = all.filter((f) => which === 'all' || kind(f) === which);
if (files.length === 0) {
  console.error(`No ${which} test files found.`);
  process.exit(1);
}

if (which === 'all' || which === 'e2e') {
  // End-to-end tests serve the built app: build what is missing first.
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-missing'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const args = [
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
  '--test-timeout=120000',
  ...extra,
  ...files.map((f) => path.relative(root, f)),
];
const r = spawnSync(process.execPath, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
});
process.exit(r.status ?? 1);
