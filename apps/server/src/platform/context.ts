import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Jobs } from './jobs/jobs.ts';
import type { BlobStorage } from './storage/storage.ts';

/** What every module receives: configuration, the database, the job queue and file storage. */
export interface Deps {
  config: Config;
  database: Database;
  jobs: Jobs;
  storage: BlobStorage;
}
