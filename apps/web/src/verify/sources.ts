// Where a check gets its data: the network when there is one (network first, short timeout), else
// what this phone saved the last time it was online. Keys, status lists and names are all saved
// only after they have been read (keys) or authenticated (lists), so a captive portal or a broken
// response never replaces good data.
import { LOCALES, type Locale } from '@hirfa/contracts/constants';
import {
  keyResolverFromJwks,
  type KeyResolver,
  STATUS_PURPOSES,
  StatusDocumentError,
  type StatusPurpose,
  type VerifiedStatusList,
  verifyStatusListDocument,
} from '@hirfa/contracts/credential';
import type { KeyValueStore } from './store.ts';

export interface KeySet {
  resolver: KeyResolver;
  savedAt: Date;
  /** Downloaded during this check (false: from this phone's storage). */
  fresh: boolean;
}

/** missing: none saved and no network; unavailable: none saved and the download failed. */
export type ListProblem = 'missing' | 'unavailable' | StatusDocumentError['code'];

export interface PurposeList {
  list?: VerifiedStatusList;
  savedAt?: Date;
  issued?: Date;
  fresh: boolean;
  problem?: ListProblem;
}

export type ListSet = Record<StatusPurpose, PurposeList>;
export type DownloadedDocs = Partial<Record<StatusPurpose, unknown>>;

export interface NameEntry {
  name: string;
  nameAr: string;
  nameFr: string;
}

export interface Names {
  /** The language of `name` in the entries. */
  locale: Locale;
  chambers: Record<string, NameEntry>;
  activities: Record<string, NameEntry>;
}

export interface Readiness {
  keysSavedAt?: Date;
  listsSavedAt?: Date;
}

/** The regional chambers; each publishes a revocation and a suspension list. */
export const REGIONAL_CHAMBERS = Array.from(
  { length: 12 },
  (_, i) => `CA-MA-${String(i + 1).padStart(2, '0')}`,
);

const KEYS = 'jwks';
const LISTS_REFRESHED = 'status/refreshed';
const listKey = (chamber: string, purpose: StatusPurpose) => `status/${chamber}/${purpose}`;
const namesKey = (locale: Locale) => `names/${locale}`;

export const statusUrl = (chamber: string, purpose: StatusPurpose) =>
  `/status/${encodeURIComponent(chamber)}/${purpose}.json`;

/** With saved data, a slow network is not worth waiting for; without, it is the only way. */
const QUICK_MS = 2_500;
const PATIENT_MS = 10_000;
const KEYS_MEMO_MS = 60_000;
const NAMES_MAX_AGE_MS = 24 * 3_600_000;

function problemOf(e: unknown): ListProblem {
  return e instanceof StatusDocumentError ? e.code : 'status_list_invalid';
}

