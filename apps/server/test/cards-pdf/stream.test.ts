import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CardDataError, type CardPrintData } from '../../src/modules/cards/pdf/card-data.ts';
import { renderCards, renderCardsToStream } from '../../src/modules/cards/pdf/card-pdf.ts';
import { sampleCards, sampleQrText } from './fixtures.ts';
import { pdfinfo, pdftotext } from './poppler.ts';

let dir = '';
let base: CardPrintData[] = [];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirfa-cards-stream-'));
  base = await sampleCards();
});

after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A chamber's batch as the job would read it: an async source, one card at a time. */
async function* batch(n: number): AsyncGenerator<CardPrintData> {
  for (let i = 0; i < n; i++) {
    const card = base[i % base.length] as CardPrintData;
    yield { ...card, serial: `FM-2026-${String(i).padStart(6, '0')}`, qrText: sampleQrText(`batch${i}`) };
    if (i % 25 === 0) await new Promise((r) => setImmediate(r));
  }
}

for (const layout of ['card-printer', 'a4-sheet'] as const) {
  test(`${layout}: a batch streams to a file, with progress`, async () => {
    const file = path.join(dir, `${layout}.pdf`);
    const progress: number[] = [];
    const summary = await renderCardsToStream(batch(123), layout, fs.createWriteStream(file), {
      onProgress: (done) => progress.push(done),
      title: 'Lot FM-2026-05',
    });
    assert.equal(summary.cards, 123);
    const pages = layout === 'card-printer' ? 246 : 2 * Math.ceil(123 / 10);
    assert.equal(summary.pages, pages);
    assert.equal(progress.at(-1), 123);
    assert.ok(
      progress.every((n, i) => i === 0 || n > (progress[i - 1] ?? 0)),
      'progress is increasing',
    );
    const info = pdfinfo(file);
    assert.equal(info.pages, pages);
    assert.equal(info.title, 'Lot FM-2026-05');
    // The last card made it to the end of the file.
    assert.ok(pdftotext(file, '-f', String(pages), '-l', String(pages)).includes('FM-2026-000122'));
  });
}

test('renderCards returns the whole PDF; a single card works too', async () => {
  const pdf = await renderCards(base.slice(0, 1), 'card-printer');
  assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
  const file = path.join(dir, 'one.pdf');
  fs.writeFileSync(file, pdf);
  assert.equal(pdfinfo(file).pages, 2);
});

test('a card that cannot be printed is refused, naming only its serial', async () => {
  const bad = { ...(base[0] as CardPrintData), serial: 'FM-BAD-1', photo: new Uint8Array([1, 2, 3, 4, 5]) };
  await assert.rejects(renderCards([bad], 'card-printer'), (e: unknown) => {
    assert.ok(e instanceof CardDataError);
    assert.equal(e.serial, 'FM-BAD-1');
    assert.ok(!e.message.includes(bad.nameLatn));
    return true;
  });
  const noDate = { ...(base[0] as CardPrintData), validUntil: '29/11/2031' };
  await assert.rejects(renderCards([noDate], 'a4-sheet'), CardDataError);
  await assert.rejects(renderCards([], 'a4-sheet'), RangeError);
});
