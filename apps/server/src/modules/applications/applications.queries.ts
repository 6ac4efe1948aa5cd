import type { ApplicationDetail, ApplicationSummary, Locale } from '@hirfa/contracts';
import type { AuthUser } from '../../platform/auth/policy.ts';
import { scopeFilter } from '../../platform/auth/policy.ts';
import type { Executor } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { getRegistration } from '../registry/index.ts';
import { availableActions, deriveState } from './application-state.ts';
import { gatherFacts } from './applications.facts.ts';
import * as repo from './applications.repo.ts';
import { checkRules, requiredDocuments } from './applications.rules.ts';
import { sideOf, STAFF_DECIDERS } from './applications.service.ts';
import type { ApplicationRow } from './applications.tables.ts';

const DAY = 86_400_000;

function displayNames(app: ApplicationRow) {
  const p = app.payload.person;
  const o = app.payload.organisation;
  const person = {
    nameAr: [p.firstNameAr, p.lastNameAr].filter(Boolean).join(' '),
    nameLatn: [p.firstNameLatn, p.lastNameLatn].filter(Boolean).join(' '),
  };
  if ((app.kind === 'cooperative' || app.kind === 'enterprise') && (o?.nameAr || o?.nameFr)) {
    return { nameAr: o.nameAr ?? person.nameAr, nameLatn: o.nameFr ?? person.nameLatn };
  }
  return person;
}

export function toSummary(
  app: ApplicationRow,
  assigneeName: string | null,
  now = new Date(),
): ApplicationSummary {
  return {
    id: app.id,
    fileNumber: app.fileNumber,
    kind: app.kind,
    state: app.state,
    stateSince: app.stateSince.toISOString(),
    daysInState: Math.floor((now.getTime() - app.stateSince.getTime()) / DAY),
    submittedAt: app.submittedAt?.toISOString() ?? null,
    chamberCode: app.chamberCode,
    channel: app.channel,
    ...displayNames(app),
    provinceCode: app.provinceCode,
    primaryActivityCode: app.primaryActivityCode,
    assigneeId: app.assigneeId,
    assigneeName,
  };
}

export interface QueueQuery {
  q?: string | undefined;
  state?: string[] | undefined;
  kind?: string | undefined;
  activity?: string | undefined;
  province?: string | undefined;
  chamber?: string | undefined;
  minDays?: number | undefined;
  assignee?: string | undefined;
  limit: number;
  offset: number;
}

/** The work queue of a chamber (oldest first), the national view, or an artisan's own files. */
export async function listForUser(db: Executor, user: AuthUser, q: QueueQuery) {
  const staff = user.role !== 'artisan';
  const scope = staff ? scopeFilter(user) : undefined;
  if (staff && scope && q.chamber && q.chamber !== scope) throw new AppError(403, 'AUTH_OUT_OF_SCOPE');
  const { items, total } = await repo.listApplications(db, {
    chamberCode: staff ? (scope ?? q.chamber) : undefined,
    applicantUserId: staff ? undefined : user.id,
    states:
      q.state ??
      (staff ? ['submitted', 'incomplete', 'resubmitted', 'under_review', 'commission'] : undefined),
    kind: q.kind,
    activity: q.activity,
    province: q.province,
    olderThan: q.minDays !== undefined ? new Date(Date.now() - q.minDays * DAY) : undefined,
    assignee: q.assignee === 'none' ? null : q.assignee === 'me' ? user.id : q.assignee,
    text: q.q,
    limit: q.limit,
    offset: q.offset,
    oldestFirst: staff,
  });
  const now = new Date();
  return {
    items: items.map((i) => toSummary(i.a, i.assigneeName, now)),
    total,
    limit: q.limit,
    offset: q.offset,
  };
}

export async function detailFor(
  db: Executor,
  user: AuthUser,
  id: string,
  locale: Locale,
): Promise<ApplicationDetail> {
  const app = await repo.getApplication(db, id);
  if (!app) throw new AppError(404, 'APPLICATION_NOT_FOUND');
  const side = sideOf(user, app);
  const history = await repo.actionsOf(db, id);
  const now = new Date();
  const derived = deriveState(
    history.map(({ a }) => ({ type: a.type, at: a.at, actorId: a.actorId, side: a.side })),
    app.kind,
    now,
  );
  const facts = await gatherFacts(db, app);
  const rules = checkRules(app.payload, facts);
  const docs = await repo.currentDocuments(db, id);
  const assigneeName = app.assigneeId
    ? (history.find(({ a }) => a.actorId === app.assigneeId)?.actorName ?? null)
    : null;
  const registration = app.registrationId ? await getRegistration(db, app.registrationId) : null;
  const canDecide = side === 'applicant' || STAFF_DECIDERS.has(user.role);
  const lastRequest = [...history].reverse().find(({ a }) => a.type === 'request_info')?.a.message ?? null;
  const actions = canDecide ? availableActions(app.state, side, app.kind) : [];
  return {
    ...toSummary(app, assigneeName, now),
    version: app.version,
    payload: app.payload,
    nia: registration?.nia ?? null,
    registrationId: app.registrationId,
    documents: docs.map((d) => ({
      id: d.id,
      type: d.type,
      mime: d.mime,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
      originalName: d.originalName,
      uploadedAt: d.uploadedAt.toISOString(),
    })),
    requiredDocuments: requiredDocuments(app.kind, app.payload.qualification.basis),
    history: history.map(({ a, actorName }) => ({
      id: a.id,
      type: a.type,
      side: a.side,
      // An applicant sees "the chamber", not the agent's name.
      actorName: side === 'staff' || a.side === 'applicant' ? actorName : null,
      at: a.at.toISOString(),
      reasonCode: a.reasonCode,
      message: a.message,
    })),
    rules: rules.map((r) => ({
      rule: r.rule,
      ok: r.ok,
      ...(r.path ? { path: r.path } : {}),
      message: r.ok ? '' : translate(locale, `validation.${r.code ?? 'required'}`, r.params),
    })),
    availableActions: actions.filter((a) => a !== 'edit') as ApplicationDetail['availableActions'],
    canEdit: canDecide && (app.state === 'draft' || app.state === 'incomplete'),
    durations: Object.fromEntries(
      Object.entries(derived.durations).map(([state, ms]) => [
        state,
        Math.round(((ms ?? 0) / DAY) * 10) / 10,
      ]),
    ),
    lastRequest,
  };
}
