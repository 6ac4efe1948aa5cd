import type { AuditEvent, Job, User } from '@hirfa/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type JobState = Job['state'];

export function useJobs(state: JobState | undefined) {
  return useQuery({
    queryKey: ['office', 'jobs', state ?? 'all'],
    queryFn: ({ signal }) => api<Job[]>('/api/v1/jobs', { query: { state, limit: 100 }, signal }),
    refetchInterval: 15_000,
  });
}

const AUDIT_PAGE = 50;

export function useAudit(action: string) {
  return useInfiniteQuery({
    queryKey: ['office', 'audit', action],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<AuditEvent[]>('/api/v1/audit', {
        query: { limit: AUDIT_PAGE, before: pageParam, action: action || undefined },
        signal,
      }),
    getNextPageParam: (last) => (last.length < AUDIT_PAGE ? undefined : last[last.length - 1]?.id),
  });
}

export function useStaffUsers() {
  return useQuery({
    queryKey: ['office', 'users'],
    queryFn: ({ signal }) => api<User[]>('/api/v1/admin/users', { signal }),
  });
}
