import { type Box, type Cmyk, drawText, type FittedText, type TextSpec } from './text-box.ts';

/** ISO/IEC 7810 ID-1: 85.6 × 54 mm, in PDF points (1 pt = 1/72 in). */
export const MM = 72 / 25.4;
export const ID1 = { width: 85.6 * MM, height: 54 * MM } as const;

/** Process colours only (CMYK, 0–100), so a print shop gets exactly what it sees. */
export const COLORS = {
  ink: [0, 0, 0, 100] as Cmyk,
  muted: [0, 0, 0, 62] as Cmyk,
  hairline: [0, 0, 0, 30] as Cmyk,
  green: [90, 20, 85, 40] as Cmyk,
  greenTint: [8, 0, 7, 0] as Cmyk,
  red: [0, 95, 85, 10] as Cmyk,
  gold: [0, 22, 70, 12] as Cmyk,
  white: [0, 0, 0, 0] as Cmyk,
  photoTint: [4, 2, 2, 6] as Cmyk,
  silhouette: [6, 3, 3, 24] as Cmyk,
} as const;

/** Inner margin of the card: nothing but background colour goes closer to the edge. */
export const MARGIN = 7;

type Doc = PDFKit.PDFDocument;

/** Places a text spec at card coordinates (the card's top-left is `origin`). */
export function textAt(doc: Doc, origin: { x: number; y: number }, spec: TextSpec, box: Box): FittedText {
  return drawText(doc, spec, { x: origin.x + box.x, y: origin.y + box.y, w: box.w, h: box.h });
}

/** The green header band with a thin red rule under it (full bleed across the card width). */
export function drawBand(doc: Doc, x: number, y: number, height: number): void {
  doc.rect(x, y, ID1.width, height).fill(COLORS.green);
  doc.rect(x, y + height, ID1.width, 1.1).fill(COLORS.red);
}

/**
 * A Moroccan eight-pointed star (two overlapping squares, as in zellige) drawn as an outline:
 * decoration only, in the band's centre.
 */
export function drawStar(doc: Doc, cx: number, cy: number, r: number, color: Cmyk): void {
  const square = (angle: number): number[][] =>
    [0, 1, 2, 3].map((k) => {
      const a = angle + (k * Math.PI) / 2;
      return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    });
  doc.save().lineWidth(0.7).lineJoin('miter');
  doc.polygon(...square(Math.PI / 4)).stroke(color);
  doc.polygon(...square(0)).stroke(color);
  doc.circle(cx, cy, r * 0.32).stroke(color);
  doc.restore();
}

/**
 * A bilingual field: small labels on one line (French left, Arabic right), then the value in
 * each language under its label, French on the left half and Arabic on the right half, on a
 * shared baseline. Values shrink, then wrap to two lines. Labels and values are drawn apart so
 * that the labels can go in a shared layer (layer.ts).
 */
const FIELD_GAP = 6;
const LABEL_H = 6.5;

function halves(area: Box): { left: { x: number; w: number }; right: { x: number; w: number } } {
  const half = (area.w - FIELD_GAP) / 2;
  return { left: { x: area.x, w: half }, right: { x: area.x + half + FIELD_GAP, w: half } };
}

export function drawFieldLabels(
  doc: Doc,
  origin: { x: number; y: number },
  area: Box,
  labels: { fr: string; ar: string },
): void {
  const { left, right } = halves(area);
  const label = {
    weight: 'regular',
    size: 6,
    valign: 'baseline',
    alignSize: 6.5,
    color: COLORS.muted,
  } as const;
  textAt(doc, origin, { ...label, text: labels.fr, dir: 'ltr' }, { ...left, y: area.y, h: LABEL_H });
  textAt(
    doc,
    origin,
    { ...label, text: labels.ar, dir: 'rtl', size: 6.5 },
    { ...right, y: area.y, h: LABEL_H },
  );
}

export function drawFieldValues(
  doc: Doc,
  origin: { x: number; y: number },
  area: Box,
  values: { fr: string; ar: string },
): void {
  const { left, right } = halves(area);
  const box = { y: area.y + LABEL_H, h: area.h - LABEL_H };
  const value = {
    weight: 'bold',
    minSize: 6,
    maxLines: 2,
    lineHeight: 1.08,
    valign: 'baseline',
    alignSize: 8.5,
    color: COLORS.ink,
  } as const;
  textAt(doc, origin, { ...value, text: values.fr, dir: 'ltr', size: 7.5 }, { ...left, ...box });
  textAt(doc, origin, { ...value, text: values.ar, dir: 'rtl', size: 8.5 }, { ...right, ...box });
}
