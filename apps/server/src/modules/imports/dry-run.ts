// The dry run: every row of the file read, judged and compared with the register and with the
// rows before it, then staged in import_rows with its status and reasons. Nothing reaches the
// register. Run again (after a new mapping, or after a crash) it starts over.
import type { ImportNote, ImportReason } from '@hirfa/contracts';
import { SYSTEM_ACTOR, recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import { loadContext } from './facts.ts';
import * as repo from './imports.repo.ts';
import { importTuning } from './tuning.ts';
import type { ImportRecord } from './imports.tables.ts';
import { type Judged, judgeRow, type NormalisedRow } from './normalise.ts';
import { type FileLayout, readRows } from './source.ts';
import { isBlankRow, type SourceRow } from './source-row.ts';
import { columnLetter, inspectWorkbook } from './xlsx-reader.ts';

export const DRY_RUN_NOTES = new Set(['formulas', 'formulas_without_value', 'empty_rows']);

export interface Progress {
  phase: 'dry_run' | 'load';
  done: number;
  total: number;
}

export interface RunDeps {
  db: Db;
  storage: BlobStorage;
}

interface Tally {
  total: number;
  valid: number;
  invalid: number;
  duplicate: number;
  skipped: number;
}

/** Remembers the first row of each CIN and each (name key, birth date) pair of the file. */
class SeenInFile {
  private readonly cins = new Map<string, number>();
  private readonly names = new Map<string, number>();

  check(row: NormalisedRow, rowNumber: number): ImportReason[] {
    const reasons: ImportReason[] = [];
    const firstCin = this.cins.get(row.cin);
    if (firstCin !== undefined) reasons.push({ code: 'same_cin_in_file', field: 'cin', row: firstCin });
    else this.cins.set(row.cin, rowNumber);
    let named = false;
    for (const key of nameKeysOf(row)) {
      const k = `${key}|${row.birthDate}`;
      const first = this.names.get(k);
      if (first !== undefined && !named && first !== firstCin) {
        reasons.push({ code: 'same_name_and_birth_date_in_file', row: first });
        named = true;
      }
      if (first === undefined) this.names.set(k, rowNumber);
    }
    return reasons;
  }
}

const nameKeysOf = (row: NormalisedRow) => [
  ...new Set([row.nameSkeleton, row.nameSkeletonAr].filter((k) => k !== '')),
];

const MAX_CELL = 1000;
const MAX_CELLS = 256;

/** The cells as kept for the report: no trailing empty cells, no absurdly long ones. */
function trimCells(cells: string[]): string[] {
  let n = Math.min(cells.length, MAX_CELLS);
  while (n > 0 && (cells[n - 1] ?? '') === '') n--;
  const kept = n === cells.length ? cells : cells.slice(0, n);
  return kept.some((c) => c.length > MAX_CELL) ? kept.map((c) => c.slice(0, MAX_CELL)) : kept;
}

/**
 * Batches go to the database one after the other (their order matters: a row is compared with the
 * rows before it), while the next ones are read and judged; at most `depth` wait their turn.
 */
class Pipeline {
  private readonly steps: Promise<void>[] = [];
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly depth = 2) {}

  async push(work: () => Promise<void>): Promise<void> {
    while (this.steps.length >= this.depth) await this.steps.shift();
    const step = this.last.then(work);
    step.catch(() => {}); // awaited by push or drain; not unhandled meanwhile
    this.last = step;
    this.steps.push(step);
  }

  async drain(): Promise<void> {
    await this.last;
  }

  /** After a failure elsewhere: lets the batches in flight finish, whatever their outcome. */
  async settle(): Promise<void> {
    await this.last.catch(() => {});
  }
}

/** The job stopped holding the import (another took over its stale claim): it stops quietly. */
export class ClaimLost extends Error {}

/**
 * Runs the dry run of an import whose dry run was begun (phase dry_run) under `claim` (the job
 * id, or the command line's). Returns the import as the run left it.
 */
