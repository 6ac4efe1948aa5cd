import { Readable } from 'node:stream';
import {
  directoryConsentBodySchema,
  directoryConsentStateSchema,
  directoryPageSchema,
  directoryQuerySchema,
  problemSchema,
  registrationSearchPageSchema,
  registrationSearchQuerySchema,
} from '@hirfa/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireUser } from '../../platform/auth/auth.plugin.ts';
import type { Deps } from '../../platform/context.ts';
import {
  DIRECTORY_MAX_AGE_SECONDS,
  DirectoryService,
  OPEN_DATA_MAX_AGE_SECONDS,
} from './directory.service.ts';
import { SearchService } from './search.service.ts';

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
const idParams = z.object({ id: z.uuid() });

/** Staff search, directory consent, the public directory and open data, under /api/v1. */
export async function searchRoutes(fastify: FastifyInstance, { deps }: { deps: Deps }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const directory = new DirectoryService(db);
  const search = new SearchService(db, () => directory.invalidate());

  app.get(
    '/search/registrations',
    {
      config: { permission: 'search.registrations' },
      schema: {
        tags: ['search'],
        summary: 'Search the register by name (either script, any spelling), CIN, NIA or phone',
        description:
          "Ranked, paginated, limited to the caller's chamber (national roles see all). Every search is " +
          'recorded in the audit trail, without the CIN or phone number typed.',
        querystring: registrationSearchQuerySchema,
        response: { 200: registrationSearchPageSchema, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return search.searchRegistrations(requireUser(request), request.query, actorOf(request));
    },
  );

  app.get(
    '/registrations/:id/directory-consent',
    {
      config: { permission: 'registrations.read' },
      schema: {
        tags: ['directory'],
        summary: 'What an entry agreed to publish in the public directory (holder or chamber staff)',
        params: idParams,
        response: { 200: directoryConsentStateSchema, ...problems },
      },
    },
    async (request) => search.consentOf(requireUser(request), request.params.id),
  );

  app.put(
    '/registrations/:id/directory-consent',
    {
      config: { permission: 'directory_consent.manage' },
      schema: {
        tags: ['directory'],
        summary: "Record at the counter what an entry's holder agreed to publish",
        params: idParams,
        body: directoryConsentBodySchema,
        response: { 200: directoryConsentStateSchema, ...problems },
      },
    },
    async (request) =>
      search.setConsent(
        requireUser(request),
        request.params.id,
        request.body.consent,
        'counter',
        actorOf(request),
      ),
  );

  app.put(
    '/me/registrations/:id/directory-consent',
    {
      config: { permission: 'directory_consent.own' },
      schema: {
        tags: ['directory'],
        summary: 'Choose what your entry shows in the public directory',
        params: idParams,
        body: directoryConsentBodySchema,
        response: { 200: directoryConsentStateSchema, ...problems },
      },
    },
    async (request) =>
      search.setConsent(
        requireUser(request),
        request.params.id,
        request.body.consent,
        'holder',
        actorOf(request),
      ),
  );

  app.get(
    '/directory',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['directory'],
        summary: 'Public directory of artisans who agreed to be listed (no sign-in)',
        description:
          'Only active entries whose holder consented; contact fields only with the `contact` consent. ' +
          'Never a CIN, a birth date or a personal address.',
        querystring: directoryQuerySchema,
        response: { 200: directoryPageSchema, 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', `public, max-age=${DIRECTORY_MAX_AGE_SECONDS}`);
      return directory.search(request.query);
    },
  );

  const openData = { rateLimit: { max: 30, timeWindow: '1 minute' } };
  const cacheOpenData = `public, max-age=${OPEN_DATA_MAX_AGE_SECONDS}`;

  for (const format of ['csv', 'json'] as const) {
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
    app.get(
      `/open-data/directory.${format}`,
      {
        config: openData,
        schema: {
          tags: ['open data'],
          summary: `The consented directory as ${format.toUpperCase()} (basic fields only)`,
        },
      },
      async (_request, reply) =>
        reply
          .type(type)
          .header('cache-control', cacheOpenData)
          .header('content-disposition', `inline; filename="hirfa-directory.${format}"`)
          .send(Readable.from(directory.openDirectory(format))),
    );
    app.get(
      `/open-data/counts.${format}`,
      {
        config: openData,
        schema: {
          tags: ['open data'],
          summary: `Active entries by region, activity, kind and gender as ${format.toUpperCase()}, small counts suppressed`,
        },
      },
      async (_request, reply) => {
        const { rows, generatedAt } = await directory.publishedCounts();
        reply
          .type(type)
          .header('cache-control', cacheOpenData)
          .header('content-disposition', `inline; filename="hirfa-counts.${format}"`);
        return format === 'csv'
          ? directory.countsCsv(rows)
          : JSON.stringify(directory.countsJson(rows, generatedAt));
      },
    );
  }
}
