// Arabic-script names: removal of tashkil and tatweel, letter variants (hamza seats, alef forms,
// ى/ي, ة/ه, Moroccan ڭ), particles (ال, بن/ابن, آيت, أبو/بو, ولد, إد, أو) and Abd-/-ddine compounds,
// and the transliteration into the key space shared with Latin names (key-space.ts).
import { collapseRuns, phoneticToSkeleton } from './key-space.ts';

/** Tashkil (harakat, shadda, sukun, superscript alef, Quranic marks) and tatweel. */
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
/** Zero-width and bidi controls that pasted text carries. */
const CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
/** Persian/Urdu/Maghrebi letter forms folded to the Arabic letter used in Moroccan registers. */
const LETTER_FORMS: Readonly<Record<string, string>> = Object.fromEntries(
  'ی:ي ې:ي ک:ك ڪ:ك ڭ:ك گ:ك ڨ:ك ہ:ه ە:ه ھ:ه ۀ:ه پ:ب ڤ:ف ڥ:ف چ:ج'
    .split(' ')
    .map((p) => p.split(':') as [string, string]),
);

/** Arabic letters only, one space between words; hamza and ة/ى kept (the transliteration needs them). */
export function cleanArabic(input: string): string {
  const s = input.normalize('NFKC').replace(MARKS, '').replace(CONTROLS, '');
  return s
    .replace(/[یېکڪڭگڨہەھۀپڤڥچ]/g, (c) => LETTER_FORMS[c] ?? c)
    .replace(/[^\u0621-\u063A\u0641-\u064A\u0671]+/g, ' ')
    .trim();
}

interface Part {
  readonly text: string;
  /** The word carried the article ال, removed from text. */
  readonly article: boolean;
}
/** One name token after particle handling: "بن علي" and "بنعلي" are both [بن, علي]. */
type Unit = readonly Part[];

/** A set from a space-separated word list. */
function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

/** Particles written apart that belong to the following word (بن علي = بنعلي). */
const JOIN_NEXT = words(
  'بن ابن إبن أبن آيت أيت ايت إيت ئيت اد إد أد ئد أبو ابو بو ولد أولاد اولاد أو او عبد أم ام',
);
/** One spelling per particle in the normalised column (ابن علي = بن علي = بنعلي). */
const PARTICLE_SPELLING: Readonly<Record<string, string>> = Object.fromEntries(
  'ابن:بن إبن:بن أبن:بن ئيت:ايت إد:اد أد:اد ئد:اد أبو:بو ابو:بو'
    .split(' ')
    .map((p) => p.split(':') as [string, string]),
);
/** Second halves written apart that belong to the previous word (نور الدين = نورالدين). */
const JOIN_PREV = words('الدين الله');
/** Words starting with ال that are not the article (when written without hamza). */
const NOT_ARTICLE = words('الياس الهام الهامي');
const SUN_LETTERS = new Set([...'تثدذرزسشصضطظلن']);

function splitArticle(word: string): Part {
  if (word.length >= 4 && word.startsWith('ال') && !NOT_ARTICLE.has(word)) {
    return { text: word.slice(2), article: true };
  }
  return { text: word, article: false };
}

/** Splits solid compounds: عبدالعزيز → عبد + العزيز, نورالدين → نور + الدين. */
function splitSolid(word: string): string[] {
  if (word.length > 5 && word.startsWith('عبدال')) return ['عبد', word.slice(3)];
  if (word.length > 6 && word.endsWith('الدين')) return [word.slice(0, -5), 'الدين'];
  return [word];
}

/** Groups the words of a cleaned Arabic name into units (particles joined to their word). */
export function arabicUnits(clean: string): Unit[] {
  const words = clean.split(' ').filter(Boolean).flatMap(splitSolid);
  const out: Part[][] = [];
  let pending: Part[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const hasNext = i + 1 < words.length;
    if (w === 'ال' && hasNext) continue;
    const last = out[out.length - 1];
    if (pending.length === 0 && JOIN_PREV.has(w) && last) {
      last.push(splitArticle(w));
      continue;
    }
    if (hasNext && JOIN_NEXT.has(w)) {
      pending.push({ text: w, article: false });
      continue;
    }
    out.push([...pending, splitArticle(w)]);
    pending = [];
  }
  if (pending.length > 0) out.push(pending);
  return out;
}

function isAbdCompound(unit: Unit): boolean {
  return unit.length >= 2 && unit[0]?.text === 'عبد';
}

/** Letter-level folding for the normalised Arabic column. */
function foldArabicLetters(s: string): string {
  return s
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ء/g, '');
}

