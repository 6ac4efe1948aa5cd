import type { Role } from '@hirfa/contracts';
import {
  IconClipboardList,
  IconFilePlus,
  IconInbox,
  IconLayoutDashboard,
  IconListCheck,
  IconShieldLock,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { IMPORT_NAV } from '../imports/imports-nav.ts';
import { searchNavItems } from '../search/search.routes.ts';

export interface OfficeNavItem {
  to: string;
  labelKey: string;
  roles: readonly Role[];
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean | 'true' }>;
  end?: boolean;
  /** Paths under this one that belong to another item (the counter lives under the queue). */
  notUnder?: readonly string[];
}

const ALL_STAFF: readonly Role[] = ['federation_admin', 'chamber_admin', 'chamber_agent', 'auditor'];

/** Back-office pages and who may open them (the server enforces the same rules). */
export const OFFICE_NAV: readonly OfficeNavItem[] = [
  { to: '/office', labelKey: 'office.nav.dashboard', roles: ALL_STAFF, icon: IconLayoutDashboard, end: true },
  {
    to: '/office/applications',
    labelKey: 'office.nav.applications',
    roles: ALL_STAFF,
    icon: IconInbox,
    notUnder: ['/office/applications/new'],
  },
  {
    to: '/office/applications/new',
    labelKey: 'office.nav.counter',
    roles: ['chamber_admin', 'chamber_agent'],
    icon: IconFilePlus,
  },
  ...searchNavItems,
  ...IMPORT_NAV,
  {
    to: '/office/jobs',
    labelKey: 'office.nav.jobs',
    roles: ['federation_admin', 'chamber_admin'],
    icon: IconListCheck,
  },
  {
    to: '/office/audit',
    labelKey: 'office.nav.audit',
    roles: ['federation_admin', 'auditor'],
    icon: IconClipboardList,
  },
  {
    to: '/office/users',
    labelKey: 'office.nav.users',
    roles: ['federation_admin', 'chamber_admin'],
    icon: IconUsers,
  },
  { to: '/office/security', labelKey: 'office.nav.security', roles: ALL_STAFF, icon: IconShieldLock },
];

export const STAFF: readonly Role[] = ALL_STAFF;

/** Staff who take decisions on files (the Federation and auditors read them only). */
export const DECIDERS: readonly Role[] = ['chamber_admin', 'chamber_agent'];

export function isActive(item: OfficeNavItem, pathname: string): boolean {
  if (item.end) return pathname === item.to;
  if (item.notUnder?.some((path) => pathname.startsWith(path))) return false;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

export function rolesFor(path: string): readonly Role[] {
  return OFFICE_NAV.find((item) => item.to === path)?.roles ?? ALL_STAFF;
}
