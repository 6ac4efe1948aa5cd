import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { type CardPrintData, checkCardData } from './card-data.ts';
import { drawCardBack, drawCardFront, ID1, verifyHost } from './card-layout.ts';
import { registerCardFonts } from './fonts.ts';
import { LayerCache } from './layer.ts';
import { qrMatrix } from './qr.ts';
import { A4, drawCutMarks, SHEET } from './sheet.ts';

/**
 * Print files for a batch of cards.
 * - 'card-printer': one card per page, page = ID-1; front page then back page for each card
 *   (what duplex card printers expect).
 * - 'a4-sheet': 10 fronts per A4 page with cut marks, then their backs on the next page, each
 *   behind its front for long-edge duplex.
 * Cards are drawn one by one and the PDF streams out as it is produced, with backpressure, so a
 * chamber's batch of tens of thousands of cards never sits in memory. What grows with the batch:
 * pdfkit's bookkeeping of the pages written (~1 KB a page) and the font subsets; the shaping and
 * fitting caches are bounded. Fonts are parsed once per process (fonts.ts). The parts of a card
 * shared by the batch are drawn once per document (layer.ts).
 *
 * If a card cannot be printed (CardDataError) or the source fails, the output stream is
 * destroyed with the error: the partial file must be discarded.
 */
export type CardLayout = 'a4-sheet' | 'card-printer';

export interface RenderOptions {
  /** Document title (metadata); never put personal data here. */
  title?: string;
  subject?: string;
  /** Called with the number of cards finished so far (after each card or each A4 sheet). */
  onProgress?: (cardsDone: number) => void;
  /** Host printed under the verification code; default: the host of each card's qrText. */
  verifyHost?: string;
  /** Fixed creation date (reproducible output in tests). */
  creationDate?: Date;
  /** End the output stream when done (default true). */
  end?: boolean;
}

export interface RenderSummary {
  cards: number;
  pages: number;
}

type CardSource = Iterable<CardPrintData> | AsyncIterable<CardPrintData>;

const DEFAULT_TITLE = 'Cartes professionnelles d’artisan — البطاقات المهنية للصناع التقليديين';

function createDocument(layout: CardLayout, opts: RenderOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    // Shaping is cached, bounded, by shaping.ts; pdfkit's own cache grows with every new word.
    fontLayoutCache: false,
    lang: 'fr-MA',
    info: {
      Title: opts.title ?? DEFAULT_TITLE,
      Subject:
        opts.subject ??
        (layout === 'a4-sheet'
          ? 'Planches A4 recto verso (bords longs), 10 cartes ID-1 par planche, traits de coupe'
          : 'Imprimante à cartes : une carte ID-1 par page, recto puis verso'),
      Author: 'Hirfa — Registre national de l’artisanat',
      Creator: 'Hirfa',
      CreationDate: opts.creationDate ?? new Date(),
    },
  });
  registerCardFonts(doc);
  return doc;
}

/** Draws the cards from `cards` into `out` as one PDF; resolves when `out` has it all. */
export async function renderCardsToStream(
  cards: CardSource,
  layout: CardLayout,
  out: Writable,
  opts: RenderOptions = {},
): Promise<RenderSummary> {
  const doc = createDocument(layout, opts);
  doc.on('data', (chunk: Buffer) => out.write(chunk));
  const ended = once(doc, 'end');
  const outFailed = new Promise<never>((_, reject) => out.once('error', reject));
  outFailed.catch(() => {});
  /**
   * Lets the output drain (backpressure: pdfkit pushes synchronously, so the bytes of at most a
   * few cards wait in memory) and the event loop breathe between cards. `writableNeedDrain` is
   * read at the time of waiting: a 'drain' may already have fired while the source was awaited.
   */
  const breathe = async (): Promise<void> => {
    if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), outFailed]);
    else await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const host = (card: CardPrintData) => opts.verifyHost ?? verifyHost(card.qrText);
  const layers = new LayerCache(doc);

  let done = 0;
  let pages = 0;
  let sheet: CardPrintData[] = [];
  const flushSheet = () => {
    doc.addPage({ size: [A4.width, A4.height], margin: 0 });
    sheet.forEach((card, i) => {
      const slot = SHEET.fronts[i];
      if (slot) drawCardFront(doc, card, slot.x, slot.y, layers);
    });
    drawCutMarks(doc, SHEET, SHEET.fronts.slice(0, sheet.length));
    doc.addPage({ size: [A4.width, A4.height], margin: 0 });
    sheet.forEach((card, i) => {
      const slot = SHEET.backs[i];
      if (slot) drawCardBack(doc, card, slot.x, slot.y, qrMatrix(card.qrText), host(card), layers);
    });
    pages += 2;
    done += sheet.length;
    sheet = [];
    opts.onProgress?.(done);
  };

  try {
    for await (const card of cards) {
      checkCardData(card);
      if (layout === 'card-printer') {
        doc.addPage({ size: [ID1.width, ID1.height], margin: 0 });
        drawCardFront(doc, card, 0, 0, layers);
        doc.addPage({ size: [ID1.width, ID1.height], margin: 0 });
        drawCardBack(doc, card, 0, 0, qrMatrix(card.qrText), host(card), layers);
        pages += 2;
        done++;
        opts.onProgress?.(done);
        if (done % 8 === 0 || out.writableNeedDrain) await breathe();
      } else {
        sheet.push(card);
        if (sheet.length === SHEET.perSheet) {
          flushSheet();
          await breathe();
        }
      }
    }
    if (sheet.length > 0) flushSheet();
    if (pages === 0) throw new RangeError('No cards to render');
  } catch (error) {
    // A card could not be drawn (or the source failed): stop, and fail the output like pipe() would.
    doc.removeAllListeners('data');
    if (opts.end !== false) out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  doc.end();
  await Promise.race([ended, outFailed]);
  if (opts.end !== false) {
    out.end();
    await finished(out);
  }
  return { cards: done, pages };
}

/** Convenience for small batches and single cards: the whole PDF in memory. */
export async function renderCards(
  cards: CardPrintData[],
  layout: CardLayout,
  opts: RenderOptions = {},
): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await renderCardsToStream(cards, layout, sink, opts);
  return new Uint8Array(Buffer.concat(chunks));
}
