import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const api = 'http://localhost:3000';

/** Paths the server answers with verify.html (the card QR's `/V`, the app's `/verify`). */
const VERIFY_PATHS = new Set(['/V', '/v', '/verify']);

/**
 * The public verify page works offline after a first visit: this plugin lists the files it needs
 * (verify.html's scripts, styles and fonts, and the lazily loaded QR reader) in
 * `verify-precache.json` for `public/verify-sw.js`, and stamps verify.html with a build id so the
 * page registers a new worker whenever those files change.
 */
function verifyPrecache(): Plugin {
  return {
    name: 'hirfa-verify-precache',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['verify.html'];
      if (html?.type !== 'asset') {
        this.error('verify.html is missing from the bundle');
        return;
      }
      const files = new Set<string>();
      const queue: string[] = [];
      const add = (name: string) => {
        // Source maps are for developers; every browser that runs the page reads woff2.
        if (name.endsWith('.map') || name.endsWith('.woff') || files.has(name) || !bundle[name]) return;
        files.add(name);
        queue.push(name);
      };
      const referencedIn = (text: string) => {
        for (const m of text.matchAll(/\/?(assets\/[^"'()\s?#]+)/g)) add(m[1] as string);
      };
      referencedIn(String(html.source));
      for (let name = queue.shift(); name; name = queue.shift()) {
        const file = bundle[name];
        if (!file) continue;
        if (file.type === 'chunk') {
          for (const dep of [...file.imports, ...file.dynamicImports]) add(dep);
          for (const css of file.viteMetadata?.importedCss ?? []) add(css);
          for (const asset of file.viteMetadata?.importedAssets ?? []) add(asset);
        } else if (name.endsWith('.css')) {
          referencedIn(String(file.source));
        }
      }
      const list = [...files].sort().map((f) => `/${f}`);
      const build = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 16);
      html.source = String(html.source).replace(
        '<head>',
        `<head>\n    <meta name="hirfa-verify-build" content="${build}" />`,
      );
      this.emitFile({
        type: 'asset',
        fileName: 'verify-precache.json',
        source: `${JSON.stringify({ build, files: list }, null, 2)}\n`,
      });
    },
  };
}

/** In development, `/V#…` and `/verify` open the verify page as the server does in production. */
function verifyDevRoutes(): Plugin {
  return {
    name: 'hirfa-verify-dev-routes',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [path, query] = (req.url ?? '').split('?');
        if (path && VERIFY_PATHS.has(path)) req.url = `/verify.html${query ? `?${query}` : ''}`;
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), verifyPrecache(), verifyDevRoutes()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        // The public verify page: its own small bundle (no back office, no Mantine).
        verify: fileURLToPath(new URL('./verify.html', import.meta.url)),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': api,
      '/health': api,
      '/openapi.json': api,
      '/docs': api,
      '/.well-known': api,
      '/status': api,
    },
  },
});
