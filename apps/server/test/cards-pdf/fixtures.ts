import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import type { CardPrintData } from '../../src/modules/cards/pdf/card-data.ts';

/** Sample cards with realistic Moroccan data (fictitious people). */

const FES = {
  chamberAr: 'غرفة الصناعة التقليدية لجهة فاس - مكناس',
  chamberFr: 'Chambre d’artisanat de la région Fès-Meknès',
};
const CASA = {
  chamberAr: 'غرفة الصناعة التقليدية لجهة الدار البيضاء - سطات',
  chamberFr: 'Chambre d’artisanat de la région Casablanca-Settat',
};

/** An upper-case verification URL like the ones the card service issues (~300 characters). */
export function sampleQrText(seed: string): string {
  let payload = '';
  let block = seed;
  while (payload.length < 270) {
    block = createHash('sha256').update(block).digest('hex').toUpperCase();
    payload += block;
  }
  return `HTTPS://VERIFY.HIRFA.MA/C/${payload.slice(0, 270)}`;
}

/** A synthetic head-and-shoulders portrait (PNG, 3:4), so tests need no binary fixture. */
export function samplePhotoPng(): Uint8Array {
  const png = new PNG({ width: 240, height: 320 });
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const head = ((x - 120) / 58) ** 2 + ((y - 120) / 72) ** 2 < 1;
      const body = ((x - 120) / 115) ** 2 + ((y - 330) / 125) ** 2 < 1;
      const hair = ((x - 120) / 62) ** 2 + ((y - 100) / 62) ** 2 < 1 && y < 95;
      const [r, g, b] = hair ? [40, 30, 25] : head ? [205, 160, 130] : body ? [35, 55, 95] : [225, 230, 236];
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** The same portrait as a JPEG: embedded in a one-page PDF and rasterised by poppler. */
export async function samplePhotoJpeg(): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirfa-photo-'));
  try {
    const doc = new PDFDocument({ size: [240, 320], margin: 0 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const ended = once(doc, 'end');
    doc.image(Buffer.from(samplePhotoPng()), 0, 0, { width: 240, height: 320 });
    doc.end();
    await ended;
    fs.writeFileSync(path.join(dir, 'p.pdf'), Buffer.concat(chunks));
    execFileSync('pdftoppm', [
      '-r',
      '72',
      '-jpeg',
      '-singlefile',
      path.join(dir, 'p.pdf'),
      path.join(dir, 'p'),
    ]);
    return new Uint8Array(fs.readFileSync(path.join(dir, 'p.jpg')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function sampleCards(): Promise<CardPrintData[]> {
  const photo = samplePhotoPng();
  const jpeg = await samplePhotoJpeg();
  const base = { issuedOn: '2026-05-14', validUntil: '2031-11-29' };
  return [
    {
      ...base,
      ...FES,
      serial: 'FM-2026-000123',
      nia: '2026031400871',
      kind: 'artisan',
      nameAr: 'فاطمة الزهراء آيت بلعيد',
      nameLatn: 'Fatima Zahra Ait Belaid',
      activityAr: 'نسج الزرابي',
      activityFr: 'Tissage de tapis',
      verificationCode: 'K7Q4-M2PX',
      photo,
      qrText: sampleQrText('fatima'),
    },
    {
      ...base,
      ...FES,
      serial: 'FM-2026-000124',
      nia: '2026031400872',
      kind: 'master_artisan',
      nameAr: 'محمد بن علي الإدريسي',
      nameLatn: 'Mohammed Ben Ali El Idrissi',
      activityAr: 'الدباغة التقليدية',
      activityFr: 'Tannerie traditionnelle',
      verificationCode: 'H3TW-9RZC',
      photo: jpeg,
      qrText: sampleQrText('mohammed'),
    },
    {
      ...base,
      ...CASA,
      serial: 'CS-2026-004410',
      nia: '2026061200455',
      kind: 'cooperative',
      nameAr: 'تعاونية النخيل للفخار والخزف',
      nameLatn: 'Coopérative Annakhil de poterie et céramique',
      activityAr: 'صناعة الفخار والخزف',
      activityFr: 'Poterie et céramique',
      verificationCode: 'B8NK-4FQD',
      photo: null,
      qrText: sampleQrText('annakhil'),
    },
  ];
}

/** Names and texts of 60+ characters in each script, to prove nothing overflows. */
export async function longCard(): Promise<CardPrintData> {
  const [first] = await sampleCards();
  if (!first) throw new Error('no sample');
  return {
    ...first,
    ...CASA,
    serial: 'CS-2026-009999',
    nia: '2026061200999',
    kind: 'enterprise',
    nameAr: 'عبد الرحمن بن محمد بن عبد الله بن الحسن الإدريسي الحسني العلمي الشريف',
    nameLatn: 'Abderrahmane Ben Mohammed Ben Abdellah Ben El Hassan El Idrissi El Hassani El Alami Cherif',
    activityAr: 'صناعة الحلي الفضية التقليدية والمجوهرات المرصعة بالأحجار الكريمة',
    activityFr: 'Bijouterie traditionnelle en argent et joaillerie sertie de pierres précieuses',
    verificationCode: 'Z9XW-7VTY',
    qrText: sampleQrText('long'),
  };
}
