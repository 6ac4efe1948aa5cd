// Speed of card rendering (not a timed test; for `npm run bench` later):
//   node --import tsx apps/server/test/cards-pdf/measure.ts [cards=2000] [--no-baseline] [--layout=a4-sheet]
// Renders N varied cards in each layout into a sink that discards the bytes, and, as a yardstick,
// N minimal one-page pdfkit documents (one line of text each).
import { once } from 'node:events';
import { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { CardPrintData } from '../../src/modules/cards/pdf/card-data.ts';
import { type CardLayout, renderCardsToStream } from '../../src/modules/cards/pdf/card-pdf.ts';
import { samplePhotoJpeg, sampleQrText } from './fixtures.ts';

const N = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 2000);
const withBaseline = !process.argv.includes('--no-baseline');
const only = process.argv.find((a) => a.startsWith('--layout='))?.slice('--layout='.length);

const FIRST = [
  ['محمد', 'Mohammed'],
  ['فاطمة الزهراء', 'Fatima Zahra'],
  ['عبد الله', 'Abdellah'],
  ['خديجة', 'Khadija'],
  ['يوسف', 'Youssef'],
  ['نجاة', 'Najat'],
  ['الحسن', 'El Hassan'],
  ['زينب', 'Zineb'],
  ['رشيد', 'Rachid'],
  ['أمينة', 'Amina'],
  ['سعيد', 'Said'],
  ['حفيظة', 'Hafida'],
] as const;
const LAST = [
  ['الإدريسي', 'El Idrissi'],
  ['آيت بلعيد', 'Ait Belaid'],
  ['بنكيران', 'Benkirane'],
  ['العلوي', 'El Alaoui'],
  ['الفاسي', 'El Fassi'],
  ['التازي', 'Tazi'],
  ['بناني', 'Bennani'],
  ['أوعلي', 'Ouali'],
  ['الصقلي', 'Sekkali'],
  ['المراكشي', 'El Marrakchi'],
  ['بوزيد', 'Bouzid'],
] as const;
const ACTIVITIES = [
  ['نسج الزرابي', 'Tissage de tapis'],
  ['الدباغة التقليدية', 'Tannerie traditionnelle'],
  ['صناعة الفخار والخزف', 'Poterie et céramique'],
  ['الطرز الفاسي', 'Broderie fassie'],
  ['النقش على الخشب', 'Sculpture sur bois'],
  ['صناعة الحلي الفضية', 'Bijouterie en argent'],
] as const;
const KINDS = ['artisan', 'master_artisan', 'cooperative', 'enterprise'] as const;

function* cards(n: number, photo: Uint8Array): Generator<CardPrintData> {
  for (let i = 0; i < n; i++) {
    const first = FIRST[i % FIRST.length] ?? FIRST[0];
    const last = LAST[(i * 7) % LAST.length] ?? LAST[0];
    const activity = ACTIVITIES[(i * 5) % ACTIVITIES.length] ?? ACTIVITIES[0];
    const serial = `FM-2026-${String(i).padStart(6, '0')}`;
    yield {
      serial,
      nia: String(2026031400000 + i),
      kind: KINDS[i % KINDS.length] ?? 'artisan',
      nameAr: `${first[0]} ${last[0]}`,
      nameLatn: `${first[1]} ${last[1]}`,
      activityAr: activity[0],
      activityFr: activity[1],
      chamberAr: 'غرفة الصناعة التقليدية لجهة فاس - مكناس',
      chamberFr: 'Chambre d’artisanat de la région Fès-Meknès',
      issuedOn: '2026-05-14',
      validUntil: '2031-11-29',
      verificationCode: `K${i % 10}Q4-M2P${String.fromCharCode(65 + (i % 26))}`,
      photo,
      qrText: sampleQrText(serial),
    };
  }
}

/** Discards bytes but counts them. */
function sink(): Writable & { bytes: number } {
  const s = new Writable({
    write(chunk: Buffer, _enc, cb) {
      s.bytes += chunk.length;
      cb();
    },
  }) as Writable & { bytes: number };
  s.bytes = 0;
  return s;
}

async function measureLayout(layout: CardLayout, photo: Uint8Array): Promise<void> {
  const out = sink();
  const t0 = performance.now();
  const summary = await renderCardsToStream(cards(N, photo), layout, out);
  const ms = performance.now() - t0;
  const rate = (summary.cards / ms) * 1000;
  const mb = out.bytes / 1e6;
  process.stdout.write(
    `${layout.padEnd(13)} ${summary.cards} cards in ${(ms / 1000).toFixed(2)} s: ${rate.toFixed(0)} cards/s, ` +
      `${(ms / summary.cards).toFixed(2)} ms/card, ${mb.toFixed(1)} MB (${(out.bytes / summary.cards / 1024).toFixed(1)} KiB/card)\n`,
  );
}

async function measureBaseline(): Promise<void> {
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const doc = new PDFDocument({ size: 'A4' });
    const out = sink();
    doc.pipe(out);
    doc.text(`Hello ${i}`);
    doc.end();
    await once(out, 'finish');
  }
  const ms = performance.now() - t0;
  process.stdout.write(
    `${'baseline'.padEnd(13)} ${N} one-page pdfkit documents in ${(ms / 1000).toFixed(2)} s: ` +
      `${((N / ms) * 1000).toFixed(0)} docs/s, ${(ms / N).toFixed(2)} ms/doc\n`,
  );
}

const photo = await samplePhotoJpeg();
// Warm up (JIT, font parsing) so the figures are steady-state.
await renderCardsToStream(cards(50, photo), 'card-printer', sink());
if (withBaseline) await measureBaseline();
for (const layout of ['card-printer', 'a4-sheet'] as const) {
  if (!only || only === layout) await measureLayout(layout, photo);
}
process.stdout.write(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
