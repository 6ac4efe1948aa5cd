import {
  applicationActionSchema,
  applicationDetailSchema,
  applicationQueueQuerySchema,
  applicationSummarySchema,
  createApplicationSchema,
  DOCUMENT_TYPES,
  documentSchema,
  duplicateCandidateSchema,
  duplicateDecisionSchema,
  editApplicationSchema,
  pageOf,
  problemSchema,
} from '@hirfa/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordView } from '../../platform/audit/audit.ts';
import { actorOf, requireUser } from '../../platform/auth/auth.plugin.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { kickDelivery } from '../notifications/index.ts';
import { RegistryService } from '../registry/index.ts';
import { detailFor, listForUser } from './applications.queries.ts';
import * as repo from './applications.repo.ts';
import { type ApplicationHooks, ApplicationsService, sideOf } from './applications.service.ts';
import { DocumentsService, MAX_DOCUMENT_BYTES } from './documents.service.ts';
import { findDuplicateCandidates } from './duplicates.ts';

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
const idParams = z.object({ id: z.uuid() });
const tags = ['applications'];

export async function applicationsRoutes(
  fastify: FastifyInstance,
  { deps, hooks }: { deps: Deps; hooks?: ApplicationHooks },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const registry = new RegistryService(db, deps.config.niaFormat);
  const service = new ApplicationsService(db, registry, hooks);
  const documents = new DocumentsService(db, deps.storage);
  const kick = () => kickDelivery(deps);

  // Uploads arrive as the raw file, so the server reads the real type from the bytes themselves.
  app.addContentTypeParser(
    ['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png'],
    { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/applications',
    {
      config: { permission: 'applications.create' },
      schema: {
        tags,
        summary: 'Open a draft application (online by the artisan, or at the counter by an agent)',
        body: createApplicationSchema,
        response: { 201: applicationDetailSchema, 200: applicationDetailSchema, ...problems },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { app: row, replayed } = await service.create(user, request.body, actorOf(request));
      return reply.code(replayed ? 200 : 201).send(await detailFor(db, user, row.id, request.locale));
    },
  );

  app.get(
    '/applications',
    {
      config: { permission: 'applications.read' },
      schema: {
        tags,
        summary: "A chamber's work queue (oldest first), the national view, or the artisan's own files",
        querystring: applicationQueueQuerySchema,
        response: { 200: pageOf(applicationSummarySchema), ...problems },
      },
    },
    async (request) => listForUser(db, requireUser(request), request.query),
  );

  app.get(
    '/applications/:id',
    {
      config: { permission: 'applications.read' },
      schema: {
        tags,
        summary: 'One application: data, documents, rule results, history, possible actions',
        params: idParams,
        response: { 200: applicationDetailSchema, ...problems },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const detail = await detailFor(db, user, request.params.id, request.locale);
      if (user.role !== 'artisan')
        await recordView(db, actorOf(request), 'application', detail.id, detail.chamberCode);
      return detail;
    },
  );

  app.put(
    '/applications/:id',
    {
      config: { permission: 'applications.act' },
      schema: {
        tags,
        summary: 'Save the form (a draft, or an incomplete file being completed)',
        params: idParams,
        body: editApplicationSchema,
        response: { 200: applicationDetailSchema, ...problems },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await service.edit(user, request.params.id, request.body, actorOf(request));
      return detailFor(db, user, request.params.id, request.locale);
    },
  );

  app.post(
    '/applications/:id/actions',
    {
      config: { permission: 'applications.act' },
      schema: {
        tags,
        summary: 'Take a step of the workflow (submit, request information, review, approve, reject…)',
        params: idParams,
        body: applicationActionSchema,
        response: { 200: applicationDetailSchema, ...problems },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const result = await service.act(user, request.params.id, request.body, actorOf(request));
      if (result.notified) await kick();
      return detailFor(db, user, request.params.id, request.locale);
    },
  );

  app.post(
    '/applications/:id/documents',
    {
      config: { permission: 'documents.upload' },
      bodyLimit: MAX_DOCUMENT_BYTES,
      schema: {
        tags,
        summary: 'Upload a piece (the raw file as the body: PDF, JPEG or PNG, 10 MB at most)',
        params: idParams,
        querystring: z.object({ type: z.enum(DOCUMENT_TYPES), name: z.string().max(200).optional() }),
        response: { 201: documentSchema, ...problems, 413: problemSchema, 415: problemSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError(415, 'DOCUMENT_TYPE_REFUSED');
      const row = await documents.upload(
        requireUser(request),
        request.params.id,
        request.query.type,
        body,
        request.query.name ?? null,
        actorOf(request),
      );
      return reply.code(201).send({
        id: row.id,
        type: row.type,
        mime: row.mime,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
        originalName: row.originalName,
        uploadedAt: row.uploadedAt.toISOString(),
      });
    },
  );

  app.get(
    '/documents/:id',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'View a piece (only for those who may see its application)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const { doc, bytes } = await documents.read(requireUser(request), request.params.id, actorOf(request));
      return reply
        .header('content-type', doc.mime)
        .header('content-disposition', `inline; filename="${doc.type}.${doc.mime.split('/')[1]}"`)
        .header('cache-control', 'private, no-store')
        .header(
          'content-security-policy',
          "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        )
        .send(bytes);
    },
  );

  app.get(
    '/applications/:id/duplicates',
    {
      config: { permission: 'applications.duplicates' },
      schema: {
        tags,
        summary: 'Entries and files that may be the same person, with the decisions taken',
        params: idParams,
        response: { 200: z.array(duplicateCandidateSchema), ...problems },
      },
    },
    async (request) => {
      const row = await repo.getApplication(db, request.params.id);
      if (!row) throw new AppError(404, 'APPLICATION_NOT_FOUND');
      sideOf(requireUser(request), row);
      return findDuplicateCandidates(db, row);
    },
  );

  app.post(
    '/applications/:id/duplicates',
    {
      config: { permission: 'applications.decide_duplicates' },
      schema: {
        tags,
        summary: 'Record a decision on a duplicate candidate (nothing is merged automatically)',
        params: idParams,
        body: duplicateDecisionSchema,
        response: { 200: z.array(duplicateCandidateSchema), ...problems },
      },
    },
    async (request) =>
      service.decideDuplicate(requireUser(request), request.params.id, request.body, actorOf(request)),
  );
}
