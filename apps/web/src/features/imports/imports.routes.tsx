import type { RouteObject } from 'react-router';

/**
 * Routes of the import screens, relative to /office (children of the office shell):
 * /office/imports, /office/imports/new, /office/imports/:id. Pages load on demand.
 */
export const importRoutes: RouteObject[] = [
  { path: 'imports', lazy: () => import('./imports.pages.tsx').then((m) => m.list) },
  { path: 'imports/new', lazy: () => import('./imports.pages.tsx').then((m) => m.upload) },
  { path: 'imports/:id', lazy: () => import('./imports.pages.tsx').then((m) => m.detail) },
];
