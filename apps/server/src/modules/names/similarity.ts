// Scoring duplicate candidates. The score only ranks and filters candidates for human review:
// records are never merged automatically (domain.md §10.5). Birth date is compared by the caller.
import {
  ARABIC_SIDE_COSTS,
  type KeyCosts,
  LATIN_SIDE_COSTS,
  SAME_SCRIPT_COSTS,
  tokenKeySimilarity,
} from './key-space.ts';
import type { NameKeys } from './name-keys.ts';

/** Trigrams as PostgreSQL pg_trgm builds them: per word, padded with two spaces before, one after. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word === '') continue;
    const padded = `  ${word} `;
    const chars = [...padded];
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  }
  return out;
}

/** pg_trgm `similarity()`: shared trigrams over all distinct trigrams. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** Greedy best-pair matching; the sum of pair scores over the longer list (a missing token counts 0). */
function pairedSimilarity(a: readonly string[], b: readonly string[], ca: KeyCosts, cb: KeyCosts): number {
  const pairs: Array<{ i: number; j: number; s: number }> = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      pairs.push({ i, j, s: tokenKeySimilarity(a[i] ?? '', b[j] ?? '', ca, cb) });
    }
  }
  pairs.sort((x, y) => y.s - x.s);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let sum = 0;
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    sum += p.s;
  }
  return sum / Math.max(a.length, b.length);
}

/** The lists obtained by writing two of the tokens as one word, in either order. */
function merges(tokens: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let j = 0; j < tokens.length; j++) {
      if (i === j) continue;
      out.push([...tokens.filter((_, k) => k !== i && k !== j), `${tokens[i]}${tokens[j]}`]);
    }
  }
  return out;
}

/**
 * Order-insensitive similarity of two token lists: tokens are paired greedily by best similarity,
 * and the sum of the pair scores is divided by the longer list (a missing token counts as 0).
 * When the lists differ in length, two tokens of the longer one may also be read as one word
 * ("Ould Sidi Baba" / "Ould Sidibaba", "Fatim Zahra" / "Fatimzahra").
 */
export function tokenSetSimilarity(
  a: readonly string[],
  b: readonly string[],
  ca: KeyCosts,
  cb: KeyCosts = ca,
): number {
  if (a.length === 0 || b.length === 0) return 0;
  let best = pairedSimilarity(a, b, ca, cb);
  if (best < 1 && a.length !== b.length && Math.max(a.length, b.length) <= 5) {
    const aLonger = a.length > b.length;
    for (const merged of merges(aLonger ? a : b)) {
      const s = aLonger ? pairedSimilarity(merged, b, ca, cb) : pairedSimilarity(a, merged, ca, cb);
      if (s > best) best = s;
    }
  }
  return best;
}

/** Weight of the key-space token score when a same-script trigram score is also available. */
const KEY_WEIGHT = 0.8;

/**
 * Score from which a pair is shown to staff as a probable duplicate (measured on the labelled table in
 * testdata/: recall 0.97, precision 0.96). Never merge automatically; compare birth dates too.
 */
export const DUPLICATE_THRESHOLD = 0.9;
/** Lower score for a recall-oriented candidate list (recall 0.99, precision 0.87 on the same table). */
export const CANDIDATE_THRESHOLD = 0.85;

type Script = 'latn' | 'ar';

function phonetic(keys: NameKeys, script: Script): string[] | null {
  const p = script === 'latn' ? keys.phoneticLatn : keys.phoneticAr;
  return p ? p.split(' ') : null;
}

function normalised(keys: NameKeys, script: Script): string | null {
  return script === 'latn' ? keys.fullLatnNorm : keys.fullArNorm;
}

/**
 * 0..1 similarity of two names, in whichever scripts both sides have. Each available script pairing
 * is scored and the best one is kept: same script = 0.8 × key-space token score + 0.2 × trigram
 * similarity of the normalised forms; Arabic against Latin = key-space token score, where Latin short
 * vowels are cheap and Arabic long vowels are not.
 */
export function nameSimilarity(a: NameKeys, b: NameKeys): number {
  let best = 0;
  for (const sa of ['latn', 'ar'] as const) {
    const pa = phonetic(a, sa);
    if (!pa) continue;
    for (const sb of ['latn', 'ar'] as const) {
      const pb = phonetic(b, sb);
      if (!pb) continue;
      let score: number;
      if (sa === sb) {
        const tok = tokenSetSimilarity(pa, pb, SAME_SCRIPT_COSTS);
        const tri = trigramSimilarity(normalised(a, sa) ?? '', normalised(b, sb) ?? '');
        score = KEY_WEIGHT * tok + (1 - KEY_WEIGHT) * tri;
      } else {
        const costs = (s: Script) => (s === 'ar' ? ARABIC_SIDE_COSTS : LATIN_SIDE_COSTS);
        score = tokenSetSimilarity(pa, pb, costs(sa), costs(sb));
      }
      if (score > best) best = score;
    }
  }
  return best;
}