export async function runDryRun(
  deps: RunDeps,
  importId: string,
  claim: string,
  opts: { batchSize?: number; onProgress?: (p: Progress) => void } = {},
): Promise<ImportRecord> {
  const { db } = deps;
  const imp = await repo.findImport(db, importId);
  if (!imp) throw new AppError(404, 'IMPORT_NOT_FOUND');
  if (imp.phase !== 'dry_run' || imp.jobId !== claim || !imp.mapping) return imp;
  const bytes = await deps.storage.get(imp.sha256);
  if (!bytes) throw new AppError(422, 'IMPORT_FILE_MISSING');
  const ctx = await loadContext(db, imp.chamberCode);
  const mapping = imp.mapping;
  const batchSize = opts.batchSize ?? importTuning.batchSize;
  const total = imp.estimatedRows ?? 0;
  // A retried job starts over: the rows an interrupted attempt staged go first.
  await repo.deleteStagedRows(db, importId);
  await repo.heartbeat(db, importId, claim, {
    progressDone: 0,
    progressTotal: total,
    runStartedAt: new Date(),
    runStartDone: 0,
  });

  const layout: FileLayout = {
    format: imp.format,
    encoding: imp.encoding,
    delimiter: imp.delimiter as FileLayout['delimiter'],
    sheetName: imp.sheetName,
  };
  const workbook = imp.format === 'xlsx' ? await inspectWorkbook(bytes) : undefined;
  const tally: Tally = { total: 0, valid: 0, invalid: 0, duplicate: 0, skipped: 0 };
  const seen = new SeenInFile();
  // Counted, with the first few cells as examples (a workbook may hold a million formulas).
  const formulas = { count: 0, cells: [] as string[] };
  const formulasWithoutValue = { count: 0, cells: [] as string[] };
  const note = (to: { count: number; cells: string[] }, ref: string) => {
    to.count++;
    if (to.cells.length < 5) to.cells.push(ref);
  };
  let blanks: SourceRow[] = [];
  let batch: SourceRow[] = [];
  // Two ordered chains: comparing a batch (its duplicate queries) may run while the batch before
  // it is being staged, on another connection, while the main loop reads and judges the next.
  const lookups = new Pipeline(2);
  const stages = new Pipeline(2);

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const judged = rows.map((src) => ({
      src,
      j: isBlankRow(src.cells) ? null : judgeRow(src.cells, src.flags, mapping, ctx.facts),
    }));
    // Let the database's answers in before judging the next batch (judging holds the thread).
    await new Promise((resolve) => setImmediate(resolve));
    await lookups.push(async () => {
      const staged = await compare(db, judged, seen, tally);
      const done = tally.total;
      await stages.push(async () => {
        await repo.insertStagedRows(db, importId, staged);
        const progress = { phase: 'dry_run' as const, done, total: Math.max(total, done) };
        const held = await repo.heartbeat(db, importId, claim, {
          progressDone: done,
          progressTotal: progress.total,
        });
        if (!held) throw new ClaimLost();
        opts.onProgress?.(progress);
      });
    });
  };

  try {
    for await (const row of readRows(bytes, layout, workbook)) {
      if (row.rowNumber <= imp.headerRow) continue;
      if (row.flags) {
        for (const [col, flag] of row.flags) {
          const ref = `${columnLetter(col)}${row.rowNumber}`;
          if (flag === 'formula') note(formulas, ref);
          if (flag === 'formula_no_value') note(formulasWithoutValue, ref);
        }
      }
      if (isBlankRow(row.cells)) {
        blanks.push(row); // kept only if a row with data follows (trailing blank rows are not rows)
        continue;
      }
      batch.push(...blanks, row);
      blanks = [];
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await lookups.drain();
    await stages.drain();
  } catch (err) {
    await lookups.settle();
    await stages.settle();
    throw err;
  }

  const notes: ImportNote[] = imp.notes.filter((n) => !DRY_RUN_NOTES.has(n.code));
  if (formulas.count) notes.push({ code: 'formulas', ...formulas });
  if (formulasWithoutValue.count) notes.push({ code: 'formulas_without_value', ...formulasWithoutValue });
  if (tally.skipped) notes.push({ code: 'empty_rows', count: tally.skipped });
  if (tally.total >= 10_000) await repo.analyzeStagedRows(db);
  return db.transaction(async (tx) => {
    const current = await repo.lockImport(tx, importId);
    if (current?.phase !== 'dry_run' || current.jobId !== claim) throw new ClaimLost();
    const done = await repo.updateImport(tx, importId, {
      status: 'dry_run_done',
      phase: null,
      notes,
      totalRows: tally.total,
      validCount: tally.valid,
      invalidCount: tally.invalid,
      duplicateCount: tally.duplicate,
      skippedCount: tally.skipped,
      loadAnywayCount: 0,
      progressDone: tally.total,
      progressTotal: tally.total,
      errorCode: null,
      errorParams: null,
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'import.dry_run',
      targetType: 'import',
      targetId: importId,
      chamberCode: imp.chamberCode,
      changes: { ...tally },
    });
    return done as ImportRecord;
  });
}

