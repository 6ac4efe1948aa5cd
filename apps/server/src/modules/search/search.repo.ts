// SQL of search, the directory and consent. Every query reads search_entries, the projection the
// migration's triggers keep in step with the register; only consent writes to registrations.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf, type Tx } from '../../platform/db/client.ts';

/** Filters a search may carry; `chamber` is also how a chamber's staff are kept to their chamber. */
export interface Filters {
  readonly chamber?: string | undefined;
  readonly region?: string | undefined;
  readonly province?: string | undefined;
  readonly activity?: string | undefined;
  readonly kind?: string | undefined;
  readonly status?: string | undefined;
}

/** Where a search looks: the whole register (staff) or the consented, active entries (public). */
export type Audience = 'staff' | 'directory';

export interface EntryRow {
  registrationId: string;
  nia: string;
  nameAr: string;
  nameLatn: string;
  kind: 'artisan' | 'master_artisan' | 'cooperative' | 'enterprise';
  status: 'active' | 'suspended' | 'radiated';
  chamberCode: string;
  provinceCode: string;
  primaryActivityCode: string;
}

/** What ranking needs of a candidate; the rest is read for the page only. */
export interface CandidateRow {
  registrationId: string;
  nia: string;
  nameLatnNorm: string;
  nameArNorm: string;
  nameSkeleton: string;
  nameSkeletonAr: string;
  orgWords: string;
}

const ENTRY_COLUMNS = sql.raw(
  `registration_id AS "registrationId", nia, name_ar AS "nameAr", name_latn AS "nameLatn", kind, status,
   chamber_code AS "chamberCode", province_code AS "provinceCode", activity_code AS "primaryActivityCode"`,
);
const CANDIDATE_COLUMNS = sql.raw(
  `registration_id AS "registrationId", nia, name_latn_norm AS "nameLatnNorm", name_ar_norm AS "nameArNorm", name_skeleton AS "nameSkeleton",
   name_skeleton_ar AS "nameSkeletonAr", org_words AS "orgWords"`,
);

/** A text[] bound as one parameter (a JS array in drizzle's sql`` would become a list). */
const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/** Values most entries have: a filter on them narrows nothing, so it is checked on the row. */
const COMMON = new Set(['k:artisan', 's:active']);

function where(f: Filters, audience: Audience, extra: SQL[] = [], withTerms = true): SQL {
  // Written out, not bound: the planner must see them to use the directory's partial indexes.
  const parts: SQL[] =
    audience === 'directory' ? [sql`directory_consent <> 'none'`, sql`status = 'active'`] : [];
  const terms: string[] = [];
  const filter = (column: string, prefix: string, value: string | undefined) => {
    if (!value) return;
    parts.push(sql`${sql.identifier(column)} = ${value}`);
    if (!COMMON.has(`${prefix}:${value}`)) terms.push(`${prefix}:${value}`);
  };
  filter('chamber_code', 'c', f.chamber);
  filter('region_code', 'r', f.region);
  filter('province_code', 'p', f.province);
  filter('activity_code', 'a', f.activity);
  filter('kind', 'k', f.kind);
  filter('status', 's', f.status);
  // The same filters as index terms, so that they narrow inside the GIN scan of a name search.
  if (withTerms && terms.length > 0) parts.push(sql`terms @> ${textArray(terms)}`);
  parts.push(...extra);
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` AND `);
}

/** Entries carrying at least one term of every slot: one GIN scan of search_entries.terms. */
export function nameCandidatesSql(
  slots: readonly (readonly string[])[],
  f: Filters,
  audience: Audience,
  cap: number,
): SQL {
  const match = slots.map((terms) => sql`terms && ${textArray(terms)}`);
  return sql`
    SELECT ${CANDIDATE_COLUMNS}
    FROM search_entries
    WHERE ${where(f, audience, match)}
    LIMIT ${cap}`;
}

export async function nameCandidates(
  db: Executor,
  slots: readonly (readonly string[])[],
  f: Filters,
  audience: Audience,
  cap: number,
): Promise<CandidateRow[]> {
  if (slots.length === 0) return [];
  return rowsOf<CandidateRow>(await db.execute(nameCandidatesSql(slots, f, audience, cap)));
}

