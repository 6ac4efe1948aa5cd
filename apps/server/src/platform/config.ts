import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The only reader of process.env. Parsed once at start; fails fast on invalid values and, in
 * production, on missing secrets. Every variable has a working default for a first run.
 */
export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** postgres://… to use a PostgreSQL server; undefined means embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  /** Secret used to derive cookie signatures and key-encryption keys. */
  appSecret: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  bodyLimitBytes: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  seedDemo: boolean;
  /** Also fill the register with a few hundred synthetic entries and applications (demo only). */
  seedDemoRegister: boolean;
  webDist: string;
  repoRoot: string;
  /** Folder of uploaded documents (content-addressed). */
  documentsDir: string;
  /** Template of the National Identity of Handicraft number; a check character is appended. */
  niaFormat: string;
  /** smtp://user:pass@host:port to send e-mail; unset means e-mails are only logged (development). */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** HTTP endpoint of the SMS gateway; unset means SMS are only logged (development). */
  smsGatewayUrl: string | undefined;
  smsGatewayToken: string | undefined;
  /** Public address of the platform, used in messages and on cards. */
  publicBaseUrl: string;
  /** Years a professional card stays valid (the legal period is not published: configurable). */
  cardValidityYears: number;
  /** Seconds between two publications of the status lists (and their cache lifetime). */
  statusListIntervalSeconds: number;
  /**
   * Hours a published status list stays usable offline. Policy: offline, a newly revoked card keeps
   * verifying until the verifier's copy of the list reaches this age.
   */
  statusListValidityHours: number;
  /** Requests per minute and address to the partner verification API. */
  verifyRateLimit: number;
  /** Request the first card automatically when an application is approved. */
  cardAutoRequest: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** Finds the repository root whether running from src/ (tsx) or dist/ (bundled). */
function findRepoRoot(): string {
  let dir = here;
  for (let i = 0; i < 6; i++) {
    if (path.basename(dir) === 'server' && path.basename(path.dirname(dir)) === 'apps') {
      return path.resolve(dir, '..', '..');
    }
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol))
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}`);
  return raw;
}

const DEV_SECRET = 'hirfa-development-secret-change-me-in-production';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const repoRoot = findRepoRoot();
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const appSecret = env.APP_SECRET ?? DEV_SECRET;
  if (nodeEnv === 'production' && (appSecret === DEV_SECRET || appSecret.length < 32)) {
    throw new ConfigError('APP_SECRET must be set to at least 32 random characters in production');
  }
  return {
    env: nodeEnv,
    host: env.HOST ?? '0.0.0.0',
    port: int(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    dataDir: path.resolve(repoRoot, env.DATA_DIR ?? 'data'),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    appSecret,
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv === 'production'),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 50 * 1024 * 1024),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowMinutes: int(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    seedDemo: bool(env, 'SEED_DEMO', nodeEnv !== 'production'),
    seedDemoRegister: bool(env, 'SEED_DEMO_REGISTER', bool(env, 'SEED_DEMO', nodeEnv !== 'production')),
    webDist: path.resolve(repoRoot, env.WEB_DIST ?? 'apps/web/dist'),
    repoRoot,
    documentsDir: path.resolve(repoRoot, env.DOCUMENTS_DIR ?? path.join(env.DATA_DIR ?? 'data', 'documents')),
    niaFormat: env.NIA_FORMAT ?? '{yy}{region}{seq:7}',
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    smtpFrom: env.SMTP_FROM ?? 'Hirfa <no-reply@hirfa.ma>',
    smsGatewayUrl: url(env, 'SMS_GATEWAY_URL', ['http:', 'https:']),
    smsGatewayToken: env.SMS_GATEWAY_TOKEN || undefined,
    cardValidityYears: int(env, 'CARD_VALIDITY_YEARS', 5, 1, 20),
    statusListIntervalSeconds: int(env, 'STATUS_LIST_INTERVAL_SECONDS', 300, 5, 86_400),
    statusListValidityHours: int(env, 'STATUS_LIST_VALIDITY_HOURS', 48, 1, 24 * 30),
    verifyRateLimit: int(env, 'VERIFY_RATE_LIMIT', 60, 1, 100_000),
    cardAutoRequest: bool(env, 'CARD_AUTO_REQUEST', true),
    publicBaseUrl: (
      url(env, 'PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${env.PORT || 3000}`
    ).replace(/\/$/, ''),
  };
}
