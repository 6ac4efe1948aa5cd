// Registers verify-sw.js so the page opens with no network after a first visit. The build writes the
// page's version into <meta name="hirfa-verify-build">; a new version means a new script URL, so the
// worker re-installs and caches the new files. Not in the Vite dev server (no meta there).
//
// Two scopes, so the worker controls the verify page only and never the rest of Hirfa: '/V' (the
// card QR's path) and '/v' (which covers '/v', what a camera app that lower-cases the URL opens, and
// '/verify', the installed app's start URL).
export const SW_SCOPES = ['/V', '/v'] as const;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const build = document.querySelector('meta[name="hirfa-verify-build"]')?.getAttribute('content');
  if (!build) return;
  const script = `/verify-sw.js?v=${encodeURIComponent(build)}`;
  const register = () => {
    for (const scope of SW_SCOPES) {
      navigator.serviceWorker.register(script, { scope }).catch(() => {
        // No service worker (private mode, old browser): the page still works online.
      });
    }
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
