import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

/** Reading rendered PDFs back with poppler (pdfinfo, pdftotext, pdftoppm) and zbar/jsQR. */

/** Bidi embedding controls poppler adds around RTL/LTR runs in its text output. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** NFKC (folds presentation forms), no bidi controls, one space between words. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
}

export function pdftotext(file: string, ...args: string[]): string {
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}

export interface PdfInfo {
  pages: number;
  title: string;
  subject: string;
  author: string;
  /** Page sizes in points, by page number (1-based). */
  sizes: Array<{ width: number; height: number }>;
}

export function pdfinfo(file: string): PdfInfo {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', file], { encoding: 'utf8' });
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(out)?.[1]?.trim() ?? '';
  const sizes = [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  return {
    pages: Number(field('Pages')),
    title: field('Title'),
    subject: field('Subject'),
    author: field('Author'),
    sizes,
  };
}

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/**
 * Every word poppler finds, with its box in points (top-left origin). In this mode poppler
 * gives each word's characters in the order the glyphs are painted from left to right (visual
 * order), which is what the tests need to check what is actually on the page.
 */
export function words(file: string): Word[] {
  const html = pdftotext(file, '-bbox');
  const out: Word[] = [];
  let page = 0;
  const re =
    /<page |<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(re)) {
    if (m[0] === '<page ') {
      page++;
      continue;
    }
    const text = (m[5] ?? '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"');
    out.push({ page, text, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
  }
  return out;
}

/**
 * Words of one printed line read from their glyph positions: right to left for Arabic. Poppler's
 * -bbox words spell Arabic in painting (visual) order, so each Arabic word is turned back. Unlike
 * poppler's own reading order, this depends only on where the glyphs are painted: it fails if
 * the words or the letters of a word are in the wrong order, or if digits are reversed.
 */
export function readLine(all: Word[], page: number, startsWith: Word, dir: 'rtl' | 'ltr'): string {
  const mid = (w: Word) => (w.yMin + w.yMax) / 2;
  const line = all
    .filter((w) => w.page === page && Math.abs(mid(w) - mid(startsWith)) < 2.5)
    .sort((a, b) => (dir === 'rtl' ? b.xMin - a.xMin : a.xMin - b.xMin));
  return normalizeText(
    line.map((w) => (/[\u0600-\u06ff]/.test(w.text) ? [...w.text].reverse().join('') : w.text)).join(' '),
  );
}

/** Whether `logical` is printed, right to left, on one line of `page`. */
export function findPrinted(all: Word[], page: number, logical: string): boolean {
  const first = logical.split(' ')[0] ?? '';
  const visualFirst = [...first].reverse().join('');
  return all
    .filter((w) => w.page === page && (w.text === visualFirst || w.text === first))
    .some((w) => readLine(all, page, w, 'rtl').includes(normalizeText(logical)));
}

/** Renders one page to PNG at `dpi`; returns the PNG path. */
export function renderPage(file: string, page: number, dpi: number, outDir: string): string {
  const prefix = path.join(outDir, `${path.basename(file, '.pdf')}-p${page}-${dpi}`);
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    prefix,
  ]);
  return `${prefix}.png`;
}

/** All QR codes zbar finds in an image (zbarimg --raw -q), one per line. */
export function zbar(png: string): string[] {
  const r = spawnSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l !== '');
}

export interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

export function readPng(file: string): Raster {
  const png = PNG.sync.read(fs.readFileSync(file));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

/** A rectangle of an RGBA raster, given in points at `dpi`. */
export function crop(img: Raster, box: { x: number; y: number; w: number; h: number }, dpi: number): Raster {
  const k = dpi / 72;
  const x0 = Math.max(0, Math.floor(box.x * k));
  const y0 = Math.max(0, Math.floor(box.y * k));
  const width = Math.min(img.width - x0, Math.ceil(box.w * k));
  const height = Math.min(img.height - y0, Math.ceil(box.h * k));
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * img.width + x0) * 4;
    data.set(img.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: JsQr =
  typeof jsQRModule === 'function'
    ? (jsQRModule as unknown as JsQr)
    : (jsQRModule as unknown as { default: JsQr }).default;

/** Decodes the single QR code in a raster with jsQR; null if none. */
export function jsqr(img: Raster): string | null {
  return (
    jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)
      ?.data ?? null
  );
}

/** Connected groups of dark pixels (8-connectivity): one per joined stroke of a word. */
export function inkComponents(img: Raster, threshold = 110): number {
  const { width, height, data } = img;
  const dark = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const lum =
      0.3 * (data[i * 4] ?? 255) + 0.59 * (data[i * 4 + 1] ?? 255) + 0.11 * (data[i * 4 + 2] ?? 255);
    dark[i] = lum < threshold ? 1 : 0;
  }
  let count = 0;
  const stack: number[] = [];
  for (let start = 0; start < dark.length; start++) {
    if (dark[start] !== 1) continue;
    count++;
    dark[start] = 2;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop() ?? 0;
      const px = p % width;
      const py = (p - px) / width;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = px + dx;
          const y = py + dy;
          if (x < 0 || y < 0 || x >= width || y >= height) continue;
          const q = y * width + x;
          if (dark[q] === 1) {
            dark[q] = 2;
            stack.push(q);
          }
        }
      }
    }
  }
  return count;
}
