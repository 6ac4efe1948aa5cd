// The load: signed-off rows become register entries in batches. Each batch is one transaction
// that locks the import, reads the rows after the cursor, creates the persons, entries (NIA from
// the national sequence) and first versions, marks the rows loaded with their entry, advances
// the cursor and writes one audit event. A crash loses at most the batch in flight, which rolls
// back; the next run continues after the cursor. The unique (import_id, import_row) of
// registrations makes a doubled row impossible even if this code were wrong.
import { randomUUID } from 'node:crypto';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { formatNia } from '../registry/index.ts';
import type { Progress } from './dry-run.ts';
import { loadContext } from './facts.ts';
import * as repo from './imports.repo.ts';
import { importTuning } from './tuning.ts';
import type { ImportRecord } from './imports.tables.ts';
import * as load from './load.repo.ts';

/** Test seams: throw from `inBatch` to roll a batch back, from `afterBatch` to stop between batches. */
export interface LoadHooks {
  inBatch?(batchIndex: number): void | Promise<void>;
  afterBatch?(batchIndex: number): void | Promise<void>;
}

export const loadHooks: LoadHooks = {};

export interface LoadOptions {
  niaFormat: string;
  actor: Actor;
  batchSize?: number;
  onProgress?: (p: Progress) => void;
}

type BatchResult =
  | { kind: 'batch'; loaded: number; rejected: number; done: number; total: number }
  | { kind: 'end'; record: ImportRecord };

export async function runLoad(db: Db, importId: string, opts: LoadOptions): Promise<ImportRecord> {
  const first = await repo.findImport(db, importId);
  if (!first) throw new AppError(404, 'IMPORT_NOT_FOUND');
  const ctx = await loadContext(db, first.chamberCode);
  const year = Number(ctx.today.slice(0, 4));
  const batchSize = opts.batchSize ?? importTuning.batchSize;
  await repo.updateImport(db, importId, {
    runStartedAt: new Date(),
    runStartDone: first.progressDone,
    heartbeatAt: new Date(),
  });
  for (let batchIndex = 0; ; batchIndex++) {
    const result: BatchResult = await db.transaction(async (tx) => {
      const imp = await repo.lockImport(tx, importId);
      if (!imp) throw new AppError(404, 'IMPORT_NOT_FOUND');
      if (imp.status !== 'loading') return { kind: 'end', record: imp };
      const rows = await load.nextBatch(tx, importId, imp.cursorRow, batchSize);
      if (rows.length === 0) {
        const record = await repo.updateImport(tx, importId, {
          status: 'done',
          phase: null,
          finishedAt: new Date(),
          progressDone: imp.progressTotal,
        });
        await recordAudit(tx, opts.actor, {
          action: 'import.done',
          targetType: 'import',
          targetId: importId,
          chamberCode: imp.chamberCode,
          changes: { loaded: imp.loadedCount, rejected: imp.rejectedCount },
        });
        return { kind: 'end', record: record as ImportRecord };
      }
      // A CIN registered since the dry run (at the counter, or by another import) is not doubled.
      const taken = await load.cinsTaken(
        tx,
        rows.map((r) => r.cin),
      );
      const seenHere = new Set<string>();
      const rejected: { rowNumber: number; cin: string }[] = [];
      const loadable = rows.filter((r) => {
        const cin = r.cin;
        if (taken.has(cin) || seenHere.has(cin)) {
          rejected.push({ rowNumber: r.rowNumber, cin });
          return false;
        }
        seenHere.add(cin);
        return true;
      });
      const entries: load.NewEntry[] = [];
      if (loadable.length > 0) {
        const firstSeq = await load.takeNiaRange(tx, loadable.length);
        for (const [i, r] of loadable.entries()) {
          entries.push({
            rowNumber: r.rowNumber,
            personId: randomUUID(),
            registrationId: randomUUID(),
            nia: formatNia(opts.niaFormat, { year, regionCode: ctx.regionCode, seq: firstSeq + i }),
          });
        }
        await load.insertEntries(tx, entries, {
          importId,
          fileName: imp.fileName,
          chamberCode: imp.chamberCode,
          nomenclatureVersion: ctx.nomenclatureVersion,
          actorId: opts.actor.id,
        });
      }
      await load.markRejected(tx, importId, rejected);
      const cursor = rows[rows.length - 1]?.rowNumber ?? imp.cursorRow;
      await load.advance(tx, importId, cursor, entries.length, rejected.length);
      await recordAudit(tx, opts.actor, {
        action: 'registration.import',
        targetType: 'import',
        targetId: importId,
        chamberCode: imp.chamberCode,
        changes: {
          rows: [rows[0]?.rowNumber, cursor],
          loaded: entries.length,
          rejected: rejected.length,
          nias: entries.length ? [entries[0]?.nia, entries[entries.length - 1]?.nia] : [],
        },
      });
      await loadHooks.inBatch?.(batchIndex);
      return {
        kind: 'batch',
        loaded: entries.length,
        rejected: rejected.length,
        done: imp.progressDone + entries.length + rejected.length,
        total: imp.progressTotal,
      };
    });
    if (result.kind === 'end') return result.record;
    opts.onProgress?.({ phase: 'load', done: result.done, total: result.total });
    await loadHooks.afterBatch?.(batchIndex);
  }
}
