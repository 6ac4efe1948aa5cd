import { randomUUID } from 'node:crypto';
import {
  IMPORT_MAX_UPLOAD_BYTES,
  importColumnsSchema,
  importDetailSchema,
  importListQuerySchema,
  importRowDecisionSchema,
  importRowSchema,
  importRowsQuerySchema,
  importSummarySchema,
  importTemplateSchema,
  importTemplatesQuerySchema,
  importUploadQuerySchema,
  pageOf,
  problemSchema,
  putImportMappingSchema,
} from '@hirfa/contracts';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireUser } from '../../platform/auth/auth.plugin.ts';
import { assertScope } from '../../platform/auth/policy.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as repo from './imports.repo.ts';
import { sendImportJob } from './imports.jobs.ts';
import { columnsOf, listFor, rowsOf, templatesFor, toDetail, toRowDto } from './imports.queries.ts';
import { chamberCodeOf, getImportFor, ImportsService } from './imports.service.ts';
import { rejectsFileName, rejectsStream } from './rejects.ts';

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};
const tags = ['imports'];
const idParams = z.object({ id: z.uuid() });

/** Raw file bodies: what a browser or a script may declare for a spreadsheet or a CSV. */
const FILE_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
];

const tooLarge = () =>
  new AppError(413, 'IMPORT_FILE_TOO_LARGE', { maxMb: IMPORT_MAX_UPLOAD_BYTES / 1024 / 1024 });

