import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';

/**
 * Structured logs with the request id on every line. Personal data never reaches a log: bodies are
 * not logged, and headers or fields that could carry secrets or identity are redacted.
 */
export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.cin',
        '*.phone',
        '*.email',
        '*.birthDate',
        '*.address',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(req) {
        // Drop the query string: it may carry a name or a number typed into a search box.
        return { method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip };
      },
    },
  };
}
