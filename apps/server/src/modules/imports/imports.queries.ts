// What the API shows of imports: summaries, details with progress (rows per second, time left),
// the columns to map, the report's rows with their matched entries, the templates.
import {
  IMPORT_FIELDS,
  IMPORT_REQUIRED_FIELDS,
  type ImportColumns,
  type ImportDetail,
  type ImportProgress,
  type ImportRow,
  type ImportSummary,
  type ImportTemplate,
  type Locale,
} from '@hirfa/contracts';
import { type AuthUser, can, scopeFilter } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/client.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { headerSignature, proposeMapping, scriptOf } from './headers.ts';
import { allows, type ImportAction } from './import-state.ts';
import * as repo from './imports.repo.ts';
import type { ImportRecord, ImportTemplateRow, StagedRow } from './imports.tables.ts';
import { columnLetter } from './xlsx-reader.ts';

/** Rows per second over the current run and the time left at that pace. */
export function progressOf(imp: ImportRecord, now: Date = new Date()): ImportProgress | null {
  if (!imp.phase || !imp.runStartedAt) return null;
  const until = imp.heartbeatAt && imp.heartbeatAt > imp.runStartedAt ? imp.heartbeatAt : now;
  const seconds = Math.max((until.getTime() - imp.runStartedAt.getTime()) / 1000, 0.001);
  const doneThisRun = Math.max(imp.progressDone - imp.runStartDone, 0);
  const rowsPerSecond = doneThisRun > 0 ? Math.round((doneThisRun / seconds) * 10) / 10 : 0;
  const left = Math.max(imp.progressTotal - imp.progressDone, 0);
  return {
    phase: imp.phase,
    done: imp.progressDone,
    total: Math.max(imp.progressTotal, imp.progressDone),
    rowsPerSecond,
    etaSeconds: rowsPerSecond > 0 ? Math.round(left / rowsPerSecond) : null,
    startedAt: imp.runStartedAt.toISOString(),
  };
}

export function toSummary(imp: ImportRecord): ImportSummary {
  return {
    id: imp.id,
    chamberCode: imp.chamberCode,
    fileName: imp.fileName,
    format: imp.format,
    sizeBytes: imp.sizeBytes,
    status: imp.status,
    counts: {
      total: imp.totalRows,
      valid: imp.validCount,
      invalid: imp.invalidCount,
      duplicate: imp.duplicateCount,
      skipped: imp.skippedCount,
      loadAnyway: imp.loadAnywayCount,
      loaded: imp.loadedCount,
      rejected: imp.rejectedCount,
    },
    progress: progressOf(imp),
    createdAt: imp.createdAt.toISOString(),
    updatedAt: imp.updatedAt.toISOString(),
  };
}

/** What this user may do next: the state allows it and the user holds the permission. */
export function actionsFor(imp: ImportRecord, user: AuthUser | null): ImportAction[] {
  const all: ImportAction[] = ['map', 'dry_run', 'decide', 'sign_off', 'load', 'cancel'];
  return all.filter((a) => {
    if (!allows(imp, a)) return false;
    if (!user) return true;
    return can(user, a === 'sign_off' ? 'imports.sign_off' : 'imports.manage');
  });
}

export function toDetail(imp: ImportRecord, user: AuthUser | null, locale: Locale): ImportDetail {
  return {
    ...toSummary(imp),
    sha256: imp.sha256,
    encoding: imp.encoding,
    delimiter: imp.delimiter,
    sheetName: imp.sheetName,
    headerRow: imp.headerRow,
    headers: imp.headers,
    estimatedRows: imp.estimatedRows,
    mapping: imp.mapping,
    templateId: imp.templateId,
    notes: imp.notes,
    errorCode: imp.errorCode,
    errorTitle: imp.errorCode ? translate(locale, `codes.${imp.errorCode}`, imp.errorParams ?? {}) : null,
    signedOffBy: imp.signedOffBy,
    signedOffAt: imp.signedOffAt?.toISOString() ?? null,
    finishedAt: imp.finishedAt?.toISOString() ?? null,
    jobId: imp.jobId,
    actions: actionsFor(imp, user),
  };
}

