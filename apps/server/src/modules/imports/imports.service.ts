// The rules of an import: who may touch it (its chamber's staff, the Federation), which step its
// state allows, and the steps themselves. HTTP routes, jobs and the command line all come here.
import type { ImportEncoding, PutImportMapping } from '@hirfa/contracts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { type AuthUser, assertScope } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import { todayInMorocco } from '../../platform/time.ts';
import { findChamber } from '../reference/index.ts';
import { headerSignature, missingFields } from './headers.ts';
import { assertAllows, isStale } from './import-state.ts';
import * as repo from './imports.repo.ts';
import type { ImportRecord } from './imports.tables.ts';
import { inspectFile, previewRows } from './source.ts';
import { isBlankRow } from './source-row.ts';

/** The chamber a caller names: "MA-06" is the regional chamber CA-MA-06. */
export function chamberCodeOf(input: string): string {
  const s = input.trim().toUpperCase();
  return /^MA-\d{2}$/.test(s) ? `CA-${s}` : s;
}

export interface NewImport {
  chamberCode: string;
  fileName: string;
  bytes: Buffer;
  encoding?: ImportEncoding | undefined;
  createdBy: string | null;
}

/** Staff of the import's chamber, or national staff; anyone else learns nothing of it. */
export async function getImportFor(db: Db, user: AuthUser | null, id: string): Promise<ImportRecord> {
  const imp = await repo.findImport(db, id);
  if (!imp) throw new AppError(404, 'IMPORT_NOT_FOUND');
  if (user) assertScope(user, imp.chamberCode);
  return imp;
}

export class ImportsService {
  constructor(
    private readonly db: Db,
    private readonly storage: BlobStorage,
  ) {}

  /** Stores the file and reads its layout; a file that cannot be read is refused, nothing is kept. */
  async create(input: NewImport, actor: Actor): Promise<ImportRecord> {
    const chamberCode = chamberCodeOf(input.chamberCode);
    const chamber = await findChamber(this.db, chamberCode, todayInMorocco());
    if (chamber?.kind !== 'regional')
      throw new AppError(400, 'IMPORT_CHAMBER_UNKNOWN', { chamber: chamberCode });
    const inspection = await inspectFile(input.bytes, input.fileName, input.encoding);
    const { key, size } = await this.storage.put(input.bytes);
    return this.db.transaction(async (tx) => {
      const row = await repo.insertImport(tx, {
        chamberCode,
        fileName: input.fileName.slice(0, 255),
        sha256: key,
        sizeBytes: size,
        format: inspection.format,
        encoding: inspection.encoding,
        delimiter: inspection.delimiter,
        sheetName: inspection.sheetName,
        headerRow: inspection.headerRow,
        headers: inspection.headers,
        preview: inspection.preview,
        estimatedRows: inspection.estimatedRows,
        notes: inspection.notes,
        status: 'uploaded',
        createdBy: input.createdBy,
      });
      await recordAudit(tx, actor, {
        action: 'import.upload',
        targetType: 'import',
        targetId: row.id,
        chamberCode,
        changes: { fileName: row.fileName, sha256: key, size, format: row.format, encoding: row.encoding },
      });
      return row;
    });
  }

  /** Sets the header row and the mapping (optionally saved as a template); clears an earlier dry run. */
  async map(user: AuthUser | null, id: string, body: PutImportMapping, actor: Actor): Promise<ImportRecord> {
    const imp = await getImportFor(this.db, user, id);
    assertAllows(imp, 'map');
    let headers = imp.headers;
    let preview = imp.preview;
    const headerRow = body.headerRow ?? imp.headerRow;
    if (headerRow !== imp.headerRow) {
      const bytes = await this.storage.get(imp.sha256);
      if (!bytes) throw new AppError(422, 'IMPORT_FILE_MISSING');
      const rows = await previewRows(bytes, {
        format: imp.format,
        encoding: imp.encoding,
        delimiter: imp.delimiter as ',' | null,
        sheetName: imp.sheetName,
      });
      const header = rows.find((r) => r.rowNumber === headerRow);
      const width = Math.max(0, ...rows.map((r) => r.cells.length));
      headers = Array.from({ length: width }, (_, i) => (header?.cells[i] ?? '').trim());
      preview = rows
        .filter((r) => r.rowNumber > headerRow && !isBlankRow(r.cells))
        .slice(0, 10)
        .map((r) => ({ rowNumber: r.rowNumber, cells: r.cells }));
    }
    const fieldErrors = missingFields(body.mapping).map((f) => ({ path: `mapping.${f}`, code: 'required' }));
    for (const [field, index] of Object.entries(body.mapping)) {
      if (index !== undefined && index >= Math.max(headers.length, 1))
        fieldErrors.push({ path: `mapping.${field}`, code: 'invalid_value' });
    }
    if (fieldErrors.length > 0) throw new AppError(400, 'IMPORT_MAPPING_INCOMPLETE', {}, fieldErrors);
    return this.db.transaction(async (tx) => {
      let templateId = imp.templateId;
      if (body.saveAsTemplate) {
        const template = await repo.upsertTemplate(tx, {
          chamberCode: imp.chamberCode,
          name: body.saveAsTemplate,
          headerSignature: headerSignature(headers),
          headers,
          headerRow,
          mapping: body.mapping,
          createdBy: user?.id ?? null,
        });
        templateId = template.id;
      }
      await repo.deleteStagedRows(tx, id);
      const row = await repo.updateImport(tx, id, {
        status: 'mapped',
        headerRow,
        headers,
        preview,
        mapping: body.mapping,
        templateId,
        totalRows: 0,
        validCount: 0,
        invalidCount: 0,
        duplicateCount: 0,
        skippedCount: 0,
        loadAnywayCount: 0,
        errorCode: null,
        errorParams: null,
      });
      await recordAudit(tx, actor, {
        action: 'import.map',
        targetType: 'import',
        targetId: id,
        chamberCode: imp.chamberCode,
        changes: { headerRow, mapping: body.mapping, template: body.saveAsTemplate ?? null },
      });
      return row as ImportRecord;
    });
  }

