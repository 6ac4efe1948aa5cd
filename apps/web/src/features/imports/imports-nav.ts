import type { Role } from '@hirfa/contracts';
import { IconFileImport } from '@tabler/icons-react';

/** Who sees the imports (the server enforces the same rules: imports.read, imports.manage, imports.sign_off). */
export const IMPORT_READERS: readonly Role[] = [
  'federation_admin',
  'chamber_admin',
  'chamber_agent',
  'auditor',
];
export const IMPORT_MANAGERS: readonly Role[] = ['federation_admin', 'chamber_admin', 'chamber_agent'];
export const IMPORT_SIGNERS: readonly Role[] = ['chamber_admin'];

// The label lives in the `imports` namespace (i18next's "namespace:key").
const NAV_LABEL = 'imports:nav.imports';

/** Back-office menu entry, the shape of OFFICE_NAV's items: add it to OFFICE_NAV. */
export const IMPORT_NAV = [
  { to: '/office/imports', labelKey: NAV_LABEL, roles: IMPORT_READERS, icon: IconFileImport },
] as const;
