import {
  auditEventSchema,
  auditQuerySchema,
  jobQuerySchema,
  jobSchema,
  problemSchema,
} from '@hirfa/contracts';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { requireUser } from '../../platform/auth/auth.plugin.ts';
import { scopeFilter } from '../../platform/auth/policy.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { JobRow } from '../../platform/jobs/jobs.ts';
import { AUDIT_VERIFY_QUEUE } from './admin.jobs.ts';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

function jobDto(j: JobRow) {
  return {
    id: j.id,
    name: j.name,
    state: j.state,
    retryCount: j.retryCount,
    retryLimit: j.retryLimit,
    createdOn: j.createdOn.toISOString(),
    startedOn: j.startedOn?.toISOString() ?? null,
    completedOn: j.completedOn?.toISOString() ?? null,
    output: j.output,
  };
}

export async function adminRoutes(fastify: FastifyInstance, { deps }: { deps: Deps }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/jobs',
    {
      config: { permission: 'jobs.read' },
      schema: {
        tags: ['jobs'],
        summary:
          'Background jobs (card rendering, imports, notifications…) in the caller’s scope, newest first',
        querystring: jobQuerySchema,
        response: { 200: z.array(jobSchema), ...problems },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const rows = await deps.jobs.list({ ...request.query, chamberCode: scopeFilter(user) });
      return rows.map(jobDto);
    },
  );

  app.get(
    '/jobs/:id',
    {
      config: { permission: 'jobs.read' },
      schema: {
        tags: ['jobs'],
        summary: 'One job and its progress',
        params: z.object({ id: z.uuid() }),
        response: { 200: jobSchema, ...problems, 404: problemSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const job = await deps.jobs.get(request.params.id);
      const scope = scopeFilter(user);
      const jobChamber = (job?.data as { chamberCode?: string } | null)?.chamberCode;
      if (!job || (scope !== undefined && jobChamber !== scope)) throw new AppError(404, 'NOT_FOUND');
      return jobDto(job);
    },
  );

  app.post(
    '/jobs/audit-verify',
    {
      config: { permission: 'jobs.run' },
      schema: {
        tags: ['jobs'],
        summary: 'Queue a verification of the whole audit chain',
        response: { 202: z.object({ id: z.string() }), ...problems },
      },
    },
    async (request, reply) => {
      const id = await deps.jobs.send(AUDIT_VERIFY_QUEUE, { requestedBy: request.user?.id ?? null });
      if (!id) throw new AppError(503, 'SERVICE_UNAVAILABLE');
      return reply.code(202).send({ id });
    },
  );

  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first',
        querystring: auditQuerySchema,
        response: { 200: z.array(auditEventSchema), ...problems },
      },
    },
    async (request) => {
      const { limit, before, action } = request.query;
      const conditions: SQL[] = [];
      if (before !== undefined) conditions.push(lt(auditEvents.id, before));
      if (action) conditions.push(eq(auditEvents.action, action));
      const rows = await deps.database.db
        .select()
        .from(auditEvents)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(auditEvents.id))
        .limit(limit);
      return rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorRole: r.actorRole,
        chamberCode: r.chamberCode,
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        requestId: r.requestId,
        changes: r.changes ?? null,
        hash: r.hash,
      }));
    },
  );
}
