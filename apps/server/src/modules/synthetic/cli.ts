// Writes synthetic register entries as CSV or JSON lines, to a file or stdout.
//   node --import tsx apps/server/src/modules/synthetic/cli.ts --count 1000 --seed 42 --format csv
// Options: --count N (1000) --seed S (42) --start I (0) --format csv|jsonl (csv)
//          --style register|legacy (register: as on the CIN; legacy: as a chamber's old list)
//          --out FILE (stdout) --reference-date YYYY-MM-DD
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { LEGACY_COLUMNS, legacyCsvLine, PERSON_COLUMNS, personCsvLine } from './csv.ts';
import { messyVariant } from './messy.ts';
import { generatePeople } from './people.ts';
import { rngFor } from './prng.ts';

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      style: { type: 'string', default: 'register' },
      out: { type: 'string' },
      'reference-date': { type: 'string' },
    },
  });
  const count = integer('count', values.count, 1000);
  const seed = integer('seed', values.seed, 42);
  const startIndex = integer('start', values.start, 0);
  const { format, style } = values;
  if (format !== 'csv' && format !== 'jsonl') throw new Error('--format must be csv or jsonl');
  if (style !== 'register' && style !== 'legacy') throw new Error('--style must be register or legacy');
  const out: Writable = values.out ? fs.createWriteStream(values.out) : process.stdout;
  const referenceDate = values['reference-date'];
  const people = generatePeople({ seed, count, startIndex, ...(referenceDate ? { referenceDate } : {}) });
  if (format === 'csv')
    await write(out, `${(style === 'legacy' ? LEGACY_COLUMNS : PERSON_COLUMNS).join(',')}\n`);
  let buffer = '';
  for (const person of people) {
    const row = style === 'legacy' ? messyVariant(person, rngFor(seed, person.index, 3)) : person;
    if (format === 'jsonl') buffer += `${JSON.stringify(row)}\n`;
    else buffer += 'sourceIndex' in row ? legacyCsvLine(row) : personCsvLine(row);
    if (buffer.length > 1 << 16) {
      await write(out, buffer);
      buffer = '';
    }
  }
  await write(out, buffer);
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
  }
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
