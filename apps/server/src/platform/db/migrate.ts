import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { type Database, type Db, rowsOf } from './client.ts';

export class MigrationEditedError extends Error {
  readonly code = 'MIGRATION_EDITED';
}

export interface MigrateResult {
  applied: number;
  total: number;
}

/**
 * Applies the SQL migrations with Drizzle's runtime migrator, under an advisory lock on a server.
 * Safe to run twice. Refuses to run if a migration already applied was edited afterwards.
 */
export async function migrate(database: Database, migrationsFolder: string): Promise<MigrateResult> {
  const files = readMigrationFiles({ migrationsFolder });
  return database.exclusive('hirfa.migrate', async (db) => {
    const before = await appliedHashes(db);
    for (const file of files) {
      const stored = before.get(file.folderMillis);
      if (stored !== undefined && stored !== file.hash) {
        throw new MigrationEditedError(
          `Migration ${file.folderMillis} was edited after it was applied; write a new migration instead`,
        );
      }
    }
    if (database.engine === 'pglite') {
      await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
    } else {
      await migrateNodePg(db as unknown as NodePgDatabase, { migrationsFolder });
    }
    const after = await appliedHashes(db);
    return { applied: after.size - before.size, total: files.length };
  });
}

async function appliedHashes(db: Db): Promise<Map<number, string>> {
  const exists = rowsOf<{ present: boolean }>(
    await db.execute(sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`),
  );
  if (!exists[0]?.present) return new Map();
  const rows = rowsOf<{ hash: string; created_at: string | number }>(
    await db.execute(sql`SELECT hash, created_at FROM drizzle.__drizzle_migrations`),
  );
  return new Map(rows.map((r) => [Number(r.created_at), r.hash]));
}
