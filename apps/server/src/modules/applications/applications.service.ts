import type { ApplicationActionRequest, ApplicationPayload, Locale, RegistrantKind } from '@hirfa/contracts';
import { applicationPayloadSchema, toE164Morocco } from '@hirfa/contracts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { type AuthUser, assertScope } from '../../platform/auth/policy.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { enqueueMessage, type Recipient } from '../../platform/outbox/outbox.ts';
import { todayInMorocco } from '../../platform/time.ts';
import { localName, translate } from '../../platform/i18n/i18n.ts';
import { chamberOfProvince, findChamber } from '../reference/index.ts';
import type { RegistryService } from '../registry/index.ts';
import {
  type ActionType,
  type ActorSide,
  deriveState,
  nextState,
  WorkflowError,
} from './application-state.ts';
import { derivedColumns, gatherFacts } from './applications.facts.ts';
import * as repo from './applications.repo.ts';
import { checkRules, fieldErrorsOf } from './applications.rules.ts';
import type { ApplicationRow } from './applications.tables.ts';
import { type DuplicateDecisionInput, findDuplicateCandidates } from './duplicates.ts';

export const STAFF_DECIDERS = new Set(['chamber_agent', 'chamber_admin']);

/** The side a user acts on for this application, after checking they may touch it at all. */
export function sideOf(user: AuthUser, app: ApplicationRow): ActorSide {
  if (user.role === 'artisan') {
    if (app.applicantUserId !== user.id) throw new AppError(404, 'APPLICATION_NOT_FOUND');
    return 'applicant';
  }
  assertScope(user, app.chamberCode);
  return 'staff';
}

function workflowError(err: unknown, state: string): never {
  if (err instanceof WorkflowError) {
    const status = err.code === 'APPLICATION_ACTION_NOT_ALLOWED_FOR_ACTOR' ? 403 : 409;
    throw new AppError(status, err.code, { state });
  }
  throw err;
}

/** Message templates sent to the applicant on each event. */
const NOTIFY: Partial<Record<ActionType, string>> = {
  submit: 'application_submitted',
  request_info: 'application_info_requested',
  resubmit: 'application_resubmitted',
  approve: 'application_approved',
  reject: 'application_rejected',
};

export interface ActResult {
  app: ApplicationRow;
  /** True when the request was a retry of one already applied: nothing changed. */
  replayed: boolean;
  notified: boolean;
}

/**
 * Applications: filed online by the artisan or at the counter by an agent, then instructed by the
 * chamber. Each step appends an action; the state columns are recomputed from the whole history.
 */
export interface ApplicationHooks {
  /** Called in the approval's transaction once the entry exists (a card is requested). */
  onApproved?(tx: Tx, registrationId: string, actor: Actor): Promise<void>;
}

export class ApplicationsService {
  constructor(
    private readonly db: Db,
    private readonly registry: RegistryService,
    private readonly hooks: ApplicationHooks = {},
  ) {}

  async create(
    user: AuthUser,
    body: {
      kind: RegistrantKind;
      workshopProvinceCode: string;
      payload?: ApplicationPayload | undefined;
      locale?: Locale | undefined;
      idempotencyKey: string;
    },
    actor: Actor,
  ): Promise<{ app: ApplicationRow; replayed: boolean }> {
    const previous = await repo.createdWithKey(this.db, body.idempotencyKey, user.id);
    if (previous) {
      const app = await repo.getApplication(this.db, previous);
      if (app) return { app, replayed: true };
    }
    const chamber = await chamberOfProvince(this.db, body.workshopProvinceCode, todayInMorocco());
    if (!chamber) {
      throw new AppError(400, 'VALIDATION_FAILED', {}, [
        { path: 'workshopProvinceCode', code: 'province_unknown' },
      ]);
    }
    const side: ActorSide = user.role === 'artisan' ? 'applicant' : 'staff';
    if (side === 'staff' && user.chamberCode !== chamber.code)
      throw new AppError(403, 'APPLICATION_OUT_OF_CHAMBER');
    const payload = applicationPayloadSchema.parse({
      ...(body.payload ?? {}),
      workshop: { ...(body.payload?.workshop ?? {}), provinceCode: body.workshopProvinceCode },
    });
    const app = await this.db.transaction(async (tx) => {
      const now = new Date();
      const fileNumber = await repo.nextFileNumber(tx, chamber.code, Number(todayInMorocco(now).slice(0, 4)));
      const row = await repo.insertApplication(tx, {
        fileNumber,
        kind: body.kind,
        chamberCode: chamber.code,
        channel: side === 'applicant' ? 'portal' : 'counter',
        applicantUserId: side === 'applicant' ? user.id : null,
        filedByUserId: user.id,
        payload,
        ...derivedColumns(payload),
        state: 'draft',
        stateSince: now,
        locale: body.locale ?? user.locale,
      });
      await repo.insertAction(tx, {
        applicationId: row.id,
        type: 'create',
        side,
        actorId: user.id,
        at: now,
        idempotencyKey: body.idempotencyKey,
      });
      await recordAudit(tx, actor, {
        action: 'application.create',
        targetType: 'application',
        targetId: row.id,
        chamberCode: row.chamberCode,
        changes: { fileNumber, kind: row.kind, channel: row.channel },
      });
      return row;
    });
    return { app, replayed: false };
  }

