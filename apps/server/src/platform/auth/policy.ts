import type { Role } from '@hirfa/contracts';
import { AppError } from '../http/errors.ts';

/** The signed-in user as the rest of the server sees it. */
export interface AuthUser {
  id: string;
  role: Role;
  chamberCode: string | null;
  displayName: string;
  locale: 'ar' | 'fr' | 'en' | 'zgh';
}

/**
 * Every permission of the platform and the roles that hold it: the one place where who may do
 * what is decided. Routes name a permission; services check the chamber scope with `assertScope`.
 */
export const PERMISSIONS = {
  'account.self': ['federation_admin', 'chamber_admin', 'chamber_agent', 'auditor', 'artisan'],
  'account.totp': ['federation_admin', 'chamber_admin', 'chamber_agent', 'auditor'],
  'jobs.read': ['federation_admin', 'chamber_admin'],
  'jobs.run': ['federation_admin'],
  'audit.read': ['federation_admin', 'auditor'],
  'users.read': ['federation_admin', 'chamber_admin'],
  'users.create': ['federation_admin', 'chamber_admin'],
  'applications.create': ['artisan', 'chamber_agent', 'chamber_admin'],
  'applications.read': ['artisan', 'chamber_agent', 'chamber_admin', 'federation_admin', 'auditor'],
  'applications.act': ['artisan', 'chamber_agent', 'chamber_admin'],
  'applications.duplicates': ['chamber_agent', 'chamber_admin', 'federation_admin', 'auditor'],
  'applications.decide_duplicates': ['chamber_agent', 'chamber_admin'],
  'documents.upload': ['artisan', 'chamber_agent', 'chamber_admin'],
  'documents.read': ['artisan', 'chamber_agent', 'chamber_admin', 'federation_admin', 'auditor'],
  'registrations.read': ['artisan', 'chamber_agent', 'chamber_admin', 'federation_admin', 'auditor'],
  'registrations.manage': ['chamber_agent', 'chamber_admin', 'federation_admin'],
  'cards.read': ['chamber_agent', 'chamber_admin', 'federation_admin', 'auditor'],
  'cards.manage': ['chamber_agent', 'chamber_admin', 'federation_admin'],
  'cards.print': ['chamber_agent', 'chamber_admin', 'federation_admin'],
  'cards.own': ['artisan'],
  'search.registrations': ['federation_admin', 'chamber_admin', 'chamber_agent', 'auditor'],
  'directory_consent.own': ['artisan'],
  'directory_consent.manage': ['federation_admin', 'chamber_admin', 'chamber_agent'],
  'imports.read': ['chamber_agent', 'chamber_admin', 'federation_admin', 'auditor'],
  'imports.manage': ['chamber_agent', 'chamber_admin', 'federation_admin'],
  'imports.sign_off': ['chamber_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(user: AuthUser, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

/** National scope: the Federation and the auditors see every chamber. */
export function isNational(user: AuthUser): boolean {
  return user.chamberCode === null && (user.role === 'federation_admin' || user.role === 'auditor');
}

/** Throws unless the user may act on data of this chamber. */
export function assertScope(user: AuthUser, chamberCode: string | null): void {
  if (isNational(user)) return;
  if (user.chamberCode !== null && user.chamberCode === chamberCode) return;
  throw new AppError(403, 'AUTH_OUT_OF_SCOPE');
}

/** The chamber filter to apply to a listing: undefined means all chambers. */
export function scopeFilter(user: AuthUser): string | undefined {
  return isNational(user) ? undefined : (user.chamberCode ?? '__none__');
}
