export {
  fontkitReverses,
  normalizeSpaces,
  toVisualPieces,
  type VisualPiece,
  visualString,
} from './arabic.ts';
export {
  type CardKind,
  CardDataError,
  type CardPrintData,
  checkCardData,
  formatCardDate,
  KIND_LABELS,
  photoFormat,
} from './card-data.ts';
export { drawCardBack, drawCardFront, ID1, verifyHost } from './card-layout.ts';
export {
  type CardLayout,
  type RenderOptions,
  type RenderSummary,
  renderCards,
  renderCardsToStream,
} from './card-pdf.ts';
export { cardFontBuffers, registerCardFonts } from './fonts.ts';
export { type QrMatrix, qrMatrix } from './qr.ts';
export { A4, SHEET } from './sheet.ts';
