import type { Logger } from 'pino';
import type { Deps } from '../../platform/context.ts';
import type { Database, Executor } from '../../platform/db/client.ts';
import type { OutboxRow } from '../../platform/outbox/outbox.ts';
import { describeFailure } from './delivery-error.ts';
import type { EmailSender } from './email.ts';
import {
  claimBatch,
  failInterrupted,
  markFailure,
  markSent,
  type RetryPolicy,
  secondsUntilNextDue,
} from './notifications.repo.ts';
import { render } from './render.ts';
import { type SmsGateway, toE164 } from './sms.ts';

export interface Senders {
  email: EmailSender;
  sms: SmsGateway;
}

export interface DeliverySettings extends RetryPolicy {
  /** Rows claimed at a time. */
  batchSize: number;
  /** A run stops claiming after this long and lets the next run go on. */
  runBudgetMs: number;
}

export const DEFAULT_DELIVERY: DeliverySettings = {
  maxAttempts: 5,
  retryBaseSeconds: 60,
  batchSize: 20,
  runBudgetMs: 60_000,
};

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  /** Seconds until the next pending message is due, or null when nothing is pending. */
  nextDueInSeconds: number | null;
}

type Outcome = 'sent' | 'retrying' | 'failed';

async function deliverOne(
  db: Executor,
  row: OutboxRow,
  deps: Deps,
  senders: Senders,
  settings: DeliverySettings,
  log: Logger,
): Promise<Outcome> {
  const where = { outboxId: row.id, channel: row.channel, template: row.template, locale: row.locale };
  try {
    const params = { ...row.params, portalUrl: deps.config.publicBaseUrl };
    const message = render(row.template, row.locale, params, row.channel);
    if (row.channel === 'email') {
      const { recipient: to, template, locale } = row;
      await senders.email.send({ to, subject: message.subject ?? '', text: message.text, locale, template });
    } else {
      await senders.sms.send(toE164(row.recipient), message.text, row.locale);
    }
  } catch (err) {
    const { error, permanent } = describeFailure(err);
    const final = permanent || row.attempts >= settings.maxAttempts;
    await markFailure(db, row.id, error, final);
    log.warn({ ...where, attempts: row.attempts, error, final }, 'notification not sent');
    return final ? 'failed' : 'retrying';
  }
  // Outside the try: a message that left is never recorded as a failure to send again.
  await markSent(db, row.id);
  log.info(where, 'notification sent');
  return 'sent';
}

// Runs in one process never overlap (pg-boss runs one job at a time per worker, and a test may
// call deliverPending itself); runs in different processes are kept apart by an advisory lock.
const running = new WeakMap<Database, Promise<unknown>>();

function oneAtATime<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  const previous = running.get(database) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  running.set(
    database,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Sends what is due in the outbox, a batch at a time, until nothing due is left or the time
 * budget is spent. Each row ends `sent`, stays `pending` with one more attempt and its error, or
 * ends `failed` once its attempts are spent (at once for a permanent error).
 */
export function deliverPending(
  deps: Deps,
  senders: Senders,
  settings: DeliverySettings,
  log: Logger,
): Promise<DeliveryReport> {
  return oneAtATime(deps.database, () =>
    deps.database.exclusive('hirfa.notifications.deliver', async (db) => {
      const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, nextDueInSeconds: null };
      report.failed += await failInterrupted(db, settings);
      const tried: number[] = [];
      const started = Date.now();
      while (Date.now() - started < settings.runBudgetMs) {
        const batch = await claimBatch(db, settings, { limit: settings.batchSize, exclude: tried });
        if (batch.length === 0) break;
        for (const row of batch) {
          tried.push(row.id);
          report[await deliverOne(db, row, deps, senders, settings, log)] += 1;
        }
      }
      report.nextDueInSeconds = await secondsUntilNextDue(db, settings);
      return report;
    }),
  );
}
