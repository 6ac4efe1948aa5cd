import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Jobs } from './jobs/jobs.ts';

/** What every module receives: configuration, the database and the job queue. */
export interface Deps {
  config: Config;
  database: Database;
  jobs: Jobs;
}
