import { COLORS, ID1 } from './card-style.ts';

/**
 * A4 imposition for office printers: 2 columns × 5 rows of ID-1 cards, centred, with gaps wide
 * enough for cut marks between cards. The backs go on the next page, each behind its front for
 * long-edge duplex printing (the sheet turns like a book page, so left and right swap).
 */
export const A4 = { width: 595.28, height: 841.89 } as const;

export interface Slot {
  x: number;
  y: number;
}

export interface SheetGeometry {
  cols: number;
  rows: number;
  perSheet: number;
  gapX: number;
  gapY: number;
  marginX: number;
  marginY: number;
  /** Front positions, row by row, left to right. */
  fronts: Slot[];
  /** Back positions: backs[i] lands behind fronts[i] after a long-edge flip. */
  backs: Slot[];
}

function geometry(cols: number, rows: number, gapX: number, gapY: number): SheetGeometry {
  const marginX = (A4.width - cols * ID1.width - (cols - 1) * gapX) / 2;
  const marginY = (A4.height - rows * ID1.height - (rows - 1) * gapY) / 2;
  const fronts: Slot[] = [];
  const backs: Slot[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const y = marginY + r * (ID1.height + gapY);
      fronts.push({ x: marginX + c * (ID1.width + gapX), y });
      backs.push({ x: marginX + (cols - 1 - c) * (ID1.width + gapX), y });
    }
  }
  return { cols, rows, perSheet: cols * rows, gapX, gapY, marginX, marginY, fronts, backs };
}

/** 2 × 5 cards; 14 pt between columns, 10 pt between rows, margins ≈ 17 mm × 6.4 mm. */
export const SHEET: SheetGeometry = geometry(2, 5, 14, 10);

/** Distance between a card corner and the start of its cut mark, and the usual mark length. */
const MARK_OFFSET = 2;
const MARK_LENGTH = 8;

/**
 * Cut marks at every card corner: short hairlines continuing each card edge outwards, starting
 * just outside the corner so no mark is ever printed on a card. Between two cards a mark stops
 * half-way across the gap.
 */
export function drawCutMarks(doc: PDFKit.PDFDocument, sheet: SheetGeometry, slots: readonly Slot[]): void {
  const alongX = Math.min(MARK_LENGTH, sheet.gapX / 2 - MARK_OFFSET);
  const alongY = Math.min(MARK_LENGTH, sheet.gapY / 2 - MARK_OFFSET);
  const outerX = Math.min(MARK_LENGTH, sheet.marginX - MARK_OFFSET - 2);
  const outerY = Math.min(MARK_LENGTH, sheet.marginY - MARK_OFFSET - 2);
  doc.save().lineWidth(0.25).strokeColor(COLORS.ink);
  for (const slot of slots) {
    const col = Math.round((slot.x - sheet.marginX) / (ID1.width + sheet.gapX));
    const row = Math.round((slot.y - sheet.marginY) / (ID1.height + sheet.gapY));
    const left = col === 0 ? outerX : alongX;
    const right = col === sheet.cols - 1 ? outerX : alongX;
    const up = row === 0 ? outerY : alongY;
    const down = row === sheet.rows - 1 ? outerY : alongY;
    const x0 = slot.x;
    const x1 = slot.x + ID1.width;
    const y0 = slot.y;
    const y1 = slot.y + ID1.height;
    for (const y of [y0, y1]) {
      doc.moveTo(x0 - MARK_OFFSET, y).lineTo(x0 - MARK_OFFSET - left, y);
      doc.moveTo(x1 + MARK_OFFSET, y).lineTo(x1 + MARK_OFFSET + right, y);
    }
    for (const x of [x0, x1]) {
      doc.moveTo(x, y0 - MARK_OFFSET).lineTo(x, y0 - MARK_OFFSET - up);
      doc.moveTo(x, y1 + MARK_OFFSET).lineTo(x, y1 + MARK_OFFSET + down);
    }
  }
  doc.stroke();
  doc.restore();
}
