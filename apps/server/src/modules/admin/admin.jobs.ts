import { verifyAuditChain } from '../../platform/audit/audit.ts';
import type { Deps } from '../../platform/context.ts';

export const AUDIT_VERIFY_QUEUE = 'audit.verify';

/** Queues whose handlers live in this module: the nightly check of the audit chain. */
export async function defineAdminJobs(deps: Deps): Promise<void> {
  await deps.jobs.define<{ requestedBy?: string | null }>({
    name: AUDIT_VERIFY_QUEUE,
    retryLimit: 3,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 3600,
    async handler() {
      const report = await verifyAuditChain(deps.database.db);
      if (!report.ok) {
        // A broken chain is an incident: fail loudly so it shows as a failed job.
        throw new Error(`audit chain broken at event ${report.broken?.id} (${report.broken?.reason})`);
      }
      return report;
    },
  });
}
