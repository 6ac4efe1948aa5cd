import {
  chamberSchema,
  nomenclatureSchema,
  problemSchema,
  provinceQuerySchema,
  provinceSchema,
  referenceQuerySchema,
  regionSchema,
} from '@hirfa/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { localName } from '../../platform/i18n/i18n.ts';
import { todayInMorocco } from '../../platform/time.ts';
import * as repo from './reference.repo.ts';

const tags = ['reference'];
const errors = { 400: problemSchema };

export async function referenceRoutes(fastify: FastifyInstance, { deps }: { deps: Deps }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  // Reference data changes by decree, rarely: let browsers and proxies keep it a few minutes.
  app.addHook('onSend', async (request, reply) => {
    if (request.method === 'GET' && reply.statusCode === 200) {
      reply.header('cache-control', 'public, max-age=300');
      reply.header('vary', 'accept-language');
    }
  });

  app.get(
    '/regions',
    {
      schema: {
        tags,
        summary: 'The 12 regions (ISO 3166-2:MA) in force on a date',
        querystring: referenceQuerySchema,
        response: { 200: z.array(regionSchema), ...errors },
      },
    },
    async (request) => {
      const at = request.query.at ?? todayInMorocco();
      const rows = await repo.listRegions(db, at);
      return rows.map((r) => ({
        code: r.code,
        name: localName(request.locale, { ar: r.nameAr, fr: r.nameFr, en: r.nameEn, zgh: r.nameZgh }),
        nameAr: r.nameAr,
        nameFr: r.nameFr,
        capital: request.locale === 'ar' ? r.capitalAr : r.capitalFr,
        provinceCount: Number(r.provinceCount ?? 0),
      }));
    },
  );

  app.get(
    '/provinces',
    {
      schema: {
        tags,
        summary: 'Prefectures and provinces, optionally of one region',
        querystring: provinceQuerySchema,
        response: { 200: z.array(provinceSchema), ...errors },
      },
    },
    async (request) => {
      const at = request.query.at ?? todayInMorocco();
      const rows = await repo.listProvinces(db, at, request.query.region);
      return rows.map((r) => ({
        code: r.code,
        type: r.type,
        name: localName(request.locale, { ar: r.nameAr, fr: r.nameFr, zgh: r.nameZgh }),
        nameAr: r.nameAr,
        nameFr: r.nameFr,
        regionCode: r.regionCode,
        hcpCode: r.hcpCode,
      }));
    },
  );

  app.get(
    '/chambers',
    {
      schema: {
        tags,
        summary: 'The 12 regional Chambers of Handicraft and their Federation',
        querystring: referenceQuerySchema,
        response: { 200: z.array(chamberSchema), ...errors },
      },
    },
    async (request) => {
      const at = request.query.at ?? todayInMorocco();
      const rows = await repo.listChambers(db, at);
      return rows.map((r) => ({
        code: r.code,
        kind: r.kind,
        name: localName(request.locale, { ar: r.nameAr, fr: r.nameFr, zgh: r.nameZgh }),
        nameAr: r.nameAr,
        nameFr: r.nameFr,
        regionCode: r.regionCode,
        seat: request.locale === 'ar' ? r.seatAr : r.seatFr,
      }));
    },
  );

  app.get(
    '/nomenclature',
    {
      schema: {
        tags,
        summary:
          'The nomenclature of handicraft activities in force on a date (categories, branches, activities)',
        querystring: referenceQuerySchema,
        response: { 200: nomenclatureSchema, ...errors, 404: problemSchema },
      },
    },
    async (request) => {
      const at = request.query.at ?? todayInMorocco();
      const version = await repo.findNomenclatureVersion(db, at);
      if (!version) throw new AppError(404, 'NOT_FOUND');
      const n = await repo.listNomenclature(db, version.code);
      const loc = request.locale;
      return {
        version: version.code,
        provisional: version.provisional,
        categories: n.categories.map((c) => ({
          code: c.code,
          name: localName(loc, { ar: c.nameAr, fr: c.nameFr, en: c.nameEn, zgh: c.nameZgh }),
          nameAr: c.nameAr,
          nameFr: c.nameFr,
        })),
        branches: n.branches.map((b) => ({
          code: b.code,
          categoryCode: b.categoryCode,
          name: localName(loc, { ar: b.nameAr, fr: b.nameFr, zgh: b.nameZgh }),
          nameAr: b.nameAr,
          nameFr: b.nameFr,
          provisional: version.provisional,
        })),
        activities: n.activities.map((a) => ({
          code: a.code,
          branchCode: a.branchCode,
          categoryCode: a.categoryCode,
          name: localName(loc, { ar: a.nameAr, fr: a.nameFr, zgh: a.nameZgh }),
          nameAr: a.nameAr,
          nameFr: a.nameFr,
          provisional: version.provisional,
        })),
      };
    },
  );
}
