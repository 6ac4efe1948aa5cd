import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { CardPrintData } from '../../src/modules/cards/pdf/card-data.ts';
import { ID1, MARGIN } from '../../src/modules/cards/pdf/card-layout.ts';
import { renderCards } from '../../src/modules/cards/pdf/card-pdf.ts';
import { A4, SHEET } from '../../src/modules/cards/pdf/sheet.ts';
import { longCard, sampleCards, sampleQrText } from './fixtures.ts';
import {
  crop,
  findPrinted,
  inkComponents,
  jsqr,
  normalizeText,
  pdfinfo,
  pdftotext,
  readLine,
  readPng,
  renderPage,
  type Word,
  words,
  zbar,
} from './poppler.ts';

/**
 * Renders sample cards in both layouts and reads the PDFs back with poppler, zbar and jsQR:
 * page sizes, Arabic order and shaping, QR codes, duplex mirroring, nothing outside the card.
 */
let dir = '';
let cards: CardPrintData[] = [];
let sheetCards: CardPrintData[] = [];
const file = (name: string) => path.join(dir, name);

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirfa-cards-test-'));
  cards = [...(await sampleCards()), await longCard()];
  const [a, b, c] = await sampleCards();
  sheetCards = Array.from({ length: 12 }, (_, i) => {
    const base = [a, b, c][i % 3] as CardPrintData;
    return {
      ...base,
      serial: `FM-2026-9000${String(i).padStart(2, '0')}`,
      nia: `20260314009${String(i).padStart(2, '0')}`,
      qrText: sampleQrText(`sheet${i}`),
    };
  });
  const created = new Date('2026-05-14T09:00:00Z');
  fs.writeFileSync(file('printer.pdf'), await renderCards(cards, 'card-printer', { creationDate: created }));
  fs.writeFileSync(file('sheet.pdf'), await renderCards(cards, 'a4-sheet', { creationDate: created }));
  fs.writeFileSync(file('sheet12.pdf'), await renderCards(sheetCards, 'a4-sheet', { creationDate: created }));
});

after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const close = (a: number, b: number, eps = 0.02) => Math.abs(a - b) <= eps;

test('page sizes: ID-1 pages for card printers, A4 sheets otherwise', () => {
  const printer = pdfinfo(file('printer.pdf'));
  assert.equal(printer.pages, cards.length * 2);
  for (const s of printer.sizes)
    assert.ok(close(s.width, 242.65) && close(s.height, 153.07), JSON.stringify(s));
  const sheet = pdfinfo(file('sheet.pdf'));
  assert.equal(sheet.pages, 2);
  assert.equal(pdfinfo(file('sheet12.pdf')).pages, 4);
  for (const s of sheet.sizes)
    assert.ok(close(s.width, 595.28) && close(s.height, 841.89), JSON.stringify(s));
});

test('metadata: a title and subject, no personal data', () => {
  const info = pdfinfo(file('printer.pdf'));
  assert.match(info.title, /Cartes professionnelles/);
  assert.match(info.subject, /ID-1/);
  const meta = `${info.title} ${info.subject} ${info.author}`;
  for (const c of cards) {
    for (const value of [c.nameAr, c.nameLatn, c.nia, c.serial, c.verificationCode]) {
      assert.ok(!meta.includes(value), `metadata leaks ${value}`);
    }
  }
});

test('fonts are embedded (subsets of the bundled Noto fonts)', () => {
  const out = execFileSync('pdffonts', [file('printer.pdf')], { encoding: 'utf8' });
  for (const name of [
    'NotoNaskhArabic-Bold',
    'NotoNaskhArabic-Regular',
    'NotoSans-Bold',
    'NotoSans-Regular',
  ]) {
    const line = out.split('\n').find((l) => l.includes(name));
    assert.ok(line, `${name} missing:\n${out}`);
    assert.match(line, /\byes\s+yes\s+yes\b/, `${name} not embedded as a subset with ToUnicode`);
  }
});

/** Arabic strings printed on the sample cards (not wrapped on any card). */
function arabicStrings(card: CardPrintData): { pure: string[]; mixed: string[] } {
  // The Casablanca-Settat chamber takes two lines: check its second, mixed, line.
  const chamber = card.chamberAr.includes('سطات') ? 'لجهة الدار البيضاء - سطات' : card.chamberAr;
  return {
    pure: [
      card.nameAr,
      card.activityAr,
      'البطاقة المهنية للصانع التقليدي',
      'المملكة المغربية',
      'امسح الرمز للتحقق',
    ],
    mixed: [chamber, 'تاريخ الإصدار 14/05/2026', 'صالحة إلى غاية 29/11/2031'],
  };
}