  /** Applies a saved template by name (the command line's --mapping). */
  async mapWithTemplate(
    user: AuthUser | null,
    id: string,
    name: string,
    actor: Actor,
  ): Promise<ImportRecord> {
    const imp = await getImportFor(this.db, user, id);
    const template = await repo.findTemplateByName(this.db, imp.chamberCode, name);
    if (!template) throw new AppError(404, 'IMPORT_TEMPLATE_NOT_FOUND', { name });
    const row = await this.map(user, id, { headerRow: template.headerRow, mapping: template.mapping }, actor);
    return (await repo.updateImport(this.db, id, { templateId: template.id })) ?? row;
  }

  /** Marks the dry run as started (the caller then runs it, in a job or in-process). */
  async beginDryRun(user: AuthUser | null, id: string, claim: string, actor: Actor): Promise<ImportRecord> {
    return this.db.transaction(async (tx) => {
      const imp = await repo.lockImport(tx, id);
      if (!imp) throw new AppError(404, 'IMPORT_NOT_FOUND');
      if (user) assertScope(user, imp.chamberCode);
      assertAllows(imp, 'dry_run');
      await repo.deleteStagedRows(tx, id);
      const row = await repo.updateImport(tx, id, {
        status: 'mapped',
        phase: 'dry_run',
        jobId: claim,
        heartbeatAt: new Date(),
        runStartedAt: new Date(),
        runStartDone: 0,
        progressDone: 0,
        progressTotal: imp.estimatedRows ?? 0,
        errorCode: null,
        errorParams: null,
      });
      await recordAudit(tx, actor, {
        action: 'import.dry_run_start',
        targetType: 'import',
        targetId: id,
        chamberCode: imp.chamberCode,
      });
      return row as ImportRecord;
    });
  }

  /** An agent's choice on a duplicate candidate: load it anyway (never merged), or leave it out. */
  async decide(
    user: AuthUser | null,
    id: string,
    rowNumber: number,
    decision: 'load_anyway' | 'exclude',
    actor: Actor,
  ) {
    return this.db.transaction(async (tx) => {
      const imp = await repo.lockImport(tx, id);
      if (!imp) throw new AppError(404, 'IMPORT_NOT_FOUND');
      if (user) assertScope(user, imp.chamberCode);
      assertAllows(imp, 'decide');
      const row = await repo.findStaged(tx, id, rowNumber);
      if (!row) throw new AppError(404, 'IMPORT_ROW_NOT_FOUND');
      if (row.status !== 'duplicate')
        throw new AppError(409, 'IMPORT_DECISION_FORBIDDEN', { status: row.status });
      // Two persons cannot share a CIN: a CIN duplicate is a matter for the existing entry.
      if (
        decision === 'load_anyway' &&
        row.reasons.some((r) => r.code === 'same_cin' || r.code === 'same_cin_in_file')
      ) {
        throw new AppError(409, 'IMPORT_DECISION_SAME_CIN');
      }
      const next = decision === 'load_anyway' ? 'load_anyway' : null;
      if (row.decision !== next) {
        await repo.setDecision(tx, id, rowNumber, next);
        await repo.updateImport(tx, id, { loadAnywayCount: imp.loadAnywayCount + (next ? 1 : -1) });
        await recordAudit(tx, actor, {
          action: 'import.decide',
          targetType: 'import',
          targetId: id,
          chamberCode: imp.chamberCode,
          changes: {
            row: rowNumber,
            decision,
            matchedRegistrationId: row.matchedRegistrationId,
            matchedRow: row.matchedRow,
          },
        });
      }
      return (await repo.findStaged(tx, id, rowNumber)) ?? row;
    });
  }