/** Statuses of a batch: invalid, duplicate of the register or of an earlier row, or valid. */
async function compare(
  db: Db,
  judged: { src: SourceRow; j: Judged | null }[],
  seen: SeenInFile,
  tally: Tally,
): Promise<repo.StagedInsert[]> {
  const ok = judged.flatMap(({ j }) => (j?.ok ? [j.row] : []));
  const [byCin, byName] = await Promise.all([
    repo.personsByCin(db, [...new Set(ok.map((r) => r.cin))]),
    repo.personsByNameAndBirth(
      db,
      ok.flatMap((r) => nameKeysOf(r).map((key) => ({ key, birthDate: r.birthDate }))),
    ),
  ]);
  const cinIndex = new Map(byCin.map((p) => [p.cin, p]));
  const nameIndex = new Map<string, repo.KnownPerson>();
  for (const p of byName) {
    for (const key of [p.nameSkeleton, p.nameSkeletonAr]) {
      if (key && p.registrationId) nameIndex.set(`${key}|${p.birthDate}`, p);
    }
  }
  return judged.map(({ src, j }) => {
    tally.total++;
    const base = {
      rowNumber: src.rowNumber,
      raw: trimCells(src.cells),
      matchedRegistrationId: null,
      matchedRow: null,
    };
    if (!j) {
      tally.skipped++;
      return { ...base, normalised: null, status: 'skipped', reasons: [{ code: 'empty_row' }], notes: [] };
    }
    if (!j.ok) {
      tally.invalid++;
      return { ...base, normalised: null, status: 'invalid', reasons: j.reasons, notes: j.notes };
    }
    const reasons: ImportReason[] = [];
    let matchedRegistrationId: string | null = null;
    const byCinMatch = cinIndex.get(j.row.cin);
    if (byCinMatch) {
      reasons.push({ code: 'same_cin', field: 'cin' });
      matchedRegistrationId = byCinMatch.registrationId;
    }
    for (const key of nameKeysOf(j.row)) {
      const m = nameIndex.get(`${key}|${j.row.birthDate}`);
      if (m && m.personId !== byCinMatch?.personId) {
        reasons.push({ code: 'same_name_and_birth_date' });
        matchedRegistrationId ??= m.registrationId;
        break;
      }
    }
    const inFile = seen.check(j.row, src.rowNumber);
    reasons.push(...inFile);
    const matchedRow = inFile[0]?.row ?? null;
    const status = reasons.length > 0 ? 'duplicate' : 'valid';
    tally[status]++;
    return { ...base, normalised: j.row, status, reasons, notes: j.notes, matchedRegistrationId, matchedRow };
  });
}
