import { RequireRole } from '../../app/require-role.tsx';
import { PortalHomePage } from './portal-home.page.tsx';
import { PortalShell } from './portal-shell.tsx';

function GuardedPortal() {
  return (
    <RequireRole roles={['artisan']}>
      <PortalShell />
    </RequireRole>
  );
}

export const portalRoute = { Component: GuardedPortal };
export const portalHome = { Component: PortalHomePage };
