// Workbooks: the first visible sheet is read row by row with exceljs's streaming reader; merged
// cells and the sheet's size are read beforehand from the sheet's XML (the streaming reader skips
// them), so a value merged down over several rows can be repeated on each of them.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/http/errors.ts';
import type { CellFlag, SourceRow } from './source-row.ts';
import { readEntryText, scanEntry, type ZipEntry, zipEntries } from './zip.ts';

export interface CellRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface WorkbookInfo {
  sheetName: string | null;
  sheetCount: number;
  merges: CellRange[];
  /** Last row of the sheet's declared dimension, when it declares one. */
  lastRow: number | null;
}

const MAX_COLUMNS = 256;

export const unreadable = (detail: string) =>
  new AppError(422, 'IMPORT_FILE_UNREADABLE', { format: 'xlsx', detail });

/** Column letters → zero-based index (A → 0, AA → 26). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Zero-based index → column letters. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function parseRange(ref: string): CellRange | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(ref);
  if (!m) return null;
  const left = columnIndex(m[1] ?? 'A');
  const top = Number(m[2]);
  return {
    ref,
    top,
    left,
    bottom: m[4] ? Number(m[4]) : top,
    right: m[3] ? columnIndex(m[3]) : left,
  };
}

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Checks that the file is a whole workbook and finds its first visible sheet, its merged cells
 * and its size. A truncated or corrupt file is refused here, before anything is staged.
 */
export async function inspectWorkbook(buf: Buffer): Promise<WorkbookInfo> {
  const entries = zipEntries(buf);
  if (!entries) throw unreadable('zip');
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbook = byName.get('xl/workbook.xml');
  if (!workbook) {
    if (byName.has('content.xml')) throw new AppError(415, 'IMPORT_FORMAT_UNSUPPORTED', { format: 'ods' });
    if (byName.has('word/document.xml'))
      throw new AppError(415, 'IMPORT_FORMAT_UNSUPPORTED', { format: 'docx' });
    throw unreadable('workbook');
  }
  try {
    const sheets = [...readEntryText(buf, workbook).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => ({
      name: xmlText(attr(m[0], 'name') ?? ''),
      rid: attr(m[0], 'r:id') ?? attr(m[0], 'id'),
      hidden: /state="(hidden|veryHidden)"/.test(m[0]),
    }));
    const first = sheets.find((s) => !s.hidden);
    if (!first) throw unreadable('no_sheet');
    const rels = byName.get('xl/_rels/workbook.xml.rels');
    let sheetEntry: ZipEntry | undefined;
    if (rels && first.rid) {
      const rel = [...readEntryText(buf, rels).matchAll(/<Relationship\b[^>]*>/g)].find(
        (m) => attr(m[0], 'Id') === first.rid,
      );
      const target = rel ? (attr(rel[0], 'Target') ?? '') : '';
      sheetEntry = byName.get(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    sheetEntry ??= entries.find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
    if (!sheetEntry) throw unreadable('no_sheet');
    const merges: CellRange[] = [];
    let lastRow: number | null = null;
    let tail = '';
    await scanEntry(buf, sheetEntry, (text) => {
      const s = tail + text;
      if (lastRow === null) {
        const dim = /<dimension ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/.exec(s);
        if (dim?.[1]) lastRow = parseRange(dim[1])?.bottom ?? null;
      }
      for (const m of s.matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"/g)) {
        const r = m[1] ? parseRange(m[1]) : null;
        if (r && !merges.some((x) => x.ref === r.ref)) merges.push(r);
      }
      tail = s.slice(-200);
    });
    return { sheetName: first.name || null, sheetCount: sheets.length, merges, lastRow };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable('inflate');
  }
}

type CellValue = ExcelJS.CellValue | { sharedFormula?: string; result?: unknown } | undefined;

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/** A cell as the text a person would read in it, and what it was (a formula, with or without a value). */
export function cellText(value: CellValue): { text: string; flag?: CellFlag } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: Number.isFinite(value) ? String(value) : '' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: dateText(value) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      const result = v.result as CellValue;
      if (result === undefined || result === null || (typeof result === 'object' && 'error' in result)) {
        return { text: '', flag: 'formula_no_value' };
      }
      return { text: cellText(result).text, flag: 'formula' };
    }
    if (Array.isArray(v.richText)) {
      return { text: (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('') };
    }
    if ('hyperlink' in v) return cellText(v.text as CellValue);
    if ('error' in v) return { text: '', flag: 'formula_no_value' };
    if ('text' in v) return cellText(v.text as CellValue);
  }
  return { text: String(value) };
}

/** The rows of the sheet, in order, with merged values repeated down their range. */
export async function* xlsxRows(buf: Buffer, info: WorkbookInfo): AsyncGenerator<SourceRow> {
  const input = Readable.from([buf]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // Only vertical merges are filled: the value of the top cell goes down its first column.
  const merges = info.merges.filter((m) => m.bottom > m.top).sort((a, b) => a.top - b.top);
  let next = 0;
  let active: { range: CellRange; value: string }[] = [];
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name;
      if (info.sheetName && name !== info.sheetName) continue;
      for await (const row of sheet) {
        const values = (row as unknown as { values: CellValue[] }).values;
        const cells: string[] = [];
        const flags = new Map<number, CellFlag>();
        const width = Math.min(values.length - 1, MAX_COLUMNS);
        for (let c = 0; c < width; c++) {
          const { text, flag } = cellText(values[c + 1]);
          cells.push(text);
          if (flag) flags.set(c, flag);
        }
        const r = row.number;
        if (active.length > 0) active = active.filter((a) => a.range.bottom >= r);
        for (const a of active) {
          if ((cells[a.range.left] ?? '') !== '' || a.value === '') continue;
          while (cells.length <= a.range.left) cells.push('');
          cells[a.range.left] = a.value;
          flags.set(a.range.left, 'merged');
        }
        while (next < merges.length && (merges[next]?.top ?? 0) <= r) {
          const m = merges[next++] as CellRange;
          if (m.top === r) active.push({ range: m, value: cells[m.left] ?? '' });
        }
        yield { rowNumber: r, cells, flags: flags.size > 0 ? flags : null };
      }
      break;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable('sheet');
  } finally {
    input.destroy();
  }
}
