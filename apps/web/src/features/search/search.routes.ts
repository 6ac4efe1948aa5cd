// What the router and the office navigation take from this feature (wired in app/router.tsx).
import { STAFF_ROLES } from '@hirfa/contracts/constants';
import { IconSearch } from '@tabler/icons-react';
import type { RouteObject } from 'react-router';

/** Children of /office: the staff search page. */
export const searchRoutes: RouteObject[] = [
  {
    path: 'search',
    lazy: () => import('./staff-search.page.tsx').then((m) => ({ Component: m.StaffSearchPage })),
  },
];

/** Children of / (the public layout): the directory. */
export const directoryRoutes: RouteObject[] = [
  {
    path: 'directory',
    lazy: () => import('./directory.page.tsx').then((m) => ({ Component: m.DirectoryPage })),
  },
];

// Keys of the `search` catalogue (namespace prefix, so any t() finds them).
const SEARCH_NAV = 'search:office.nav';
export const DIRECTORY_NAV = 'search:directory.nav';

/** Back-office navigation: every staff role may search (the server keeps each to their chamber). */
export const searchNavItems = [
  { to: '/office/search', labelKey: SEARCH_NAV, roles: STAFF_ROLES, icon: IconSearch },
] as const;
