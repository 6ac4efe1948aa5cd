import type { Role } from '@hirfa/contracts';
import type { ComponentType } from 'react';
import { RequireRole } from '../../app/require-role.tsx';
import { NotFoundPage } from '../public/not-found.page.tsx';
import { ApplicationPage } from './applications/application.page.tsx';
import { CounterEditPage, CounterNewPage } from './applications/counter.page.tsx';
import { QueuePage } from './applications/queue.page.tsx';
import { ReceiptPage } from './applications/receipt.page.tsx';
import { AuditPage } from './audit.page.tsx';
import { DashboardPage } from './dashboard.page.tsx';
import { JobsPage } from './jobs.page.tsx';
import { OfficeShell } from './office-shell.tsx';
import { DECIDERS, rolesFor, STAFF } from './office-nav.ts';
import { RegistrationPage } from './registrations/registration.page.tsx';
import { SecurityPage } from './security.page.tsx';
import { UsersPage } from './users.page.tsx';

function GuardedShell() {
  return (
    <RequireRole roles={STAFF}>
      <OfficeShell />
    </RequireRole>
  );
}

function guarded(path: string | readonly Role[], Page: ComponentType): { Component: ComponentType } {
  const roles = typeof path === 'string' ? rolesFor(path) : path;
  function Guarded() {
    return (
      <RequireRole roles={roles}>
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
export const queue = guarded('/office/applications', QueuePage);
export const counterNew = guarded('/office/applications/new', CounterNewPage);
export const counterEdit = guarded(DECIDERS, CounterEditPage);
export const receipt = guarded(DECIDERS, ReceiptPage);
export const application = guarded(STAFF, ApplicationPage);
export const registration = guarded(STAFF, RegistrationPage);
export const notFound = { Component: NotFoundPage };
