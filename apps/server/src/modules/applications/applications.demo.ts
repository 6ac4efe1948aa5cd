import type { ApplicationPayload, ApplicationStateName, RegistrantKind } from '@hirfa/contracts';
import type { Actor } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/client.ts';
import { RegistryService } from '../registry/index.ts';
import { type ActionType, type ActorSide, deriveState, nextState } from './application-state.ts';
import { derivedColumns } from './applications.facts.ts';
import * as repo from './applications.repo.ts';
import { requiredDocuments } from './applications.rules.ts';

/** The steps that lead a file to each state, from a counter filing. */
const PATHS: Record<ApplicationStateName, [ActionType, ActorSide][]> = {
  draft: [],
  submitted: [['submit', 'staff']],
  incomplete: [
    ['submit', 'staff'],
    ['request_info', 'staff'],
  ],
  resubmitted: [
    ['submit', 'staff'],
    ['request_info', 'staff'],
    ['resubmit', 'staff'],
  ],
  under_review: [
    ['submit', 'staff'],
    ['start_review', 'staff'],
  ],
  commission: [
    ['submit', 'staff'],
    ['start_review', 'staff'],
    ['refer_commission', 'staff'],
  ],
  approved: [
    ['submit', 'staff'],
    ['start_review', 'staff'],
    ['approve', 'staff'],
  ],
  rejected: [
    ['submit', 'staff'],
    ['start_review', 'staff'],
    ['reject', 'staff'],
  ],
  withdrawn: [
    ['submit', 'staff'],
    ['withdraw', 'staff'],
  ],
};

const REQUEST =
  'المرجو إدلاء نسخة واضحة من شهادة مزاولة الحرفة / Merci de fournir une copie lisible de l’attestation d’exercice';

export interface DemoApplication {
  payload: ApplicationPayload;
  kind: RegistrantKind;
  chamberCode: string;
  state: ApplicationStateName;
  openedDaysAgo: number;
  documents: { photo: string; paper: string };
  niaFormat: string;
  actor: Actor;
}

/** A demo file with a history that the workflow accepts, spread over the days since it opened. */
export async function seedApplication(tx: Tx, d: DemoApplication): Promise<void> {
  const kind = d.state === 'approved' && d.kind === 'master_artisan' ? 'artisan' : d.kind;
  const payload =
    kind !== d.kind
      ? { ...d.payload, qualification: { basis: 'practice_attestation' as const, yearsOfPractice: 12 } }
      : d.payload;
  const opened = new Date(Date.now() - d.openedDaysAgo * 86_400_000);
  const steps = PATHS[d.state];
  const at = (i: number) =>
    new Date(opened.getTime() + ((i + 1) / (steps.length + 1)) * (Date.now() - opened.getTime()) * 0.8);
  const fileNumber = await repo.nextFileNumber(tx, d.chamberCode, opened.getFullYear());
  const app = await repo.insertApplication(tx, {
    fileNumber,
    kind,
    chamberCode: d.chamberCode,
    channel: 'counter',
    payload,
    ...derivedColumns(payload),
    state: 'draft',
    stateSince: opened,
    locale: 'ar',
    createdAt: opened,
  });
  await repo.insertAction(tx, {
    applicationId: app.id,
    type: 'create',
    side: 'staff',
    at: opened,
    idempotencyKey: `demo-${app.id}-0`,
  });
  for (const type of requiredDocuments(kind, payload.qualification.basis)) {
    await repo.insertDocument(tx, {
      applicationId: app.id,
      type,
      sha256: type === 'photo' ? d.documents.photo : d.documents.paper,
      sizeBytes: 100,
      mime: type === 'photo' ? 'image/png' : 'application/pdf',
      originalName: `${type}.${type === 'photo' ? 'png' : 'pdf'}`,
      uploadedAt: opened,
    });
  }
  let state: ApplicationStateName = 'draft';
  let registrationId: string | null = null;
  for (const [i, [type, side]] of steps.entries()) {
    state = nextState(state, type, side, kind);
    await repo.insertAction(tx, {
      applicationId: app.id,
      type,
      side,
      at: at(i),
      idempotencyKey: `demo-${app.id}-${i + 1}`,
      ...(type === 'request_info' ? { message: REQUEST } : {}),
      ...(type === 'reject'
        ? { reasonCode: 'experience_insufficient', message: 'Attestation non probante' }
        : {}),
    });
    if (type === 'approve') {
      const registry = new RegistryService(tx as never, d.niaFormat);
      const reg = await registry.registerFromApplication(
        tx,
        { id: app.id, kind, chamberCode: d.chamberCode, payload, applicantUserId: null },
        d.actor,
      );
      registrationId = reg.id;
    }
  }
  const history = await repo.actionsOf(tx, app.id);
  const derived = deriveState(
    history.map(({ a }) => ({ type: a.type, at: a.at, actorId: a.actorId, side: a.side })),
    kind,
    new Date(),
  );
  await repo.updateApplication(tx, app.id, {
    state: derived.state,
    stateSince: derived.since,
    submittedAt: derived.submittedAt,
    decidedAt: derived.decidedAt,
    registrationId,
    version: steps.length + 1,
  });
}
