// Service worker of the public verify page (registered by src/verify/sw-register.ts with scopes
// '/V' and '/v', so it controls the verify page and nothing else of Hirfa).
//
// - install: caches the page and every file it needs, listed at build time in
//   /verify-precache.json (the `?v=` of this script is that list's build id);
// - navigations to /V, /v, /verify: network first (a new version is picked up at once), the cached
//   page when the network fails or is too slow;
// - /assets/*: cache first (file names carry a content hash), cached on first fetch if missing;
// - keys, status lists and names are NOT handled here: the page keeps them itself (src/verify/
//   store.ts) so that a check made before this worker was installed is saved too.
const BUILD = new URL(self.location.href).searchParams.get('v') || 'dev';
const SHELL = `hirfa-verify-shell-${BUILD}`;
const SHELL_PREFIX = 'hirfa-verify-shell-';
const PAGE = '/verify.html';
const PAGE_PATHS = new Set(['/V', '/v', '/verify', '/verify/', PAGE]);
const STATIC = ['/verify.webmanifest', '/verify-icon.svg', '/verify-icon-180.png', '/verify-icon-192.png'];
const NETWORK_TIMEOUT_MS = 3500;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const response = await fetch(`/verify-precache.json?v=${encodeURIComponent(BUILD)}`, {
        cache: 'no-store',
      });
      if (!response.ok) throw new Error(`verify-precache.json: HTTP ${response.status}`);
      const { files } = await response.json();
      // Hashed files already cached (by the worker of the other scope, or an older version) are
      // copied rather than downloaded again; the unhashed static files are always fetched.
      const missing = [];
      for (const file of files) {
        const hit = await caches.match(file);
        if (hit) await cache.put(file, hit);
        else missing.push(file);
      }
      await cache.addAll([...missing, ...STATIC]);
      await cache.put(PAGE, await fetch(PAGE, { cache: 'no-cache' }));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(SHELL_PREFIX) && n !== SHELL).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** True for the verify page itself (a misconfigured route could answer with another page). */
async function isVerifyPage(response) {
  if (!response.ok || !(response.headers.get('content-type') || '').includes('text/html')) return false;
  return (await response.clone().text()).includes('name="hirfa-verify-build"');
}

async function page(request) {
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (await isVerifyPage(response)) {
      const cache = await caches.open(SHELL);
      await cache.put(PAGE, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(PAGE);
    if (cached) return cached;
    throw error;
  }
}

async function asset(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL);
    await cache.put(request, response.clone());
  }
  return response;
}

async function staticFile(request) {
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok) {
      const cache = await caches.open(SHELL);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (PAGE_PATHS.has(url.pathname)) event.respondWith(page(request));
    return;
  }
  if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
  else if (STATIC.includes(url.pathname)) event.respondWith(staticFile(request));
});
