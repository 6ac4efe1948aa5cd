import { type BaseDirection, normalizeSpaces, toVisualPieces, type VisualPiece } from './arabic.ts';
import { type FontScript, type FontWeight, fontName } from './fonts.ts';

/**
 * Bilingual text in a box, so that text never leaves its box: a line first shrinks a little, then
 * wraps (balanced lines, up to maxLines) while shrinking down to minSize; as a last resort, the
 * last line is cut with '…'. Used for every string on the card. Widths are measured once per
 * (font, string) at 1 pt and scaled, so trying several sizes costs only arithmetic.
 */
export type Cmyk = [number, number, number, number];

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextSpec {
  text: string;
  /** Paragraph direction: 'rtl' for Arabic, 'ltr' for French. */
  dir: BaseDirection;
  weight: FontWeight;
  /** Preferred size in points. */
  size: number;
  /** Smallest size before wrapping gives up and the text is cut with an ellipsis (default 6). */
  minSize?: number;
  maxLines?: number;
  /** 'start' is right for rtl and left for ltr. */
  align?: 'start' | 'end' | 'center';
  /**
   * 'baseline': a single line sits on the baseline it would have at the preferred size, so that
   * side-by-side French and Arabic stay on one baseline even when one of them shrinks
   * (several lines behave like 'top').
   */
  valign?: 'top' | 'middle' | 'bottom' | 'baseline';
  /** With valign 'baseline': the size whose baseline is shared (default `size`). */
  alignSize?: number;
  /** Line pitch as a multiple of the size (default 1.25). */
  lineHeight?: number;
  /**
   * Before wrapping, how far one line may shrink (fraction of `size`, default 0.85): a slightly
   * smaller single line reads better than a line and a stray word.
   */
  shrinkFirst?: number;
  color: Cmyk;
}

export interface FittedText {
  size: number;
  lines: readonly string[];
  /** Height actually used by the lines. */
  height: number;
}

type Doc = PDFKit.PDFDocument;

const widths = new Map<string, number>();
const MAX_CACHED = 20_000;

