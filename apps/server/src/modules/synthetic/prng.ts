// Seeded pseudo-random numbers (no Math.random): mulberry32 streams, one per (seed, index, purpose),
// so any record can be regenerated alone, and a keyed 24-bit Feistel permutation for unique CINs.

/** A stream of pseudo-random numbers. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element (the array must not be empty). */
  pick<T>(items: readonly T[]): T;
}

/** Murmur3's 32-bit finaliser: a good avalanche for hashing small integers. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: a small, fast 32-bit generator; good enough for synthetic data, not for secrets. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (maxExclusive) => Math.floor(next() * maxExclusive),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick() on an empty list');
      return item;
    },
  };
}

/** The stream for one record and one purpose: independent of every other record. */
export function rngFor(seed: number, index: number, stream = 0): Rng {
  return mulberry32(mix32(mix32(seed ^ 0x9e3779b9) ^ mix32(index + 0x632be5ab * (stream + 1))));
}

/** Weighted choice in O(log n) over precomputed cumulative weights. */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('WeightedTable: bad input');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => {
      if (!(w >= 0)) throw new Error(`WeightedTable: negative or NaN weight at ${i}`);
      sum += w;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new Error('WeightedTable: all weights are zero');
    this.total = sum;
  }

  /** The item whose cumulative interval contains u·total, for u in [0, 1). */
  at(u: number): T {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }

  sample(rng: Rng): T {
    return this.at(rng.next());
  }
}

/** A keyed permutation of [0, 2^24): a 4-round balanced Feistel network on two 12-bit halves. */
export function feistel24(value: number, key: number): number {
  let left = (value >>> 12) & 0xfff;
  let right = value & 0xfff;
  for (let round = 0; round < 4; round++) {
    const f = mix32(right ^ mix32(key + round * 0x27d4eb2d)) & 0xfff;
    [left, right] = [right, left ^ f];
  }
  return (left << 12) | right;
}

/** Size of the Feistel domain: the generator supports up to this many distinct records. */
export const PERMUTATION_SIZE = 1 << 24;
