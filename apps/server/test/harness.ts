import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { boot, shutdown } from '../src/bootstrap.ts';
import { DEMO_PASSWORD } from '../src/modules/accounts/index.ts';
import { type Config, loadConfig } from '../src/platform/config.ts';
import type { Deps } from '../src/platform/context.ts';

/**
 * A real Hirfa application on a real database for one test file: an in-memory PGlite by default,
 * or, when TEST_DATABASE_URL points at a PostgreSQL server, a database created for this file
 * and dropped afterwards.
 */
export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  config: Config;
  /** Signs in a demo (or other) account and returns a client that sends its cookie and CSRF token. */
  login(identifier: string, password?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  csrfToken: string | null;
  cookie: string | null;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export const engineUnderTest = () => (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');

async function createServerDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `hirfa_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function client(app: FastifyInstance, cookie: string | null, csrfToken: string | null): Client {
  const inject = (opts: InjectOptions) => {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (cookie && !('cookie' in headers)) headers.cookie = cookie;
    if (csrfToken && !('x-csrf-token' in headers)) headers['x-csrf-token'] = csrfToken;
    return app.inject({ ...opts, headers });
  };
  return {
    cookie,
    csrfToken,
    inject,
    get: (url, headers = {}) => inject({ method: 'GET', url, headers }),
    post: (url, body, headers = {}) =>
      inject({ method: 'POST', url, headers, ...(body === undefined ? {} : { payload: body as object }) }),
    patch: (url, body, headers = {}) => inject({ method: 'PATCH', url, headers, payload: body as object }),
  };
}

export async function startTestApp(
  env: Record<string, string> = {},
  opts: { notifications?: boolean } = {},
): Promise<TestApp> {
  const base = process.env.TEST_DATABASE_URL;
  const server = base ? await createServerDatabase(base) : undefined;
  const documentsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirfa-docs-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DOCUMENTS_DIR: documentsDir,
    SEED_DEMO: 'true',
    SEED_DEMO_REGISTER: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(server ? { DATABASE_URL: server.url } : {}),
    ...env,
  });
  const deps = await boot(config, { work: true, inMemory: true, notifications: opts.notifications ?? true });
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    config,
    anonymous: client(app, null, null),
    async login(identifier, password = DEMO_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { identifier, password },
        remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      });
      if (res.statusCode !== 200)
        throw new Error(`login ${identifier} failed: ${res.statusCode} ${res.body}`);
      const set = res.cookies.find((c) => c.name === 'hirfa_session');
      if (!set) throw new Error('no session cookie');
      return client(app, `hirfa_session=${set.value}`, res.json().csrfToken);
    },
    async close() {
      await app.close();
      await shutdown(deps);
      await server?.drop();
      fs.rmSync(documentsDir, { recursive: true, force: true });
    },
  };
}

/** The demo staff accounts, by what a test needs of them. */
export const DEMO = {
  federation: 'federation@hirfa.ma',
  casaAdmin: 'admin.casa@hirfa.ma',
  casaAgent: 'agent.casa@hirfa.ma',
  fesAgent: 'agent.fes@hirfa.ma',
  auditor: 'auditor@hirfa.ma',
  artisan: '0612345678',
} as const;
