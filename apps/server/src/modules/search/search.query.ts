// What a search box query means: an identifier typed in full (CIN, NIA, phone), or a name cut into
// slots. A slot is one word of the name with every term an entry may carry for it: the consonant
// skeleton shared by both scripts (Mohamed, Mhamed and محمد all give mhmd), a few skeletons that
// typing habits confuse with it, and the normalised word itself. Pure functions.
import { toE164Morocco } from '@hirfa/contracts';
import {
  arabicToLatinKey,
  hasArabic,
  normalizeArabic,
  normalizeCin,
  normalizeLatin,
} from '../names/index.ts';
import { parseNia } from '../registry/index.ts';

export type Script = 'latn' | 'ar';

export interface Slot {
  readonly script: Script;
  /** The normalised word (Latin folded as normalizeLatin folds it, Arabic as normalizeArabic). */
  readonly word: string;
  /** Skeleton of the word, in the key space shared by both scripts. */
  readonly key: string;
  /** Skeletons the same word may have when typed another way (ى/ي, ة/ه, a fused article L-). */
  readonly altKeys: readonly string[];
  /** The word as typed (accents and case removed) when it differs from `word`: organisation names are not folded. */
  readonly rawWords: readonly string[];
}

export interface NameQuery {
  readonly slots: readonly Slot[];
  /** The whole name normalised, per script ('' when the query has none of that script). */
  readonly latnNorm: string;
  readonly arNorm: string;
}

export interface Identifiers {
  readonly cin: string | null;
  readonly nia: string | null;
  readonly phone: string | null;
}

export type ParsedQuery =
  | { readonly kind: 'none' }
  | { readonly kind: 'identifier'; readonly ids: Identifiers }
  | { readonly kind: 'name'; readonly name: NameQuery };

/** Full-name keys ('=' + sorted skeletons joined by '+'), one per combination of confusable keys. */
export function fullNameTerms(slots: readonly Slot[], max = 16): string[] {
  let combos: string[][] = [[]];
  for (const slot of slots) {
    const next: string[][] = [];
    for (const combo of combos) for (const k of [slot.key, ...slot.altKeys]) next.push([...combo, k]);
    combos = next.slice(0, max);
  }
  return [...new Set(combos.filter((c) => c.length > 0).map((c) => `=${[...c].sort().join('+')}`))];
}

/**
 * Full-name keys with one word replaced by each of its candidate spellings (a misspelling is
 * usually one word): the sum over the words, not the product, so the list stays short.
 */
export function oneWordChangedTerms(
  slots: readonly Slot[],
  replacements: ReadonlyArray<readonly string[]>,
  max = 128,
): string[] {
  const out = new Set<string>();
  slots.forEach((_, i) => {
    for (const key of replacements[i] ?? []) {
      const changed = slots.map((s, j) => (j === i ? { ...s, key, altKeys: [] } : s));
      for (const term of fullNameTerms(changed, 8)) out.add(term);
    }
  });
  return [...out].slice(0, max);
}

/** The skeleton key of a single word, in either script (null when it has none or several). */
export function wordKey(word: string): string | null {
  const keys = hasArabic(word) ? arabicToLatinKey(word).skeletonTokens : normalizeLatin(word).skeletonTokens;
  return keys.length === 1 ? (keys[0] ?? null) : null;
}

/**
 * The terms an entry carries for a slot (search_entries.terms): '#' + its skeleton in either script,
 * or, for an organisation, the word of its name.
 */
export function exactTerms(slot: Slot): string[] {
  return [...new Set([`#${slot.key}`, ...slot.altKeys.map((k) => `#${k}`), slot.word, ...slot.rawWords])];
}

/** Skeletons a query word may stand for besides its own. */
export function alternativeKeys(key: string, script: Script): string[] {
  const out = new Set<string>();
  // An article fused as a bare L: Lamrabet = El Mrabet, لزرق = الأزرق.
  if (key.length >= 4 && key.startsWith('l')) out.add(key.slice(1));
  // A final -ah written for ة: Sarah = Sara = سارة.
  if (script === 'latn' && key.length >= 3 && key.endsWith('h')) out.add(`${key.slice(0, -1)}A`);
  if (script === 'ar' && key.length >= 2) {
    const stem = key.slice(0, -1);
    if (key.endsWith('I')) out.add(`${stem}A`); // مصطفي typed for مصطفى
    if (key.endsWith('h')) out.add(`${stem}A`); // ناديه typed for نادية
    if (key.endsWith('A')) out.add(`${stem}t`); // حياه typed for حياة
  }
  out.delete(key);
  return [...out];
}

function rawLatinWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 2);
}

function latinSlots(text: string): Slot[] {
  const n = normalizeLatin(text);
  const aligned = n.tokens.length === n.skeletonTokens.length;
  const raw = rawLatinWords(text);
  const slots: Slot[] = [];
  n.tokens.forEach((word, i) => {
    const key = aligned ? n.skeletonTokens[i] : normalizeLatin(word).skeletonTokens[0];
    if (!key) return;
    const rawWords = raw.filter((r) => r !== word && normalizeLatin(r).tokens.join(' ') === word);
    slots.push({ script: 'latn', word, key, altKeys: alternativeKeys(key, 'latn'), rawWords });
  });
  return slots;
}

function arabicSlots(text: string): Slot[] {
  const words = normalizeArabic(text).split(' ').filter(Boolean);
  const keys = arabicToLatinKey(text).skeletonTokens;
  const aligned = words.length === keys.length;
  const slots: Slot[] = [];
  words.forEach((word, i) => {
    const key = aligned ? keys[i] : arabicToLatinKey(word).skeletonTokens[0];
    if (!key) return;
    slots.push({ script: 'ar', word, key, altKeys: alternativeKeys(key, 'ar'), rawWords: [] });
  });
  return slots;
}

/** Cuts a name typed in either script (or both) into slots. */
export function parseName(text: string): NameQuery {
  const chunks = text.split(/\s+/).filter(Boolean);
  const ar = chunks.filter(hasArabic).join(' ');
  const latn = chunks.filter((c) => !hasArabic(c)).join(' ');
  const slots = [...(latn ? latinSlots(latn) : []), ...(ar ? arabicSlots(ar) : [])];
  return {
    slots,
    latnNorm: latn ? normalizeLatin(latn).normalized : '',
    arNorm: ar ? normalizeArabic(ar) : '',
  };
}

/** Reads the identifiers a query may be, typed loosely ("bk 12 345", "06 12 34 56 78"). */
export function parseIdentifiers(q: string): Identifiers {
  // A NIA ends with a check character that any word passes once in 36: ask for digits too.
  const nia = (q.match(/\d/g)?.length ?? 0) >= 4 ? parseNia(q) : null;
  return { cin: normalizeCin(q), nia, phone: toE164Morocco(q) };
}

/**
 * An identifier typed in full wins over a name. A query with no name word in it (digits that are no
 * identifier) is a name query with no slot: it finds nothing, rather than everything.
 */
export function parseQuery(q: string, opts: { identifiers: boolean }): ParsedQuery {
  const text = q.trim();
  if (text === '') return { kind: 'none' };
  if (opts.identifiers) {
    const ids = parseIdentifiers(text);
    if (ids.cin || ids.nia || ids.phone) return { kind: 'identifier', ids };
  }
  return { kind: 'name', name: parseName(text) };
}
