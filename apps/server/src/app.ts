import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { accountsRoutes } from './modules/accounts/index.ts';
import { adminRoutes } from './modules/admin/index.ts';
import { applicationsRoutes } from './modules/applications/index.ts';
import { CardsService, cardsRoutes, credentialPublicRoutes, publishSoon } from './modules/cards/index.ts';
import { healthRoutes, VERSION } from './modules/health/index.ts';
import { importsRoutes } from './modules/imports/index.ts';
import { referenceRoutes } from './modules/reference/index.ts';
import { registryRoutes } from './modules/registry/index.ts';
import { searchRoutes } from './modules/search/index.ts';
import { authPlugin } from './platform/auth/auth.plugin.ts';
import type { Actor } from './platform/audit/audit.ts';
import type { Deps } from './platform/context.ts';
import type { Tx } from './platform/db/client.ts';
import { AppError } from './platform/http/errors.ts';
import { installProblemHandlers, sendProblem } from './platform/http/problem.ts';
import { loggerOptions } from './platform/logging.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the whole HTTP application on its dependencies; tests call it with `inject`. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config),
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.env === 'production',
    requestIdHeader: false,
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
    },
    ajv: { customOptions: { coerceTypes: false } },
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: deps.config.cookieSecure ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: deps.config.cookieSecure,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'RATE_LIMITED', {}, [], { 'retry-after': String(Math.ceil(context.ttl / 1000)) }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hirfa API',
        version: VERSION,
        description:
          "API of Hirfa, the digital platform of Morocco's handicraft sector. Every error is RFC 9457 " +
          'problem details (application/problem+json) with a stable `code` and a `title` in the language of ' +
          'Accept-Language (ar, fr, en, zgh). Writes with a session cookie need the X-CSRF-Token header.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hirfa_session' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authPlugin, { database: deps.database });
  await app.register(healthRoutes, { deps });
  await app.register(credentialPublicRoutes, { deps });

  // Cards follow their entry, and an approval requests the first card: wired here, where the
  // modules meet, so that neither imports the other.
  const cards = new CardsService(deps.database.db, deps.config);
  const registryHooks = {
    async onStatusChange(
      tx: Tx,
      registrationId: string,
      status: 'active' | 'suspended' | 'radiated',
      actor: Actor,
    ) {
      await cards.followRegistration(tx, registrationId, status, actor);
    },
  };
  const applicationHooks = {
    async onApproved(tx: Tx, registrationId: string, actor: Actor) {
      if (deps.config.cardAutoRequest) await cards.requestCard(tx, registrationId, actor);
    },
  };
  app.addHook('onResponse', async (request, reply) => {
    // A status change must reach verifiers within one interval: publish now rather than later.
    if (reply.statusCode === 200 && request.routeOptions.url === '/api/v1/registrations/:id/lifecycle') {
      await publishSoon(deps).catch((err: unknown) =>
        request.log.warn({ err }, 'status publication not queued'),
      );
    }
  });
  await app.register(
    async (api) => {
      await api.register(referenceRoutes, { deps });
      await api.register(accountsRoutes, { deps });
      await api.register(adminRoutes, { deps });
      await api.register(applicationsRoutes, { deps, hooks: applicationHooks });
      await api.register(registryRoutes, { deps, hooks: registryHooks });
      await api.register(cardsRoutes, { deps });
      await api.register(importsRoutes, { deps });
      await api.register(searchRoutes, { deps });
    },
    { prefix: '/api/v1' },
  );

  const indexHtml = path.join(deps.config.webDist, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: deps.config.webDist,
      wildcard: true,
      index: false,
      // The build writes .br and .gz beside each asset: sent when the browser accepts them.
      preCompressed: true,
      setHeaders: (res, file) => {
        // Vite's hashed assets never change; index.html must always be revalidated.
        res.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // The home page is the app itself (the static handler serves files, not folders).
    app.get('/', { schema: { hide: true } }, (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
    // The public verify page, a separate small bundle: /V is the upper-case path printed in card QRs.
    if (fs.existsSync(path.join(deps.config.webDist, 'verify.html'))) {
      for (const url of ['/V', '/v', '/verify']) {
        app.get(url, { schema: { hide: true } }, (_request, reply) => {
          reply.header('cache-control', 'no-cache');
          return reply.type('text/html; charset=utf-8').sendFile('verify.html');
        });
      }
    }
  }

  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage =
      hasWeb &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (wantsPage) {
      reply.header('cache-control', 'no-cache');
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(request, reply, 404, 'NOT_FOUND');
  });

  return app;
}
