import QRCode from 'qrcode';
import { applyBestMask } from './qr-mask.ts';
import type { Cmyk } from './text-box.ts';

/**
 * The QR on the back of the card, drawn as vector rectangles (no raster: sharp at any printer
 * resolution). Level Q (25 % of the symbol can be damaged or dirty and it still reads).
 */
export interface QrMatrix {
  /** Modules per side, without quiet zone. */
  size: number;
  /** size × size, row-major, 1 = dark. */
  dark: Uint8Array;
}

/** The QR standard's quiet zone: four light modules on every side. */
export const QUIET_ZONE = 4;

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/**
 * Computes the module matrix once per card (the mask is chosen by qr-mask.ts, exactly as the
 * library would, only faster). The verification URLs are upper case on purpose so
 * that they fit QR alphanumeric mode; such text is passed as one alphanumeric segment, which
 * skips the library's optimal-segmentation search (a third of the time per card) and decodes to
 * exactly the same text. Anything else is left to the library's automatic segmentation.
 */
export function qrMatrix(text: string): QrMatrix {
  const options = { errorCorrectionLevel: 'Q', maskPattern: 0 } as const;
  const qr =
    text !== '' && ALPHANUMERIC.test(text)
      ? QRCode.create([{ data: text, mode: 'alphanumeric' }], options)
      : QRCode.create(text, options);
  const { size, data, reservedBit } = qr.modules;
  return { size, dark: applyBestMask(data, reservedBit, size, qr.errorCorrectionLevel.bit) };
}

/**
 * PDF path operators for the dark modules in module units (one rectangle per horizontal run of
 * dark modules, so a version-12 symbol is ~900 short `re` operators instead of ~2,000).
 */
export function qrPath(m: QrMatrix): string {
  const ops: string[] = [];
  for (let row = 0; row < m.size; row++) {
    let col = 0;
    while (col < m.size) {
      if (m.dark[row * m.size + col] !== 1) {
        col++;
        continue;
      }
      const start = col;
      while (col < m.size && m.dark[row * m.size + col] === 1) col++;
      ops.push(`${start} ${row} ${col - start} 1 re`);
    }
  }
  return ops.join('\n');
}

/**
 * Draws the symbol with its quiet zone in a square of `side` points whose top-left corner is
 * (x, y); the quiet zone is painted white so the symbol reads on any background.
 * Returns the module size in points.
 */
export function drawQr(
  doc: PDFKit.PDFDocument,
  m: QrMatrix,
  x: number,
  y: number,
  side: number,
  color: Cmyk,
): number {
  const total = m.size + 2 * QUIET_ZONE;
  const module = side / total;
  doc.save();
  doc.rect(x, y, side, side).fill([0, 0, 0, 0]);
  doc.translate(x + QUIET_ZONE * module, y + QUIET_ZONE * module).scale(module);
  doc.addContent(qrPath(m));
  doc.fill(color);
  doc.restore();
  return module;
}
