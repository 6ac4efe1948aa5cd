import type {} from '@fastify/cookie';
import type { Locale } from '@hirfa/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../audit/audit.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { negotiateLocale } from '../i18n/i18n.ts';
import { type AuthUser, can, type Permission } from './policy.ts';
import { resolveSession, SESSION_COOKIE } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    user: AuthUser | null;
    sessionId: string | null;
    csrfToken: string | null;
    sessionExpiresAt: Date | null;
  }
  interface FastifyInstance {
    /** Every route that declares a permission, for the scope tests and the documentation. */
    protectedRoutes: { method: string; url: string; permission: Permission }[];
  }
  interface FastifyContextConfig {
    /** The permission a caller must hold; routes without one are public. */
    permission?: Permission;
    /** Sign-in and sign-up replace any session, so they take no CSRF token. */
    skipCsrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The actor of a request, as the audit trail records it. */
export function actorOf(request: FastifyRequest): Actor {
  return {
    id: request.user?.id ?? null,
    role: request.user?.role ?? null,
    chamberCode: request.user?.chamberCode ?? null,
    requestId: request.id,
    ip: request.ip,
  };
}

/** Requires a signed-in user; for routes whose permission check already ran. */
export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new AppError(401, 'AUTH_REQUIRED');
  return request.user;
}

/**
 * Resolves the session cookie and the language of every request, then enforces each route's
 * declared permission and, for writes made with a session cookie, the CSRF token.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: { database: Database }) => {
    const protectedRoutes: FastifyInstance['protectedRoutes'] = [];
    app.decorate('protectedRoutes', protectedRoutes);
    app.addHook('onRoute', (route) => {
      const permission = (route.config as { permission?: Permission } | undefined)?.permission;
      if (!permission) return;
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') protectedRoutes.push({ method, url: route.url, permission });
      }
    });
    app.decorateRequest('locale', 'ar');
    app.decorateRequest('user', null);
    app.decorateRequest('sessionId', null);
    app.decorateRequest('csrfToken', null);
    app.decorateRequest('sessionExpiresAt', null);

    app.addHook('onRequest', async (request) => {
      const query = request.query as Record<string, unknown> | undefined;
      request.locale = negotiateLocale(request.headers['accept-language'], query?.lang);
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const session = await resolveSession(opts.database.db, token);
      if (!session) return;
      const u = session.user;
      request.user = {
        id: u.id,
        role: u.role,
        chamberCode: u.chamberCode,
        displayName: u.displayName,
        locale: u.locale,
      };
      request.sessionId = session.id;
      request.csrfToken = session.csrfToken;
      request.sessionExpiresAt = session.expiresAt;
      request.locale = negotiateLocale(request.headers['accept-language'], query?.lang, u.locale);
    });

    app.addHook('preHandler', async (request) => {
      const permission = request.routeOptions.config?.permission;
      if (request.sessionId && !SAFE_METHODS.has(request.method) && !request.routeOptions.config?.skipCsrf) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || sent !== request.csrfToken) throw new AppError(403, 'AUTH_CSRF');
      }
      if (!permission) return;
      if (!request.user) throw new AppError(401, 'AUTH_REQUIRED');
      if (!can(request.user, permission)) throw new AppError(403, 'AUTH_FORBIDDEN');
    });
  },
  { name: 'hirfa-auth' },
);
