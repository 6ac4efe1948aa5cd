// npm run import -- FILE --chamber MA-06 [--mapping TEMPLATE] [--yes] [--lang fr|ar|en|zgh]
// The same steps as the back office, in this process: upload, mapping (a template, or guessed
// from the headers), dry run with its report, confirmation, sign-off, load with a live progress
// line, and the rejects file written next to the input.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { IMPORT_ENCODINGS, type ImportEncoding, LOCALES, type Locale } from '@hirfa/contracts';
import type { Actor } from '../../platform/audit/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import { importText, reasonText } from './catalogue.ts';
import { type Progress, runDryRun } from './dry-run.ts';
import { missingFields } from './headers.ts';
import * as repo from './imports.repo.ts';
import { columnsOf } from './imports.queries.ts';
import { ImportsService } from './imports.service.ts';
import type { ImportRecord } from './imports.tables.ts';
import { runLoad } from './load.ts';
import { formatDuration, progressLine } from './progress.ts';
import { rejectsStream } from './rejects.ts';

/** The command line takes larger files than the back office (whose limit is 100 MB). */
const CLI_MAX_BYTES = 1024 * 1024 * 1024;

export interface CommandDeps {
  config: Config;
  database: Database;
  storage: BlobStorage;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

function progressPrinter(out: NodeJS.WriteStream, locale: Locale) {
  const texts = {
    rows: importText(locale, 'cli.rows'),
    perSecond: importText(locale, 'cli.perSecond'),
    left: importText(locale, 'cli.left'),
  };
  let started = 0;
  let last = 0;
  return {
    start() {
      started = performance.now();
      last = 0;
    },
    update(p: Progress) {
      const now = performance.now();
      const finished = p.done >= p.total;
      if (!out.isTTY && now - last < 2000 && !finished) return;
      last = now;
      const line = progressLine(p.done, p.total, (now - started) / 1000, texts);
      out.write(out.isTTY ? `\r${line}\u001b[K` : `${line}\n`);
    },
    end() {
      if (out.isTTY) out.write('\n');
      return (performance.now() - started) / 1000;
    },
  };
}

async function writeRejects(
  database: Database,
  imp: ImportRecord,
  file: string,
  locale: Locale,
): Promise<string> {
  const target = path.join(
    path.dirname(path.resolve(file)),
    `${path.basename(file).replace(/\.[^.]+$/, '')}.rejects.csv`,
  );
  const out = fs.createWriteStream(target);
  await new Promise<void>((resolve, reject) => {
    rejectsStream(database.db, imp, locale)
      .on('error', reject)
      .pipe(out)
      .on('finish', resolve)
      .on('error', reject);
  });
  return target;
}

async function confirm(deps: CommandDeps, question: string): Promise<boolean> {
  const input = deps.stdin ?? process.stdin;
  if (!input.isTTY) return false;
  const rl = readline.createInterface({ input, output: deps.stdout ?? process.stdout });
  try {
    return /^(y|yes|o|oui|نعم|ⵢⵀ)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/** Runs the import command; returns the process exit code. */
export async function runImportCommand(deps: CommandDeps, argv: string[]): Promise<number> {
  const out = deps.stdout ?? process.stdout;
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      chamber: { type: 'string' },
      mapping: { type: 'string' },
      yes: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'fr' },
      encoding: { type: 'string' },
    },
  });
  const locale = (LOCALES as readonly string[]).includes(values.lang ?? '') ? (values.lang as Locale) : 'fr';
  const say = (key: string, params: Record<string, unknown> = {}) =>
    out.write(`${importText(locale, `cli.${key}`, params)}\n`);
  const file = positionals[0];
  if (!file || !values.chamber) {
    say('usage');
    return 64;
  }
  if (values.encoding && !(IMPORT_ENCODINGS as readonly string[]).includes(values.encoding)) {
    say('usage');
    return 64;
  }
  const actor: Actor = { id: null, role: 'cli', chamberCode: null, requestId: null, ip: null };
  const service = new ImportsService(deps.database.db, deps.storage);
  try {
    const stat = await fs.promises.stat(file);
    if (stat.size > CLI_MAX_BYTES)
      throw new AppError(413, 'IMPORT_FILE_TOO_LARGE', { maxMb: CLI_MAX_BYTES / 1024 / 1024 });
    const bytes = await fs.promises.readFile(file);
    let imp = await service.create(
      {
        chamberCode: values.chamber,
        fileName: path.basename(file),
        bytes,
        encoding: values.encoding as ImportEncoding | undefined,
        createdBy: null,
      },
      { ...actor, chamberCode: values.chamber },
    );
    say('detected', {
      format: imp.format,
      encoding: imp.encoding ?? '-',
      delimiter: imp.delimiter === '\t' ? 'TAB' : (imp.delimiter ?? '-'),
      headerRow: imp.headerRow,
      rows: imp.estimatedRows ?? '?',
    });
    for (const n of imp.notes)
      out.write(
        `  · ${importText(locale, `notes.${n.code}`, { count: n.count ?? '', cells: n.cells?.join(', ') ?? '' })}\n`,
      );

    if (values.mapping) {
      imp = await service.mapWithTemplate(null, imp.id, values.mapping, actor);
    } else {
      const columns = await columnsOf(deps.database.db, imp);
      const missing = missingFields(columns.proposed);
      if (missing.length > 0) {
        say('mappingIncomplete', {
          fields: missing.map((f) => importText(locale, `fields.${f}`)).join(', '),
        });
        for (const c of columns.columns) {
          out.write(`  ${c.letter}  ${c.header || '—'}  (${c.samples.slice(0, 2).join(' | ')})\n`);
        }
        say('mappingHint', { id: imp.id });
        return 2;
      }
      imp = await service.map(null, imp.id, { headerRow: imp.headerRow, mapping: columns.proposed }, actor);
      if (columns.proposedFrom === 'template') say('templateUsed');
    }
    for (const [field, index] of Object.entries(imp.mapping ?? {})) {
      out.write(
        `  ${importText(locale, `fields.${field}`).padEnd(28)} ← ${imp.headers[index as number] || `#${(index as number) + 1}`}\n`,
      );
    }

    say('dryRun');
    const bar = progressPrinter(out, locale);
    const claim = `cli-${randomUUID()}`;
    await service.beginDryRun(null, imp.id, claim, actor);
    bar.start();
    imp = await runDryRun({ db: deps.database.db, storage: deps.storage }, imp.id, claim, {
      onProgress: (p) => bar.update(p),
    });
    const dryRunSeconds = bar.end();
    say('report', {
      total: imp.totalRows,
      valid: imp.validCount,
      invalid: imp.invalidCount,
      duplicate: imp.duplicateCount,
      skipped: imp.skippedCount,
      seconds: dryRunSeconds.toFixed(1),
    });
    for (const n of imp.notes)
      out.write(
        `  · ${importText(locale, `notes.${n.code}`, { count: n.count ?? '', cells: n.cells?.join(', ') ?? '' })}\n`,
      );
    for (const status of ['invalid', 'duplicate'] as const) {
      const page = await repo.listStaged(deps.database.db, imp.id, { status, limit: 10, offset: 0 });
      for (const r of page.items) {
        out.write(
          `  ${importText(locale, `rowStatuses.${status}`)} ${importText(locale, 'cli.row', { row: r.rowNumber })}: ${r.reasons.map((x) => reasonText(locale, x)).join(' ; ')}\n`,
        );
      }
      if (page.total > page.items.length) say('more', { count: page.total - page.items.length });
    }
    const rejects = await writeRejects(deps.database, imp, file, locale);
    say('rejectsWritten', { file: rejects });
    if (imp.validCount === 0) {
      say('nothingToLoad');
      return 1;
    }
    const question = importText(locale, 'cli.confirm', { count: imp.validCount, chamber: imp.chamberCode });
    if (!values.yes) {
      if (!(deps.stdin ?? process.stdin).isTTY) {
        say('needYes', { id: imp.id });
        return 3;
      }
      if (!(await confirm(deps, `${question} `))) {
        say('notLoaded', { id: imp.id });
        return 0;
      }
    }
    await service.signOff(null, imp.id, actor);
    const loadClaim = `cli-${randomUUID()}`;
    await service.beginLoad(null, imp.id, loadClaim, actor);
    say('loading');
    bar.start();
    imp = await runLoad(deps.database.db, imp.id, {
      niaFormat: deps.config.niaFormat,
      actor: { ...actor, chamberCode: imp.chamberCode },
      onProgress: (p) => bar.update(p),
    });
    const loadSeconds = bar.end();
    say('loaded', {
      loaded: imp.loadedCount,
      rejected: imp.rejectedCount,
      seconds: formatDuration(loadSeconds),
      rate: Math.round(imp.loadedCount / Math.max(loadSeconds, 0.001)),
      id: imp.id,
    });
    if (imp.rejectedCount > 0)
      say('rejectsWritten', { file: await writeRejects(deps.database, imp, file, locale) });
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      out.write(`${translate(locale, `codes.${err.code}`, err.params)} (${err.code})\n`);
      for (const e of err.fieldErrors)
        out.write(`  ${e.path}: ${translate(locale, `validation.${e.code}`, e.params)}\n`);
      return 1;
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      say('noFile', { file });
      return 66;
    }
    throw err;
  }
}
