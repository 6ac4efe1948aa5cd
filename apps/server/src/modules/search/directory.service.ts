import type { DirectoryEntry, DirectoryPage, DirectoryQuery } from '@hirfa/contracts';
import { OPEN_COUNTS_COLUMNS, OPEN_DIRECTORY_COLUMNS } from '@hirfa/contracts';
import type { Db } from '../../platform/db/client.ts';
import {
  activeCounts,
  type CountRow,
  type DirectoryRow,
  directoryRows,
  type OpenDirectoryRow,
  openDirectoryBatch,
} from './directory.repo.ts';
import { BOM, csvLine, OPEN_DATA_LICENCE, SUPPRESSION_THRESHOLD, suppress } from './open-data.ts';
import { runSearch } from './search.engine.ts';
import { parseQuery } from './search.query.ts';

/** A small time-to-live cache: public pages are the same for everyone for a minute. */
export class TtlCache<T> {
  private readonly entries = new Map<string, { at: number; value: T }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
  ) {}
  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit || Date.now() - hit.at > this.ttlMs) return undefined;
    return hit.value;
  }
  set(key: string, value: T): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value ?? '');
    this.entries.set(key, { at: Date.now(), value });
  }
  clear(): void {
    this.entries.clear();
  }
}

export const DIRECTORY_MAX_AGE_SECONDS = 60;
export const OPEN_DATA_MAX_AGE_SECONDS = 600;

function toEntry(r: DirectoryRow): DirectoryEntry {
  return {
    id: r.id,
    nameAr: r.nameAr,
    nameLatn: r.nameLatn,
    kind: r.kind,
    activity: { code: r.activityCode, nameAr: r.activityNameAr ?? '', nameFr: r.activityNameFr ?? '' },
    province: { code: r.provinceCode, nameAr: r.provinceNameAr ?? '', nameFr: r.provinceNameFr ?? '' },
    region: r.regionCode
      ? { code: r.regionCode, nameAr: r.regionNameAr ?? '', nameFr: r.regionNameFr ?? '' }
      : null,
    contact:
      r.consent === 'contact'
        ? { workshopAddressAr: r.workshopAddressAr, workshopAddressFr: r.workshopAddressFr, phone: r.phone }
        : null,
  };
}

const openDirectoryValues = (r: OpenDirectoryRow) => [
  r.nameAr,
  r.nameLatn,
  r.kind,
  r.activityCode,
  r.activityNameFr,
  r.activityNameAr,
  r.provinceCode,
  r.provinceNameFr,
  r.provinceNameAr,
  r.regionCode,
  r.regionNameFr,
  r.regionNameAr,
];

export interface PublishedCount extends CountRow {
  suppressed: boolean;
}

/** The public directory and the open-data files: only what each entry agreed to publish. */
export class DirectoryService {
  private readonly pages = new TtlCache<DirectoryPage>(DIRECTORY_MAX_AGE_SECONDS * 1000, 1000);
  private counts: { at: number; rows: PublishedCount[]; generatedAt: string } | null = null;

  constructor(private readonly db: Db) {}

  /** Drops cached pages (after a consent change in this process). */
  invalidate(): void {
    this.pages.clear();
  }

  async search(query: DirectoryQuery): Promise<DirectoryPage> {
    const key = JSON.stringify(query);
    const cached = this.pages.get(key);
    if (cached) return cached;
    const parsed = parseQuery(query.q, { identifiers: false });
    const result = await this.db.transaction((tx) =>
      runSearch(tx, parsed, {
        filters: {
          activity: query.activity,
          region: query.region,
          province: query.province,
          kind: query.kind,
        },
        audience: 'directory',
        limit: query.limit,
        offset: query.offset,
      }),
    );
    const rows = new Map(
      (
        await directoryRows(
          this.db,
          result.hits.map((h) => h.registrationId),
        )
      ).map((r) => [r.id, r]),
    );
    const page: DirectoryPage = {
      items: result.hits.flatMap((h) => {
        const row = rows.get(h.registrationId);
        return row ? [toEntry(row)] : [];
      }),
      total: result.total,
      limit: query.limit,
      offset: query.offset,
      truncated: result.truncated,
    };
    this.pages.set(key, page);
    return page;
  }