  async edit(
    user: AuthUser,
    id: string,
    body: { version: number; payload: ApplicationPayload; idempotencyKey: string },
    actor: Actor,
  ): Promise<ActResult> {
    return this.db.transaction(async (tx) => {
      const app = await repo.lockApplication(tx, id);
      if (!app) throw new AppError(404, 'APPLICATION_NOT_FOUND');
      const side = sideOf(user, app);
      const replay = await this.replay(tx, app, body.idempotencyKey, 'edit');
      if (replay) return replay;
      if (app.version !== body.version) throw new AppError(409, 'APPLICATION_STALE');
      try {
        nextState(app.state, 'edit', side, app.kind);
      } catch (err) {
        workflowError(err, app.state);
      }
      const provinceCode = body.payload.workshop.provinceCode;
      if (provinceCode && provinceCode !== app.payload.workshop.provinceCode) {
        const chamber = await chamberOfProvince(tx, provinceCode, todayInMorocco());
        if (chamber?.code !== app.chamberCode) throw new AppError(409, 'APPLICATION_OUT_OF_CHAMBER');
      }
      await repo.insertAction(tx, {
        applicationId: id,
        type: 'edit',
        side,
        actorId: user.id,
        idempotencyKey: body.idempotencyKey,
      });
      const updated = await repo.updateApplication(tx, id, {
        payload: body.payload,
        ...derivedColumns(body.payload),
        version: app.version + 1,
      });
      await recordAudit(tx, actor, {
        action: 'application.edit',
        targetType: 'application',
        targetId: id,
        chamberCode: app.chamberCode,
        changes: { version: updated.version },
      });
      return { app: updated, replayed: false, notified: false };
    });
  }

  /** A retried request (same idempotency key) returns the current state and changes nothing. */
  private async replay(
    tx: Tx,
    app: ApplicationRow,
    key: string,
    type: ActionType,
  ): Promise<ActResult | null> {
    const previous = await repo.actionByKey(tx, app.id, key);
    if (!previous) return null;
    if (previous.type !== type) throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED');
    return { app, replayed: true, notified: false };
  }

  async act(user: AuthUser, id: string, body: ApplicationActionRequest, actor: Actor): Promise<ActResult> {
    return this.db.transaction(async (tx) => {
      const app = await repo.lockApplication(tx, id);
      if (!app) throw new AppError(404, 'APPLICATION_NOT_FOUND');
      const side = sideOf(user, app);
      if (side === 'staff' && !STAFF_DECIDERS.has(user.role)) throw new AppError(403, 'AUTH_FORBIDDEN');
      const replay = await this.replay(tx, app, body.idempotencyKey, body.type);
      if (replay) return replay;
      if (app.version !== body.version) throw new AppError(409, 'APPLICATION_STALE');
      try {
        nextState(app.state, body.type, side, app.kind);
      } catch (err) {
        workflowError(err, app.state);
      }
      await this.checkPreconditions(tx, app, body);

      const now = new Date();
      await repo.insertAction(tx, {
        applicationId: id,
        type: body.type,
        side,
        actorId: user.id,
        at: now,
        reasonCode: body.reasonCode ?? null,
        message: body.message || null,
        data: body.type === 'assign' ? { assigneeId: body.assigneeId ?? null } : null,
        idempotencyKey: body.idempotencyKey,
      });
      let registrationId = app.registrationId;
      let nia: string | null = null;
      if (body.type === 'approve') {
        const reg = await this.registry.registerFromApplication(
          tx,
          {
            id,
            kind: app.kind,
            chamberCode: app.chamberCode,
            payload: app.payload,
            applicantUserId: app.applicantUserId,
          },
          actor,
        );
        registrationId = reg.id;
        nia = reg.nia;
        await this.hooks.onApproved?.(tx, reg.id, actor);
      }
      const history = await repo.actionsOf(tx, id);
      const derived = deriveState(
        history.map(({ a }) => ({
          type: a.type,
          at: a.at,
          actorId: a.actorId,
          side: a.side,
          assignee: (a.data as { assigneeId?: string | null } | null)?.assigneeId ?? null,
        })),
        app.kind,
        now,
      );
      const updated = await repo.updateApplication(tx, id, {
        state: derived.state,
        stateSince: derived.since,
        submittedAt: derived.submittedAt,
        decidedAt: derived.decidedAt,
        assigneeId: derived.assignee,
        registrationId,
        version: app.version + 1,
      });
      await recordAudit(tx, actor, {
        action: `application.${body.type}`,
        targetType: 'application',
        targetId: id,
        chamberCode: app.chamberCode,
        changes: {
          from: app.state,
          to: derived.state,
          ...(body.reasonCode ? { reasonCode: body.reasonCode } : {}),
          ...(body.type === 'assign' ? { assigneeId: body.assigneeId ?? null } : {}),
          ...(nia ? { nia } : {}),
        },
      });
      const notified = await this.notify(tx, updated, body, nia);
      return { app: updated, replayed: false, notified };
    });
  }

