import fs from 'node:fs';
import {
  cardSchema,
  cardStatusSchema,
  problemSchema,
  verifyRequestSchema,
  verifyResponseSchema,
} from '@hirfa/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireUser } from '../../platform/auth/auth.plugin.ts';
import { assertScope } from '../../platform/auth/policy.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { getRegistration } from '../registry/index.ts';
import { activityNames } from '../reference/index.ts';
import { publishSoon } from './cards.jobs.ts';
import * as repo from './cards.repo.ts';
import { CardsService, toCardDto } from './cards.service.ts';
import { jwks } from './issuer-keys.ts';
import { batchFile, createBatch } from './print-batches.ts';
import { walletCredential } from './wallet-vc.ts';

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
const idParams = z.object({ id: z.uuid() });
const tags = ['cards'];

const batchSchema = z
  .object({
    id: z.uuid(),
    chamberCode: z.string(),
    layout: z.enum(['a4-sheet', 'card-printer']),
    status: z.enum(['queued', 'rendering', 'done', 'failed']),
    cardCount: z.number().int(),
    cardsDone: z.number().int(),
    fileBytes: z.number().int().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'PrintBatch' });

/** Staff and holder card routes under /api/v1. */
export async function cardsRoutes(fastify: FastifyInstance, { deps }: { deps: Deps }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const service = new CardsService(db, deps.config);

  app.post(
    '/verify',
    {
      config: { rateLimit: { max: deps.config.verifyRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['verify'],
        summary: 'Verify a card by its serial and the code printed on it (partners; hand-typed checks)',
        description:
          'Rate-limited per address; see the RateLimit-* headers. Prefer the offline QR check for volume.',
        body: verifyRequestSchema,
        response: { 200: verifyResponseSchema, 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.verifyBySerial(request.body.serial, request.body.code, request.locale);
    },
  );

  app.get(
    '/cards',
    {
      config: { permission: 'cards.read' },
      schema: {
        tags,
        summary: 'Cards in the caller’s scope',
        querystring: z.object({
          status: cardStatusSchema.optional(),
          registrationId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.array(cardSchema), ...problems },
      },
    },
    async (request) => (await service.list(requireUser(request), request.query)).map(toCardDto),
  );

  app.get(
    '/cards/:id',
    {
      config: { permission: 'cards.read' },
      schema: { tags, summary: 'One card', params: idParams, response: { 200: cardSchema, ...problems } },
    },
    async (request) => toCardDto(await service.get(requireUser(request), request.params.id)),
  );

  app.post(
    '/cards',
    {
      config: { permission: 'cards.manage' },
      schema: {
        tags,
        summary: 'Request a card for an active entry (done automatically at approval)',
        body: z.object({ registrationId: z.uuid() }),
        response: { 201: cardSchema, ...problems },
      },
    },
    async (request, reply) => {
      const card = await service.request(requireUser(request), request.body.registrationId, actorOf(request));
      return reply.code(201).send(toCardDto(card));
    },
  );

  app.post(
    '/cards/:id/deliver',
    {
      config: { permission: 'cards.manage' },
      schema: {
        tags,
        summary: 'Hand the printed card to its holder: it becomes active',
        params: idParams,
        response: { 200: cardSchema, ...problems },
      },
    },
    async (request) =>
      toCardDto(await service.deliver(requireUser(request), request.params.id, actorOf(request))),
  );

  app.post(
    '/cards/:id/revoke',
    {
      config: { permission: 'cards.manage' },
      schema: {
        tags,
        summary: 'Cancel a card (lost, stolen, damaged, error), optionally requesting its replacement',
        params: idParams,
        body: z.object({
          reason: z.enum(['lost', 'stolen', 'damaged', 'error']),
          replace: z.boolean().default(true),
        }),
        response: { 200: z.object({ revoked: cardSchema, replacement: cardSchema.nullable() }), ...problems },
      },
    },
    async (request) => {
      const r = await service.revoke(
        requireUser(request),
        request.params.id,
        request.body.reason,
        request.body.replace,
        actorOf(request),
      );
      await publishSoon(deps);
      return { revoked: toCardDto(r.revoked), replacement: r.replacement ? toCardDto(r.replacement) : null };
    },
  );

  app.post(
    '/cards/:id/renew',
    {
      config: { permission: 'cards.manage' },
      schema: {
        tags,
        summary: 'Renew a card that expires within 90 days (or has expired): a new card is requested',
        params: idParams,
        response: { 201: cardSchema, ...problems },
      },
    },
    async (request, reply) => {
      const card = await service.renew(requireUser(request), request.params.id, actorOf(request));
      return reply.code(201).send(toCardDto(card));
    },
  );

  app.get(
    '/me/cards',
    {
      config: { permission: 'cards.own' },
      schema: {
        tags,
        summary: "The signed-in artisan's cards",
        response: { 200: z.array(cardSchema), ...problems },
      },
    },
    async (request) => (await service.listOwn(requireUser(request))).map(toCardDto),
  );

  app.post(
    '/me/cards/:id/replacement',
    {
      config: { permission: 'cards.own' },
      schema: {
        tags,
        summary: 'Report a card lost, stolen or damaged and ask for a new one',
        params: idParams,
        body: z.object({ reason: z.enum(['lost', 'stolen', 'damaged']) }),
        response: { 200: z.object({ revoked: cardSchema, replacement: cardSchema.nullable() }), ...problems },
      },
    },
    async (request) => {
      const r = await service.revoke(
        requireUser(request),
        request.params.id,
        request.body.reason,
        true,
        actorOf(request),
      );
      await publishSoon(deps);
      return { revoked: toCardDto(r.revoked), replacement: r.replacement ? toCardDto(r.replacement) : null };
    },
  );

  app.get(
    '/me/cards/:id/vc',
    {
      config: { permission: 'cards.own' },
      schema: {
        tags,
        summary: 'The card as a W3C Verifiable Credential 2.0 (vc+jwt) for a wallet',
        params: idParams,
        response: { 200: z.string(), ...problems },
      },
    },
    async (request, reply) => {
      const card = await service.get(requireUser(request), request.params.id);
      const reg = await getRegistration(db, card.registrationId);
      const names = await activityNames(db, reg?.nomenclatureVersion ?? '', [card.activityCode]);
      const a = names.get(card.activityCode);
      const jwt = await walletCredential(db, deps.config, card, { ar: a?.nameAr ?? '', fr: a?.nameFr ?? '' });
      return reply
        .type('application/vc+jwt')
        .header('content-disposition', `attachment; filename="hirfa-card-${card.serial}.jwt"`)
        .send(jwt);
    },
  );

  app.post(
    '/print-batches',
    {
      config: { permission: 'cards.print' },
      schema: {
        tags,
        summary: "Print a chamber's requested cards: a PDF rendered by a job",
        body: z.object({
          chamberCode: z.string().regex(/^CA-MA-\d{2}$/),
          layout: z.enum(['a4-sheet', 'card-printer']),
          limit: z.number().int().min(1).max(50_000).optional(),
        }),
        response: { 202: batchSchema, ...problems },
      },
    },
    async (request, reply) => {
      const b = await createBatch(deps, requireUser(request), request.body, actorOf(request));
      return reply.code(202).send(batchDto(b));
    },
  );

  app.get(
    '/print-batches/:id',
    {
      config: { permission: 'cards.print' },
      schema: {
        tags,
        summary: 'A print batch and its progress',
        params: idParams,
        response: { 200: batchSchema, ...problems },
      },
    },
    async (request) => {
      const b = await repo.getBatch(db, request.params.id);
      if (!b) throw new AppError(404, 'NOT_FOUND');
      assertScope(requireUser(request), b.chamberCode);
      return batchDto(b);
    },
  );

  app.get(
    '/print-batches/:id/pdf',
    {
      config: { permission: 'cards.print' },
      schema: { tags, summary: 'The rendered PDF of a finished batch', params: idParams },
    },
    async (request, reply) => {
      const b = await repo.getBatch(db, request.params.id);
      if (!b) throw new AppError(404, 'NOT_FOUND');
      assertScope(requireUser(request), b.chamberCode);
      if (b.status !== 'done') throw new AppError(409, 'BATCH_NOT_READY');
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="cards-${b.chamberCode}-${b.id.slice(0, 8)}.pdf"`,
        )
        .header('cache-control', 'private, no-store')
        .send(fs.createReadStream(batchFile(deps, b.id)));
    },
  );
}

function batchDto(b: {
  id: string;
  chamberCode: string;
  layout: 'a4-sheet' | 'card-printer';
  status: 'queued' | 'rendering' | 'done' | 'failed';
  cardCount: number;
  cardsDone: number;
  fileBytes: number | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}) {
  return {
    id: b.id,
    chamberCode: b.chamberCode,
    layout: b.layout,
    status: b.status,
    cardCount: b.cardCount,
    cardsDone: b.cardsDone,
    fileBytes: b.fileBytes,
    error: b.error,
    createdAt: b.createdAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}

/** Public, cacheable documents at stable URLs: the issuer keys and the status lists. */
export async function credentialPublicRoutes(fastify: FastifyInstance, { deps }: { deps: Deps }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const maxAge = deps.config.statusListIntervalSeconds;

  app.get(
    '/.well-known/jwks.json',
    { schema: { tags: ['verify'], summary: 'Issuer public keys (Ed25519 JWKs with their state)' } },
    async (_r, reply) => {
      reply.header('cache-control', `public, max-age=${maxAge}`);
      reply.header('access-control-allow-origin', '*');
      return jwks(db);
    },
  );

  app.get(
    '/status/:chamber/:purpose',
    {
      schema: {
        tags: ['verify'],
        summary:
          'Signed status list of a chamber (revocation or suspension), W3C Bitstring Status List inside',
        params: z.object({
          chamber: z.string().regex(/^CA-MA-\d{2}$/),
          purpose: z.enum(['revocation.json', 'suspension.json']),
        }),
      },
    },
    async (request, reply) => {
      const purpose = request.params.purpose === 'revocation.json' ? 'revocation' : 'suspension';
      const publication = await repo.getPublication(db, request.params.chamber, purpose);
      if (!publication) throw new AppError(404, 'NOT_FOUND');
      reply.header('cache-control', `public, max-age=${maxAge}`);
      reply.header('last-modified', publication.publishedAt.toUTCString());
      reply.header('access-control-allow-origin', '*');
      return publication.document;
    },
  );
}