function issuedOf(doc: unknown): Date | undefined {
  const issued = (doc as { issued?: unknown } | null)?.issued;
  if (typeof issued !== 'string') return undefined;
  const date = new Date(issued);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

interface ReferenceRow {
  code: string;
  name: string;
  nameAr: string;
  nameFr: string;
}

function byCode(rows: ReferenceRow[]): Record<string, NameEntry> {
  const out: Record<string, NameEntry> = {};
  for (const r of rows) out[r.code] = { name: r.name, nameAr: r.nameAr, nameFr: r.nameFr };
  return out;
}

export interface SourcesOptions {
  store: KeyValueStore;
  fetch?: typeof fetch;
  now?: () => Date;
  online?: () => boolean;
}

export class Sources {
  private readonly store: KeyValueStore;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => Date;
  private readonly online: () => boolean;
  private keysMemo: { keys: KeySet; at: number } | undefined;
  private keysLoading: Promise<KeySet | null> | undefined;

  constructor(options: SourcesOptions) {
    this.store = options.store;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? (() => new Date());
    this.online = options.online ?? (() => navigator.onLine !== false);
  }

  private async getJson(url: string, timeoutMs: number): Promise<unknown> {
    if (!this.online()) throw new Error('offline');
    const response = await this.fetchImpl(url, {
      cache: 'no-cache',
      credentials: 'omit',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  }

  /** Issuer keys: downloaded if possible, else saved; null when this phone never had them. */
  keys(): Promise<KeySet | null> {
    const now = this.now();
    if (this.keysMemo && now.getTime() - this.keysMemo.at < KEYS_MEMO_MS)
      return Promise.resolve(this.keysMemo.keys);
    this.keysLoading ??= this.loadKeys(now).finally(() => {
      this.keysLoading = undefined;
    });
    return this.keysLoading;
  }

  private async loadKeys(now: Date): Promise<KeySet | null> {
    const saved = await this.store.get<unknown>(KEYS);
    try {
      const jwks = await this.getJson('/.well-known/jwks.json', saved ? QUICK_MS : PATIENT_MS);
      const resolver = keyResolverFromJwks(jwks);
      await this.store.put(KEYS, jwks, now.getTime());
      const keys = { resolver, savedAt: now, fresh: true };
      this.keysMemo = { keys, at: now.getTime() };
      return keys;
    } catch {
      if (!saved) return null;
      try {
        return { resolver: keyResolverFromJwks(saved.value), savedAt: new Date(saved.savedAt), fresh: false };
      } catch {
        return null;
      }
    }
  }

  /** Starts downloading a chamber's two lists (before the keys are known to check them). */
  async downloadLists(chamber: string): Promise<DownloadedDocs> {
    const hasSaved = (await this.store.get(listKey(chamber, 'revocation'))) !== undefined;
    const entries = await Promise.all(
      STATUS_PURPOSES.map(async (purpose) => {
        try {
          return [purpose, await this.getJson(statusUrl(chamber, purpose), hasSaved ? QUICK_MS : PATIENT_MS)];
        } catch {
          return [purpose, undefined];
        }
      }),
    );
    return Object.fromEntries(entries.filter(([, doc]) => doc !== undefined));
  }

  /** The chamber's lists, authenticated with the keys: the downloaded ones, else the saved ones. */
  async lists(chamber: string, keys: KeySet, downloaded?: Promise<DownloadedDocs>): Promise<ListSet> {
    const docs = await (downloaded ?? this.downloadLists(chamber));
    const [revocation, suspension] = await Promise.all(
      STATUS_PURPOSES.map((purpose) => this.list(chamber, purpose, keys, docs[purpose])),
    );
    return { revocation: revocation as PurposeList, suspension: suspension as PurposeList };
  }

  private async list(
    chamber: string,
    purpose: StatusPurpose,
    keys: KeySet,
    downloaded: unknown,
  ): Promise<PurposeList> {
    const now = this.now();
    const check = (doc: unknown) =>
      verifyStatusListDocument(doc, { resolveKey: keys.resolver, now, chamber, purpose });
    let downloadProblem: ListProblem | undefined;
    if (downloaded !== undefined) {
      try {
        const list = await check(downloaded);
        await this.store.put(listKey(chamber, purpose), downloaded, now.getTime());
        return { list, savedAt: now, issued: list.issued, fresh: true };
      } catch (e) {
        downloadProblem = problemOf(e);
      }
    }
    const saved = await this.store.get<unknown>(listKey(chamber, purpose));
    if (!saved) {
      if (downloadProblem) return { fresh: true, problem: downloadProblem, issued: issuedOf(downloaded) };
      return { fresh: false, problem: this.online() ? 'unavailable' : 'missing' };
    }
    const savedAt = new Date(saved.savedAt);
    try {
      const list = await check(saved.value);
      return { list, savedAt, issued: list.issued, fresh: false };
    } catch (e) {
      return { savedAt, issued: issuedOf(saved.value), fresh: false, problem: problemOf(e) };
    }
  }

  /**
   * Downloads and saves the lists of every chamber, so that a card of any chamber can be checked
   * offline later (24 small documents; an all-clear list is about 400 bytes).
   */
  async refreshAllLists(keys: KeySet, chambers: readonly string[] = REGIONAL_CHAMBERS): Promise<boolean> {
    if (!this.online()) return false;
    const now = this.now();
    const jobs = chambers.flatMap((chamber) => STATUS_PURPOSES.map((purpose) => ({ chamber, purpose })));
    let ok = true;
    const worker = async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        try {
          const doc = await this.getJson(statusUrl(job.chamber, job.purpose), PATIENT_MS);
          await verifyStatusListDocument(doc, { resolveKey: keys.resolver, now, ...job });
          await this.store.put(listKey(job.chamber, job.purpose), doc, now.getTime());
        } catch {
          ok = false;
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    if (ok) await this.store.put(LISTS_REFRESHED, true, now.getTime());
    return ok;
  }

  async readiness(): Promise<Readiness> {
    const [keys, lists] = await Promise.all([this.store.get(KEYS), this.store.get(LISTS_REFRESHED)]);
    return {
      ...(keys ? { keysSavedAt: new Date(keys.savedAt) } : {}),
      ...(lists ? { listsSavedAt: new Date(lists.savedAt) } : {}),
    };
  }

  /**
   * Names of chambers and activities (the credential carries codes): in the reader's language when
   * this phone has them, else in any language it saved (the page then shows the Arabic or French name).
   */
  async names(locale: Locale, useNetwork = true): Promise<Names | null> {
    const now = this.now();
    const saved = await this.store.get<Names>(namesKey(locale));
    if (saved && now.getTime() - saved.savedAt < NAMES_MAX_AGE_MS) return saved.value;
    try {
      if (!useNetwork) throw new Error('offline');
      const lang = encodeURIComponent(locale);
      const [chambers, nomenclature] = await Promise.all([
        this.getJson(`/api/v1/chambers?lang=${lang}`, PATIENT_MS),
        this.getJson(`/api/v1/nomenclature?lang=${lang}`, PATIENT_MS),
      ]);
      const names: Names = {
        locale,
        chambers: byCode(chambers as ReferenceRow[]),
        activities: byCode((nomenclature as { activities: ReferenceRow[] }).activities),
      };
      await this.store.put(namesKey(locale), names, now.getTime());
      return names;
    } catch {
      if (saved) return saved.value;
      for (const other of LOCALES) {
        const any = await this.store.get<Names>(namesKey(other));
        if (any) return any.value;
      }
      return null;
    }
  }
}