test('pdftotext and pdftotext -layout give pure Arabic lines in logical order', () => {
  for (const mode of [[], ['-layout']]) {
    const pages = pdftotext(file('printer.pdf'), ...mode)
      .split('\f')
      .map(normalizeText);
    cards.slice(0, 3).forEach((card, i) => {
      const text = `${pages[2 * i]} ${pages[2 * i + 1]}`;
      for (const s of arabicStrings(card).pure)
        assert.ok(text.includes(s), `${mode.join('')}: "${s}" not in\n${text}`);
      assert.ok(!text.includes([...card.nameAr].reverse().join('')));
    });
  }
});

test('glyph positions spell every Arabic string, mixed ones included, right to left', () => {
  const all = words(file('printer.pdf'));
  cards.slice(0, 3).forEach((card, i) => {
    const { pure, mixed } = arabicStrings(card);
    for (const s of [...pure, ...mixed]) {
      assert.ok(
        findPrinted(all, 2 * i + 1, s) || findPrinted(all, 2 * i + 2, s),
        `"${s}" not printed right to left`,
      );
    }
  });
  // The check is direction-sensitive: reading the same name left to right does not match.
  const name = cards[0]?.nameAr ?? '';
  const w = all.find((x) => x.page === 1 && x.text === [...'فاطمة'].reverse().join(''));
  assert.ok(w);
  assert.ok(!readLine(all, 1, w, 'ltr').includes(name));
});

test('the content stream is in reading order too (pdftotext -raw, copy and paste)', () => {
  const raw = pdftotext(file('printer.pdf'), '-raw').split('\f').map(normalizeText);
  cards.slice(0, 3).forEach((card, i) => {
    const text = `${raw[2 * i]} ${raw[2 * i + 1]}`;
    const { pure, mixed } = arabicStrings(card);
    // Poppler's raw mode splits a word at a lam-alef ligature (the alef glyph has zero advance
    // and is painted under the lam), so strings with one are left to the two tests above.
    for (const s of [...pure, ...mixed].filter((x) => !/ل[اأإآ]/.test(x))) {
      assert.ok(text.includes(s), `raw: "${s}" not in\n${text}`);
    }
  });
});

test('Arabic is shaped: the letters of محمد are joined into one stroke', () => {
  const all = words(file('printer.pdf'));
  const page = 3; // front of Mohammed Ben Ali El Idrissi
  const png = readPng(renderPage(file('printer.pdf'), page, 300, dir));
  const word = all.find((w) => w.page === page && w.text === [...'محمد'].reverse().join(''));
  assert.ok(word, 'word محمد not found');
  const box = { x: word.xMin - 0.5, y: word.yMin, w: word.xMax - word.xMin + 1, h: word.yMax - word.yMin };
  // Isolated letters would make four separate strokes; joined letters make one.
  assert.equal(inkComponents(crop(png, box, 300)), 1);
});

test('QR codes decode to qrText exactly (zbar and jsQR), card-printer layout', () => {
  cards.forEach((card, i) => {
    const png = renderPage(file('printer.pdf'), 2 * i + 2, 300, dir);
    assert.deepEqual(zbar(png), [card.qrText], `zbar, card ${i}`);
    assert.equal(jsqr(readPng(png)), card.qrText, `jsQR, card ${i}`);
  });
});

test('A4 sheets: backs mirror the fronts for long-edge duplex, QR codes decode in every slot', () => {
  for (let i = 0; i < SHEET.perSheet; i++) {
    const f = SHEET.fronts[i];
    const b = SHEET.backs[i];
    assert.ok(f && b);
    assert.ok(close(b.x, A4.width - f.x - ID1.width, 1e-6) && close(b.y, f.y, 1e-6), `slot ${i}`);
  }
  const all = words(file('sheet12.pdf'));
  const inside = (w: Word, s: { x: number; y: number }) =>
    w.xMin >= s.x && w.xMax <= s.x + ID1.width && w.yMin >= s.y && w.yMax <= s.y + ID1.height;
  sheetCards.forEach((card, i) => {
    const sheet = Math.floor(i / SHEET.perSheet);
    const slot = i % SHEET.perSheet;
    const nia = all.find((w) => w.page === 2 * sheet + 1 && w.text === card.nia);
    const serial = all.find((w) => w.page === 2 * sheet + 2 && w.text === card.serial);
    assert.ok(
      nia && inside(nia, SHEET.fronts[slot] ?? { x: 0, y: 0 }),
      `front of card ${i} not in slot ${slot}`,
    );
    assert.ok(
      serial && inside(serial, SHEET.backs[slot] ?? { x: 0, y: 0 }),
      `back of card ${i} not behind its front`,
    );
  });
  for (const sheet of [0, 1]) {
    const onSheet = sheetCards.slice(sheet * SHEET.perSheet, (sheet + 1) * SHEET.perSheet);
    const pngFile = renderPage(file('sheet12.pdf'), 2 * sheet + 2, 300, dir);
    assert.deepEqual(zbar(pngFile).sort(), onSheet.map((c) => c.qrText).sort(), `zbar, sheet ${sheet}`);
    const png = readPng(pngFile);
    onSheet.forEach((card, slot) => {
      const s = SHEET.backs[slot] ?? { x: 0, y: 0 };
      assert.equal(
        jsqr(crop(png, { x: s.x, y: s.y, w: ID1.width, h: ID1.height }, 300)),
        card.qrText,
        `jsQR slot ${slot}`,
      );
    });
  }
});

