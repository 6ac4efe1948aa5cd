import type { ApplicationStateName, RegistrantKind } from '@hirfa/contracts';
import type { QueueQuery } from '../../../components/registry/registry.api.ts';
import { KINDS, STATES } from '../../../components/registry/registry.constants.ts';

export const PAGE_SIZE = 25;

/** The queue's filters live in the address, so a filtered queue can be bookmarked and shared. */
export function queryFromParams(params: URLSearchParams): QueueQuery & { page: number } {
  const states = params
    .getAll('state')
    .filter((s): s is ApplicationStateName => STATES.includes(s as ApplicationStateName));
  const kind = params.get('kind');
  const minDays = Number(params.get('minDays'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const assignee = params.get('assignee');
  return {
    ...(states.length > 0 ? { state: states } : {}),
    ...(KINDS.includes(kind as RegistrantKind) ? { kind: kind as RegistrantKind } : {}),
    ...(params.get('activity') ? { activity: params.get('activity') ?? undefined } : {}),
    ...(params.get('province') ? { province: params.get('province') ?? undefined } : {}),
    ...(params.get('chamber') ? { chamber: params.get('chamber') ?? undefined } : {}),
    ...(Number.isInteger(minDays) && minDays > 0 ? { minDays } : {}),
    ...(assignee === 'me' || assignee === 'none' ? { assignee } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    page,
  };
}