  private async checkPreconditions(
    tx: Tx,
    app: ApplicationRow,
    body: ApplicationActionRequest,
  ): Promise<void> {
    switch (body.type) {
      case 'submit':
      case 'resubmit':
      case 'approve': {
        const results = checkRules(app.payload, await gatherFacts(tx, app));
        const errors = fieldErrorsOf(results);
        if (errors.length > 0) throw new AppError(400, 'APPLICATION_INCOMPLETE_FOR_SUBMISSION', {}, errors);
        if (body.type === 'approve') {
          const candidates = await findDuplicateCandidates(tx, app);
          if (candidates.some((c) => c.decision === null || c.decision !== 'not_duplicate')) {
            throw new AppError(409, 'APPLICATION_DUPLICATES_UNDECIDED');
          }
        }
        return;
      }
      case 'request_info':
        if (!body.message)
          throw new AppError(400, 'APPLICATION_MESSAGE_REQUIRED', {}, [
            { path: 'message', code: 'required' },
          ]);
        return;
      case 'reject':
        if (!body.reasonCode) {
          throw new AppError(400, 'APPLICATION_REASON_REQUIRED', {}, [
            { path: 'reasonCode', code: 'required' },
          ]);
        }
        return;
      case 'assign':
        if (body.assigneeId && !(await repo.staffOfChamber(tx, body.assigneeId, app.chamberCode))) {
          throw new AppError(400, 'ASSIGNEE_INVALID', {}, [{ path: 'assigneeId', code: 'invalid_value' }]);
        }
        return;
      default:
        return;
    }
  }

  /** Queues the message of this event to the applicant, in their language. */
  private async notify(
    tx: Tx,
    app: ApplicationRow,
    body: ApplicationActionRequest,
    nia: string | null,
  ): Promise<boolean> {
    const template = NOTIFY[body.type as ActionType];
    if (!template) return false;
    let to: Recipient;
    if (app.applicantUserId) {
      const c = await repo.userContact(tx, app.applicantUserId);
      if (!c) return false;
      to = { email: c.email, phone: c.phone, locale: app.locale };
    } else {
      to = {
        email: app.contactEmail,
        phone: app.contactPhone ? toE164Morocco(app.contactPhone) : null,
        locale: app.locale,
      };
    }
    const chamber = await findChamber(tx, app.chamberCode, todayInMorocco());
    const params: Record<string, string> = {
      fileNumber: app.fileNumber,
      chamberName: chamber
        ? localName(app.locale, { ar: chamber.nameAr, fr: chamber.nameFr })
        : app.chamberCode,
    };
    if (nia) params.nia = nia;
    if (body.message) params.message = body.message;
    if (body.reasonCode) params.reason = translate(app.locale, `reasons.${body.reasonCode}`);
    return (await enqueueMessage(tx, to, template, params)) > 0;
  }

  /** Records the agent's decision on one duplicate candidate; a link also ties the file to the entry. */
  async decideDuplicate(user: AuthUser, id: string, body: DuplicateDecisionInput, actor: Actor) {
    return this.db.transaction(async (tx) => {
      const app = await repo.lockApplication(tx, id);
      if (!app) throw new AppError(404, 'APPLICATION_NOT_FOUND');
      if (sideOf(user, app) !== 'staff' || !STAFF_DECIDERS.has(user.role))
        throw new AppError(403, 'AUTH_FORBIDDEN');
      const candidates = await findDuplicateCandidates(tx, app);
      const candidate = candidates.find((c) => c.source === body.source && c.id === body.candidateId);
      if (!candidate) {
        throw new AppError(400, 'VALIDATION_FAILED', {}, [{ path: 'candidateId', code: 'invalid_value' }]);
      }
      await repo.insertDecision(tx, {
        applicationId: id,
        candidateRegistrationId: body.source === 'registration' ? body.candidateId : null,
        candidateApplicationId: body.source === 'application' ? body.candidateId : null,
        decision: body.decision,
        note: body.note ?? null,
        actorId: user.id,
      });
      if (body.decision === 'duplicate_link' && body.source === 'registration') {
        await repo.updateApplication(tx, id, { registrationId: body.candidateId, version: app.version + 1 });
      }
      await recordAudit(tx, actor, {
        action: 'application.duplicate_decision',
        targetType: 'application',
        targetId: id,
        chamberCode: app.chamberCode,
        changes: {
          candidate: `${body.source}:${body.candidateId}`,
          decision: body.decision,
          score: candidate.score,
        },
      });
      return findDuplicateCandidates(tx, { ...app });
    });
  }
}
