import { backLayerKey, drawBackCard, drawBackLayer, verifyHost } from './card-back.ts';
import type { CardPrintData } from './card-data.ts';
import { drawFrontLayer, drawFrontPerson, frontLayerKey } from './card-front.ts';
import { ID1 } from './card-style.ts';
import type { LayerCache } from './layer.ts';
import { type QrMatrix, qrMatrix } from './qr.ts';

/**
 * One card, front and back, drawn at a given origin in points (ID-1: 85.6 × 54 mm =
 * 242.65 × 153.07 pt). The same drawing serves the card-printer pages (origin 0, 0) and the A4
 * sheets (origin = the card's slot). Each side is two parts:
 * - a layer that many cards share (band, titles, labels, the chamber, the print run's dates, the
 *   verification host), which with a LayerCache is recorded once per document as a PDF form and
 *   placed by reference (layer.ts);
 * - what belongs to the card itself (photo, names, NIA, kind, activity; QR, code, serial).
 * Layouts: card-front.ts and card-back.ts; colours, sizes and shared helpers: card-style.ts.
 */
type Doc = PDFKit.PDFDocument;

/** Draws the front of one card with its top-left corner at (x, y). */
export function drawCardFront(
  doc: Doc,
  card: CardPrintData,
  x: number,
  y: number,
  layers?: LayerCache,
): void {
  const paint = (lx: number, ly: number) => drawFrontLayer(doc, card, lx, ly);
  if (layers) layers.draw(frontLayerKey(card), x, y, ID1.width, ID1.height, paint);
  else paint(x, y);
  drawFrontPerson(doc, card, x, y);
}

/**
 * Draws the back of one card with its top-left corner at (x, y). Pass the QR matrix when it is
 * already computed (it is the most expensive part of a card) and the host to print under the
 * code (default: the host of the card's qrText, if it is a URL).
 */
export function drawCardBack(
  doc: Doc,
  card: CardPrintData,
  x: number,
  y: number,
  qr: QrMatrix = qrMatrix(card.qrText),
  host: string | null = verifyHost(card.qrText),
  layers?: LayerCache,
): void {
  const paint = (lx: number, ly: number) => drawBackLayer(doc, card, lx, ly, host);
  if (layers) layers.draw(backLayerKey(card, host), x, y, ID1.width, ID1.height, paint);
  else paint(x, y);
  drawBackCard(doc, card, x, y, qr, host);
}

export { QR_SIDE, verifyHost } from './card-back.ts';
export { COLORS, ID1, MARGIN, MM } from './card-style.ts';