  /** Counts of active entries with small cells suppressed; computed at most every few minutes. */
  async publishedCounts(): Promise<{ rows: PublishedCount[]; generatedAt: string }> {
    if (this.counts && Date.now() - this.counts.at < OPEN_DATA_MAX_AGE_SECONDS * 1000) return this.counts;
    const raw = await activeCounts(this.db);
    const byKey = new Map(raw.map((r) => [`${r.regionCode}|${r.activityCode}|${r.kind}|${r.gender}`, r]));
    const rows = suppress(raw).flatMap((c) => {
      const r = byKey.get(`${c.regionCode}|${c.activityCode}|${c.kind}|${c.gender}`);
      return r ? [{ ...r, suppressed: c.suppressed }] : [];
    });
    this.counts = { at: Date.now(), rows, generatedAt: new Date().toISOString() };
    return this.counts;
  }

  countsCsv(rows: readonly PublishedCount[]): string {
    return (
      BOM +
      csvLine(OPEN_COUNTS_COLUMNS) +
      rows
        .map((r) =>
          csvLine([
            r.regionCode,
            r.regionNameFr,
            r.regionNameAr,
            r.activityCode,
            r.activityNameFr,
            r.activityNameAr,
            r.kind,
            r.gender,
            r.suppressed ? '' : r.count,
            r.suppressed ? 'true' : 'false',
          ]),
        )
        .join('')
    );
  }

  countsJson(rows: readonly PublishedCount[], generatedAt: string) {
    return {
      metadata: {
        title: 'Active register entries by region, activity, kind and gender',
        generatedAt,
        licence: OPEN_DATA_LICENCE,
        suppression: {
          threshold: SUPPRESSION_THRESHOLD,
          rule: 'Cells below the threshold are suppressed, then complementary cells so that no line along any one dimension has a single suppressed cell; no totals are published. See docs/open-data.md.',
        },
        gender: { F: 'women', M: 'men', NA: 'organisations (cooperatives and enterprises)' },
        columns: OPEN_COUNTS_COLUMNS,
      },
      rows: rows.map((r) => ({
        region_code: r.regionCode,
        region_name_fr: r.regionNameFr,
        region_name_ar: r.regionNameAr,
        activity_code: r.activityCode,
        activity_name_fr: r.activityNameFr,
        activity_name_ar: r.activityNameAr,
        kind: r.kind,
        gender: r.gender,
        count: r.suppressed ? null : r.count,
        suppressed: r.suppressed,
      })),
    };
  }

  /** The consented directory, basic fields only, streamed in batches (it may hold many entries). */
  async *openDirectory(format: 'csv' | 'json', batchSize = 2000): AsyncGenerator<string> {
    const generatedAt = new Date().toISOString();
    if (format === 'csv') yield BOM + csvLine(OPEN_DIRECTORY_COLUMNS);
    else
      yield `{"metadata":${JSON.stringify({
        title: 'Directory of handicraft register entries whose holders agreed to be listed',
        generatedAt,
        licence: OPEN_DATA_LICENCE,
        fields: 'basic: name, kind, activity, province and region; never contact or identity data',
        columns: OPEN_DIRECTORY_COLUMNS,
      })},"rows":[`;
    let after: string | null = null;
    let first = true;
    for (;;) {
      const batch = await openDirectoryBatch(this.db, after, batchSize);
      if (batch.length === 0) break;
      after = batch[batch.length - 1]?.id ?? null;
      if (format === 'csv') {
        yield batch.map((r) => csvLine(openDirectoryValues(r))).join('');
      } else {
        const objects = batch.map((r) =>
          JSON.stringify(
            Object.fromEntries(OPEN_DIRECTORY_COLUMNS.map((c, i) => [c, openDirectoryValues(r)[i]])),
          ),
        );
        yield (first ? '' : ',') + objects.join(',');
        first = false;
      }
      if (batch.length < batchSize) break;
    }
    if (format === 'json') yield ']}';
  }
}
