import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ACTION_TYPES,
  type ActionType,
  type ActorSide,
  APPLICATION_STATES,
  type ApplicationState,
  availableActions,
  deriveState,
  nextState,
  type RegistrantKind,
  TERMINAL_STATES,
  WorkflowError,
} from './application-state.ts';

const KINDS: RegistrantKind[] = ['artisan', 'master_artisan', 'cooperative', 'enterprise'];
const SIDES: ActorSide[] = ['applicant', 'staff'];

/** The expected table, written out by hand: [from, action] → to, for staff, for an artisan. */
const STAFF_ARTISAN: Partial<Record<ApplicationState, Partial<Record<ActionType, ApplicationState>>>> = {
  draft: { edit: 'draft', submit: 'submitted', withdraw: 'withdrawn' },
  submitted: {
    request_info: 'incomplete',
    start_review: 'under_review',
    reject: 'rejected',
    withdraw: 'withdrawn',
    assign: 'submitted',
  },
  incomplete: { edit: 'incomplete', resubmit: 'resubmitted', withdraw: 'withdrawn', assign: 'incomplete' },
  resubmitted: {
    request_info: 'incomplete',
    start_review: 'under_review',
    reject: 'rejected',
    withdraw: 'withdrawn',
    assign: 'resubmitted',
  },
  under_review: {
    request_info: 'incomplete',
    refer_commission: 'commission',
    approve: 'approved',
    reject: 'rejected',
    assign: 'under_review',
  },
  commission: { request_info: 'incomplete', approve: 'approved', reject: 'rejected', assign: 'commission' },
  approved: {},
  rejected: {},
  withdrawn: {},
};

test('every (state, action) pair for staff on an artisan file matches the written table', () => {
  for (const from of APPLICATION_STATES) {
    for (const action of ACTION_TYPES) {
      if (action === 'create') continue;
      const expected = STAFF_ARTISAN[from]?.[action];
      if (expected) {
        assert.equal(nextState(from, action, 'staff', 'artisan'), expected, `${from} --${action}-->`);
      } else {
        assert.throws(
          () => nextState(from, action, 'staff', 'artisan'),
          WorkflowError,
          `${from} --${action}--> refused`,
        );
      }
    }
  }
});

test('the applicant can only edit, submit, resubmit and withdraw — never decide', () => {
  const applicantActions = new Set<ActionType>(['edit', 'submit', 'resubmit', 'withdraw']);
  for (const from of APPLICATION_STATES) {
    for (const action of ACTION_TYPES) {
      if (action === 'create') continue;
      const staffWould = STAFF_ARTISAN[from]?.[action];
      if (staffWould && applicantActions.has(action)) {
        assert.equal(nextState(from, action, 'applicant', 'artisan'), staffWould);
      } else {
        assert.throws(() => nextState(from, action, 'applicant', 'artisan'), WorkflowError);
      }
    }
  }
});

test('a master artisan is approved only after the qualification commission', () => {
  assert.throws(
    () => nextState('under_review', 'approve', 'staff', 'master_artisan'),
    (e: WorkflowError) => e.code === 'APPLICATION_COMMISSION_REQUIRED',
  );
  assert.equal(nextState('commission', 'approve', 'staff', 'master_artisan'), 'approved');
  for (const kind of KINDS.filter((k) => k !== 'master_artisan')) {
    assert.equal(nextState('under_review', 'approve', 'staff', kind), 'approved');
  }
});

test('terminal states accept nothing, for anyone, of any kind', () => {
  for (const from of TERMINAL_STATES) {
    for (const side of SIDES)
      for (const kind of KINDS) assert.deepEqual(availableActions(from, side, kind), []);
  }
});

test('create only starts a history', () => {
  assert.equal(nextState(null, 'create', 'applicant', 'artisan'), 'draft');
  for (const s of APPLICATION_STATES)
    assert.throws(() => nextState(s, 'create', 'staff', 'artisan'), WorkflowError);
  assert.throws(() => nextState(null, 'submit', 'staff', 'artisan'), WorkflowError);
});

test('deriveState replays a full history: times, assignee, durations per state', () => {
  const t = (h: number) => new Date(Date.UTC(2026, 10, 1, h));
  const history = [
    { type: 'create', at: t(0), actorId: 'a', side: 'applicant' },
    { type: 'edit', at: t(1), actorId: 'a', side: 'applicant' },
    { type: 'submit', at: t(2), actorId: 'a', side: 'applicant' },
    { type: 'assign', at: t(3), actorId: 's', side: 'staff', assignee: 'agent-1' },
    { type: 'request_info', at: t(5), actorId: 's', side: 'staff' },
    { type: 'resubmit', at: t(9), actorId: 'a', side: 'applicant' },
    { type: 'start_review', at: t(10), actorId: 's', side: 'staff' },
    { type: 'refer_commission', at: t(11), actorId: 's', side: 'staff' },
  ] as const;
  const d = deriveState(history, 'master_artisan', t(15));
  assert.equal(d.state, 'commission');
  assert.deepEqual(d.since, t(11));
  assert.deepEqual(d.submittedAt, t(2));
  assert.equal(d.decidedAt, null);
  assert.equal(d.assignee, 'agent-1');
  const h = 3600_000;
  assert.deepEqual(d.durations, {
    draft: 2 * h,
    submitted: 3 * h,
    incomplete: 4 * h,
    resubmitted: 1 * h,
    under_review: 1 * h,
    commission: 4 * h,
  });

  const approved = deriveState(
    [...history, { type: 'approve', at: t(12), actorId: 's', side: 'staff' }],
    'master_artisan',
    t(99),
  );
  assert.equal(approved.state, 'approved');
  assert.deepEqual(approved.decidedAt, t(12));
  assert.equal(approved.durations.approved, undefined, 'a terminal state does not accumulate time');
});

test('deriveState refuses a stored history that breaks the rules', () => {
  const at = new Date();
  assert.throws(() => deriveState([], 'artisan', at), WorkflowError);
  assert.throws(
    () =>
      deriveState(
        [
          { type: 'create', at, actorId: 'a', side: 'applicant' },
          { type: 'approve', at, actorId: 's', side: 'staff' },
        ],
        'artisan',
        at,
      ),
    WorkflowError,
  );
});

test('availableActions lists exactly what nextState accepts', () => {
  for (const state of APPLICATION_STATES) {
    for (const side of SIDES) {
      for (const kind of KINDS) {
        const listed = availableActions(state, side, kind);
        for (const action of ACTION_TYPES) {
          if (action === 'create') continue;
          let ok = true;
          try {
            nextState(state, action, side, kind);
          } catch {
            ok = false;
          }
          assert.equal(listed.includes(action), ok, `${state}/${side}/${kind}/${action}`);
        }
      }
    }
  }
});
