// The search itself, shared by staff search, the public directory and the benchmark:
//   identifiers → index lookups;
//   a name     → (0) entries whose whole name has the query's skeleton (any order, either script):
//                    one short posting list, however common the words; enough of them ends it;
//                (1) entries carrying a term of every slot (skeleton in either script, confusable
//                    skeleton, or an organisation's word), one GIN scan capped at CANDIDATE_CAP;
//                (2) if few, the same with misspellings added from the dictionary (pg_trgm on
//                    search_words, a few thousand words, not millions of names): for the typed
//                    words nobody bears, then, if still nothing, for every word;
//                (3) if still few and the name has 3+ words, with one word left out;
//                then ranked here (search.rank.ts) and cut into the page asked for. Filters are index
//                terms too, so a chamber's search narrows inside the same scans.
import type { Tx } from '../../platform/db/client.ts';
import {
  type Audience,
  browse,
  type CandidateRow,
  countUpTo,
  type EntryRow,
  entriesByIds,
  type Filters,
  findByIdentifiers,
  nameCandidates,
  similarWords,
} from './search.repo.ts';
import {
  exactTerms,
  fullNameTerms,
  type NameQuery,
  oneWordChangedTerms,
  type ParsedQuery,
  wordKey,
} from './search.query.ts';
import { type FuzzyWords, nameScore, rankByScore } from './search.rank.ts';

/** Candidates fetched per step before ranking: the ranked list never holds more than this. */
export const CANDIDATE_CAP = 200;
/**
 * This many entries with exactly the query's name end the search: partial matches would all rank
 * below them, and more homonyms than this need a filter, not a longer list.
 */
export const WHOLE_NAME_ENOUGH = 50;
/** Below this many exact candidates, misspellings are looked up too. */
const FUZZY_BELOW = 50;
/** Below this many, a word of a long name may be left out. */
const DROP_ONE_BELOW = 10;
/** pg_trgm similarity from which a dictionary word counts as a misspelling of the typed one. */
export const WORD_SIMILARITY_THRESHOLD = 0.3;
const WORDS_PER_SLOT = 6;
const MAX_SLOTS = 6;
/** Counting entries by filters alone stops here. */
const COUNT_CAP = 10_000;

export type QueryKind = 'cin' | 'nia' | 'phone' | 'name' | 'none';

export interface Hit extends EntryRow {
  score: number;
  matchedOn: 'cin' | 'nia' | 'phone' | 'name' | null;
}

export interface SearchResult {
  hits: Hit[];
  total: number;
  truncated: boolean;
  queryKind: QueryKind;
}

