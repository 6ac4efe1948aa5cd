import type { ComponentType } from 'react';
import { RequireRole } from '../../app/require-role.tsx';
import { NotFoundPage } from '../public/not-found.page.tsx';
import { AuditPage } from './audit.page.tsx';
import { DashboardPage } from './dashboard.page.tsx';
import { JobsPage } from './jobs.page.tsx';
import { OfficeShell } from './office-shell.tsx';
import { rolesFor, STAFF } from './office-nav.ts';
import { SecurityPage } from './security.page.tsx';
import { UsersPage } from './users.page.tsx';

function GuardedShell() {
  return (
    <RequireRole roles={STAFF}>
      <OfficeShell />
    </RequireRole>
  );
}

function guarded(path: string, Page: ComponentType): { Component: ComponentType } {
  function Guarded() {
    return (
      <RequireRole roles={rolesFor(path)}>
        <Page />
      </RequireRole>
    );
  }
  return { Component: Guarded };
}

export const officeRoute = { Component: GuardedShell };
export const dashboard = guarded('/office', DashboardPage);
export const jobs = guarded('/office/jobs', JobsPage);
export const audit = guarded('/office/audit', AuditPage);
export const users = guarded('/office/users', UsersPage);
export const security = guarded('/office/security', SecurityPage);
export const notFound = { Component: NotFoundPage };
