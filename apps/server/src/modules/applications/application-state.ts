/**
 * The workflow of an application as a pure function of its actions. The database keeps the
 * append-only list of actions; the state is derived here, and the same rules decide whether a
 * new action may be taken. No I/O: exhaustively unit-tested.
 */

import { APPLICATION_STATES, WORKFLOW_ACTIONS } from '@hirfa/contracts';

export { APPLICATION_STATES };
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** The workflow's steps (shared with the API) plus the two that only the history holds. */
export const ACTION_TYPES = ['create', 'edit', ...WORKFLOW_ACTIONS] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const TERMINAL_STATES: readonly ApplicationState[] = ['approved', 'rejected', 'withdrawn'];

/** Who takes an action: the applicant (portal) or the chamber's staff (back office). */
export type ActorSide = 'applicant' | 'staff';

export type RegistrantKind = 'artisan' | 'master_artisan' | 'cooperative' | 'enterprise';

export interface ActionLike {
  type: ActionType;
  at: Date;
  actorId: string | null;
  /** For `assign`: the agent the file is assigned to (null to unassign). */
  assignee?: string | null;
}

interface Transition {
  from: readonly ApplicationState[];
  to: ApplicationState | 'same';
  by: readonly ActorSide[];
}

/** Every action: the states it may leave, the state it reaches, and who may take it. */
export const TRANSITIONS: Record<Exclude<ActionType, 'create'>, Transition> = {
  edit: { from: ['draft', 'incomplete'], to: 'same', by: ['applicant', 'staff'] },
  submit: { from: ['draft'], to: 'submitted', by: ['applicant', 'staff'] },
  request_info: {
    from: ['submitted', 'resubmitted', 'under_review', 'commission'],
    to: 'incomplete',
    by: ['staff'],
  },
  // At the counter an agent may hand in the artisan's answer on their behalf.
  resubmit: { from: ['incomplete'], to: 'resubmitted', by: ['applicant', 'staff'] },
  start_review: { from: ['submitted', 'resubmitted'], to: 'under_review', by: ['staff'] },
  refer_commission: { from: ['under_review'], to: 'commission', by: ['staff'] },
  approve: { from: ['under_review', 'commission'], to: 'approved', by: ['staff'] },
  reject: { from: ['submitted', 'resubmitted', 'under_review', 'commission'], to: 'rejected', by: ['staff'] },
  withdraw: {
    from: ['draft', 'submitted', 'incomplete', 'resubmitted'],
    to: 'withdrawn',
    by: ['applicant', 'staff'],
  },
  assign: {
    from: ['submitted', 'incomplete', 'resubmitted', 'under_review', 'commission'],
    to: 'same',
    by: ['staff'],
  },
};

export interface DerivedState {
  state: ApplicationState;
  /** When the current state began (for "days in this state" and the oldest-first queue). */
  since: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  assignee: string | null;
  /** Time spent in each state so far, in milliseconds, up to `now`. */
  durations: Partial<Record<ApplicationState, number>>;
}

export class WorkflowError extends Error {
  constructor(
    readonly code:
      | 'APPLICATION_TRANSITION_FORBIDDEN'
      | 'APPLICATION_ACTION_NOT_ALLOWED_FOR_ACTOR'
      | 'APPLICATION_COMMISSION_REQUIRED'
      | 'APPLICATION_HISTORY_INVALID',
    readonly from: ApplicationState | null,
    readonly action: ActionType,
  ) {
    super(`${code}: ${action} from ${from ?? 'nothing'}`);
  }
}

/** The state an action leads to, or a WorkflowError saying why it may not be taken. */
export function nextState(
  current: ApplicationState | null,
  action: ActionType,
  side: ActorSide,
  kind: RegistrantKind,
): ApplicationState {
  if (action === 'create') {
    if (current !== null) throw new WorkflowError('APPLICATION_TRANSITION_FORBIDDEN', current, action);
    return 'draft';
  }
  if (current === null) throw new WorkflowError('APPLICATION_HISTORY_INVALID', current, action);
  const t = TRANSITIONS[action];
  if (!t.from.includes(current)) throw new WorkflowError('APPLICATION_TRANSITION_FORBIDDEN', current, action);
  if (!t.by.includes(side))
    throw new WorkflowError('APPLICATION_ACTION_NOT_ALLOWED_FOR_ACTOR', current, action);
  // A master artisan (maâlem) is recognised by the qualification commission, never by an agent alone.
  if (action === 'approve' && kind === 'master_artisan' && current !== 'commission') {
    throw new WorkflowError('APPLICATION_COMMISSION_REQUIRED', current, action);
  }
  return t.to === 'same' ? current : t.to;
}

/** Replays the actions in order; throws if the stored history itself breaks the rules. */
export function deriveState(
  actions: readonly (ActionLike & { side: ActorSide })[],
  kind: RegistrantKind,
  now: Date,
): DerivedState {
  let state: ApplicationState | null = null;
  let since = new Date(0);
  let submittedAt: Date | null = null;
  let decidedAt: Date | null = null;
  let assignee: string | null = null;
  const durations: Partial<Record<ApplicationState, number>> = {};
  for (const a of actions) {
    const next = nextState(state, a.type, a.side, kind);
    if (a.type === 'assign') assignee = a.assignee ?? null;
    if (a.type === 'submit' && submittedAt === null) submittedAt = a.at;
    if (next !== state) {
      if (state !== null) durations[state] = (durations[state] ?? 0) + (a.at.getTime() - since.getTime());
      state = next;
      since = a.at;
      if (TERMINAL_STATES.includes(next)) decidedAt = a.at;
    }
  }
  if (state === null) throw new WorkflowError('APPLICATION_HISTORY_INVALID', null, 'create');
  if (!TERMINAL_STATES.includes(state)) {
    durations[state] = (durations[state] ?? 0) + Math.max(0, now.getTime() - since.getTime());
  }
  return { state, since, submittedAt, decidedAt, assignee, durations };
}

/** The actions a side may take now, for the buttons a screen shows. */
export function availableActions(
  state: ApplicationState,
  side: ActorSide,
  kind: RegistrantKind,
): ActionType[] {
  return (Object.keys(TRANSITIONS) as Exclude<ActionType, 'create'>[]).filter((action) => {
    try {
      nextState(state, action, side, kind);
      return true;
    } catch {
      return false;
    }
  });
}
