import type { Logger } from 'pino';
import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';

export interface QueueDefinition<T extends object> {
  name: string;
  /** Attempts after the first failure. */
  retryLimit: number;
  /** Seconds before the first retry; doubled at each attempt when `retryBackoff`. */
  retryDelay: number;
  retryBackoff: boolean;
  /** Seconds a job may run before it counts as failed. */
  expireInSeconds?: number;
  handler: (data: T, job: { id: string; retryCount: number }) => Promise<unknown>;
}

export interface JobRow {
  id: string;
  name: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  output: unknown;
  data: unknown;
}

export interface Jobs {
  /** Creates (or updates) the queue and starts a worker for it. */
  define<T extends object>(def: QueueDefinition<T>): Promise<void>;
  send<T extends object>(name: string, data: T, options?: PgBoss.SendOptions): Promise<string | null>;
  list(filter: { state?: string; name?: string; chamberCode?: string; limit: number }): Promise<JobRow[]>;
  get(id: string): Promise<JobRow | null>;
  stop(): Promise<void>;
}

/**
 * The job queue, kept in PostgreSQL by pg-boss on either engine. On PGlite, pg-boss gets an
 * adapter that runs parameterless (multi-statement) SQL through `exec` and returns every row.
 */
export async function startJobs(database: Database, log: Logger, opts: { work: boolean }): Promise<Jobs> {
  const boss = new PgBoss({
    db: {
      async executeSql(text: string, values: unknown[]) {
        const rows =
          values && values.length > 0 ? await database.query(text, values) : await database.exec(text);
        return { rows };
      },
    },
    schema: 'pgboss',
    // Maintenance and state monitoring run on a timer; keep them modest on a small machine.
    maintenanceIntervalSeconds: 120,
    monitorStateIntervalSeconds: 60,
    schedule: opts.work,
    supervise: opts.work,
  });
  boss.on('error', (err: Error) => log.error({ err }, 'job queue error'));
  await boss.start();

  const workers: string[] = [];
  return {
    async define<T extends object>(def: QueueDefinition<T>) {
      const queueOptions = {
        name: def.name,
        retryLimit: def.retryLimit,
        retryDelay: def.retryDelay,
        retryBackoff: def.retryBackoff,
        ...(def.expireInSeconds ? { expireInSeconds: def.expireInSeconds } : {}),
      };
      const existing = await boss.getQueue(def.name);
      if (existing) await boss.updateQueue(def.name, queueOptions);
      else await boss.createQueue(def.name, queueOptions);
      if (!opts.work) return;
      const id = await boss.work<T>(
        def.name,
        { pollingIntervalSeconds: 1, batchSize: 1, includeMetadata: true },
        async ([job]) => {
          if (!job) return;
          const meta = job as unknown as { retryCount?: number };
          log.info({ job: job.id, queue: def.name }, 'job started');
          return def.handler(job.data, { id: job.id, retryCount: meta.retryCount ?? 0 });
        },
      );
      workers.push(id);
    },
    send(name, data, options) {
      return options ? boss.send(name, data, options) : boss.send(name, data);
    },
    async list({ state, name, chamberCode, limit }) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (state) where.push(`state = $${params.push(state)}::pgboss.job_state`);
      if (name) where.push(`name = $${params.push(name)}`);
      if (chamberCode) where.push(`data->>'chamberCode' = $${params.push(chamberCode)}`);
      params.push(limit);
      const rows = await database.query<Record<string, unknown>>(
        `SELECT id, name, state, retry_count, retry_limit, created_on, started_on, completed_on, output, data
           FROM pgboss.job ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY created_on DESC LIMIT $${params.length}`,
        params,
      );
      return rows.map(toJobRow);
    },
    async get(id) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
      const rows = await database.query<Record<string, unknown>>(
        `SELECT id, name, state, retry_count, retry_limit, created_on, started_on, completed_on, output, data
           FROM pgboss.job WHERE id = $1`,
        [id],
      );
      return rows[0] ? toJobRow(rows[0]) : null;
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(String(v));
}

function toJobRow(r: Record<string, unknown>): JobRow {
  return {
    id: String(r.id),
    name: String(r.name),
    state: r.state as JobRow['state'],
    retryCount: Number(r.retry_count),
    retryLimit: Number(r.retry_limit),
    createdOn: toDate(r.created_on) ?? new Date(0),
    startedOn: toDate(r.started_on),
    completedOn: toDate(r.completed_on),
    output: r.output ?? null,
    data: r.data ?? null,
  };
}
