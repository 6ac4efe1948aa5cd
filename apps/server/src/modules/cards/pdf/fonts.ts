import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FontkitFont, wrapLayout } from './shaping.ts';

/**
 * The card fonts ship with the server (apps/server/assets/fonts, see its README): the PDF never
 * depends on the fonts installed on the machine. The files are read once per process and the
 * buffers handed to every document (pdfkit parses them and embeds a subset of what is used).
 */
export type FontScript = 'arabic' | 'latin';
export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontScript, Record<FontWeight, string>> = {
  arabic: { regular: 'NotoNaskhArabic-Regular.ttf', bold: 'NotoNaskhArabic-Bold.ttf' },
  latin: { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' },
};

/** The name under which a font is registered in each document. */
export function fontName(script: FontScript, weight: FontWeight): string {
  return `hirfa-${script}-${weight}`;
}

/** Finds apps/server/assets/fonts from src/ (tsx) or dist/ (bundled). */
function findFontDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'assets', 'fonts');
    if (fs.existsSync(path.join(candidate, FILES.latin.regular))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('Card fonts not found: expected apps/server/assets/fonts next to the server code');
}

let cache: Map<string, Buffer> | undefined;

/** Reads the four font files once; later calls return the same buffers. */
export function cardFontBuffers(): ReadonlyMap<string, Buffer> {
  if (cache) return cache;
  const dir = findFontDir();
  const loaded = new Map<string, Buffer>();
  for (const script of ['arabic', 'latin'] as const) {
    for (const weight of ['regular', 'bold'] as const) {
      loaded.set(fontName(script, weight), fs.readFileSync(path.join(dir, FILES[script][weight])));
    }
  }
  cache = loaded;
  return loaded;
}

/** fontkit fonts, parsed once per process and shared by every document (layout is synchronous). */
let parsed: Map<string, FontkitFont> | undefined;

/** The part of a pdfkit document this module needs. */
export interface FontRegistry {
  registerFont(name: string, src: Buffer): unknown;
  font(name: string): unknown;
}

/**
 * Registers the card fonts in a document under fontName(script, weight). The first document
 * parses the files (pdfkit → fontkit); later documents reuse the parsed fonts, which pdfkit
 * accepts in place of a file (any object with a `layout` method). Their `layout` is wrapped by
 * shaping.ts (shared shaping cache, ToUnicode of Arabic ligatures): create documents with
 * `fontLayoutCache: false` so that pdfkit relies on it.
 */
export function registerCardFonts(doc: FontRegistry): void {
  if (parsed) {
    for (const [name, font] of parsed) doc.registerFont(name, font as unknown as Buffer);
    return;
  }
  const fonts = new Map<string, FontkitFont>();
  for (const [name, buffer] of cardFontBuffers()) {
    doc.registerFont(name, buffer);
    // pdfkit parses the file with fontkit when the font is first selected; keep that object.
    doc.font(name);
    const loaded = (doc as unknown as { _font?: { font?: FontkitFont } })._font?.font;
    if (!loaded || typeof loaded.layout !== 'function') throw new Error('pdfkit did not load the card font');
    fonts.set(name, wrapLayout(loaded));
  }
  parsed = fonts;
}