export async function listFor(
  db: Db,
  user: AuthUser,
  q: {
    chamber?: string | undefined;
    status?: ImportRecord['status'] | undefined;
    limit: number;
    offset: number;
  },
) {
  const scope = scopeFilter(user);
  const chamberCode = scope ?? q.chamber;
  const page = await repo.listImports(db, {
    chamberCode,
    status: q.status,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: page.items.map(toSummary), total: page.total, limit: q.limit, offset: q.offset };
}

function toTemplate(t: ImportTemplateRow, signature: string | null): ImportTemplate {
  return {
    id: t.id,
    chamberCode: t.chamberCode,
    name: t.name,
    headers: t.headers,
    mapping: t.mapping,
    headerRow: t.headerRow,
    matches: signature !== null && t.headerSignature === signature,
    createdAt: t.createdAt.toISOString(),
  };
}

export async function templatesFor(db: Db, user: AuthUser, chamber: string | undefined) {
  const chamberCode = scopeFilter(user) ?? chamber;
  return (await repo.listTemplates(db, chamberCode)).map((t) => toTemplate(t, null));
}

/** The columns of the file with samples, and a mapping to start from: saved, a template's, or guessed. */
export async function columnsOf(db: Db, imp: ImportRecord): Promise<ImportColumns> {
  const signature = headerSignature(imp.headers);
  const templates = (await repo.listTemplates(db, imp.chamberCode)).map((t) => toTemplate(t, signature));
  const samples = imp.preview.map((r) => r.cells);
  const matching = templates
    .filter((t) => t.matches)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const [proposed, proposedFrom] = imp.mapping
    ? [imp.mapping, 'saved' as const]
    : matching
      ? [matching.mapping, 'template' as const]
      : [proposeMapping(imp.headers, samples), 'headers' as const];
  return {
    headerRow: imp.headerRow,
    columns: imp.headers.map((header, index) => {
      const values = samples.map((row) => row[index] ?? '');
      return {
        index,
        letter: columnLetter(index),
        header,
        script: scriptOf(values),
        samples: values.filter((v) => v.trim() !== '').slice(0, 5),
      };
    }),
    preview: imp.preview,
    proposed,
    proposedFrom,
    templates: templates.sort((a, b) => Number(b.matches) - Number(a.matches)),
    fields: IMPORT_FIELDS.map((field) => ({ field, required: IMPORT_REQUIRED_FIELDS.includes(field) })),
  };
}

export function toRowDto(
  r: StagedRow,
  entries: Map<string, Awaited<ReturnType<typeof repo.entriesById>>[number]>,
): ImportRow {
  const e = r.matchedRegistrationId ? entries.get(r.matchedRegistrationId) : undefined;
  return {
    rowNumber: r.rowNumber,
    status: r.status,
    cells: r.raw,
    normalised: r.normalised,
    reasons: r.reasons,
    notes: r.notes,
    match: e
      ? {
          registrationId: e.id,
          nia: e.nia,
          nameAr: e.nameAr,
          nameLatn: e.nameLatn,
          birthDate: e.birthDate,
          cin: e.cin,
          chamberCode: e.chamberCode,
          status: e.status,
        }
      : null,
    matchedRow: r.matchedRow,
    decision: r.decision,
    registrationId: r.registrationId,
  };
}

export async function rowsOf(
  db: Db,
  imp: ImportRecord,
  q: { status?: StagedRow['status'] | undefined; limit: number; offset: number },
) {
  const page = await repo.listStaged(db, imp.id, q);
  const ids = [
    ...new Set(page.items.flatMap((r) => (r.matchedRegistrationId ? [r.matchedRegistrationId] : []))),
  ];
  const entries = new Map((await repo.entriesById(db, ids)).map((e) => [e.id, e]));
  return {
    items: page.items.map((r) => toRowDto(r, entries)),
    total: page.total,
    limit: q.limit,
    offset: q.offset,
  };
}
