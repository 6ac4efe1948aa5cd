import { createHash } from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { Deps } from '../../platform/context.ts';
import {
  DEFAULT_DELIVERY,
  type DeliveryReport,
  type DeliverySettings,
  deliverPending,
  type Senders,
} from './deliver.ts';
import { createEmailSender, type EmailSender } from './email.ts';
import { hasPending } from './notifications.repo.ts';
import { createSmsGateway, type SmsGateway } from './sms.ts';

export const DELIVER_QUEUE = 'notifications.deliver';

/** Kicks within this many seconds make one run (pg-boss debounce on a singleton key). */
export const KICK_WINDOW_SECONDS = 2;

export interface NotificationOptions extends Partial<DeliverySettings> {
  /** Where delivery and the development transports write; defaults to a pino logger at LOG_LEVEL. */
  log?: Logger;
  /** Replace the transports made from the configuration (SMTP_URL, SMS_GATEWAY_URL). */
  email?: EmailSender;
  sms?: SmsGateway;
  /** Granularity of the follow-up runs that retry what is left (default 5 s). */
  sweepSeconds?: number;
}

interface DeliverJob {
  reason: 'kick' | 'sweep';
}

/**
 * Asks for a delivery run. Services call it AFTER the transaction that queued their messages
 * commits. A burst of calls makes one run: the first starts at once, the next ones share a single
 * run queued just after it, so a message committed while a run is going is never left behind.
 */
export async function kickDelivery(deps: Deps): Promise<void> {
  await deps.jobs.send<DeliverJob>(
    DELIVER_QUEUE,
    { reason: 'kick' },
    { singletonKey: DELIVER_QUEUE, singletonSeconds: KICK_WINDOW_SECONDS, singletonNextSlot: true },
  );
}

/** A UUID fixed by the name, so two runs asking for the same follow-up create one job. */
function uuidFor(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Queues the run that retries what is left. Its start is rounded up to a slot of `sweepSeconds`
 * and its id derives from the slot: however many runs ask, one job per slot is created (a
 * conflicting id is simply not inserted). A run never asks for its own slot.
 */
async function scheduleSweep(
  deps: Deps,
  inSeconds: number,
  sweepSeconds: number,
  ownId: string,
): Promise<void> {
  let slot = Math.ceil((Date.now() / 1000 + Math.max(1, inSeconds)) / sweepSeconds);
  if (uuidFor(`${DELIVER_QUEUE}:sweep:${slot}`) === ownId) slot += 1;
  await deps.jobs.send<DeliverJob>(
    DELIVER_QUEUE,
    { reason: 'sweep' },
    { id: uuidFor(`${DELIVER_QUEUE}:sweep:${slot}`), startAfter: new Date(slot * sweepSeconds * 1000) },
  );
}

/**
 * Defines the delivery queue and its worker, with the transports made once from the
 * configuration (SMTP or a log line; the SMS gateway or a log line). Each run follows itself up
 * while messages are pending, and a run starts now if a previous process left any behind.
 */
export async function defineNotificationJobs(deps: Deps, options: NotificationOptions = {}): Promise<void> {
  const { log: givenLog, email, sms, sweepSeconds = 5, ...overrides } = options;
  const log = givenLog ?? pino({ level: deps.config.logLevel });
  const settings: DeliverySettings = { ...DEFAULT_DELIVERY, ...overrides };
  const senders: Senders = {
    email: email ?? createEmailSender(deps.config, log),
    sms: sms ?? createSmsGateway(deps.config, log),
  };
  if (deps.config.env === 'production' && (senders.email.kind === 'log' || senders.sms.kind === 'log')) {
    log.warn('notifications: SMTP_URL or SMS_GATEWAY_URL is not set; those messages are only logged');
  }
  await deps.jobs.define<DeliverJob>({
    name: DELIVER_QUEUE,
    retryLimit: 3,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: Math.ceil(settings.runBudgetMs / 1000) + 600,
    async handler(_data, job): Promise<DeliveryReport> {
      const report = await deliverPending(deps, senders, settings, log);
      if (report.nextDueInSeconds !== null) {
        await scheduleSweep(deps, report.nextDueInSeconds, sweepSeconds, job.id);
      }
      return report;
    },
  });
  if (await hasPending(deps.database.db)) await kickDelivery(deps);
}
