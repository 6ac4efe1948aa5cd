// Ranking of name-search candidates: how many words of the query an entry's name accounts for
// (exact skeleton or word, a confusable skeleton, a word found through the misspelling
// dictionary), over the longer of the two names, blended with the trigram similarity of the whole
// normalised names in the query's script. Pure functions.
import { trigramSimilarity } from '../names/index.ts';
import type { NameQuery } from './search.query.ts';

/** The name columns of a candidate entry (search_entries). */
export interface NameColumns {
  readonly nameLatnNorm: string;
  readonly nameArNorm: string;
  readonly nameSkeleton: string;
  readonly nameSkeletonAr: string;
  readonly orgWords: string;
}

/** Words found in the dictionary for each slot, with their trigram similarity to the typed word. */
export type FuzzyWords = ReadonlyArray<ReadonlyMap<string, number>>;

const WEIGHT_KEYS = 0.8;
const ALT_KEY = 0.85;
/** An organisation's own words count a little less than a person's name. */
const ORG_FACTOR = 0.9;

interface Source {
  readonly keys: ReadonlySet<string>;
  readonly words: ReadonlySet<string>;
  /** Tokens the name has: extra tokens lower the score (Mohamed ≠ Mohamed Amine). */
  readonly size: number;
  readonly factor: number;
}

const split = (s: string) => s.split(' ').filter(Boolean);

function sourcesOf(c: NameColumns): Source[] {
  const out: Source[] = [];
  const latnKeys = split(c.nameSkeleton);
  if (latnKeys.length > 0)
    out.push({
      keys: new Set(latnKeys),
      words: new Set(split(c.nameLatnNorm)),
      size: latnKeys.length,
      factor: 1,
    });
  const arKeys = split(c.nameSkeletonAr);
  if (arKeys.length > 0)
    out.push({ keys: new Set(arKeys), words: new Set(split(c.nameArNorm)), size: arKeys.length, factor: 1 });
  const org = split(c.orgWords);
  if (org.length > 0) out.push({ keys: new Set(), words: new Set(org), size: 0, factor: ORG_FACTOR });
  return out;
}

function slotValue(q: NameQuery, i: number, s: Source, fuzzy: FuzzyWords): number {
  const slot = q.slots[i];
  if (!slot) return 0;
  if (s.keys.has(slot.key) || s.words.has(slot.word) || slot.rawWords.some((w) => s.words.has(w))) return 1;
  if (slot.altKeys.some((k) => s.keys.has(k))) return ALT_KEY;
  let best = 0;
  for (const [word, sim] of fuzzy[i] ?? []) if (s.words.has(word)) best = Math.max(best, 0.6 + 0.3 * sim);
  return best;
}

/** 0..1: how well an entry's name answers the query. */
export function nameScore(q: NameQuery, c: NameColumns, fuzzy: FuzzyWords = []): number {
  const n = q.slots.length;
  if (n === 0) return 0;
  let coverage = 0;
  for (const s of sourcesOf(c)) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += slotValue(q, i, s, fuzzy);
    coverage = Math.max(coverage, (s.factor * sum) / Math.max(n, s.size));
  }
  let surface = 0;
  if (q.latnNorm) surface = Math.max(surface, trigramSimilarity(q.latnNorm, c.nameLatnNorm));
  if (q.arNorm) surface = Math.max(surface, trigramSimilarity(q.arNorm, c.nameArNorm));
  return WEIGHT_KEYS * coverage + (1 - WEIGHT_KEYS) * surface;
}

/** Best first; equal scores in NIA order, so that pages are stable. */
export function rankByScore<T extends { score: number; nia: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => b.score - a.score || (a.nia < b.nia ? -1 : a.nia > b.nia ? 1 : 0));
}
