import bidiModule from 'bidi-js';
import type { FontScript } from './fonts.ts';

/**
 * Arabic (and mixed Arabic/Latin) text in the order pdfkit must draw it.
 *
 * What pdfkit 0.20 does with a string (found by rendering and looking at the pixels):
 * - it hands the text to fontkit, which detects the script from the first letter, SHAPES Arabic
 *   correctly (joining forms, lam-alef, marks) and, because Arabic is right-to-left, returns the
 *   glyphs of the run REVERSED, i.e. already in visual left-to-right order. One Arabic word
 *   therefore comes out right: never reverse a word yourself (you would get it backwards or, if
 *   you reverse the characters before shaping, wrongly joined);
 * - but unless `features` is passed, pdfkit cuts the string at every space and lays the words out
 *   one by one, left to right in LOGICAL order: a multi-word Arabic line comes out with its words
 *   reversed ("الإدريسيعلي بن محمد", the trailing space glued on the wrong side). Passing
 *   `features` shapes the whole line as one run (correct) but bypasses pdfkit's layout cache and
 *   costs ~0.5 ms a line, too slow for batches;
 * - pdfkit does no bidi: digits or a Latin word inside an Arabic line are reversed with it
 *   ("2031-11-29" → "92-11-1302"), and Noto Naskh has no '-' or '()' glyphs at all.
 *
 * So the line is split here, with the Unicode bidi algorithm (bidi-js) for mixed text, into
 * pieces in visual order, each one word or one same-script same-direction run, which pdfkit then
 * draws at computed positions. An RTL Arabic word is handed over in logical order (fontkit
 * shapes and reverses it); anything fontkit will not reverse but must be read right-to-left
 * (neutrals such as ' - ' between Arabic words) is reversed and mirrored here, and Arabic-Indic
 * digits, which fontkit would reverse, are handed over pre-reversed. The pieces are drawn in
 * logical order (see VisualPiece.index). Per UAX #9, an ISO date after Arabic words shows its
 * groups right to left ("29-11-2031"), as in a browser; DD/MM/YYYY stays in one piece.
 * The ToUnicode of Arabic ligatures is handled in shaping.ts.
 */
export interface VisualPiece {
  /** The text to give pdfkit for this piece (fontkit's own reversal already accounted for). */
  text: string;
  /** Which font draws it: Arabic-block characters use the Arabic font, everything else Latin. */
  script: FontScript;
  /** A run of white space: advance by its width, nothing to draw. */
  space: boolean;
  /**
   * Where the piece starts in the (space-normalised) logical text. Drawing the pieces in this
   * order, each at its visual position, puts the content stream in reading order, so that text
   * extraction that follows the stream (copy and paste, `pdftotext -raw`) reads Arabic right.
   */
  index: number;
}

export type BaseDirection = 'rtl' | 'ltr';

// bidi-js is CommonJS whose module.exports is the factory; its typings declare an ES default
// export, which TypeScript (NodeNext) types as `module.default`. Accept both shapes.
type BidiFactory = typeof bidiModule.default;
const bidiFactory: BidiFactory =
  typeof bidiModule === 'function' ? (bidiModule as unknown as BidiFactory) : bidiModule.default;
const bidi = bidiFactory();
const ARABIC_BLOCK = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const ONLY_ARABIC_LETTERS = /^[\u0621-\u064a\u064b-\u065f\u0670-\u06d3\u06d5\u0750-\u077f\s]*$/;
const ATTACHING = /[\p{M}\p{Cf}]/u;
const SPACE = /\s/;

/** Whether fontkit will lay this string out right-to-left (its rule: first non-common letter). */
export function fontkitReverses(text: string): boolean {
  for (const ch of text) {
    if (/[\p{Script=Common}\p{Script=Inherited}]/u.test(ch)) continue;
    return /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u.test(ch);
  }
  return false;
}

function reversed(text: string): string {
  return Array.from(text).reverse().join('');
}

/** Collapses white space to single spaces and trims (one printed line is one paragraph). */
export function normalizeSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Words and spaces of a run, in logical order. */
function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t !== '');
}

function piece(text: string, script: FontScript, index: number): VisualPiece {
  return { text, script, space: SPACE.test(text) && text.trim() === '', index };
}

