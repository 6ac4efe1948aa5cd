import { RequireRole } from '../../app/require-role.tsx';
import { DraftWizardPage } from './apply/draft-wizard.page.tsx';
import { NewApplicationPage } from './apply/new-application.page.tsx';
import { FilePage } from './file.page.tsx';
import { PortalHomePage } from './portal-home.page.tsx';
import { PortalShell } from './portal-shell.tsx';
import { PortalRegistrationPage } from './registration.page.tsx';

function GuardedPortal() {
  return (
    <RequireRole roles={['artisan']}>
      <PortalShell />
    </RequireRole>
  );
}

export const portalRoute = { Component: GuardedPortal };
export const portalHome = { Component: PortalHomePage };
export const applyNew = { Component: NewApplicationPage };
export const applyStep = { Component: DraftWizardPage };
export const file = { Component: FilePage };
export const registration = { Component: PortalRegistrationPage };
