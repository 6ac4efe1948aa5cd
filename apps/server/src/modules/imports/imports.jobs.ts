// The dry run and the load run as jobs. A failed attempt is retried (the dry run starts over, the
// load continues after its cursor); when the retries are spent the import is marked failed. At
// start, imports whose job died with its process (no heartbeat) are queued again.
import { randomUUID } from 'node:crypto';
import { type Actor, SYSTEM_ACTOR } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ClaimLost, runDryRun } from './dry-run.ts';
import { STALE_SECONDS } from './import-state.ts';
import * as repo from './imports.repo.ts';
import { ImportsService } from './imports.service.ts';
import { runLoad } from './load.ts';

export const DRY_RUN_QUEUE = 'imports.dry-run';
export const LOAD_QUEUE = 'imports.load';
const RETRY_LIMIT = 3;

interface ImportJob {
  importId: string;
  chamberCode: string;
  /** Who started it, for the audit trail of what the job does. */
  actorId?: string | null;
}

const jobActor = (data: ImportJob): Actor => ({
  ...SYSTEM_ACTOR,
  id: data.actorId ?? null,
  chamberCode: data.chamberCode,
});

/** Queues a job under the id its import was claimed with, so the job finds its claim. */
export async function sendImportJob(deps: Deps, phase: 'dry_run' | 'load', data: ImportJob, id: string) {
  await deps.jobs.send(phase === 'dry_run' ? DRY_RUN_QUEUE : LOAD_QUEUE, data, { id });
}

export async function defineImportJobs(deps: Deps): Promise<void> {
  const service = new ImportsService(deps.database.db, deps.storage);
  await deps.jobs.define<ImportJob>({
    name: DRY_RUN_QUEUE,
    retryLimit: RETRY_LIMIT,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 4 * 3600,
    async handler(data, job) {
      try {
        const imp = await repo.findImport(deps.database.db, data.importId);
        // The claim was made when the job was queued; a job queued again after a crash takes it over.
        if (imp?.phase === 'dry_run' && imp.jobId !== job.id) {
          await repo.updateImport(deps.database.db, data.importId, {
            jobId: job.id,
            heartbeatAt: new Date(),
          });
        }
        const done = await runDryRun({ db: deps.database.db, storage: deps.storage }, data.importId, job.id);
        return { status: done.status, total: done.totalRows, valid: done.validCount };
      } catch (err) {
        if (err instanceof ClaimLost) return { superseded: true };
        // A file that cannot be read will not read better on a retry.
        if (err instanceof AppError && err.status < 500) {
          await service.fail(data.importId, err.code, err.params, jobActor(data));
          return { failed: err.code };
        }
        if (job.retryCount >= RETRY_LIMIT) {
          await service.fail(data.importId, 'IMPORT_DRY_RUN_FAILED', {}, jobActor(data));
        }
        throw err;
      }
    },
  });
  await deps.jobs.define<ImportJob>({
    name: LOAD_QUEUE,
    retryLimit: RETRY_LIMIT,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 8 * 3600,
    async handler(data, job) {
      try {
        await repo.updateImport(deps.database.db, data.importId, { jobId: job.id });
        const done = await runLoad(deps.database.db, data.importId, {
          niaFormat: deps.config.niaFormat,
          actor: jobActor(data),
        });
        return { status: done.status, loaded: done.loadedCount, rejected: done.rejectedCount };
      } catch (err) {
        if (job.retryCount >= RETRY_LIMIT || (err instanceof AppError && err.status < 500)) {
          await service.fail(data.importId, 'IMPORT_LOAD_FAILED', {}, jobActor(data));
        }
        throw err;
      }
    },
  });
  await resumeStale(deps);
}

/** Queues again the imports whose job stopped with its process (a crash, a restart). */
export async function resumeStale(deps: Deps): Promise<number> {
  const stale = await repo.staleImports(deps.database.db, STALE_SECONDS);
  for (const imp of stale) {
    if (!imp.phase) continue;
    const claim = randomUUID();
    await repo.updateImport(deps.database.db, imp.id, { jobId: claim, heartbeatAt: new Date() });
    await sendImportJob(deps, imp.phase, { importId: imp.id, chamberCode: imp.chamberCode }, claim);
  }
  return stale.length;
}
