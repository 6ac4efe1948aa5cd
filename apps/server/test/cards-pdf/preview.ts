// Renders the sample cards to /tmp/hirfa-cards (PDF + 300 dpi PNG) for looking at them:
//   node --import tsx apps/server/test/cards-pdf/preview.ts [outDir]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { renderCards } from '../../src/modules/cards/pdf/card-pdf.ts';
import { longCard, sampleCards } from './fixtures.ts';

const outDir = process.argv[2] ?? '/tmp/hirfa-cards';
fs.mkdirSync(outDir, { recursive: true });
const cards = [...(await sampleCards()), await longCard()];
for (const layout of ['card-printer', 'a4-sheet'] as const) {
  const pdf = await renderCards(cards, layout);
  const file = path.join(outDir, `${layout}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', [
    '-r',
    layout === 'a4-sheet' ? '100' : '300',
    '-png',
    file,
    path.join(outDir, layout),
  ]);
  process.stdout.write(`${file} (${pdf.length} bytes)\n`);
}
