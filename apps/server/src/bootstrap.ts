import path from 'node:path';
import pino from 'pino';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from './modules/accounts/index.ts';
import { defineAdminJobs } from './modules/admin/index.ts';
import { defineCardJobs, kickStatusLists } from './modules/cards/index.ts';
import { seedDemoRegister } from './modules/demo/index.ts';
import { defineImportJobs } from './modules/imports/index.ts';
import { defineNotificationJobs } from './modules/notifications/index.ts';
import { loadReferenceData } from './modules/reference/index.ts';
import { SYSTEM_ACTOR } from './platform/audit/audit.ts';
import type { Config } from './platform/config.ts';
import type { Deps } from './platform/context.ts';
import { type Database, openDatabase } from './platform/db/client.ts';
import { migrate } from './platform/db/migrate.ts';
import { startJobs } from './platform/jobs/jobs.ts';
import { localFolderStorage } from './platform/storage/storage.ts';

export const migrationsFolder = (config: Config) => path.join(config.repoRoot, 'apps/server/migrations');
export const referenceFolder = (config: Config) => path.join(config.repoRoot, 'apps/server/data/reference');

export interface BootOptions {
  /** Run job workers in this process (the server does; one-shot commands do not). */
  work: boolean;
  /** Keep the database in memory (tests on PGlite). */
  inMemory?: boolean;
  /** Define the notification delivery worker (tests of delivery define their own). */
  notifications?: boolean;
}

/** Opens the database, migrates it and loads reference data; safe to run on every start. */
export async function prepareDatabase(config: Config, opts: { inMemory?: boolean } = {}): Promise<Database> {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl || opts.inMemory ? undefined : config.dataDir,
  });
  try {
    await migrate(database, migrationsFolder(config));
    await database.exclusive('hirfa.seed', async (db) => {
      await loadReferenceData(db, referenceFolder(config), SYSTEM_ACTOR);
      if (config.seedDemo) {
        await seedDemoAccounts(db, SYSTEM_ACTOR);
        if (config.seedDemoRegister) {
          await seedDemoRegister(db, localFolderStorage(config.documentsDir), config, SYSTEM_ACTOR);
        }
      }
    });
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Everything the application needs, ready to serve. */
export async function boot(config: Config, opts: BootOptions): Promise<Deps> {
  const database = await prepareDatabase(config, opts);
  try {
    const log = pino({ level: config.logLevel });
    const jobs = await startJobs(database, log, { work: opts.work });
    const deps: Deps = { config, database, jobs, storage: localFolderStorage(config.documentsDir) };
    await defineAdminJobs(deps);
    await defineCardJobs(deps);
    await defineImportJobs(deps);
    if (opts.work) await kickStatusLists(deps);
    if (opts.notifications !== false) await defineNotificationJobs(deps, { log });
    return deps;
  } catch (err) {
    await database.close();
    throw err;
  }
}

export async function shutdown(deps: Deps): Promise<void> {
  await deps.jobs.stop();
  await deps.database.close();
}

export function demoAccountsText(): string {
  const lines = DEMO_ACCOUNTS.map(
    (a) => `  ${a.login.padEnd(22)} ${a.role.padEnd(17)} ${a.chamberCode ?? 'national'}`,
  );
  return [`Demo accounts (password: ${DEMO_PASSWORD})`, ...lines].join('\n');
}
