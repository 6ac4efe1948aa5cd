// The state machine of an import, as pure functions: which actions its state allows.
//
//   uploaded ─map─▶ mapped ─dry_run─▶ (job) ─▶ dry_run_done ─sign_off─▶ signed_off ─load─▶ loading ─▶ done
//                     ▲                            │  ▲ decide (load anyway / exclude)       │
//                     └──────────── map ───────────┘                                         ▼
//   any state before loading ─cancel─▶ cancelled       a job that gives up ─▶ failed ─load─▶ loading (resume)
import type { IMPORT_ACTIONS } from '@hirfa/contracts';
import { AppError } from '../../platform/http/errors.ts';
import type { ImportRecord } from './imports.tables.ts';

export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/** Seconds without a heartbeat after which a job at work is taken for dead. */
export const STALE_SECONDS = 120;

type StateView = Pick<ImportRecord, 'status' | 'phase' | 'loadedCount' | 'signedOffAt' | 'heartbeatAt'>;

export function isStale(imp: StateView, now: Date = new Date()): boolean {
  return (
    imp.phase !== null &&
    (imp.heartbeatAt === null || now.getTime() - imp.heartbeatAt.getTime() > STALE_SECONDS * 1000)
  );
}

/** Whether the state allows an action (who may take it is a separate question). */
export function allows(imp: StateView, action: ImportAction, now: Date = new Date()): boolean {
  const idle = imp.phase === null;
  switch (action) {
    case 'map':
      return (
        idle &&
        (['uploaded', 'mapped', 'dry_run_done'].includes(imp.status) ||
          (imp.status === 'failed' && !imp.signedOffAt))
      );
    case 'dry_run':
      return (
        (idle && (imp.status === 'mapped' || imp.status === 'dry_run_done')) ||
        (imp.phase === 'dry_run' && isStale(imp, now))
      );
    case 'decide':
    case 'sign_off':
      return idle && imp.status === 'dry_run_done';
    case 'load':
      return (
        (idle && imp.status === 'signed_off') ||
        (idle && imp.status === 'failed' && imp.signedOffAt !== null) ||
        (imp.status === 'loading' && isStale(imp, now))
      );
    case 'cancel':
      return (
        idle &&
        (['uploaded', 'mapped', 'dry_run_done', 'signed_off'].includes(imp.status) ||
          (imp.status === 'failed' && imp.loadedCount === 0))
      );
  }
}

export function assertAllows(imp: StateView, action: ImportAction): void {
  if (allows(imp, action)) return;
  if (imp.phase !== null && !isStale(imp)) throw new AppError(409, 'IMPORT_BUSY', { phase: imp.phase });
  throw new AppError(409, 'IMPORT_TRANSITION_FORBIDDEN', { status: imp.status });
}
