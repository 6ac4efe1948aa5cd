import type { Role } from '@hirfa/contracts';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert, PageLoader } from '../components/query-state.tsx';
import { ForbiddenPage } from '../features/public/forbidden.page.tsx';
import { useSession } from '../lib/session.ts';

/** Not logged in → /login?next=<here>; logged in with another role → "not allowed". */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <PageLoader />;
  if (session.isError) return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!roles.includes(session.data.user.role)) return <ForbiddenPage />;
  return <>{children}</>;
}
