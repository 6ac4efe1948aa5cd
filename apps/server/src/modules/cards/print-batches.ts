import fs from 'node:fs';
import path from 'node:path';
import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { type AuthUser, assertScope } from '../../platform/auth/policy.ts';
import type { Deps } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { todayInMorocco } from '../../platform/time.ts';
import { documents } from '../applications/index.ts';
import { activityNames, findChamber } from '../reference/index.ts';
import { registrations, registrationVersions } from '../registry/index.ts';
import * as repo from './cards.repo.ts';
import { type CardRow, cards } from './cards.tables.ts';
import { type CardPrintData, renderCardsToStream } from './pdf/index.ts';

export const PRINT_QUEUE = 'cards.print';
const MAX_BATCH = 50_000;

export const batchFile = (deps: Deps, id: string) =>
  path.join(deps.config.documentsDir, 'batches', `${id}.pdf`);

/** Reserves the chamber's requested cards for a new batch and queues its rendering. */
export async function createBatch(
  deps: Deps,
  user: AuthUser,
  body: { chamberCode: string; layout: 'a4-sheet' | 'card-printer'; limit?: number | undefined },
  actor: Actor,
) {
  assertScope(user, body.chamberCode);
  const db = deps.database.db;
  const batch = await db.transaction(async (tx) => {
    const pending = await tx
      .select({ id: cards.id })
      .from(cards)
      .where(
        and(eq(cards.chamberCode, body.chamberCode), eq(cards.status, 'requested'), isNull(cards.batchId)),
      )
      .orderBy(asc(cards.serial))
      .limit(Math.min(body.limit ?? MAX_BATCH, MAX_BATCH))
      .for('update');
    if (pending.length === 0) throw new AppError(409, 'BATCH_EMPTY');
    const row = await repo.insertBatch(tx, {
      chamberCode: body.chamberCode,
      layout: body.layout,
      cardCount: pending.length,
      createdBy: user.id,
    });
    await tx
      .update(cards)
      .set({ batchId: row.id })
      .where(
        inArray(
          cards.id,
          pending.map((p) => p.id),
        ),
      );
    await recordAudit(tx, actor, {
      action: 'print_batch.create',
      targetType: 'print_batch',
      targetId: row.id,
      chamberCode: body.chamberCode,
      changes: { cards: pending.length, layout: body.layout },
    });
    return row;
  });
  const jobId = await deps.jobs.send(PRINT_QUEUE, { batchId: batch.id, chamberCode: batch.chamberCode });
  await repo.updateBatch(db, batch.id, { jobId });
  return { ...batch, jobId };
}

async function photoOf(deps: Deps, db: Executor, registrationId: string): Promise<Uint8Array | null> {
  const [doc] = await db
    .select({ sha: documents.sha256, mime: documents.mime })
    .from(registrationVersions)
    .innerJoin(documents, eq(documents.applicationId, registrationVersions.applicationId))
    .where(
      and(
        eq(registrationVersions.registrationId, registrationId),
        eq(documents.type, 'photo'),
        isNull(documents.supersededAt),
      ),
    )
    .orderBy(desc(documents.uploadedAt))
    .limit(1);
  if (!doc || doc.mime === 'application/pdf') return null;
  return deps.storage.get(doc.sha);
}

