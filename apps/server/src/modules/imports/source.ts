// One way to read every accepted file: a workbook's first sheet or a CSV in any supported
// encoding and delimiter, as rows of text cells. `inspectFile` looks at the start of the file
// (layout, header row, a preview); `readRows` streams it all.
import type { ImportEncoding, ImportNote } from '@hirfa/contracts';
import { AppError } from '../../platform/http/errors.ts';
import { CsvReader } from './csv-reader.ts';
import {
  type Delimiter,
  decodeChunks,
  detectDelimiter,
  detectEncoding,
  type ImportFormat,
  sniffFormat,
} from './detect.ts';
import { findHeaderRow } from './headers.ts';
import { isBlankRow, type SourceRow } from './source-row.ts';
import { inspectWorkbook, type WorkbookInfo, xlsxRows } from './xlsx-reader.ts';

export interface FileLayout {
  format: ImportFormat;
  encoding: ImportEncoding | null;
  delimiter: Delimiter | null;
  sheetName: string | null;
}

export interface Inspection extends FileLayout {
  headerRow: number;
  headers: string[];
  preview: { rowNumber: number; cells: string[] }[];
  estimatedRows: number | null;
  notes: ImportNote[];
}

const PREVIEW_ROWS = 10;
const HEAD_ROWS = 40;

function bomLength(bytes: Uint8Array, encoding: ImportEncoding): number {
  if (encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff) return 2;
  return 0;
}

/** Line feeds in the file: an estimate of its rows (a quoted field may hold one, rarely). */
function countLines(bytes: Buffer, encoding: ImportEncoding): number {
  let n = 0;
  const step = encoding.startsWith('utf-16') ? 2 : 1;
  const le = encoding === 'utf-16le';
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) {
    if (step === 2 && (le ? i % 2 !== 0 || bytes[i + 1] !== 0 : i % 2 !== 1 || bytes[i - 1] !== 0)) continue;
    n++;
  }
  // A last line without a line feed still counts.
  return bytes[bytes.length - (le ? 2 : 1)] === 0x0a ? n : n + 1;
}

/** Streams every row of the file, in order. Blank rows are yielded too (the dry run reports them). */
export async function* readRows(
  bytes: Buffer,
  layout: FileLayout,
  workbook?: WorkbookInfo,
): AsyncGenerator<SourceRow> {
  if (layout.format === 'xlsx') {
    yield* xlsxRows(bytes, workbook ?? (await inspectWorkbook(bytes)));
    return;
  }
  const encoding = layout.encoding ?? 'utf-8';
  const reader = new CsvReader(layout.delimiter ?? ',');
  let rowNumber = 0;
  for (const { text } of decodeChunks(bytes, { encoding, bomLength: bomLength(bytes, encoding) })) {
    for (const cells of reader.push(text)) yield { rowNumber: ++rowNumber, cells, flags: null };
  }
  for (const cells of reader.end()) yield { rowNumber: ++rowNumber, cells, flags: null };
}

async function headRows(bytes: Buffer, layout: FileLayout, workbook?: WorkbookInfo): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of readRows(bytes, layout, workbook)) {
    rows.push(row);
    if (rows.length >= HEAD_ROWS) break;
  }
  return rows;
}

/** Reads a layout and the header row, and its first rows to show, from the start of the file. */
export async function inspectFile(
  bytes: Buffer,
  fileName: string,
  encodingOverride?: ImportEncoding,
): Promise<Inspection> {
  const format = sniffFormat(bytes, fileName);
  const notes: ImportNote[] = [];
  let layout: FileLayout;
  let workbook: WorkbookInfo | undefined;
  let estimatedRows: number | null;
  if (format === 'xlsx') {
    workbook = await inspectWorkbook(bytes);
    layout = { format, encoding: null, delimiter: null, sheetName: workbook.sheetName };
    estimatedRows = workbook.lastRow;
    if (workbook.sheetCount > 1) notes.push({ code: 'other_sheets_ignored', count: workbook.sheetCount - 1 });
    if (workbook.merges.length > 0) {
      notes.push({
        code: 'merged_cells',
        count: workbook.merges.length,
        cells: workbook.merges.slice(0, 5).map((m) => m.ref),
      });
    }
  } else {
    const detected = encodingOverride ? { encoding: encodingOverride, bomLength: 0 } : detectEncoding(bytes);
    const encoding = detected.encoding;
    const head = decodeChunks(bytes, { encoding, bomLength: bomLength(bytes, encoding) }, 64 * 1024).next();
    const delimiter = detectDelimiter(head.done ? '' : head.value.text);
    layout = { format, encoding, delimiter, sheetName: null };
    estimatedRows = countLines(bytes, encoding);
  }
  const rows = await headRows(bytes, layout, workbook);
  if (rows.every((r) => isBlankRow(r.cells))) throw new AppError(422, 'IMPORT_NO_ROWS');
  const headerRow = findHeaderRow(rows);
  const header = rows.find((r) => r.rowNumber === headerRow);
  const width = Math.max(...rows.map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, i) => (header?.cells[i] ?? '').trim());
  if (headerRow > 1) notes.push({ code: 'title_rows', count: headerRow - 1 });
  if (headerRow === 0) notes.push({ code: 'no_header_row' });
  const preview = rows
    .filter((r) => r.rowNumber > headerRow && !isBlankRow(r.cells))
    .slice(0, PREVIEW_ROWS)
    .map((r) => ({ rowNumber: r.rowNumber, cells: r.cells }));
  return {
    ...layout,
    headerRow,
    headers,
    preview,
    estimatedRows: estimatedRows === null ? null : Math.max(0, estimatedRows - headerRow),
    notes,
  };
}

/** The first rows again (to show them under another header row). */
export async function previewRows(bytes: Buffer, layout: FileLayout): Promise<SourceRow[]> {
  return headRows(bytes, layout);
}
