import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type DirLock, lockDataDir } from './lock.ts';

// biome-ignore lint/complexity/noBannedTypes: drizzle's generic for "no relational schema"
type NoSchema = {};
/** The Drizzle database, whichever engine is under it. */
export type Db = PgDatabase<PgQueryResultHKT, NoSchema>;
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Db | Tx;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  engine: Engine;
  db: Db;
  /** A parameterised query returning rows (used by the job queue and health checks). */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Several statements without parameters; returns the rows of every statement, in order. */
  exec(text: string): Promise<Record<string, unknown>[]>;
  /**
   * Runs fn while holding a database-wide advisory lock on one connection, so that two processes
   * migrating or seeding the same PostgreSQL server never interleave. PGlite is single-process.
   */
  exclusive<T>(key: string, fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… URL; without it an embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite data folder; undefined means in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
}

/** Extensions every migration may rely on (the first migration creates them). */
const pgliteExtensions = { pg_trgm, unaccent, fuzzystrmatch };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  return openPglite(opts.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  let lock: DirLock | undefined;
  if (dataDir) lock = lockDataDir(dataDir);
  try {
    const client = await PGlite.create({
      ...(dataDir ? { dataDir: path.join(dataDir, 'pglite') } : {}),
      extensions: pgliteExtensions,
    });
    const db = drizzlePglite(client) as unknown as Db;
    return {
      engine: 'pglite',
      db,
      async query<R>(text: string, params?: unknown[]) {
        const res = await client.query<R>(text, params as unknown[] | undefined);
        return res.rows;
      },
      async exec(text: string) {
        const results = await client.exec(text);
        return results.flatMap((r) => r.rows as Record<string, unknown>[]);
      },
      exclusive: (_key, fn) => fn(db),
      async close() {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'hirfa' });
  // An idle connection closed by the server (restart, failover) must not crash the process:
  // the pool replaces it on next use, and queries in flight fail with their own error.
  pool.on('error', () => {});
  // Fail fast with a clear message when the server is not reachable.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool) as unknown as Db;
  return {
    engine: 'postgres',
    db,
    async query<R>(text: string, params?: unknown[]) {
      const res = await pool.query(text, params);
      return res.rows as R[];
    },
    async exec(text: string) {
      const res = (await pool.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
      const list = Array.isArray(res) ? res : [res];
      return list.flatMap((r) => r.rows as Record<string, unknown>[]);
    },
    async exclusive<T>(key: string, fn: (db: Db) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
        try {
          return await fn(drizzlePg(client) as unknown as Db);
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** Rows of a raw `db.execute(sql…)` on either engine. */
export function rowsOf<R>(result: unknown): R[] {
  if (Array.isArray(result)) return result as R[];
  return ((result as { rows?: R[] }).rows ?? []) as R[];
}