export interface SearchOptions {
  readonly filters: Filters;
  readonly audience: Audience;
  readonly limit: number;
  readonly offset: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function toHit(row: EntryRow, score: number, matchedOn: Hit['matchedOn']): Hit {
  return {
    registrationId: row.registrationId,
    nia: row.nia,
    nameAr: row.nameAr,
    nameLatn: row.nameLatn,
    kind: row.kind,
    status: row.status,
    chamberCode: row.chamberCode,
    provinceCode: row.provinceCode,
    primaryActivityCode: row.primaryActivityCode,
    score,
    matchedOn,
  };
}

async function nameSearch(tx: Tx, name: NameQuery, opts: SearchOptions) {
  const q: NameQuery = { ...name, slots: name.slots.slice(0, MAX_SLOTS) };
  const exact = q.slots.map(exactTerms);
  const found = new Map<string, CandidateRow>();
  const add = (rows: CandidateRow[]) => {
    for (const r of rows) found.set(r.registrationId, r);
  };
  // Only as many as it takes to know there are enough: a common name has thousands of homonyms,
  // and each candidate is a row read from the table.
  const whole = await nameCandidates(
    tx,
    [fullNameTerms(q.slots)],
    opts.filters,
    opts.audience,
    WHOLE_NAME_ENOUGH,
  );
  add(whole);
  // Whole-name matches rank above partial ones (a word more or less costs its share of the 0.8 that
  // words carry): when they fill the page asked for, partial matches are not looked for.
  let capped = whole.length >= Math.min(WHOLE_NAME_ENOUGH, opts.offset + opts.limit);
  if (!capped) {
    const first = await nameCandidates(tx, exact, opts.filters, opts.audience, CANDIDATE_CAP);
    add(first);
    capped = first.length >= CANDIDATE_CAP;
  }
  // Misspellings: first of the typed words nobody bears, then, if that finds nothing, of any word.
  let fuzzy: FuzzyWords = [];
  const widen = async (unknownOnly: boolean) => {
    const similar = await similarWords(
      tx,
      q.slots.map((s) => s.word),
      WORD_SIMILARITY_THRESHOLD,
      WORDS_PER_SLOT,
      unknownOnly,
    );
    fuzzy = q.slots.map((s) => similar.get(s.word) ?? new Map<string, number>());
    // A word found in the dictionary stands for its skeleton (persons) and itself (organisations).
    const fuzzyKeys = fuzzy.map((m) => [
      ...new Set(
        [...m.keys()].flatMap((w) => {
          const k = wordKey(w);
          return k ? [k] : [];
        }),
      ),
    ]);
    const widened = exact.map((terms, i) => [
      ...new Set([...terms, ...(fuzzyKeys[i] ?? []).map((k) => `#${k}`), ...(fuzzy[i]?.keys() ?? [])]),
    ]);
    if (widened.every((terms, i) => terms.length === (exact[i]?.length ?? 0))) return widened;
    // First the whole names with one word respelt (short posting lists), then any entry carrying a
    // term of every widened slot.
    const before = found.size;
    const respelt = oneWordChangedTerms(q.slots, fuzzyKeys);
    if (respelt.length > 0) {
      add(await nameCandidates(tx, [respelt], opts.filters, opts.audience, WHOLE_NAME_ENOUGH));
    }
    if (found.size === before) {
      const second = await nameCandidates(tx, widened, opts.filters, opts.audience, CANDIDATE_CAP);
      add(second);
      capped ||= second.length >= CANDIDATE_CAP;
    }
    return widened;
  };
  if (found.size < FUZZY_BELOW) {
    let widened = await widen(true);
    if (found.size === 0) widened = await widen(false);
    if (found.size < DROP_ONE_BELOW && widened.length >= 3) {
      for (let i = 0; i < widened.length; i++) {
        const rest = widened.filter((_, j) => j !== i);
        add(await nameCandidates(tx, rest, opts.filters, opts.audience, CANDIDATE_CAP / 4));
      }
    }
  }
  const ranked = rankByScore(
    [...found.values()].map((row) => ({
      id: row.registrationId,
      nia: row.nia,
      score: nameScore(q, row, fuzzy),
    })),
  );
  const page = ranked.slice(opts.offset, opts.offset + opts.limit);
  const rows = new Map(
    (
      await entriesByIds(
        tx,
        page.map((r) => r.id),
      )
    ).map((r) => [r.registrationId, r]),
  );
  return {
    hits: page.flatMap((r) => {
      const row = rows.get(r.id);
      return row ? [toHit(row, round(r.score), 'name')] : [];
    }),
    total: ranked.length,
    truncated: capped,
  };
}

/** Runs a parsed query; needs a transaction (the trigram threshold is set for it alone). */
export async function runSearch(tx: Tx, parsed: ParsedQuery, opts: SearchOptions): Promise<SearchResult> {
  switch (parsed.kind) {
    case 'identifier': {
      const rows = await findByIdentifiers(tx, parsed.ids, opts.filters, CANDIDATE_CAP);
      const kinds = new Set(rows.map((r) => r.matchedOn));
      const queryKind: QueryKind = parsed.ids.cin ? 'cin' : parsed.ids.phone ? 'phone' : 'nia';
      return {
        hits: rows.slice(opts.offset, opts.offset + opts.limit).map((r) => toHit(r, 1, r.matchedOn)),
        total: rows.length,
        truncated: false,
        queryKind: kinds.size === 1 ? ([...kinds][0] ?? queryKind) : queryKind,
      };
    }
    case 'name': {
      if (parsed.name.slots.length === 0) return { hits: [], total: 0, truncated: false, queryKind: 'name' };
      return { ...(await nameSearch(tx, parsed.name, opts)), queryKind: 'name' };
    }
    case 'none': {
      const [rows, total] = await Promise.all([
        browse(tx, opts.filters, opts.audience, opts.limit, opts.offset),
        countUpTo(tx, opts.filters, opts.audience, COUNT_CAP),
      ]);
      return {
        hits: rows.map((r) => toHit(r, 0, null)),
        total,
        truncated: total >= COUNT_CAP,
        queryKind: 'none',
      };
    }
  }
}
