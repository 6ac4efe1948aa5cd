import {
  artisanSignupSchema,
  createStaffSchema,
  loginBodySchema,
  preferencesSchema,
  problemSchema,
  sessionSchema,
  totpConfirmSchema,
  totpSetupSchema,
  userSchema,
} from '@hirfa/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireUser } from '../../platform/auth/auth.plugin.ts';
import type { UserRow } from '../../platform/auth/auth.tables.ts';
import { type NewSession, SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { AccountsService, toUserDto } from './accounts.service.ts';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema };

export async function accountsRoutes(fastify: FastifyInstance, { deps }: { deps: Deps }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new AccountsService(deps.database.db, deps.config);

  const startSession = (reply: FastifyReply, user: UserRow, session: NewSession) => {
    reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.cookieSecure,
      path: '/',
      expires: session.expiresAt,
    });
    return {
      user: toUserDto(user),
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  };
  const meta = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    actor: actorOf(request),
  });

  app.post(
    '/auth/login',
    {
      config: { skipCsrf: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with an e-mail or phone number and a password (and a TOTP code when enabled)',
        body: loginBodySchema,
        response: { 200: sessionSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { user, session } = await service.login(request.body, meta(request));
      return startSession(reply, user, session);
    },
  );

  app.post(
    '/auth/signup',
    {
      config: { skipCsrf: true },
      schema: {
        tags: ['auth'],
        summary: "Create an artisan's portal account (phone number or e-mail) and sign in",
        body: artisanSignupSchema,
        response: { 201: sessionSchema, ...problems, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const { user, session } = await service.signup(request.body, meta(request));
      return reply.code(201).send(startSession(reply, user, session));
    },
  );

  app.get(
    '/auth/session',
    {
      config: { permission: 'account.self' },
      schema: {
        tags: ['auth'],
        summary: 'The current session',
        response: { 200: sessionSchema, 401: problemSchema },
      },
    },
    async (request) => {
      const row = await service.getUser(requireUser(request).id);
      if (!row || !request.csrfToken || !request.sessionExpiresAt) throw new AppError(401, 'AUTH_REQUIRED');
      return {
        user: toUserDto(row),
        csrfToken: request.csrfToken,
        expiresAt: request.sessionExpiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { permission: 'account.self' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out',
        response: { 204: z.null(), 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      if (request.sessionId) await service.logout(request.sessionId, actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.patch(
    '/auth/me/preferences',
    {
      config: { permission: 'account.self' },
      schema: {
        tags: ['auth'],
        summary: "Save the user's language",
        body: preferencesSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) =>
      toUserDto(await service.setPreferences(requireUser(request), request.body.locale, actorOf(request))),
  );

  app.post(
    '/auth/totp/setup',
    {
      config: { permission: 'account.totp' },
      schema: {
        tags: ['auth'],
        summary: 'Start setting up a TOTP second factor (staff)',
        response: { 200: totpSetupSchema, ...problems },
      },
    },
    async (request) => service.startTotp(requireUser(request), actorOf(request)),
  );

  app.post(
    '/auth/totp/enable',
    {
      config: { permission: 'account.totp' },
      schema: {
        tags: ['auth'],
        summary: 'Confirm the TOTP second factor with a first code',
        body: totpConfirmSchema,
        response: { 200: userSchema, ...problems, 409: problemSchema },
      },
    },
    async (request) =>
      toUserDto(await service.enableTotp(requireUser(request), request.body.code, actorOf(request))),
  );

  app.get(
    '/admin/users',
    {
      config: { permission: 'users.read' },
      schema: {
        tags: ['admin'],
        summary: 'Staff accounts in the caller’s scope',
        response: { 200: z.array(userSchema), ...problems },
      },
    },
    async (request) => (await service.listStaff(requireUser(request))).map(toUserDto),
  );

  app.post(
    '/admin/users',
    {
      config: { permission: 'users.create' },
      schema: {
        tags: ['admin'],
        summary: 'Create a staff account (a chamber admin: only in their chamber)',
        body: createStaffSchema,
        response: { 201: userSchema, ...problems, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const row = await service.createStaff(requireUser(request), request.body, actorOf(request));
      return reply.code(201).send(toUserDto(row));
    },
  );
}
