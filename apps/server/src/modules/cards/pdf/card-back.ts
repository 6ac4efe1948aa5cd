import type { CardPrintData } from './card-data.ts';
import { COLORS, drawBand, ID1, MARGIN, textAt } from './card-style.ts';
import { drawQr, type QrMatrix } from './qr.ts';
import { fontName } from './fonts.ts';

/**
 * Back of the card: the QR on the left (vector, 39.5 mm with its quiet zone), and on the right
 * what someone without a phone needs: the instruction, the verification code to type, the host
 * to type it on, and the serial.
 */
const BAND_H = 21;
/** Side of the QR square including the 4-module quiet zone. */
export const QR_SIDE = 112;
const QR_Y = BAND_H + 1.1 + (ID1.height - BAND_H - 1.1 - QR_SIDE) / 2;
const COL_X = MARGIN + QR_SIDE + 6;
const COL_W = ID1.width - MARGIN - COL_X;

type Doc = PDFKit.PDFDocument;

/** Host of the verification URL, lower-cased for reading ('verify.hirfa.ma'); null if not a URL. */
export function verifyHost(qrText: string): string | null {
  try {
    const url = new URL(qrText);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Cell geometry of the verification code: fixed-width cells, narrower for the separators. */
function codeCells(
  code: string,
  w: number,
): { chars: string[]; cells: number[]; x0: number; cell: number; h: number } {
  const chars = Array.from(code.trim());
  const cells = chars.map((c) => (c === '-' || c === ' ' ? 0.45 : 1));
  const units = cells.reduce((a, b) => a + b, 0);
  const cell = Math.min(12.5, w / Math.max(units, 1));
  return { chars, cells, x0: (w - cell * units) / 2, cell, h: cell * 1.38 };
}

const CODE_SIZE = 13;
let widestGlyph = 0;

/** Size at which the widest letter or digit ('W', 'M') still fits its cell with a margin. */
function codeSize(doc: Doc, cell: number): number {
  if (widestGlyph === 0) {
    doc.font(fontName('latin', 'bold')).fontSize(1);
    for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
      widestGlyph = Math.max(widestGlyph, doc.widthOfString(c));
  }
  return Math.min(CODE_SIZE, (cell - 2) / widestGlyph);
}

/** Tinted boxes behind the characters of the code (depend only on its shape). */
function drawCodeCells(doc: Doc, code: string, x: number, y: number, w: number): void {
  const { cells, x0, cell, h } = codeCells(code, w);
  let cx = x + x0;
  for (const c of cells) {
    if (c === 1) doc.roundedRect(cx + 0.6, y, cell - 1.2, h, 1.5);
    cx += cell * c;
  }
  doc.fill(COLORS.greenTint);
}

/** The verification code, one character centred per cell, like a form to copy from. */
function drawCodeChars(doc: Doc, code: string, x: number, y: number, w: number): void {
  const { chars, cells, x0, cell, h } = codeCells(code, w);
  const size = codeSize(doc, cell);
  doc.font(fontName('latin', 'bold')).fontSize(size).fillColor(COLORS.ink);
  let cx = x + x0;
  chars.forEach((c, i) => {
    const cw = cell * (cells[i] ?? 1);
    const tw = doc.widthOfString(c);
    doc.text(c, cx + (cw - tw) / 2, y + h / 2 + size * 0.36, { lineBreak: false, baseline: 'alphabetic' });
    cx += cw;
  });
}

/** Vertical positions in the right-hand column. */
const COL = (() => {
  const top = QR_Y + 4;
  return {
    scanAr: top,
    scanFr: top + 11,
    codeLabel: top + 25,
    code: top + 34,
    hostLabel: top + 54,
    host: top + 62,
  };
})();

/** What the layer of a back depends on. */
export function backLayerKey(card: CardPrintData, host: string | null): string {
  return ['back', host ?? '', card.verificationCode.trim().replace(/[^- ]/g, 'X')].join('\u0000');
}

/** Everything on the back that is not specific to the card: band, instructions, labels, host. */
export function drawBackLayer(
  doc: Doc,
  card: CardPrintData,
  x: number,
  y: number,
  host: string | null,
): void {
  const o = { x, y };
  const w = ID1.width;
  const half = (w - 2 * MARGIN - 8) / 2;
  drawBand(doc, x, y, BAND_H);
  const band = {
    weight: 'bold',
    color: COLORS.white,
    valign: 'middle',
    maxLines: 2,
    lineHeight: 1.05,
  } as const;
  const bandBox = { y: 2, w: half, h: BAND_H - 4 };
  textAt(
    doc,
    o,
    { ...band, text: 'Registre national de l’artisanat', dir: 'ltr', size: 7 },
    { ...bandBox, x: MARGIN },
  );
  textAt(
    doc,
    o,
    { ...band, text: 'السجل الوطني للصناعة التقليدية', dir: 'rtl', size: 8 },
    { ...bandBox, x: w - MARGIN - half },
  );

  const col = { x: COL_X, w: COL_W };
  const centred = { align: 'center', valign: 'middle', color: COLORS.ink } as const;
  const scan = { ...centred, weight: 'bold', color: COLORS.green } as const;
  textAt(
    doc,
    o,
    { ...scan, text: 'امسح الرمز للتحقق', dir: 'rtl', size: 9 },
    { ...col, y: COL.scanAr, h: 11 },
  );
  textAt(
    doc,
    o,
    { ...scan, text: 'Scannez pour vérifier', dir: 'ltr', size: 7.5 },
    { ...col, y: COL.scanFr, h: 9 },
  );
  const label = { ...centred, weight: 'regular', size: 6, color: COLORS.muted } as const;
  textAt(
    doc,
    o,
    { ...label, text: 'Code de vérification · رمز التحقق', dir: 'ltr' },
    { ...col, y: COL.codeLabel, h: 8 },
  );
  drawCodeCells(doc, card.verificationCode, x + COL_X, y + COL.code, COL_W);
  let top = COL.hostLabel;
  if (host) {
    textAt(doc, o, { ...label, text: 'à saisir sur · أدخله على', dir: 'ltr' }, { ...col, y: top, h: 8 });
    textAt(
      doc,
      o,
      { ...centred, text: host, dir: 'ltr', weight: 'bold', size: 8 },
      { ...col, y: top + 8, h: 10 },
    );
    top += 22;
  }
  textAt(doc, o, { ...label, text: 'N° de série · الرقم التسلسلي', dir: 'ltr' }, { ...col, y: top, h: 8 });
}

/** The card's own: QR, verification code, serial. */
export function drawBackCard(
  doc: Doc,
  card: CardPrintData,
  x: number,
  y: number,
  qr: QrMatrix,
  host: string | null,
): void {
  drawQr(doc, qr, x + MARGIN, y + QR_Y, QR_SIDE, COLORS.ink);
  drawCodeChars(doc, card.verificationCode, x + COL_X, y + COL.code, COL_W);
  const serialY = COL.hostLabel + (host ? 22 : 0) + 8;
  const serial = {
    text: card.serial,
    dir: 'ltr',
    weight: 'bold',
    size: 8,
    align: 'center',
    valign: 'middle',
  } as const;
  textAt(doc, { x, y }, { ...serial, color: COLORS.ink }, { x: COL_X, w: COL_W, y: serialY, h: 10 });
}
