/**
 * What the card fonts do when pdfkit asks fontkit to lay out a word, wrapped around fontkit's
 * own `layout` (pdfkit creates the fontkit font objects; this module only wraps that method):
 *
 * 1. A bounded, process-wide shaping cache. Shaping an Arabic word with fontkit costs about a
 *    tenth of a millisecond; the same words recur across cards and documents. pdfkit has its own
 *    cache, but per document and unbounded: over a 50,000-card batch it would keep every name
 *    and number ever printed (~7 KB a card). Documents are therefore created with
 *    `fontLayoutCache: false` and use this cache instead.
 * 2. Ligatures in right-to-left runs get their characters listed in reverse in the PDF's
 *    ToUnicode map. fontkit returns Arabic glyphs in visual order but a ligature glyph with its
 *    characters in logical order (the Allah ligature of 'عبد الله' is ل ل ه); text extractors
 *    (poppler, pdf.js) read such a run by reversing it character by character, which turns the
 *    ligature's characters backwards ('عبد اهلل'). Listing them reversed makes extraction right.
 *    (pdfkit records each glyph's codePoints the first time it encodes it.)
 */
interface Glyph {
  codePoints: number[];
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
export interface FontkitRun {
  direction: 'ltr' | 'rtl';
  glyphs: Glyph[];
  positions: Position[];
}
export interface FontkitFont {
  layout(text: string, ...rest: unknown[]): FontkitRun;
}

/** What pdfkit reads from a run: glyphs, positions (which it rescales in place), advanceWidth. */
interface RunCopy {
  direction: 'ltr' | 'rtl';
  glyphs: Glyph[];
  positions: Position[];
  readonly advanceWidth: number;
}

const MAX_RUNS = 20_000;

function copy(run: FontkitRun): RunCopy {
  return {
    direction: run.direction,
    glyphs: run.glyphs,
    positions: run.positions.map((p) => ({
      xAdvance: p.xAdvance,
      yAdvance: p.yAdvance,
      xOffset: p.xOffset,
      yOffset: p.yOffset,
    })),
    get advanceWidth() {
      let w = 0;
      for (const p of this.positions) w += p.xAdvance;
      return w;
    },
  };
}

function reverseLigatures(run: FontkitRun): void {
  if (run.direction !== 'rtl' || !run.glyphs.some((g) => g.codePoints.length > 1)) return;
  run.glyphs = run.glyphs.map((g) =>
    g.codePoints.length > 1
      ? (Object.create(g, { codePoints: { value: [...g.codePoints].reverse() } }) as Glyph)
      : g,
  );
}

/** Wraps a fontkit font's `layout` in place (see above) and returns the font. */
export function wrapLayout(font: FontkitFont): FontkitFont {
  const layout = font.layout.bind(font);
  const runs = new Map<string, FontkitRun>();
  font.layout = (text: string, ...rest: unknown[]): FontkitRun => {
    const key =
      rest.length === 0 || rest.every((r) => r === undefined) ? text : `${text}\u0000${JSON.stringify(rest)}`;
    let run = runs.get(key);
    if (run) {
      // Most recently used last, so the oldest entry is the first to go.
      runs.delete(key);
    } else {
      run = layout(text, ...rest);
      // Only the arrays are kept: the run object holds the font and caches derived values.
      run = { direction: run.direction, glyphs: run.glyphs, positions: run.positions };
      reverseLigatures(run);
      if (runs.size >= MAX_RUNS) {
        const oldest = runs.keys().next();
        if (!oldest.done) runs.delete(oldest.value);
      }
    }
    runs.set(key, run);
    return copy(run) as FontkitRun;
  };
  return font;
}
