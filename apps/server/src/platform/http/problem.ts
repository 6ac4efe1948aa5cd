import type { Locale, Problem } from '@hirfa/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { hasTranslation, translate } from '../i18n/i18n.ts';
import { AppError, type FieldError } from './errors.ts';

const PROBLEM_BASE = 'https://hirfa.ma/problems/';

/** Fastify's own error codes for bad input, mapped to Hirfa's. */
const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'MALFORMED_JSON' },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'MALFORMED_JSON' },
  FST_ERR_VALIDATION: { status: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_BAD_URL: { status: 400, code: 'NOT_FOUND' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'VALIDATION_FAILED' },
};

interface ZodIssueLike {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Maps one Zod issue to a `validation` catalogue key and its parameters. */
function fieldErrorOf(issue: ZodIssueLike, location: string): FieldError {
  const segments = issue.instancePath.split('/').filter(Boolean);
  const where = location === 'querystring' ? 'query' : location;
  const path = [...(where === 'body' ? [] : [where]), ...segments].join('.') || where;
  const p = issue.params ?? {};
  if (issue.message && hasTranslation(`validation.${issue.message}`)) {
    return { path, code: issue.message };
  }
  switch (issue.keyword) {
    case 'invalid_type':
      return { path, code: /received undefined/.test(issue.message ?? '') ? 'required' : 'invalid_type' };
    case 'too_small':
      return p.origin === 'string' || p.origin === 'array'
        ? { path, code: 'too_small_string', params: { minimum: p.minimum } }
        : { path, code: 'too_small_number', params: { minimum: p.minimum } };
    case 'too_big':
      return p.origin === 'string' || p.origin === 'array'
        ? { path, code: 'too_big_string', params: { maximum: p.maximum } }
        : { path, code: 'too_big_number', params: { maximum: p.maximum } };
    case 'invalid_format':
      return { path, code: p.format === 'email' ? 'email' : 'invalid_format' };
    case 'invalid_value':
    case 'invalid_union':
      return { path, code: 'invalid_value' };
    case 'unrecognized_keys':
      return { path, code: 'unrecognized_keys' };
    default:
      return { path, code: 'custom' };
  }
}

export function problemOf(
  locale: Locale,
  status: number,
  code: string,
  params: Record<string, unknown>,
  fieldErrors: FieldError[],
  requestId: string,
  instance: string,
): Problem {
  const problem: Problem = {
    type: `${PROBLEM_BASE}${code.toLowerCase().replace(/_/g, '-')}`,
    title: translate(locale, `codes.${code}`, params),
    status,
    code,
    instance,
    requestId,
  };
  if (fieldErrors.length > 0) {
    problem.errors = fieldErrors.map((e) => ({
      path: e.path,
      code: e.code,
      message: translate(locale, `validation.${e.code}`, e.params),
    }));
  }
  return problem;
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  params: Record<string, unknown> = {},
  fieldErrors: FieldError[] = [],
): FastifyReply {
  const body = problemOf(
    request.locale,
    status,
    code,
    params,
    fieldErrors,
    request.id,
    request.url.split('?')[0] ?? '',
  );
  return reply.code(status).type('application/problem+json; charset=utf-8').send(body);
}

/** Installs the one error handler and the not-found handler of the whole application. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      reply.headers(error.headers);
      return sendProblem(request, reply, error.status, error.code, error.params, error.fieldErrors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const location = (error as { validationContext?: string }).validationContext ?? 'body';
      const fields = (error.validation as unknown as ZodIssueLike[]).map((i) => fieldErrorOf(i, location));
      return sendProblem(request, reply, 400, 'VALIDATION_FAILED', {}, fields);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, 'response did not match its schema');
      return sendProblem(request, reply, 500, 'INTERNAL');
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendProblem(request, reply, mapped.status, mapped.code);
    if (error.statusCode === 429) {
      return sendProblem(request, reply, 429, 'RATE_LIMITED');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.warn({ err: error }, 'client error');
      return sendProblem(
        request,
        reply,
        error.statusCode,
        error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED',
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 500, 'INTERNAL');
  });
}
