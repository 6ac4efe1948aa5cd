// What the verify page keeps on the phone for offline checks (keys, status lists, names), in the
// Cache Storage, under synthetic same-origin URLs that never reach the network. The service worker
// keeps only the page itself; this cache is the page's own and survives new versions of the page.
export const DATA_CACHE = 'hirfa-verify-data-v1';

export interface Saved<T> {
  value: T;
  /** When this phone downloaded it (ms since the epoch). */
  savedAt: number;
}

export interface KeyValueStore {
  get<T>(key: string): Promise<Saved<T> | undefined>;
  put<T>(key: string, value: T, savedAt: number): Promise<void>;
}

function keyUrl(key: string): string {
  return new URL(`/verify-data/${key}`, self.location.origin).href;
}

/** Cache Storage when the browser has it (secure contexts), else memory: no offline, but it works. */
export function openStore(): KeyValueStore {
  if (typeof caches === 'undefined') return memoryStore();
  return {
    async get<T>(key: string) {
      try {
        const cache = await caches.open(DATA_CACHE);
        const response = await cache.match(keyUrl(key));
        return response ? ((await response.json()) as Saved<T>) : undefined;
      } catch {
        return undefined;
      }
    },
    async put<T>(key: string, value: T, savedAt: number) {
      try {
        const cache = await caches.open(DATA_CACHE);
        const body: Saved<T> = { value, savedAt };
        await cache.put(
          keyUrl(key),
          new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
        );
      } catch {
        // Storage full or refused: this check still works, the next offline one may not.
      }
    },
  };
}

export function memoryStore(): KeyValueStore {
  const entries = new Map<string, Saved<unknown>>();
  return {
    async get<T>(key: string) {
      return entries.get(key) as Saved<T> | undefined;
    },
    async put<T>(key: string, value: T, savedAt: number) {
      entries.set(key, { value, savedAt });
    },
  };
}
