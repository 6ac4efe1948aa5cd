import { healthSchema } from '@hirfa/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.ts';

export const VERSION = '0.1.0';

/** Liveness and readiness in one: 200 when the database answers, 503 with the reason otherwise. */
export async function healthRoutes(fastify: FastifyInstance, { deps }: { deps: Deps }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Health of the service and its database',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const started = performance.now();
      const engine = deps.database.engine;
      try {
        await Promise.race([
          deps.database.query('SELECT 1'),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('database timeout (2 s)')), 2000).unref(),
          ),
        ]);
        const latencyMs = Math.round((performance.now() - started) * 100) / 100;
        return { status: 'ok' as const, database: { ok: true, engine, latencyMs }, version: VERSION };
      } catch (err) {
        const latencyMs = Math.round(performance.now() - started);
        reply.header('cache-control', 'no-store');
        return reply.code(503).send({
          status: 'unavailable' as const,
          database: { ok: false, engine, latencyMs },
          version: VERSION,
          reason: `database: ${(err as Error).message}`,
        });
      }
    },
  );
}