/** Advance width at 1 pt of one piece of text in one font. */
function unitWidth(doc: Doc, script: FontScript, weight: FontWeight, text: string): number {
  const key = `${script}${weight}\u0000${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    w = doc.font(fontName(script, weight)).fontSize(1).widthOfString(text);
    if (widths.size >= MAX_CACHED) widths.clear();
    widths.set(key, w);
  }
  return w;
}

function piecesWidth(doc: Doc, pieces: readonly VisualPiece[], weight: FontWeight): number {
  let w = 0;
  for (const p of pieces) w += unitWidth(doc, p.script, weight, p.text);
  return w;
}

/** Width at 1 pt of a line as it will be drawn. */
export function lineUnitWidth(doc: Doc, line: string, dir: BaseDirection, weight: FontWeight): number {
  return piecesWidth(doc, toVisualPieces(line, dir), weight);
}

const PUNCTUATION = /^[\p{P}\p{S}]+$/u;

/**
 * The units a line may break between: words, with a lone punctuation token (the ' - ' of
 * 'فاس - مكناس') kept with the words on both sides so no line ends or starts with a dash. Explicit line breaks
 * ('\n') are kept as their own units.
 */
function wrapUnits(text: string): string[] {
  const units: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = normalizeSpaces(paragraph)
      .split(' ')
      .filter((w) => w !== '');
    if (units.length > 0 && words.length > 0) units.push('\n');
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? '';
      const next = words[i + 1];
      if (PUNCTUATION.test(word) && next !== undefined) {
        const prev = i > 0 ? units.pop() : undefined;
        units.push(prev === undefined ? `${word} ${next}` : `${prev} ${word} ${next}`);
        i++;
      } else units.push(word);
    }
  }
  return units;
}

/** Greedy wrap of words (each with its unit width) into lines no wider than maxW. */
function wrap(words: string[], wordW: number[], spaceW: number, maxW: number): string[] | null {
  const lines: string[] = [];
  let current: string[] = [];
  let width = 0;
  for (let i = 0; i < words.length; i++) {
    const w = wordW[i] ?? 0;
    if (words[i] === '\n') {
      lines.push(current.join(' '));
      current = [];
      width = 0;
      continue;
    }
    if (w > maxW) return null;
    if (current.length > 0 && width + spaceW + w > maxW) {
      lines.push(current.join(' '));
      current = [];
      width = 0;
    }
    width += (current.length > 0 ? spaceW : 0) + w;
    current.push(words[i] ?? '');
  }
  if (current.length > 0) lines.push(current.join(' '));
  return lines;
}

/**
 * Like wrap, but when it takes several lines, narrows the measure as far as possible without
 * adding a line, so the lines come out of even length (no long line over a lone word).
 */
function wrapBalanced(words: string[], wordW: number[], spaceW: number, maxW: number): string[] | null {
  const greedy = wrap(words, wordW, spaceW, maxW);
  if (!greedy || greedy.length < 2) return greedy;
  let lo = Math.max(0, ...wordW);
  let hi = maxW;
  for (let k = 0; k < 12 && hi - lo > 1e-3; k++) {
    const mid = (lo + hi) / 2;
    const lines = wrap(words, wordW, spaceW, mid);
    if (lines && lines.length <= greedy.length) hi = mid;
    else lo = mid;
  }
  return wrap(words, wordW, spaceW, hi) ?? greedy;
}

/** Cuts a line (in logical order) until it fits with an ellipsis at its logical end. */
function truncate(doc: Doc, line: string, spec: TextSpec, maxW: number): string {
  const chars = Array.from(line);
  while (chars.length > 0) {
    const candidate = `${chars.join('').trimEnd()}…`;
    if (lineUnitWidth(doc, candidate, spec.dir, spec.weight) <= maxW) return candidate;
    chars.pop();
  }
  return '…';
}

const fits = new Map<string, FittedText>();

/** Chooses the size and line breaks for a text in a box (memoised: many texts recur). */
export function fitText(doc: Doc, spec: TextSpec, box: Box): FittedText {
  const key = [
    spec.text,
    spec.dir,
    spec.weight,
    spec.size,
    spec.minSize,
    spec.maxLines,
    spec.lineHeight,
    spec.shrinkFirst,
    box.w,
    box.h,
  ].join('\u0001');
  let fitted = fits.get(key);
  if (!fitted) {
    fitted = computeFit(doc, spec, box);
    if (fits.size >= MAX_CACHED) fits.clear();
    fits.set(key, fitted);
  }
  return fitted;
}

function computeFit(doc: Doc, spec: TextSpec, box: Box): FittedText {
  const maxLines = spec.maxLines ?? 1;
  const lh = spec.lineHeight ?? 1.25;
  const minSize = Math.min(spec.minSize ?? 6, spec.size);
  const words = wrapUnits(spec.text);
  const wordW = words.map((w) => lineUnitWidth(doc, w, spec.dir, spec.weight));
  const spaceW = unitWidth(doc, spec.dir === 'rtl' ? 'arabic' : 'latin', spec.weight, ' ');
  const height = (n: number, size: number) => size * (1 + (n - 1) * lh);
  const oneLineFloor = Math.max(minSize, spec.size * (spec.shrinkFirst ?? 0.85));
  const attempts: Array<{ size: number; lines: number }> = [];
  for (let size = spec.size; size >= oneLineFloor - 1e-9; size -= 0.25) attempts.push({ size, lines: 1 });
  for (let size = spec.size; size >= minSize - 1e-9; size -= 0.25) attempts.push({ size, lines: maxLines });
  for (const { size, lines: allowed } of attempts) {
    const lines = wrapBalanced(words, wordW, spaceW, box.w / size);
    if (lines && lines.length <= allowed && height(lines.length, size) <= box.h + 1e-6) {
      // The exact width of each line as drawn (bidi reordering can change joins at run edges).
      const widest = Math.max(0, ...lines.map((l) => lineUnitWidth(doc, l, spec.dir, spec.weight)));
      if (widest * size <= box.w + 1e-6) return { size, lines, height: height(lines.length, size) };
    }
  }
  // Last resort: smallest size, as many lines as allowed, long words broken, end cut with '…'.
  const size = minSize;
  const maxW = box.w / size;
  const fitLines = Math.max(1, Math.min(maxLines, Math.floor((box.h / size - 1) / lh) + 1));
  const broken: string[] = [];
  for (const word of words) {
    if (word === '\n') {
      broken.push(word);
      continue;
    }
    let rest = Array.from(word);
    while (rest.length > 0) {
      let n = rest.length;
      while (n > 1 && lineUnitWidth(doc, rest.slice(0, n).join(''), spec.dir, spec.weight) > maxW) n--;
      broken.push(rest.slice(0, n).join(''));
      rest = rest.slice(n);
    }
  }
  const brokenW = broken.map((w) => lineUnitWidth(doc, w, spec.dir, spec.weight));
  const lines = wrap(broken, brokenW, spaceW, maxW) ?? broken;
  const kept = lines.slice(0, fitLines);
  if (lines.length > fitLines || kept.some((l) => lineUnitWidth(doc, l, spec.dir, spec.weight) > maxW)) {
    const last = kept.length - 1;
    kept[last] = truncate(
      doc,
      lines.length > fitLines ? `${kept[last]} ${lines[fitLines]}` : (kept[last] ?? ''),
      spec,
      maxW,
    );
  }
  return { size, lines: kept, height: height(kept.length, size) };
}

/** Draws fitted text in its box (baselines placed so the lines sit centred in their line pitch). */
export function drawFitted(doc: Doc, fitted: FittedText, spec: TextSpec, box: Box): void {
  const { size, lines } = fitted;
  const lh = spec.lineHeight ?? 1.25;
  const valign = spec.valign ?? 'top';
  let top = box.y;
  if (valign === 'bottom') top = box.y + box.h - fitted.height;
  else if (valign === 'middle') top = box.y + (box.h - fitted.height) / 2;
  else if (valign === 'baseline' && lines.length === 1) {
    top = Math.min(box.y + ((spec.alignSize ?? spec.size) - size) * 0.82, box.y + box.h - size);
  }
  const align = spec.align ?? 'start';
  const right = (align === 'start' && spec.dir === 'rtl') || (align === 'end' && spec.dir === 'ltr');
  doc.fillColor(spec.color);
  lines.forEach((line, i) => {
    const pieces = toVisualPieces(line, spec.dir);
    const width = piecesWidth(doc, pieces, spec.weight) * size;
    let x = align === 'center' ? box.x + (box.w - width) / 2 : right ? box.x + box.w - width : box.x;
    const baseline = top + size * 0.82 + i * lh * size;
    // Positions follow the visual order; the drawing follows the logical order (see VisualPiece).
    const placed = pieces.map((p) => {
      const at = x;
      x += unitWidth(doc, p.script, spec.weight, p.text) * size;
      return { p, at };
    });
    placed.sort((a, b) => a.p.index - b.p.index);
    for (const { p, at } of placed) {
      if (p.space) continue;
      doc
        .font(fontName(p.script, spec.weight))
        .fontSize(size)
        .text(p.text, at, baseline, { lineBreak: false, baseline: 'alphabetic' });
    }
  });
}

/** fitText then drawFitted; returns what was drawn. */
export function drawText(doc: Doc, spec: TextSpec, box: Box): FittedText {
  const fitted = fitText(doc, spec, box);
  drawFitted(doc, fitted, spec, box);
  return fitted;
}
