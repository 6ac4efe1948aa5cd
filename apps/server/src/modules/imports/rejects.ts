// The rejects file: every row that was not loaded (invalid, duplicate not loaded, rejected at
// load) with its reasons in words, then the row as it was in the file, so the chamber can fix it
// and send it again. UTF-8 with a BOM (Excel opens Arabic correctly), the file's own delimiter.
import { Readable } from 'node:stream';
import type { Locale } from '@hirfa/contracts';
import type { Db } from '../../platform/db/client.ts';
import { importText, reasonText } from './catalogue.ts';
import * as repo from './imports.repo.ts';
import type { ImportRecord, StagedRow } from './imports.tables.ts';

const PAGE = 2000;

/** Quotes a field when needed; a leading =, +, - or @ is neutralised so no cell runs as a formula. */
export function csvCell(value: string, delimiter: string): string {
  let s = value;
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d[\d\s.]*$/.test(s)) s = `'${s}`;
  return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** What does not reach the register: invalid rows, duplicates nobody chose to load, rows refused at load. */
const REJECTED: StagedRow['status'][] = ['invalid', 'duplicate', 'rejected'];

export function rejectsFileName(imp: ImportRecord): string {
  const base = imp.fileName.replace(/\.[^.]+$/, '');
  return `${base}.rejects.csv`;
}

/** Streams the rejects file page by page (a million rows never sit in memory). */
export function rejectsStream(db: Db, imp: ImportRecord, locale: Locale): Readable {
  const d = imp.delimiter && imp.delimiter !== '|' ? imp.delimiter : ',';
  const line = (cells: string[]) => `${cells.map((c) => csvCell(c, d)).join(d)}\r\n`;
  async function* lines() {
    yield `\uFEFF${line([
      importText(locale, 'rejects.row'),
      importText(locale, 'rejects.status'),
      importText(locale, 'rejects.reasons'),
      ...imp.headers,
    ])}`;
    let after = 0;
    for (;;) {
      const rows = await repo.stagedAfter(db, imp.id, after, PAGE, REJECTED);
      if (rows.length === 0) return;
      let chunk = '';
      for (const r of rows) {
        if (r.decision === 'load_anyway' && r.status === 'duplicate') continue; // chosen to load
        const reasons = r.reasons.map((x) => reasonText(locale, x)).join(' ; ');
        chunk += line([
          String(r.rowNumber),
          importText(locale, `rowStatuses.${r.status}`),
          reasons,
          ...r.raw,
        ]);
      }
      yield chunk;
      after = rows[rows.length - 1]?.rowNumber ?? after;
    }
  }
  return Readable.from(lines());
}
