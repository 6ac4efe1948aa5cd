// What kind of file a chamber sent: the format (from the bytes, not the name), the text encoding of
// a CSV (BOM, UTF-16 without BOM, UTF-8, else Windows-1256 or Windows-1252) and its delimiter.
import type { ImportEncoding } from '@hirfa/contracts';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../platform/http/errors.ts';

export type ImportFormat = 'csv' | 'xlsx';

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** The format of the file from its first bytes; refuses what is neither a workbook nor text. */
export function sniffFormat(bytes: Uint8Array, fileName: string): ImportFormat {
  if (bytes.length === 0) throw new AppError(400, 'IMPORT_FILE_EMPTY');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Excel 97–2003 (.xls), or another OLE2 document.
    throw new AppError(415, 'IMPORT_FORMAT_UNSUPPORTED', { format: 'xls' });
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    throw new AppError(415, 'IMPORT_FORMAT_UNSUPPORTED', { format: 'pdf' });
  // A file named like a workbook that is not a zip is a broken workbook, not a CSV.
  if (/\.xls[xm]?$/i.test(fileName)) throw new AppError(422, 'IMPORT_FILE_UNREADABLE', { format: 'xlsx' });
  return 'csv';
}

export interface DetectedEncoding {
  encoding: ImportEncoding;
  /** Bytes of the byte-order mark to skip. */
  bomLength: number;
}

const SAMPLE = 256 * 1024;

function unknown(detected: string | null): AppError {
  return new AppError(422, 'IMPORT_ENCODING_UNKNOWN', { detected: detected ?? '?' });
}

/** UTF-16 without a BOM: one byte of most pairs is zero (Latin text) or 0x06 (Arabic). */
function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length - (b.length % 2), 8192);
  if (n < 8) return null;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) zeroEven++;
    if (b[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Valid UTF-8 throughout (checked in chunks, so no string of the whole file is made). */
function isUtf8(b: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const step = 4 * 1024 * 1024;
  try {
    for (let at = 0; at < b.length; at += step) decoder.decode(b.subarray(at, at + step), { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** Characters a Windows-1256/1252 list plausibly holds above ASCII: letters of both scripts, quotes, dashes. */
const PLAUSIBLE_HIGH =
  /[\u0600-\u06FF\u00C0-\u00FF\u00A0\u00AB\u00B0\u00BB\u2018\u2019\u201C\u201D\u2013\u2014\u20AC\u200E\u200F]|\u200C|\u200D/;

/** Share of characters that make no sense in a list of names (controls, stray symbols). */
function oddness(text: string): { controls: number; oddHigh: number; high: number } {
  let controls = 0;
  let high = 0;
  let oddHigh = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    // Control characters other than tab, line feed, form feed and carriage return.
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c <= 0x9f)) controls++;
    if (c < 0x80) continue;
    high++;
    if (!PLAUSIBLE_HIGH.test(ch)) oddHigh++;
  }
  return { controls, oddHigh, high };
}

/** Share of bytes ≥ 0x80 that sit next to another one: Arabic words are runs of them, French accents are alone. */
function highRunShare(b: Uint8Array): number {
  let high = 0;
  let inRun = 0;
  for (let i = 0; i < b.length; i++) {
    const v = b[i] ?? 0;
    if (v < 0x80) continue;
    high++;
    if ((b[i - 1] ?? 0) >= 0x80 || (b[i + 1] ?? 0) >= 0x80) inRun++;
  }
  return high === 0 ? 0 : inRun / high;
}

/**
 * The encoding of a CSV: a BOM decides; else UTF-16 is recognised by its zero bytes, valid UTF-8 is
 * UTF-8, and a single-byte file is Windows-1256 (Arabic) or Windows-1252 (French only). Anything
 * else (UTF-32, Asian encodings, binary data) is refused rather than guessed.
 */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw unknown('UTF-32');
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = bytes.subarray(0, SAMPLE);
  const top = chardet.analyse(sample)[0];
  if (top && /^UTF-32/.test(top.name) && top.confidence >= 50) throw unknown(top.name);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) {
    const text = iconv.decode(Buffer.from(sample), utf16);
    if (oddness(text).controls <= text.length * 0.001) return { encoding: utf16, bomLength: 0 };
    throw unknown(top?.name ?? null);
  }
  if (isUtf8(bytes)) {
    const text = new TextDecoder('utf-8').decode(sample);
    if (oddness(text).controls > text.length * 0.001) throw unknown(top?.name ?? 'binary');
    return { encoding: 'utf-8', bomLength: 0 };
  }
  // A single-byte code page: Windows-1256 keeps the French accented letters where Windows-1252 has
  // them, so Arabic decides. Bytes that decode to controls or stray symbols are not a list of names.
  const arabic = highRunShare(sample) > 0.5 || (top?.name === 'windows-1256' && top.confidence >= 30);
  const encoding: ImportEncoding = arabic ? 'windows-1256' : 'windows-1252';
  const text = iconv.decode(Buffer.from(sample), encoding);
  const odd = oddness(text);
  if (odd.controls > text.length * 0.001 || odd.oddHigh > odd.high * 0.15) throw unknown(top?.name ?? null);
  return { encoding, bomLength: 0 };
}

/** Decodes a whole buffer (without its BOM) in chunks, so no single string holds the whole file. */
export function* decodeChunks(
  bytes: Uint8Array,
  enc: DetectedEncoding,
  chunkBytes = 4 * 1024 * 1024,
): Generator<{ text: string; bytesDone: number }> {
  const decoder = iconv.getDecoder(enc.encoding);
  for (let at = enc.bomLength; at < bytes.length; at += chunkBytes) {
    const end = Math.min(at + chunkBytes, bytes.length);
    const text = decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset + at, end - at));
    yield { text, bytesDone: end };
  }
  const rest = decoder.end();
  if (rest) yield { text: rest, bytesDone: bytes.length };
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts fields per line for one delimiter, outside quotes. */
function fieldCounts(lines: string[], d: string): number[] {
  return lines.map((line) => {
    let n = 1;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) n++;
    }
    return n;
  });
}

/**
 * The delimiter whose field count is the same on most of the first lines (title lines above the
 * header do not disturb it); on a tie the more frequent one, then comma before semicolon.
 */
export function detectDelimiter(head: string): Delimiter {
  const lines = head
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  let best: { d: Delimiter; score: number; width: number } = { d: ',', score: -1, width: 0 };
  for (const d of DELIMITERS) {
    const counts = fieldCounts(lines, d);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 1) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [c, f] of freq) if (f > modeFreq || (f === modeFreq && c > mode)) [mode, modeFreq] = [c, f];
    if (modeFreq > best.score || (modeFreq === best.score && mode > best.width)) {
      best = { d, score: modeFreq, width: mode };
    }
  }
  return best.d;
}
