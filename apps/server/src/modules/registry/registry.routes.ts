import { lifecycleActionSchema, problemSchema, registrationSchema } from '@hirfa/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordView } from '../../platform/audit/audit.ts';
import { actorOf, requireUser } from '../../platform/auth/auth.plugin.ts';
import type { Deps } from '../../platform/context.ts';
import { type RegistryHooks, RegistryService } from './registry.service.ts';

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
const tags = ['register'];

export async function registryRoutes(
  fastify: FastifyInstance,
  { deps, hooks }: { deps: Deps; hooks?: RegistryHooks },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new RegistryService(deps.database.db, deps.config.niaFormat, hooks);

  app.get(
    '/registrations/:id',
    {
      config: { permission: 'registrations.read' },
      schema: {
        tags,
        summary: 'A register entry with every version of it',
        params: z.object({ id: z.uuid() }),
        response: { 200: registrationSchema, ...problems },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const entry = await service.get(user, request.params.id);
      if (user.role !== 'artisan')
        await recordView(deps.database.db, actorOf(request), 'registration', entry.id, entry.chamberCode);
      return entry;
    },
  );

  app.post(
    '/registrations/:id/lifecycle',
    {
      config: { permission: 'registrations.manage' },
      schema: {
        tags,
        summary: 'Modify, suspend, lift a suspension, radiate, reinstate or transfer an entry',
        params: z.object({ id: z.uuid() }),
        body: lifecycleActionSchema,
        response: { 200: registrationSchema, ...problems },
      },
    },
    async (request) =>
      service.lifecycle(requireUser(request), request.params.id, request.body, actorOf(request)),
  );

  app.get(
    '/me/registrations',
    {
      config: { permission: 'account.self' },
      schema: {
        tags,
        summary: "The signed-in artisan's register entries and their history",
        response: { 200: z.array(registrationSchema), ...problems },
      },
    },
    async (request) => service.ofUser(requireUser(request).id),
  );
}
