#!/usr/bin/env node
// Builds what `npm start` serves: the web app (Vite) and the server (esbuild bundle of the
// TypeScript sources, node_modules left external). With --if-missing, builds only what is absent
// or older than its sources, so a second `npm start` starts at once.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ifMissing = process.argv.includes('--if-missing');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  if (!fs.statSync(dir).isDirectory()) return fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function isFresh(output, sources) {
  if (!fs.existsSync(output)) return false;
  const built = fs.statSync(output).mtimeMs;
  return sources.every((s) => newestMtime(s) <= built);
}

const contracts = path.join(root, 'packages/contracts');
const web = path.join(root, 'apps/web');
const server = path.join(root, 'apps/server');

function buildWeb() {
  const out = path.join(web, 'dist/index.html');
  const sources = ['src', 'index.html', 'verify.html', 'public', 'vite.config.ts'].map((f) =>
    path.join(web, f),
  );
  if (ifMissing && isFresh(out, [...sources, contracts])) return;
  process.stdout.write('Building the web app…\n');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: web,
      stdio: 'inherit',
    },
  );
  precompress(path.join(web, 'dist'));
}

/** Writes .br and .gz beside every text asset, so the server sends them compressed at no CPU cost. */
function precompress(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) precompress(p);
    else if (/\.(js|css|html|json|svg|webmanifest|ttf)$/.test(entry.name)) {
      const data = fs.readFileSync(p);
      if (data.length < 1024) continue;
      fs.writeFileSync(`${p}.br`, zlib.brotliCompressSync(data));
      fs.writeFileSync(`${p}.gz`, zlib.gzipSync(data, { level: 9 }));
    }
  }
}

async function buildServer() {
  const outDir = path.join(server, 'dist');
  if (ifMissing && isFresh(path.join(outDir, 'main.js'), [path.join(server, 'src'), contracts])) return;
  process.stdout.write('Building the server…\n');
  const esbuild = await import('esbuild');
  const pkg = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
  const external = new Set([
    ...Object.keys(pkg(path.join(server, 'package.json')).dependencies ?? {}),
    ...Object.keys(pkg(path.join(contracts, 'package.json')).dependencies ?? {}),
    ...Object.keys(pkg(path.join(root, 'package.json')).devDependencies ?? {}),
  ]);
  external.delete('@hirfa/contracts');
  await esbuild.build({
    entryPoints: { main: path.join(server, 'src/main.ts'), cli: path.join(server, 'src/cli.ts') },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external: [...external].flatMap((name) => [name, `${name}/*`]),
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
}

if (only !== 'server') buildWeb();
if (only !== 'web') await buildServer();
