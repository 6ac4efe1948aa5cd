// Latin-script names as Moroccan registers write them (French-style romanisation of Arabic and
// Amazigh): accents, particles (el/al, ben/ibn, ait, bou, ould, id, ou), Abd-compounds and the
// orthographic variants (ou/u/w, ch/sh, dj/j, q/k, c/s, doubled letters, silent final e).
import { collapseRuns, phoneticToSkeleton } from './key-space.ts';

/** Result of {@link normalizeLatin}. Tokens keep the name order. */
export interface LatinNormalized {
  /** Folded tokens joined by one space: the column for trigram similarity. */
  readonly normalized: string;
  readonly tokens: readonly string[];
  /** One phonetic key per token, in the key space shared with Arabic (see key-space.ts). */
  readonly phoneticTokens: readonly string[];
  /** One consonant skeleton per token. */
  readonly skeletonTokens: readonly string[];
  /** Skeleton tokens joined by one space, in name order (nameKeys sorts them). */
  readonly skeleton: string;
}

const SPECIAL: Readonly<Record<string, string>> = {
  ø: 'o',
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  ı: 'i',
};

/** Lowercase ASCII letters separated by single spaces; accents, apostrophes and separators unified. */
export function cleanLatin(input: string): string {
  let s = input
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  s = s.replace(/[øœæßđłı]/g, (c) => SPECIAL[c] ?? c);
  s = s.replace(/(^|[^a-z])l['’‘ʼ`´ʻ](?=[a-z])/g, '$1l '); // l'Idrissi → l Idrissi (article)
  s = s.replace(/['’‘ʼ`´ʻʿʾ]/g, ''); // M'hamed → mhamed, Sa'id → said
  return s.replace(/[^a-z]+/g, ' ').trim();
}

/** A set from a space-separated word list. */
function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

const ARTICLES = words('el al l ul');
/** Assimilated article before a sun letter: "Es Saadi", "Ech Chergui", "En Naciri". */
const SUN_ARTICLE = /^[ea](s|t|d|n|r|z|ch|sh)$/;
/** Particles written apart that belong to the following word ("Ben Ali" = "Benali"). */
const JOIN_NEXT = words(
  'ben bin ibn bn b bel ait ayt id ou o u bou bu abou abu ould ouled oulad oum um abd abdel abdal abdul abdoul',
);
/** Second halves written apart that belong to the previous word ("Nour Eddine" = "Noureddine"). */
const JOIN_PREV = words('eddine edine eddin ddine dine din addine uddin allah ellah llah ullah');
/** Words that start like an attached article but are not one. */
const EL_EXCEPTIONS = words('elias elyas elham elhame elie eliane elisa elise elena');

const ALIASES: Readonly<Record<string, readonly string[]>> = {
  med: ['mohamed'],
  mohd: ['mohamed'],
  mhd: ['mohamed'],
  mly: ['moulay'],
  fz: ['fatima', 'zahra'],
};
/** Compound given names written as one word ("Fatimazahra", "Mohamedamine"). */
const COMPOUND_HEADS = [...words('fatima fatema fatime fatim mohammed mohamed sidi moulay lalla')];
const COMPOUND_TAILS = words(
  'zahra zohra ezzahra ezzohra ezahra zahrae amine ali yassine reda rida said taha mehdi karim anas hassan ' +
    'ahmed mohamed mohammed youssef adil salah aziz larbi omar othmane yahya hicham driss brahim tayeb kamal ' +
    'saad hamza',
);

function expandToken(t: string): readonly string[] {
  const alias = ALIASES[t];
  if (alias) return alias;
  for (const head of COMPOUND_HEADS) {
    if (t.length > head.length + 2 && t.startsWith(head) && COMPOUND_TAILS.has(t.slice(head.length))) {
      return [head, t.slice(head.length)];
    }
  }
  return [t];
}

function stripAttachedArticle(t: string): string {
  if (EL_EXCEPTIONS.has(t)) return t;
  const sun = /^e(?:ch(?=ch|sh)|sh(?=sh)|([stdnrz])(?=\1))/.exec(t); // Essaadi, Ennaciri, Echcharki
  if (sun) return t.slice(sun[0].length);
  if (t.length >= 5 && t.startsWith('el')) return t.slice(2); // Elamrani, Elidrissi
  return t;
}

/**
 * Splits a cleaned name into units: articles dropped, particles joined to their word, Abd-compounds
 * kept whole ("abd el aziz" → "abdelaziz"). Pure string work; no folding yet.
 */
export function latinUnits(clean: string): string[] {
  const raw = clean.split(' ').filter(Boolean).flatMap(expandToken);
  const out: string[] = [];
  let pending = '';
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] ?? '';
    const next = raw[i + 1];
    const inAbd = pending.startsWith('abd');
    if (!inAbd && ARTICLES.has(t) && next !== undefined) continue;
    const sun = SUN_ARTICLE.exec(t);
    if (!inAbd && sun && next?.startsWith(sun[1] ?? '')) continue;
    if (pending === '' && JOIN_PREV.has(t) && out.length > 0) {
      out[out.length - 1] += t;
      continue;
    }
    if (next !== undefined && (JOIN_NEXT.has(t) || (inAbd && (ARTICLES.has(t) || sun)))) {
      pending += t;
      continue;
    }
    out.push(pending + (inAbd ? t : stripAttachedArticle(t)));
    pending = '';
  }
  if (pending) out.push(pending);
  return out;
}

/** Spellings of محمد folded to one token (after the orthographic folding below). */
const MOHAMED = words('mohamed mohamad muhamad muhamed mohamd mhamed mhamad mohmed mhmed');

/** Orthographic folding of one unit: the readable normalised token. */
export function foldLatinToken(unit: string): string {
  let s = unit
    .replace(/sch/g, 'sh')
    .replace(/ch/g, 'sh')
    .replace(/dj/g, 'j')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/ck/g, 'k')
    .replace(/qu(?=[aeiouy])/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/gu(?=[eiy])/g, 'g')
    .replace(/x/g, 'ks')
    .replace(/ou|oo|w/g, 'u')
    .replace(/y/g, 'i');
  s = collapseRuns(s)
    .replace(/ae$/, 'a')
    .replace(/([^aeiou])e$/, '$1');
  if (MOHAMED.has(s)) return 'mohamed';
  // Abd-compounds: "abd" + optional article. Keep the article's l before a moon letter
  // (abdlaziz, abdlkader), drop it before a sun letter (abdrahim, abdslam, abdnur), as Arabic does.
  return s.replace(/^abd[aeiou]*(?=[a-z])/, 'abd').replace(/^abdl(?=[tdrzsn])/, 'abd');
}

/** Phonetic key of a folded token, in the shared key space. */
export function latinPhonetic(folded: string): string {
  const s = folded
    .replace(/sh/g, 'c')
    .replace(/kh/g, 'x')
    .replace(/gh/g, 'G')
    .replace(/g/g, 'k')
    .replace(/G/g, 'g')
    .replace(/v/g, 'f')
    .replace(/p/g, 'b')
    .replace(/a$/, 'A')
    .replace(/i$/, 'I');
  return collapseRuns(s);
}

/** Normalises a Latin-script name (any case, accents, order) into tokens and keys. */
export function normalizeLatin(name: string): LatinNormalized {
  const tokens = latinUnits(cleanLatin(name)).map(foldLatinToken).filter(Boolean);
  const phoneticTokens: string[] = [];
  const skeletonTokens: string[] = [];
  for (const t of tokens) {
    const p = latinPhonetic(t);
    const s = phoneticToSkeleton(p);
    if (s === '') continue; // a lone particle or vowel ("ou") carries no key
    phoneticTokens.push(p);
    skeletonTokens.push(s);
  }
  return {
    normalized: tokens.join(' '),
    tokens,
    phoneticTokens,
    skeletonTokens,
    skeleton: skeletonTokens.join(' '),
  };
}