  /** The chamber accepts the dry run as it stands: only then can anything be loaded. */
  async signOff(user: AuthUser | null, id: string, actor: Actor): Promise<ImportRecord> {
    return this.db.transaction(async (tx) => {
      const imp = await repo.lockImport(tx, id);
      if (!imp) throw new AppError(404, 'IMPORT_NOT_FOUND');
      if (user) assertScope(user, imp.chamberCode);
      assertAllows(imp, 'sign_off');
      if (imp.validCount + imp.loadAnywayCount === 0) throw new AppError(409, 'IMPORT_NOTHING_TO_LOAD');
      const row = await repo.updateImport(tx, id, {
        status: 'signed_off',
        signedOffBy: user?.id ?? null,
        signedOffAt: new Date(),
      });
      await recordAudit(tx, actor, {
        action: 'import.sign_off',
        targetType: 'import',
        targetId: id,
        chamberCode: imp.chamberCode,
        changes: {
          valid: imp.validCount,
          loadAnyway: imp.loadAnywayCount,
          invalid: imp.invalidCount,
          duplicate: imp.duplicateCount,
          sha256: imp.sha256,
        },
      });
      return row as ImportRecord;
    });
  }

  /** Marks the load as started, or resumed after a failure or a dead job (the caller then runs it). */
  async beginLoad(user: AuthUser | null, id: string, claim: string, actor: Actor): Promise<ImportRecord> {
    return this.db.transaction(async (tx) => {
      const imp = await repo.lockImport(tx, id);
      if (!imp) throw new AppError(404, 'IMPORT_NOT_FOUND');
      if (user) assertScope(user, imp.chamberCode);
      assertAllows(imp, 'load');
      const resumed = imp.status !== 'signed_off';
      const row = await repo.updateImport(tx, id, {
        status: 'loading',
        phase: 'load',
        jobId: claim,
        heartbeatAt: new Date(),
        errorCode: null,
        errorParams: null,
        ...(resumed ? {} : { progressDone: 0, progressTotal: imp.validCount + imp.loadAnywayCount }),
      });
      await recordAudit(tx, actor, {
        action: resumed ? 'import.load_resume' : 'import.load_start',
        targetType: 'import',
        targetId: id,
        chamberCode: imp.chamberCode,
        changes: { cursor: imp.cursorRow, loaded: imp.loadedCount },
      });
      return row as ImportRecord;
    });
  }

  async cancel(user: AuthUser | null, id: string, actor: Actor): Promise<ImportRecord> {
    return this.db.transaction(async (tx) => {
      const imp = await repo.lockImport(tx, id);
      if (!imp) throw new AppError(404, 'IMPORT_NOT_FOUND');
      if (user) assertScope(user, imp.chamberCode);
      assertAllows(imp, 'cancel');
      const row = await repo.updateImport(tx, id, {
        status: 'cancelled',
        phase: null,
        finishedAt: new Date(),
      });
      await recordAudit(tx, actor, {
        action: 'import.cancel',
        targetType: 'import',
        targetId: id,
        chamberCode: imp.chamberCode,
      });
      return row as ImportRecord;
    });
  }

  /** A job gave up: the dry run's partial rows are dropped; a load keeps what it committed (resumable). */
  async fail(id: string, code: string, params: Record<string, unknown>, actor: Actor): Promise<void> {
    await this.db.transaction(async (tx) => {
      const imp = await repo.lockImport(tx, id);
      if (!imp || imp.phase === null) return;
      if (imp.phase === 'dry_run') await repo.deleteStagedRows(tx, id);
      await repo.updateImport(tx, id, {
        status: 'failed',
        phase: null,
        errorCode: code,
        errorParams: params,
        ...(imp.phase === 'dry_run'
          ? { totalRows: 0, validCount: 0, invalidCount: 0, duplicateCount: 0, skippedCount: 0 }
          : {}),
      });
      await recordAudit(tx, actor, {
        action: 'import.fail',
        targetType: 'import',
        targetId: id,
        chamberCode: imp.chamberCode,
        changes: { phase: imp.phase, code, cursor: imp.cursorRow, loaded: imp.loadedCount },
      });
    });
  }

  /** Whether a job may still work on this import (another took over a stale claim, or it was cancelled). */
  async holdsClaim(id: string, claim: string): Promise<boolean> {
    const imp = await repo.findImport(this.db, id);
    return imp !== null && imp.phase !== null && imp.jobId === claim && !isStale(imp);
  }
}
