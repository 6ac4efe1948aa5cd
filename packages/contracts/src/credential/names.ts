// Compact names: each name claim is either a CBOR text string (UTF-8) or a CBOR byte string holding
// 6-bit symbols from a fixed table for its script — letters, a few signs, and frequent name parts
// ("ال", "عبد ال", "MOHAMMED", "EL", ...) — which takes 25–60 % fewer bytes than UTF-8. The tables
// below are part of credential format version 1 and must never change; docs/card-credential.md
// repeats them. The issuer uses the byte string whenever every character of the name is covered.
//
// Packing: symbols are written most-significant bit first, 6 bits each, and the last byte is padded
// with zero bits. Symbol 0 is never a character: when the padding leaves room for a whole symbol it
// reads as 0, and the decoder drops it.

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
}

/** Arabic-script table (symbol → text). 0 is padding. */
export const ARABIC_SYMBOLS: readonly string[] = [
  '',
  ' ',
  '-',
  ...range(0x0621, 0x063a), // 3–28: ء آ أ ؤ إ ئ ا ب ة ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ
  ...range(0x0641, 0x064a), // 29–38: ف ق ك ل م ن ه و ى ي
  ...range(0x064b, 0x0652), // 39–46: the eight harakat, fathatan to sukun
  '\u06a4', // 47 ڤ
  '\u06ad', // 48 ڭ (Moroccan g)
  '\u0763', // 49 ݣ (Moroccan g)
  '\u06af', // 50 گ
  ...['ال', 'عبد ال', 'عبد', 'محمد', 'أحمد', 'بن', 'مولاي', 'فاطمة', 'الزهراء', 'آيت', 'أيت', 'لالة', 'سيدي'], // 51–63
];

/** Latin-script table (symbol → text), capitals only. 0 is padding. */
export const LATIN_SYMBOLS: readonly string[] = [
  '',
  ' ',
  '-',
  "'",
  '.',
  ...range(0x41, 0x5a), // 5–30: A–Z
  ...['É', 'È', 'Ê', 'Ë', 'Ï', 'Î', 'Ô', 'Ç', 'Â'], // 31–39
  ...['MOHAMMED', 'MOHAMED', 'AHMED', 'ABDEL', 'ABDER', 'ALLAH', 'ALAOUI', 'IDRISSI', 'HASSAN', 'MOULAY'], // 40–49
  ...['FATIMA', 'ZAHRA', 'KHADIJA', 'YOUSSEF', 'BEN', 'AIT', 'EL', 'AL', 'OU', 'CH', 'KH', 'GH', 'AH', 'INE'], // 50–63
];

export type NameScript = 'ar' | 'latn';

const TABLES: Record<NameScript, readonly string[]> = { ar: ARABIC_SYMBOLS, latn: LATIN_SYMBOLS };

/** Table entries longest first, so the encoder takes the longest match (greedy). */
const BY_LENGTH: Record<NameScript, { text: string; symbol: number }[]> = {
  ar: sortedEntries(ARABIC_SYMBOLS),
  latn: sortedEntries(LATIN_SYMBOLS),
};

function sortedEntries(table: readonly string[]): { text: string; symbol: number }[] {
  return table
    .map((text, symbol) => ({ text, symbol }))
    .filter((e) => e.symbol > 0)
    .sort((a, b) => b.text.length - a.text.length || a.symbol - b.symbol);
}

export class NameError extends Error {
  readonly code = 'name_invalid';
}

/** How a name is written in the credential: NFC, single spaces, trimmed; Latin in capitals. */
export function normaliseName(name: string, script: NameScript): string {
  let n = name.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (script === 'ar')
    n = n.replace(/\u0640/gu, ''); // tatweel only stretches letters
  else n = n.toUpperCase();
  return n;
}

/** Packs a (normalised) name, or returns null when a character is not in the table. */
export function packName(name: string, script: NameScript): Uint8Array | null {
  const symbols: number[] = [];
  let at = 0;
  while (at < name.length) {
    const match = BY_LENGTH[script].find((e) => name.startsWith(e.text, at));
    if (!match) return null;
    symbols.push(match.symbol);
    at += match.text.length;
  }
  const out = new Uint8Array(Math.ceil((symbols.length * 6) / 8));
  symbols.forEach((s, i) => {
    for (let b = 0; b < 6; b++) {
      if ((s >> (5 - b)) & 1) {
        const bit = i * 6 + b;
        out[bit >> 3] = (out[bit >> 3] as number) | (0x80 >> (bit & 7));
      }
    }
  });
  return out;
}

export function unpackName(bytes: Uint8Array, script: NameScript): string {
  const table = TABLES[script];
  const count = Math.floor((bytes.length * 8) / 6);
  const symbols: number[] = [];
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (let b = 0; b < 6; b++) {
      const bit = i * 6 + b;
      s = (s << 1) | (((bytes[bit >> 3] as number) >> (7 - (bit & 7))) & 1);
    }
    symbols.push(s);
  }
  if (symbols.at(-1) === 0) symbols.pop(); // a whole symbol of padding
  const used = symbols.length * 6;
  for (let bit = used; bit < bytes.length * 8; bit++) {
    if (((bytes[bit >> 3] as number) >> (7 - (bit & 7))) & 1) throw new NameError('non-zero padding bits');
  }
  if (symbols.length === 0) throw new NameError('empty name');
  if (bytes.length !== Math.ceil((symbols.length * 6) / 8))
    throw new NameError('packed name has extra bytes');
  return symbols
    .map((s) => {
      if (s === 0) throw new NameError('padding symbol inside a name');
      return table[s] as string;
    })
    .join('');
}

/** The claim value for a name: packed bytes when possible, otherwise the UTF-8 text. */
export function nameClaimValue(name: string, script: NameScript): Uint8Array | string {
  return packName(name, script) ?? name;
}

/** Name particles that never end a shortened name ("… EL" or "… بن" would read as a mistake). */
const PARTICLES = new Set([
  'EL',
  'AL',
  'BEN',
  'BENT',
  'BOU',
  'OULD',
  'AIT',
  'ال',
  'بن',
  'ابن',
  'بنت',
  'ولد',
  'أبو',
  'بو',
  'آيت',
  'أيت',
]);

/**
 * One step of the documented truncation rule: drop the last word together with any particles left
 * at the end (EL, BEN, بن, ولد, آيت...); a single word loses its last character instead. Returns null
 * when nothing more can be dropped.
 */
export function shortenName(name: string): string | null {
  const words = name.split(' ');
  if (words.length > 1) {
    words.pop();
    while (words.length > 1 && PARTICLES.has(words.at(-1) as string)) words.pop();
    return words.join(' ');
  }
  const chars = [...name];
  return chars.length > 1 ? chars.slice(0, -1).join('') : null;
}