export async function importsRoutes(fastify: FastifyInstance, { deps }: { deps: Deps }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const service = new ImportsService(db, deps.storage);

  // The file arrives as the raw body. Its size is checked as it streams in (and from its declared
  // length first), so a 200 MB upload is answered with a clear 413 without being held in memory.
  app.addContentTypeParser(
    FILE_TYPES,
    { bodyLimit: IMPORT_MAX_UPLOAD_BYTES },
    async (request: FastifyRequest, payload: IncomingMessage) => {
      if (Number(request.headers['content-length'] ?? 0) > IMPORT_MAX_UPLOAD_BYTES) throw tooLarge();
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of payload) {
        size += (chunk as Buffer).length;
        if (size > IMPORT_MAX_UPLOAD_BYTES) {
          payload.destroy();
          throw tooLarge();
        }
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks, size);
    },
  );

  app.post(
    '/imports',
    {
      config: { permission: 'imports.manage' },
      bodyLimit: IMPORT_MAX_UPLOAD_BYTES,
      schema: {
        tags,
        summary: "Upload a chamber's legacy list (the raw CSV or XLSX file as the body, 100 MB at most)",
        querystring: importUploadQuerySchema,
        response: { 201: importDetailSchema, ...problems, 413: problemSchema, 415: problemSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body;
      if (body === undefined || body === null || (Buffer.isBuffer(body) && body.length === 0)) {
        throw new AppError(400, 'IMPORT_FILE_EMPTY');
      }
      if (!Buffer.isBuffer(body)) {
        // Sent as JSON or text: the bytes were decoded on the way; the file must come as it is.
        throw new AppError(415, 'IMPORT_FORMAT_UNSUPPORTED', {
          format: request.headers['content-type'] ?? '?',
        });
      }
      const chamberCode = chamberCodeOf(request.query.chamber);
      assertScope(user, chamberCode);
      const row = await service.create(
        {
          chamberCode,
          fileName: request.query.name,
          bytes: body,
          encoding: request.query.encoding,
          createdBy: user.id,
        },
        actorOf(request),
      );
      return reply.code(201).send(toDetail(row, user, request.locale));
    },
  );

  app.get(
    '/imports',
    {
      config: { permission: 'imports.read' },
      schema: {
        tags,
        summary: 'Imports of the caller’s chamber (or of all chambers for national staff), newest first',
        querystring: importListQuerySchema,
        response: { 200: pageOf(importSummarySchema), ...problems },
      },
    },
    async (request) => listFor(db, requireUser(request), request.query),
  );

  app.get(
    '/imports/templates',
    {
      config: { permission: 'imports.read' },
      schema: {
        tags,
        summary: 'Saved column mappings of the chamber',
        querystring: importTemplatesQuerySchema,
        response: { 200: z.array(importTemplateSchema), ...problems },
      },
    },
    async (request) => templatesFor(db, requireUser(request), request.query.chamber),
  );

  app.get(
    '/imports/:id',
    {
      config: { permission: 'imports.read' },
      schema: {
        tags,
        summary:
          'One import: layout, mapping, counts, progress (rows per second, time left), what may be done next',
        params: idParams,
        response: { 200: importDetailSchema, ...problems },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return toDetail(await getImportFor(db, user, request.params.id), user, request.locale);
    },
  );

  app.get(
    '/imports/:id/columns',
    {
      config: { permission: 'imports.read' },
      schema: {
        tags,
        summary:
          'The detected columns with samples, and a mapping to start from (saved, template, or from the headers)',
        params: idParams,
        response: { 200: importColumnsSchema, ...problems },
      },
    },
    async (request) => columnsOf(db, await getImportFor(db, requireUser(request), request.params.id)),
  );

  app.put(
    '/imports/:id/mapping',
    {
      config: { permission: 'imports.manage' },
      schema: {
        tags,
        summary:
          'Set the header row and the column mapping (optionally saved as a template); clears an earlier dry run',
        params: idParams,
        body: putImportMappingSchema,
        response: { 200: importDetailSchema, ...problems },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const row = await service.map(user, request.params.id, request.body, actorOf(request));
      return toDetail(row, user, request.locale);
    },
  );

  app.post(
    '/imports/:id/dry-run',
    {
      config: { permission: 'imports.manage' },
      schema: {
        tags,
        summary:
          'Judge every row (valid, invalid with reasons, duplicate candidate) without loading anything; runs as a job',
        params: idParams,
        response: { 202: importDetailSchema, ...problems },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const claim = randomUUID();
      const row = await service.beginDryRun(user, request.params.id, claim, actorOf(request));
      await sendImportJob(
        deps,
        'dry_run',
        { importId: row.id, chamberCode: row.chamberCode, actorId: user.id },
        claim,
      );
      return reply.code(202).send(toDetail(row, user, request.locale));
    },
  );

  app.get(
    '/imports/:id/rows',
    {
      config: { permission: 'imports.read' },
      schema: {
        tags,
        summary: 'The dry-run report, row by row, filtered by status',
        params: idParams,
        querystring: importRowsQuerySchema,
        response: { 200: pageOf(importRowSchema), ...problems },
      },
    },
    async (request) =>
      rowsOf(db, await getImportFor(db, requireUser(request), request.params.id), request.query),
  );

  app.post(
    '/imports/:id/rows/:row/decision',
    {
      config: { permission: 'imports.manage' },
      schema: {
        tags,
        summary: 'Load a duplicate candidate anyway (never merged), or leave it out',
        params: z.object({ id: z.uuid(), row: z.coerce.number().int().min(1) }),
        body: importRowDecisionSchema,
        response: { 200: importRowSchema, ...problems },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const row = await service.decide(
        user,
        request.params.id,
        request.params.row,
        request.body.decision,
        actorOf(request),
      );
      const entries = new Map(
        (await repo.entriesById(db, row.matchedRegistrationId ? [row.matchedRegistrationId] : [])).map(
          (e) => [e.id, e],
        ),
      );
      return toRowDto(row, entries);
    },
  );

  app.post(
    '/imports/:id/sign-off',
    {
      config: { permission: 'imports.sign_off' },
      schema: {
        tags,
        summary: "The chamber's sign-off of the dry run (chamber admin of the import's chamber)",
        params: idParams,
        response: { 200: importDetailSchema, ...problems },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return toDetail(await service.signOff(user, request.params.id, actorOf(request)), user, request.locale);
    },
  );

  app.post(
    '/imports/:id/load',
    {
      config: { permission: 'imports.manage' },
      schema: {
        tags,
        summary:
          'Load the signed-off rows into the register in batches (a job); resumes a failed or interrupted load',
        params: idParams,
        response: { 202: importDetailSchema, ...problems },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const claim = randomUUID();
      const row = await service.beginLoad(user, request.params.id, claim, actorOf(request));
      await sendImportJob(
        deps,
        'load',
        { importId: row.id, chamberCode: row.chamberCode, actorId: user.id },
        claim,
      );
      return reply.code(202).send(toDetail(row, user, request.locale));
    },
  );

  app.post(
    '/imports/:id/cancel',
    {
      config: { permission: 'imports.manage' },
      schema: {
        tags,
        summary: 'Cancel an import before anything is loaded',
        params: idParams,
        response: { 200: importDetailSchema, ...problems },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return toDetail(await service.cancel(user, request.params.id, actorOf(request)), user, request.locale);
    },
  );

  app.get(
    '/imports/:id/rejects.csv',
    {
      config: { permission: 'imports.read' },
      schema: {
        tags,
        summary: 'Every row not loaded, with its reasons in words, as CSV (UTF-8)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const imp = await getImportFor(db, requireUser(request), request.params.id);
      const name = rejectsFileName(imp);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header('cache-control', 'private, no-store')
        .send(rejectsStream(db, imp, request.locale));
    },
  );
}