/** One run (same level, same script) starting at `start` → pieces in visual order, for pdfkit. */
function runPieces(text: string, script: FontScript, rtl: boolean, start: number): VisualPiece[] {
  if (!rtl && !fontkitReverses(text)) return [piece(text, script, start)];
  let at = start;
  const parts = tokens(text).map((t) => {
    const p = piece(t, script, at);
    at += t.length;
    return p;
  });
  if (rtl) parts.reverse();
  for (const p of parts) if (fontkitReverses(p.text) !== rtl) p.text = reversed(p.text);
  return parts;
}

interface Run {
  start: number;
  end: number;
  level: number;
  script: FontScript;
}

/** Which font each character needs; spaces and marks follow their neighbour at the same level. */
function scriptsOf(text: string, levels: Uint8Array): FontScript[] {
  const out: FontScript[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const prev = i > 0 && levels[i - 1] === levels[i] ? out[i - 1] : undefined;
    if (ARABIC_BLOCK.test(ch)) out.push('arabic');
    else if ((SPACE.test(ch) || ATTACHING.test(ch) || /[\udc00-\udfff]/.test(ch)) && prev) out.push(prev);
    else out.push('latin');
  }
  // A leading space at a level change takes the script of what follows it.
  for (let i = text.length - 2; i >= 0; i--) {
    if (
      SPACE.test(text.charAt(i)) &&
      levels[i] === levels[i + 1] &&
      (i === 0 || levels[i - 1] !== levels[i])
    ) {
      out[i] = out[i + 1] ?? 'latin';
    }
  }
  return out;
}

/**
 * Splits one line of text into pieces in visual (left-to-right drawing) order.
 * `base` is the paragraph direction: 'rtl' for Arabic fields, 'ltr' for French ones.
 */
export function toVisualPieces(line: string, base: BaseDirection): readonly VisualPiece[] {
  const key = `${base}\u0001${line}`;
  let pieces = pieceCache.get(key);
  if (!pieces) {
    pieces = computePieces(line, base);
    if (pieceCache.size >= MAX_CACHED) pieceCache.clear();
    pieceCache.set(key, pieces);
  }
  return pieces;
}

/** Lines recur across a batch (labels, activities, chambers, common first names). */
const pieceCache = new Map<string, readonly VisualPiece[]>();
const MAX_CACHED = 20_000;

function computePieces(line: string, base: BaseDirection): VisualPiece[] {
  const text = normalizeSpaces(line);
  if (text === '') return [];
  // Fast paths: plain Arabic words in an Arabic field; text without Arabic in a French field.
  if (base === 'rtl' && ONLY_ARABIC_LETTERS.test(text)) return runPieces(text, 'arabic', true, 0);
  if (base === 'ltr' && !ARABIC_BLOCK.test(text)) return [piece(text, 'latin', 0)];

  const { levels } = bidi.getEmbeddingLevels(text, base);
  const mirrors = bidi.getMirroredCharactersMap(text, levels);
  let chars = text;
  if (mirrors.size > 0) {
    chars = Array.from(text, (ch, i) => mirrors.get(i) ?? ch).join('');
    // Array.from iterates code points; indices only differ with astral characters, which carry
    // no mirroring, so fall back to the unmirrored text in that case.
    if (chars.length !== text.length) chars = text;
  }
  const scripts = scriptsOf(chars, levels);
  const runs: Run[] = [];
  for (let i = 0; i < chars.length; i++) {
    const level = levels[i] ?? 0;
    const script = scripts[i] ?? 'latin';
    const last = runs[runs.length - 1];
    if (last && last.level === level && last.script === script) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, level, script });
  }
  // UAX #9 rule L2: from the highest level down to the lowest odd one, reverse every maximal
  // sequence of runs at that level or higher.
  const maxLevel = Math.max(...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => r.level | 1));
  for (let level = maxLevel; level >= minOdd; level--) {
    for (let i = 0; i < runs.length; ) {
      if ((runs[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && (runs[j]?.level ?? 0) >= level) j++;
      const slice = runs.slice(i, j).reverse();
      runs.splice(i, j - i, ...slice);
      i = j;
    }
  }
  return runs.flatMap((r) => runPieces(chars.slice(r.start, r.end), r.script, r.level % 2 === 1, r.start));
}

/** The pieces joined in visual order (for tests and debugging: what the eye reads left to right). */
export function visualString(pieces: readonly VisualPiece[]): string {
  return pieces.map((p) => (fontkitReverses(p.text) ? reversed(p.text) : p.text)).join('');
}
