// The key space shared by Latin and Arabic names. Arabic script is consonantal, so a key made from
// either script keeps consonant classes, keeps vowels only as cheap symbols, and marks the word-final
// vowels that carry meaning: 'A' (ة ى ا اء; Latin -a/-ae: Said/Saida, Karim/Karima) and 'I' (final ي;
// Latin -i/-y: the nisba of Zerouali/Zeroual, Khattabi/Khattab).
//
// Phonetic key (one string per name token), alphabet:
//   consonants  b t d j h k x(kh/خ) g(gh/غ) c(ch,sh/ش) f l m n r s z
//   Arabic      a (ا أ آ) i (ي) u (و) — written long vowels; e — a word-initial bare alef or إ
//               (often dropped in Latin: Brahim, Driss, Mbarek); 3 — ع (written as a vowel or not at all)
//   Latin       a e i o u (ou/w → u, y → i) — short or long, unknown
//   final       A I
// Skeleton: the phonetic key without vowels and ع — the exact-match key (btree), built for recall.

/** Drop the vowels and ع: what remains is the consonant skeleton (with the final 'A' and 'I'). */
export function phoneticToSkeleton(phonetic: string): string {
  return phonetic.replace(/[aeiou3]/g, '');
}

/** Collapse runs of the same symbol (gemination is not written in Arabic, and is optional in Latin). */
export function collapseRuns(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

/** Costs of one side of a comparison: the price of a symbol that has no counterpart on the other side. */
export interface KeyCosts {
  /** Indel cost of vowels, ع, 'A' and 'I'; any other symbol (a consonant) costs 1. */
  readonly indel: Readonly<Record<string, number>>;
  /** Vowel pairs (own symbol + other side's symbol) that transliteration mixes up. */
  readonly related: ReadonlySet<string>;
  /** Substitution cost of a related pair. */
  readonly relatedCost: number;
}

const symmetric = (pairs: readonly string[]) => new Set(pairs.flatMap((p) => [p, `${p[1]}${p[0]}`]));
const reversed = (pairs: readonly string[]) => new Set(pairs.map((p) => `${p[1]}${p[0]}`));
/** Arabic symbol, then the Latin vowel it is often written with. */
const ARABIC_LATIN_RELATED = 'ae ao au uo ea ei eo eu 3a 3e 3o 3u'.split(' ');

/** Both names in the same script: a vowel that differs is real evidence (e is the Latin schwa). */
export const SAME_SCRIPT_COSTS: KeyCosts = {
  indel: { a: 0.35, e: 0.3, i: 0.35, o: 0.3, u: 0.35, A: 1.5 },
  related: symmetric(['ae', 'ei', 'eo', 'eu', 'ou']),
  relatedCost: 0.1,
};
/** The Arabic side against Latin: its vowels are written long vowels, which Latin should show. */
export const ARABIC_SIDE_COSTS: KeyCosts = {
  indel: { a: 0.5, i: 0.5, u: 0.5, e: 0.1, '3': 0.3, A: 1.5 },
  related: new Set(ARABIC_LATIN_RELATED),
  relatedCost: 0.05,
};
/** The Latin side against Arabic: short vowels are unwritten in Arabic, so e, o, a cost little. */
export const LATIN_SIDE_COSTS: KeyCosts = {
  indel: { a: 0.15, e: 0.08, i: 0.4, o: 0.1, u: 0.3, A: 1.5 },
  related: reversed(ARABIC_LATIN_RELATED),
  relatedCost: 0.05,
};

const VOWEL = new Set(['a', 'e', 'i', 'o', 'u', '3']);
/** Consonant pairs that transliteration often confuses (kh/k, gh/g-k, kh/h): half a substitution. */
const CLOSE_PAIRS = symmetric(['kx', 'gk', 'xh']);

function indelCost(sym: string, costs: KeyCosts): number {
  return costs.indel[sym] ?? 1;
}

function subCost(x: string, y: string, cx: KeyCosts, cy: KeyCosts): number {
  if (x === y) return 0;
  const vx = VOWEL.has(x);
  const vy = VOWEL.has(y);
  if (vx && vy) {
    if (cx.related.has(x + y) || cy.related.has(y + x)) return Math.max(cx.relatedCost, cy.relatedCost);
    return Math.max(indelCost(x, cx), indelCost(y, cy));
  }
  if (vx || vy) return indelCost(x, cx) + indelCost(y, cy);
  return CLOSE_PAIRS.has(x + y) ? 0.5 : 1;
}

/** Total weight of a key: the cost of deleting all of it. */
export function keyWeight(key: string, costs: KeyCosts): number {
  let w = 0;
  for (const ch of key) w += indelCost(ch, costs);
  return w;
}

/** Weighted Levenshtein distance between two phonetic keys (ca prices a's symbols, cb prices b's). */
export function keyDistance(a: string, b: string, ca: KeyCosts, cb: KeyCosts = ca): number {
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  prev[0] = 0;
  for (let j = 1; j <= n; j++) prev[j] = (prev[j - 1] ?? 0) + indelCost(b[j - 1] ?? '', cb);
  for (let i = 1; i <= a.length; i++) {
    const x = a[i - 1] ?? '';
    cur[0] = (prev[0] ?? 0) + indelCost(x, ca);
    for (let j = 1; j <= n; j++) {
      const y = b[j - 1] ?? '';
      const del = (prev[j] ?? 0) + indelCost(x, ca);
      const ins = (cur[j - 1] ?? 0) + indelCost(y, cb);
      const sub = (prev[j - 1] ?? 0) + subCost(x, y, ca, cb);
      cur[j] = Math.min(del, ins, sub);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n] ?? 0;
}

/** 0..1 similarity of two phonetic tokens. */
export function tokenKeySimilarity(a: string, b: string, ca: KeyCosts, cb: KeyCosts = ca): number {
  if (a === b) return 1;
  const direct = normalisedSimilarity(a, b, ca, cb);
  // An article fused as a bare "L" (Lamrani = El Amrani, Lazrak = الأزرق) costs a little, not a consonant.
  if (a.startsWith('l') !== b.startsWith('l')) {
    const [rest, other, cr, co] = a.startsWith('l') ? [a.slice(1), b, ca, cb] : [b.slice(1), a, cb, ca];
    if (rest.startsWith('a') && phoneticToSkeleton(rest).length >= 3) {
      return Math.max(direct, 0.85 * normalisedSimilarity(rest, other, cr, co));
    }
  }
  return direct;
}

function normalisedSimilarity(a: string, b: string, ca: KeyCosts, cb: KeyCosts): number {
  const w = Math.max(keyWeight(a, ca), keyWeight(b, cb));
  return w === 0 ? 0 : Math.max(0, 1 - keyDistance(a, b, ca, cb) / w);
}