/** The cards of a batch as the renderer wants them, read in pages so a big batch stays small in memory. */
async function* printData(deps: Deps, batchId: string): AsyncGenerator<CardPrintData> {
  const db = deps.database.db;
  const today = todayInMorocco();
  let after = '';
  const names = new Map<string, { ar: string; fr: string }>();
  for (;;) {
    const page: (CardRow & { version: string })[] = (
      await db
        .select({ c: cards, version: registrations.nomenclatureVersion })
        .from(cards)
        .innerJoin(registrations, eq(registrations.id, cards.registrationId))
        .where(and(eq(cards.batchId, batchId), gt(cards.serial, after)))
        .orderBy(asc(cards.serial))
        .limit(500)
    ).map((r) => ({ ...r.c, version: r.version }));
    if (page.length === 0) return;
    const chamber = await findChamber(db, page[0]?.chamberCode ?? '', today);
    const missing = page.filter((c) => !names.has(c.activityCode));
    if (missing.length) {
      const found = await activityNames(db, missing[0]?.version ?? '', [
        ...new Set(missing.map((c) => c.activityCode)),
      ]);
      for (const [code, n] of found) names.set(code, { ar: n.nameAr, fr: n.nameFr });
    }
    for (const c of page) {
      const activity = names.get(c.activityCode) ?? { ar: c.activityCode, fr: c.activityCode };
      yield {
        serial: c.serial,
        nia: c.nia,
        kind: c.kind,
        nameAr: c.nameAr,
        nameLatn: c.nameLatn,
        activityAr: activity.ar,
        activityFr: activity.fr,
        chamberAr: chamber?.nameAr ?? c.chamberCode,
        chamberFr: chamber?.nameFr ?? c.chamberCode,
        issuedOn: c.validFrom,
        validUntil: c.validUntil,
        verificationCode: `${c.verificationCode.slice(0, 4)}-${c.verificationCode.slice(4)}`,
        photo: await photoOf(deps, db, c.registrationId),
        qrText: c.qrText,
      };
      after = c.serial;
    }
  }
}

/** The job: renders the batch's PDF to a file, shows progress, then marks its cards printed. */
export async function renderBatch(
  deps: Deps,
  batchId: string,
): Promise<{ cards: number; pages: number; bytes: number }> {
  const db = deps.database.db;
  const batch = await repo.getBatch(db, batchId);
  if (!batch) throw new Error(`print batch ${batchId} not found`);
  await repo.updateBatch(db, batchId, { status: 'rendering', cardsDone: 0, error: null });
  const file = batchFile(deps, batchId);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.part`;
  const out = fs.createWriteStream(tmp);
  let lastWrite = 0;
  try {
    const summary = await renderCardsToStream(printData(deps, batchId), batch.layout, out, {
      onProgress: (done) => {
        const now = Date.now();
        if (now - lastWrite > 1000 || done === batch.cardCount) {
          lastWrite = now;
          void repo.updateBatch(db, batchId, { cardsDone: done });
        }
      },
    });
    await fs.promises.rename(tmp, file);
    const bytes = (await fs.promises.stat(file)).size;
    await db.transaction(async (tx) => {
      const printed = await tx
        .update(cards)
        .set({ status: 'printed', printedAt: new Date(), updatedAt: new Date() })
        .where(and(eq(cards.batchId, batchId), eq(cards.status, 'requested')))
        .returning({ id: cards.id });
      for (const p of printed) await repo.event(tx, p.id, 'printed', null, `batch ${batchId}`);
      await repo.updateBatch(tx, batchId, {
        status: 'done',
        cardsDone: summary.cards,
        fileKey: `batches/${batchId}.pdf`,
        fileBytes: bytes,
        finishedAt: new Date(),
      });
      await recordAudit(
        tx,
        { id: null, role: 'system', chamberCode: batch.chamberCode, requestId: null, ip: null },
        {
          action: 'print_batch.done',
          targetType: 'print_batch',
          targetId: batchId,
          changes: { cards: summary.cards, pages: summary.pages, bytes },
        },
      );
    });
    return { ...summary, bytes };
  } catch (err) {
    out.destroy();
    await fs.promises.rm(tmp, { force: true });
    await repo.updateBatch(db, batchId, { status: 'failed', error: (err as Error).message.slice(0, 200) });
    throw err;
  }
}

export async function batchCounts(db: Executor, chamberCode: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cards)
    .where(and(eq(cards.chamberCode, chamberCode), eq(cards.status, 'requested'), isNull(cards.batchId)));
  return Number(row?.n ?? 0);
}
