import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults make a first run work: port 3000, PGlite in ./data, demo accounts', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.databaseUrl, undefined);
  assert.equal(path.basename(c.dataDir), 'data');
  assert.equal(c.seedDemo, true);
  assert.equal(c.cookieSecure, false);
});

test('variables are parsed and checked', () => {
  const c = loadConfig({
    PORT: '8080',
    DATA_DIR: '/tmp/x',
    DATABASE_URL: 'postgres://h/db',
    SEED_DEMO: 'no',
  });
  assert.equal(c.port, 8080);
  assert.equal(c.dataDir, '/tmp/x');
  assert.equal(c.databaseUrl, 'postgres://h/db');
  assert.equal(c.seedDemo, false);
  assert.throws(() => loadConfig({ PORT: 'eighty' }), ConfigError);
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), ConfigError);
  assert.throws(() => loadConfig({ SEED_DEMO: 'maybe' }), ConfigError);
});

test('production refuses to start without a real secret, and defaults to secure cookies and no demo data', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /APP_SECRET/);
  const c = loadConfig({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(40) });
  assert.equal(c.cookieSecure, true);
  assert.equal(c.seedDemo, false);
});
