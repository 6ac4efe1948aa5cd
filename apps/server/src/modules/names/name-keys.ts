// The name columns stored per person (and computed for every query), from the two scripts of the CIN.
import { arabicToLatinKey, hasArabic, normalizeArabic } from './arabic.ts';
import { normalizeLatin } from './latin.ts';

/** A person's name as the CIN (or a form, or a legacy list) gives it; any field may be missing. */
export interface NameInput {
  readonly firstNameAr?: string | null;
  readonly lastNameAr?: string | null;
  readonly firstNameLatn?: string | null;
  readonly lastNameLatn?: string | null;
}

/**
 * Keys to store as columns. Index suggestions (PostgreSQL):
 * - `fullLatnNorm`, `fullArNorm`: pg_trgm GIN/GiST (same-script fuzzy search);
 * - `phoneticLatn`, `phoneticAr`: pg_trgm (cross-script fuzzy search, both in the shared key space);
 * - `skeletonLatn`, `skeletonAr`: btree, exact match on either column (duplicate candidates).
 * Order-insensitive keys are sorted token by token: "Ben Ali Mohamed" = "Mohamed Benali".
 */
export interface NameKeys {
  /** Normalised Latin tokens, first name then last name. */
  readonly fullLatnNorm: string | null;
  /** Normalised Arabic words, first name then last name. */
  readonly fullArNorm: string | null;
  /** Phonetic keys of the Latin name, sorted, space-separated. */
  readonly phoneticLatn: string | null;
  /** Phonetic keys of the Arabic name (transliterated), sorted, space-separated. */
  readonly phoneticAr: string | null;
  /** Consonant skeletons of the Latin name, sorted, space-separated. */
  readonly skeletonLatn: string | null;
  /** Consonant skeletons of the Arabic name (transliterated), sorted, space-separated. */
  readonly skeletonAr: string | null;
  /** The primary exact key: skeletonLatn, or skeletonAr when there is no Latin name. */
  readonly skeleton: string | null;
}

function joinFields(a: string | null | undefined, b: string | null | undefined): string {
  return [a, b]
    .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
    .join(' ')
    .trim();
}

function sortedKey(tokens: readonly string[]): string | null {
  return tokens.length === 0 ? null : [...tokens].sort().join(' ');
}

/** Computes the stored name keys. Arabic text found in a Latin field (or the reverse) is routed by script. */
export function nameKeys(input: NameInput): NameKeys {
  let latn = joinFields(input.firstNameLatn, input.lastNameLatn);
  let ar = joinFields(input.firstNameAr, input.lastNameAr);
  if (latn !== '' && ar === '' && hasArabic(latn)) [latn, ar] = ['', latn];
  else if (ar !== '' && latn === '' && !hasArabic(ar)) [latn, ar] = [ar, ''];
  const l = latn === '' ? null : normalizeLatin(latn);
  const a = ar === '' ? null : arabicToLatinKey(ar);
  const fullLatnNorm = l && l.normalized !== '' ? l.normalized : null;
  const fullArNorm = ar === '' ? null : normalizeArabic(ar) || null;
  const skeletonLatn = l ? sortedKey(l.skeletonTokens) : null;
  const skeletonAr = a ? sortedKey(a.skeletonTokens) : null;
  return {
    fullLatnNorm,
    fullArNorm,
    phoneticLatn: l ? sortedKey(l.phoneticTokens) : null,
    phoneticAr: a ? sortedKey(a.phoneticTokens) : null,
    skeletonLatn,
    skeletonAr,
    skeleton: skeletonLatn ?? skeletonAr,
  };
}

/** The distinct exact keys of a name (to look up in both skeleton columns). */
export function skeletonKeys(keys: NameKeys): string[] {
  return [...new Set([keys.skeletonLatn, keys.skeletonAr].filter((k): k is string => k !== null))];
}

/** True when two names share an exact skeleton key (in either script): a duplicate candidate. */
export function skeletonMatch(a: NameKeys, b: NameKeys): boolean {
  const kb = new Set(skeletonKeys(b));
  return skeletonKeys(a).some((k) => kb.has(k));
}
