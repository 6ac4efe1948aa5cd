import type { Deps } from '../../platform/context.ts';
import { todayInMorocco } from '../../platform/time.ts';
import * as repo from './cards.repo.ts';
import { PRINT_QUEUE, renderBatch } from './print-batches.ts';
import { publishStatusLists } from './status-lists.ts';

export const STATUS_QUEUE = 'cards.status-lists';

/** Publishes the status lists now, then again one interval later (a single chain via job ids). */
async function publishAndFollow(deps: Deps, jobId: string | null) {
  const expired = await repo.expireDue(deps.database.db, todayInMorocco());
  const report = await publishStatusLists(deps.database.db, deps.config);
  const interval = deps.config.statusListIntervalSeconds;
  const slot = Math.floor(Date.now() / 1000 / interval) + 1;
  const nextId = slotId(slot);
  if (nextId !== jobId) {
    await deps.jobs.send(STATUS_QUEUE, {}, { id: nextId, startAfter: new Date(slot * interval * 1000) });
  }
  return { ...report, expired: expired.length };
}

/** A deterministic job id per interval slot, so restarts and kicks never double the chain. */
function slotId(slot: number): string {
  const hex = slot.toString(16).padStart(12, '0').slice(-12);
  return `5a7c0000-0000-4000-8000-${hex}`;
}

export async function defineCardJobs(deps: Deps): Promise<void> {
  await deps.jobs.define<{ batchId: string; chamberCode: string }>({
    name: PRINT_QUEUE,
    retryLimit: 2,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 3 * 3600,
    handler: (data) => renderBatch(deps, data.batchId),
  });
  await deps.jobs.define<Record<string, never>>({
    name: STATUS_QUEUE,
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
    handler: (_data, job) => publishAndFollow(deps, job.id),
  });
}

/** Publishes at start (so the lists exist from the first request) and starts the chain. */
export async function kickStatusLists(deps: Deps): Promise<void> {
  await publishAndFollow(deps, null);
}

/** After a change that verifiers must see: publish within seconds rather than at the next slot. */
export async function publishSoon(deps: Deps): Promise<void> {
  await deps.jobs.send(STATUS_QUEUE, {}, { singletonKey: 'status-now', singletonSeconds: 5 });
}
