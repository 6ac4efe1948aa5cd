import { z } from 'zod';
import { JOB_STATES } from './constants.ts';

export const jobSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    state: z.enum(JOB_STATES),
    retryCount: z.number().int(),
    retryLimit: z.number().int(),
    createdOn: z.string(),
    startedOn: z.string().nullable(),
    completedOn: z.string().nullable(),
    output: z.unknown().nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof jobSchema>;

export const jobQuerySchema = z.object({
  state: z.enum(JOB_STATES).optional(),
  name: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorRole: z.string().nullable(),
    chamberCode: z.string().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    requestId: z.string().nullable(),
    changes: z.unknown().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().optional().describe('Return events with an id lower than this'),
  action: z.string().max(100).optional(),
});

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    database: z.object({ ok: z.boolean(), engine: z.enum(['pglite', 'postgres']), latencyMs: z.number() }),
    version: z.string(),
    reason: z.string().optional(),
  })
  .meta({ id: 'Health' });