/**
 * Normalised Arabic name for trigram similarity: no tashkil/tatweel, one alef, ى→ي, ة→ه, hamza seats
 * folded, ڭ/گ/ڨ→ك, article dropped from standalone words, particles and compounds written solid
 * (بنعلي, آيتبلعيد→ايتبلعيد, عبدالعزيز, نورالدين).
 */
export function normalizeArabic(name: string): string {
  const units = arabicUnits(cleanArabic(name));
  const words = units.map((unit) => {
    const abd = isAbdCompound(unit);
    return unit
      .map((p, i) => {
        const keep = p.article && ((abd && i === 1) || (i > 0 && JOIN_PREV.has(`ال${p.text}`)));
        const text = i < unit.length - 1 ? (PARTICLE_SPELLING[p.text] ?? p.text) : p.text;
        return (keep ? 'ال' : '') + text;
      })
      .join('');
  });
  return foldArabicLetters(words.join(' '));
}

/** Arabic letter → key symbol (see key-space.ts); letters absent here are dropped. */
const TRANSLIT: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'ا:a أ:a إ:i آ:a ٱ:a ء: ؤ:u ئ:i ب:b ت:t ث:t ج:j ح:h خ:x د:d ذ:d ر:r ز:z س:s ش:c ص:s ض:d ط:t ظ:d ' +
    'ع:3 غ:g ف:f ق:k ك:k ل:l م:m ن:n ه:h و:u ي:i ى:a ة:t'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);
/** Whole words whose final letter does not follow the rules below. */
const WORD_OVERRIDES: Readonly<Record<string, string>> = { طه: 'tahA' };

/** Phonetic key of one Arabic word. */
function wordPhonetic(word: string): string {
  const override = WORD_OVERRIDES[word];
  if (override) return override;
  let w = word.replace(/ء$/, '');
  let tail = '';
  const last = w[w.length - 1];
  const before = w[w.length - 2];
  if (w.length > 1) {
    if (last === 'ة')
      tail = before === 'ا' ? 't' : 'A'; // حياة → hayat; فاطمة → fatimA
    else if (last === 'ى' || last === 'ا')
      tail = 'A'; // مصطفى, رضا, أسماء
    else if (last === 'ه' && before !== 'ي' && before !== 'ل') tail = 'A'; // فاطمه typed for فاطمة
    if (tail) w = w.slice(0, tail === 't' && before === 'ا' ? -2 : -1);
  }
  if (tail === '' && w.length > 1 && w.endsWith('ي')) {
    w = w.slice(0, -1);
    tail = 'I'; // nisba and other final ي
  }
  let out = '';
  let rest = w;
  const initial = /^[اأ]و/.exec(w) ? 'u' : /^[اإ]/.exec(w) ? 'e' : '';
  if (initial === 'u')
    rest = w.slice(2); // أوحمو → uhmu (Ouhammou)
  else if (initial === 'e') rest = w.slice(1); // إبراهيم, ادريس, امبارك: often dropped in Latin
  for (const ch of rest) out += TRANSLIT[ch] ?? '';
  return initial + out + (tail === 't' ? 'at' : tail);
}

/** Phonetic key of one unit (Abd-compounds keep the article's l only before a moon letter). */
function unitPhonetic(unit: Unit): string {
  if (isAbdCompound(unit)) {
    const [, head, ...rest] = unit;
    const moon = head?.article === true && !SUN_LETTERS.has(head.text[0] ?? '');
    return collapseRuns(
      `3bd${moon ? 'l' : ''}${head ? wordPhonetic(head.text) : ''}${rest.map((p) => wordPhonetic(p.text)).join('')}`,
    );
  }
  return collapseRuns(unit.map((p) => wordPhonetic(p.text)).join(''));
}

/** Result of {@link arabicToLatinKey}: per-token keys in the space shared with normalizeLatin. */
export interface ArabicKey {
  readonly phoneticTokens: readonly string[];
  readonly skeletonTokens: readonly string[];
  /** Skeleton tokens joined by one space, in name order. */
  readonly skeleton: string;
}

/** Transliterates an Arabic name into the key space of normalizeLatin (محمد and Mohamed meet). */
export function arabicToLatinKey(name: string): ArabicKey {
  const phoneticTokens: string[] = [];
  const skeletonTokens: string[] = [];
  for (const unit of arabicUnits(cleanArabic(name))) {
    const p = unitPhonetic(unit);
    const s = phoneticToSkeleton(p);
    if (s === '') continue;
    phoneticTokens.push(p);
    skeletonTokens.push(s);
  }
  return { phoneticTokens, skeletonTokens, skeleton: skeletonTokens.join(' ') };
}

/** True when the text contains Arabic letters. */
export function hasArabic(s: string): boolean {
  return /[\u0621-\u064A\u0671-\u06D3]/.test(s);
}