/**
 * The dictionary lookup (needs pg_trgm.similarity_threshold set: see similarWords). With
 * `unknownOnly`, only for the typed words no entry bears: a word somebody bears is taken as typed.
 */
export function similarWordsSql(words: readonly string[], perWord: number, unknownOnly = false): SQL {
  return sql`
    SELECT q.typed, w.word, w.sim
    FROM unnest(${textArray(words)}) AS q (typed)
    CROSS JOIN LATERAL (
      SELECT word, similarity(word, q.typed) AS sim
      FROM search_words
      WHERE word % q.typed AND word <> q.typed
      ORDER BY sim DESC, word
      LIMIT ${perWord}
    ) w
    ${unknownOnly ? sql`WHERE NOT EXISTS (SELECT 1 FROM search_words k WHERE k.word = q.typed)` : sql``}`;
}

/**
 * Dictionary words close to each typed word (pg_trgm `%` on search_words, through its GIN index),
 * best first; with `unknownOnly`, for the typed words no entry bears. The threshold is set for this
 * transaction only.
 */
export async function similarWords(
  tx: Tx,
  words: readonly string[],
  threshold: number,
  perWord: number,
  unknownOnly = false,
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (words.length === 0) return out;
  await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true)`);
  const rows = rowsOf<{ typed: string; word: string; sim: number }>(
    await tx.execute(similarWordsSql(words, perWord, unknownOnly)),
  );
  for (const r of rows) {
    const m = out.get(r.typed) ?? new Map<string, number>();
    m.set(r.word, Number(r.sim));
    out.set(r.typed, m);
  }
  return out;
}

/** The entries of a page, by id (primary key lookups), in no particular order. */
export async function entriesByIds(db: Executor, ids: readonly string[]): Promise<EntryRow[]> {
  if (ids.length === 0) return [];
  return rowsOf<EntryRow>(
    await db.execute(sql`
      SELECT ${ENTRY_COLUMNS} FROM search_entries
      WHERE registration_id = ANY (${sql.param([...ids])}::uuid[])`),
  );
}

export interface IdentifierHit extends EntryRow {
  matchedOn: 'cin' | 'nia' | 'phone';
}

/** Exact lookups: each one an index scan (search_entries_cin, _nia, _phone). */
export async function findByIdentifiers(
  db: Executor,
  ids: { cin: string | null; nia: string | null; phone: string | null },
  f: Filters,
  cap: number,
): Promise<IdentifierHit[]> {
  const branches: SQL[] = [];
  const branch = (matchedOn: string, cond: SQL) =>
    sql`SELECT ${ENTRY_COLUMNS}, ${matchedOn}::text AS "matchedOn" FROM search_entries
        WHERE ${where(f, 'staff', [cond], false)}`;
  if (ids.cin) branches.push(branch('cin', sql`cin = ${ids.cin}`));
  if (ids.nia) branches.push(branch('nia', sql`nia = ${ids.nia}`));
  if (ids.phone) branches.push(branch('phone', sql`phone = ${ids.phone}`));
  if (branches.length === 0) return [];
  return rowsOf<IdentifierHit>(
    await db.execute(sql`${sql.join(branches, sql` UNION ALL `)} ORDER BY nia LIMIT ${cap}`),
  );
}

/** A page of entries by filters only: NIA order for staff, name order for the directory. */
export async function browse(
  db: Executor,
  f: Filters,
  audience: Audience,
  limit: number,
  offset: number,
): Promise<EntryRow[]> {
  const order = audience === 'directory' ? sql`name_latn, registration_id` : sql`nia`;
  return rowsOf<EntryRow>(
    await db.execute(sql`
      SELECT ${ENTRY_COLUMNS} FROM search_entries WHERE ${where(f, audience)}
      ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`),
  );
}

/** How many entries the filters select, counted up to `cap` (a count of millions costs too much). */
export async function countUpTo(db: Executor, f: Filters, audience: Audience, cap: number): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM search_entries WHERE ${where(f, audience)} LIMIT ${cap}) x`),
  );
  return Number(row?.n ?? 0);
}
