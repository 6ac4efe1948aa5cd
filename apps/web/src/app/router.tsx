import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/login.page.tsx';
import { SignupPage } from '../features/auth/signup.page.tsx';
import { HomePage } from '../features/public/home.page.tsx';
import { NotFoundPage } from '../features/public/not-found.page.tsx';
import { PublicLayout } from '../features/public/public-layout.tsx';
import { ActivitiesPage } from '../features/reference/activities.page.tsx';
import { ChambersPage } from '../features/reference/chambers.page.tsx';
import { ProvincesPage } from '../features/reference/provinces.page.tsx';
import { RegionsPage } from '../features/reference/regions.page.tsx';
import { importRoutes } from '../features/imports/imports.routes.tsx';
import { directoryRoutes, searchRoutes } from '../features/search/search.routes.ts';
import { RouteError } from './route-error.tsx';

/** Routes grouped by audience: public, artisan portal, back office (the last two load on demand). */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: PublicLayout,
    ErrorBoundary: RouteError,
    children: [
      { index: true, Component: HomePage },
      { path: 'login', Component: LoginPage },
      { path: 'signup', Component: SignupPage },
      { path: 'reference/regions', Component: RegionsPage },
      { path: 'reference/regions/:code', Component: ProvincesPage },
      { path: 'reference/chambers', Component: ChambersPage },
      { path: 'reference/activities', Component: ActivitiesPage },
      ...directoryRoutes,
      { path: '*', Component: NotFoundPage },
    ],
  },
  {
    path: '/portal',
    ErrorBoundary: RouteError,
    lazy: () => import('../features/portal/portal.routes.tsx').then((m) => m.portalRoute),
    children: [
      { index: true, lazy: () => import('../features/portal/portal.routes.tsx').then((m) => m.portalHome) },
      { path: 'apply', lazy: () => import('../features/portal/portal.routes.tsx').then((m) => m.applyNew) },
      {
        path: 'apply/:id/:step',
        lazy: () => import('../features/portal/portal.routes.tsx').then((m) => m.applyStep),
      },
      { path: 'files/:id', lazy: () => import('../features/portal/portal.routes.tsx').then((m) => m.file) },
      {
        path: 'registrations/:id',
        lazy: () => import('../features/portal/portal.routes.tsx').then((m) => m.registration),
      },
    ],
  },
  {
    path: '/office',
    ErrorBoundary: RouteError,
    lazy: () => import('../features/office/office.routes.tsx').then((m) => m.officeRoute),
    children: [
      { index: true, lazy: () => import('../features/office/office.routes.tsx').then((m) => m.dashboard) },
      {
        path: 'applications',
        lazy: () => import('../features/office/office.routes.tsx').then((m) => m.queue),
      },
      {
        path: 'applications/new',
        lazy: () => import('../features/office/office.routes.tsx').then((m) => m.counterNew),
      },
      {
        path: 'applications/:id',
        lazy: () => import('../features/office/office.routes.tsx').then((m) => m.application),
      },
      {
        path: 'applications/:id/edit',
        lazy: () => import('../features/office/office.routes.tsx').then((m) => m.counterEdit),
      },
      {
        path: 'applications/:id/receipt',
        lazy: () => import('../features/office/office.routes.tsx').then((m) => m.receipt),
      },
      {
        path: 'registrations/:id',
        lazy: () => import('../features/office/office.routes.tsx').then((m) => m.registration),
      },
      ...searchRoutes,
      ...importRoutes,
      { path: 'jobs', lazy: () => import('../features/office/office.routes.tsx').then((m) => m.jobs) },
      { path: 'audit', lazy: () => import('../features/office/office.routes.tsx').then((m) => m.audit) },
      { path: 'users', lazy: () => import('../features/office/office.routes.tsx').then((m) => m.users) },
      {
        path: 'security',
        lazy: () => import('../features/office/office.routes.tsx').then((m) => m.security),
      },
      { path: '*', lazy: () => import('../features/office/office.routes.tsx').then((m) => m.notFound) },
    ],
  },
];

export const router = createBrowserRouter(routes);
