import type { Role } from '@hirfa/contracts';
import type { ComponentType } from 'react';
import { RequireRole } from '../../app/require-role.tsx';
import { ImportPage } from './import.page.tsx';
import { ImportUploadPage } from './import-upload.page.tsx';
import { IMPORT_MANAGERS, IMPORT_READERS } from './imports-nav.ts';
import { ImportsListPage } from './imports-list.page.tsx';

function guarded(roles: readonly Role[], Page: ComponentType): { Component: ComponentType } {
  function Guarded() {
    return (
      <RequireRole roles={roles}>
        <Page />
      </RequireRole>
    );
  }
  return { Component: Guarded };
}

export const list = guarded(IMPORT_READERS, ImportsListPage);
export const upload = guarded(IMPORT_MANAGERS, ImportUploadPage);
export const detail = guarded(IMPORT_READERS, ImportPage);
