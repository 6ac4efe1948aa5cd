import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fontkitReverses, toVisualPieces, visualString } from '../../src/modules/cards/pdf/arabic.ts';

/** Pieces as [text handed to pdfkit, font script] in left-to-right drawing order. */
function pieces(text: string, dir: 'rtl' | 'ltr'): Array<[string, string]> {
  return toVisualPieces(text, dir).map((p) => [p.text, p.script]);
}

test('an Arabic name: words right to left, each word left for fontkit to shape and reverse', () => {
  assert.deepEqual(pieces('محمد بن علي الإدريسي', 'rtl'), [
    ['الإدريسي', 'arabic'],
    [' ', 'arabic'],
    ['علي', 'arabic'],
    [' ', 'arabic'],
    ['بن', 'arabic'],
    [' ', 'arabic'],
    ['محمد', 'arabic'],
  ]);
  // What the eye sees from left to right (letters as fontkit lays them out).
  assert.equal(visualString(toVisualPieces('نسج الزرابي', 'rtl')), 'يبارزلا جسن');
});

test('digits and Latin words inside Arabic keep their own order; neutrals take the Latin font', () => {
  assert.equal(visualString(toVisualPieces('تاريخ الإصدار 14/05/2026', 'rtl')), '14/05/2026 رادصإلا خيرات');
  assert.equal(visualString(toVisualPieces('حرفة Hirfa للصناعة', 'rtl')), 'ةعانصلل Hirfa ةفرح');
  assert.equal(
    visualString(toVisualPieces('تعاونية Atlas Tapis للنسيج', 'rtl')),
    'جيسنلل Atlas Tapis ةينواعت',
  );
  assert.deepEqual(pieces('غرفة الصناعة التقليدية لجهة الدار البيضاء - سطات', 'rtl').slice(0, 5), [
    ['سطات', 'arabic'],
    [' ', 'latin'],
    ['-', 'latin'],
    [' ', 'arabic'],
    ['البيضاء', 'arabic'],
  ]);
});

test('an ISO date after Arabic letters follows the Unicode bidi algorithm, as browsers show it', () => {
  // UAX #9 W2: European digits after Arabic letters become Arabic numbers, and '-' (unlike '/')
  // does not join Arabic numbers, so the three groups are laid out right to left, each group
  // left to right. The card prints DD/MM/YYYY, which stays in one piece.
  assert.equal(visualString(toVisualPieces('صالحة إلى غاية 2031-11-29', 'rtl')), '29-11-2031 ةياغ ىلإ ةحلاص');
  assert.equal(visualString(toVisualPieces('2031-11-29', 'rtl')), '2031-11-29');
});

test('brackets are mirrored in right-to-left text; Arabic-Indic digits read left to right', () => {
  assert.equal(visualString(toVisualPieces('نسج (الزرابي)', 'rtl')), '(يبارزلا) جسن');
  const digits = toVisualPieces('رقم ١٢٣', 'rtl');
  assert.equal(digits[0]?.text, '٣٢١', 'fed reversed, because fontkit reverses Arabic-script runs');
  assert.equal(visualString(digits), '١٢٣ مقر');
});

test('French with an Arabic part (left-to-right paragraph)', () => {
  assert.deepEqual(pieces('Code de vérification · رمز التحقق', 'ltr'), [
    ['Code de vérification · ', 'latin'],
    ['التحقق', 'arabic'],
    [' ', 'arabic'],
    ['رمز', 'arabic'],
  ]);
  assert.deepEqual(pieces('Chambre d’artisanat de la région Fès-Meknès', 'ltr'), [
    ['Chambre d’artisanat de la région Fès-Meknès', 'latin'],
  ]);
});

test('pieces carry their logical position so they can be drawn in reading order', () => {
  const p = toVisualPieces('فاطمة الزهراء آيت بلعيد', 'rtl');
  const drawn = [...p].sort((a, b) => a.index - b.index).filter((x) => !x.space);
  assert.deepEqual(
    drawn.map((x) => x.text),
    ['فاطمة', 'الزهراء', 'آيت', 'بلعيد'],
  );
});

test('fontkitReverses follows fontkit: the first letter of a non-common script decides', () => {
  assert.equal(fontkitReverses('محمد'), true);
  assert.equal(fontkitReverses('2026 محمد'), true);
  assert.equal(fontkitReverses('Fès'), false);
  assert.equal(fontkitReverses(' - '), false);
  assert.equal(fontkitReverses('١٢٣'), true);
});