test('A4 sheets have cut marks at the card corners, outside the cards', () => {
  const png = readPng(renderPage(file('sheet.pdf'), 1, 300, dir));
  const k = 300 / 72;
  // Hairlines are snapped to the pixel grid: look within ±2 px of the point.
  const inkAt = (x: number, y: number) => {
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        const i = ((Math.round(y * k) + dy) * png.width + Math.round(x * k) + dx) * 4;
        if ((png.data[i] ?? 255) < 160) return true;
      }
    }
    return false;
  };
  for (const s of SHEET.fronts.slice(0, cards.length)) {
    for (const [cx, cy, dx, dy] of [
      [s.x, s.y, -1, -1],
      [s.x + ID1.width, s.y, 1, -1],
      [s.x, s.y + ID1.height, -1, 1],
      [s.x + ID1.width, s.y + ID1.height, 1, 1],
    ] as const) {
      assert.ok(inkAt(cx + dx * 3.5, cy), `horizontal mark at ${cx},${cy}`);
      assert.ok(inkAt(cx, cy + dy * 3.5), `vertical mark at ${cx},${cy}`);
      assert.ok(!inkAt(cx + dx * 3.5, cy + dy * 3.5), `ink in the corner gap at ${cx},${cy}`);
    }
  }
});

test('long names (60+ characters in each script) shrink and wrap inside the card', () => {
  const long = cards[3];
  assert.ok(long && long.nameAr.length >= 60 && long.nameLatn.length >= 60);
  const checks: Array<{ name: string; page: number; slot: { x: number; y: number }; front: boolean }> = [
    { name: 'printer.pdf', page: 7, slot: { x: 0, y: 0 }, front: true },
    { name: 'printer.pdf', page: 8, slot: { x: 0, y: 0 }, front: false },
    { name: 'sheet.pdf', page: 1, slot: SHEET.fronts[3] ?? { x: 0, y: 0 }, front: true },
    { name: 'sheet.pdf', page: 2, slot: SHEET.backs[3] ?? { x: 0, y: 0 }, front: false },
  ];
  for (const { name, page, slot: s, front } of checks) {
    const near = (w: Word) =>
      w.page === page &&
      w.xMax > s.x - 5 &&
      w.xMin < s.x + ID1.width + 5 &&
      w.yMax > s.y - 5 &&
      w.yMin < s.y + ID1.height + 5;
    const onCard = words(file(name)).filter(near);
    assert.ok(onCard.length > 15, `${name} p${page}: words found ${onCard.length}`);
    for (const w of onCard) {
      const where = `${name} p${page}: "${w.text}" at x ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)}, y ${w.yMin.toFixed(1)}–${w.yMax.toFixed(1)}`;
      assert.ok(
        w.xMin >= s.x + MARGIN - 0.5 && w.xMax <= s.x + ID1.width - MARGIN + 0.5,
        `outside the margins: ${where}`,
      );
      assert.ok(w.yMin >= s.y && w.yMax <= s.y + ID1.height, `outside the card: ${where}`);
    }
    if (!front) continue;
    // Every word of both names is printed (wrapped, not cut).
    const printed = new Set(
      onCard.flatMap((w) => [normalizeText(w.text), normalizeText([...w.text].reverse().join(''))]),
    );
    for (const part of [...long.nameAr.split(' '), ...long.nameLatn.split(' ')]) {
      assert.ok(printed.has(normalizeText(part)), `${name}: "${part}" missing`);
    }
  }
  // Both lines of the wrapped Arabic name read in logical order (the Allah ligature included).
  const text = normalizeText(pdftotext(file('printer.pdf'), '-f', '7', '-l', '7'));
  assert.ok(text.includes('عبد الرحمن بن محمد بن عبد الله بن'), text);
  assert.ok(text.includes('الحسن الإدريسي الحسني العلمي الشريف'), text);
});
