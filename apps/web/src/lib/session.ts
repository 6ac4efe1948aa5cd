import { STAFF_ROLES } from '@hirfa/contracts/constants';
import type { Role, Session, User } from '@hirfa/contracts';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, api, setCsrfToken } from './api.ts';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api<Session>('/api/v1/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** Who is logged in: a Session, null when nobody is, undefined while loading. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000, retry: 1 });
}

export function storeSession(client: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  client.setQueryData(SESSION_KEY, session);
}

export function storeUser(client: QueryClient, user: User): void {
  client.setQueryData<Session | null>(SESSION_KEY, (old) => (old ? { ...old, user } : old));
}

export function useLogout(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(async () => {
    try {
      await api<void>('/api/v1/auth/logout', { method: 'POST' });
    } finally {
      setCsrfToken(undefined);
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    }
  }, [client]);
}

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** Where a user lands after login. */
export function homeFor(role: Role): string {
  return role === 'artisan' ? '/portal' : '/office';
}
