import type { ArtisanSignup, CreateStaff, LoginBody, User } from '@hirfa/contracts';
import { toE164Morocco } from '@hirfa/contracts';
import * as OTPAuth from 'otpauth';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { UserRow } from '../../platform/auth/auth.tables.ts';
import { burnVerification, hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { type AuthUser, assertScope, isNational } from '../../platform/auth/policy.ts';
import { deriveKey, seal, unseal } from '../../platform/auth/secrets.ts';
import { createSession, type NewSession, revokeSession } from '../../platform/auth/sessions.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { todayInMorocco } from '../../platform/time.ts';
import { findChamber } from '../reference/index.ts';
import * as repo from './accounts.repo.ts';

export function toUserDto(u: UserRow): User {
  return {
    id: u.id,
    displayName: u.displayName,
    role: u.role,
    chamberCode: u.chamberCode,
    email: u.email,
    phone: u.phone,
    locale: u.locale,
    totpEnabled: u.totpEnabled,
  };
}

export interface LoginMeta {
  ip: string;
  userAgent: string | null;
  actor: Actor;
}

/** Staff and artisans sign in with an e-mail or a Moroccan phone number. */
function parseIdentifier(identifier: string): { email: string } | { phone: string } | null {
  const trimmed = identifier.trim();
  if (trimmed.includes('@')) return { email: trimmed.toLowerCase() };
  const phone = toE164Morocco(trimmed);
  return phone ? { phone } : null;
}

export class AccountsService {
  private readonly totpKey: Buffer;
  constructor(
    private readonly db: Db,
    private readonly config: Config,
  ) {
    this.totpKey = deriveKey(config.appSecret, 'totp-secret');
  }

  private async throttled(keys: string[]): Promise<void> {
    let wait = 0;
    for (const key of keys) wait = Math.max(wait, await repo.lockedFor(this.db, key));
    if (wait > 0) {
      throw new AppError(429, 'AUTH_THROTTLED', { minutes: Math.ceil(wait / 60) }, [], {
        'retry-after': String(wait),
      });
    }
  }

  private async fail(keys: { account: string; ip: string }, code: string): Promise<never> {
    const { loginMaxFailures: max, loginWindowMinutes: window } = this.config;
    await repo.recordFailure(this.db, keys.account, max, window);
    // An address is shared by a whole chamber counter: it gets more room than one account.
    await repo.recordFailure(this.db, keys.ip, max * 4, window);
    throw new AppError(401, code);
  }

  async login(body: LoginBody, meta: LoginMeta): Promise<{ user: UserRow; session: NewSession }> {
    const parsed = parseIdentifier(body.identifier);
    const keys = {
      account: `acct:${parsed ? ('email' in parsed ? parsed.email : parsed.phone) : body.identifier.trim().toLowerCase()}`,
      ip: `ip:${meta.ip}`,
    };
    await this.throttled([keys.account, keys.ip]);
    const user = !parsed
      ? null
      : 'email' in parsed
        ? await repo.findUserByEmail(this.db, parsed.email)
        : await repo.findUserByPhone(this.db, parsed.phone);
    if (!user) {
      await burnVerification(body.password);
      return this.fail(keys, 'AUTH_INVALID_CREDENTIALS');
    }
    if (!(await verifyPassword(user.passwordHash, body.password)))
      return this.fail(keys, 'AUTH_INVALID_CREDENTIALS');
    if (user.status !== 'active') throw new AppError(403, 'AUTH_ACCOUNT_DISABLED');
    if (user.totpEnabled && user.totpSecret) {
      if (!body.totp) throw new AppError(401, 'AUTH_TOTP_REQUIRED');
      if (!this.checkTotp(user, user.totpSecret, body.totp)) return this.fail(keys, 'AUTH_TOTP_INVALID');
    }
    await repo.clearThrottle(this.db, keys.account);
    const session = await this.db.transaction(async (tx) => {
      const s = await createSession(tx, user.id, this.config.sessionTtlHours, meta);
      await recordAudit(
        tx,
        { ...meta.actor, id: user.id, role: user.role, chamberCode: user.chamberCode },
        { action: 'auth.login', targetType: 'user', targetId: user.id, changes: { mfa: user.totpEnabled } },
      );
      return s;
    });
    return { user, session };
  }

  getUser(id: string): Promise<UserRow | null> {
    return repo.getUserById(this.db, id);
  }

  async logout(sessionId: string, actor: Actor): Promise<void> {
    await this.db.transaction(async (tx) => {
      await revokeSession(tx, sessionId);
      await recordAudit(tx, actor, { action: 'auth.logout', targetType: 'user', targetId: actor.id });
    });
  }

  async signup(body: ArtisanSignup, meta: LoginMeta): Promise<{ user: UserRow; session: NewSession }> {
    const phone = body.phone ? toE164Morocco(body.phone) : null;
    const email = body.email?.toLowerCase() ?? null;
    if (email && (await repo.findUserByEmail(this.db, email))) {
      throw new AppError(409, 'ACCOUNT_EMAIL_TAKEN', {}, [{ path: 'email', code: 'invalid_value' }]);
    }
    if (phone && (await repo.findUserByPhone(this.db, phone))) {
      throw new AppError(409, 'ACCOUNT_PHONE_TAKEN', {}, [{ path: 'phone', code: 'invalid_value' }]);
    }
    const passwordHash = await hashPassword(body.password);
    return this.db.transaction(async (tx) => {
      const user = await repo.insertUser(tx, {
        role: 'artisan',
        chamberCode: null,
        displayName: body.displayName,
        email,
        phone,
        passwordHash,
        locale: body.locale,
      });
      const session = await createSession(tx, user.id, this.config.sessionTtlHours, meta);
      await recordAudit(
        tx,
        { ...meta.actor, id: user.id, role: 'artisan' },
        {
          action: 'user.signup',
          targetType: 'user',
          targetId: user.id,
          changes: { role: 'artisan', locale: body.locale },
        },
      );
      return { user, session };
    });
  }

  async setPreferences(user: AuthUser, locale: User['locale'], actor: Actor): Promise<UserRow> {
    return this.db.transaction(async (tx) => {
      const row = await repo.updateUser(tx, user.id, { locale });
      await recordAudit(tx, actor, {
        action: 'user.preferences',
        targetType: 'user',
        targetId: user.id,
        changes: { locale: { from: user.locale, to: locale } },
      });
      return row;
    });
  }

  private totpFor(user: UserRow, secretBase32: string): OTPAuth.TOTP {
    return new OTPAuth.TOTP({
      issuer: 'Hirfa',
      label: user.email ?? user.phone ?? user.id,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      secret: OTPAuth.Secret.fromBase32(secretBase32),
    });
  }

  private checkTotp(user: UserRow, sealed: string, code: string): boolean {
    const totp = this.totpFor(user, unseal(this.totpKey, sealed));
    return totp.validate({ token: code, window: 1 }) !== null;
  }

  async startTotp(user: AuthUser, actor: Actor): Promise<{ secret: string; otpauthUrl: string }> {
    if (user.role === 'artisan') throw new AppError(403, 'AUTH_TOTP_NOT_FOR_ARTISANS');
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    return this.db.transaction(async (tx) => {
      const row = await repo.updateUser(tx, user.id, {
        totpSecret: seal(this.totpKey, secret),
        totpEnabled: false,
      });
      await recordAudit(tx, actor, { action: 'user.totp_setup', targetType: 'user', targetId: user.id });
      return { secret, otpauthUrl: this.totpFor(row, secret).toString() };
    });
  }

  async enableTotp(user: AuthUser, code: string, actor: Actor): Promise<UserRow> {
    const row = await repo.getUserById(this.db, user.id);
    if (!row?.totpSecret) throw new AppError(409, 'AUTH_TOTP_NOT_STARTED');
    if (!this.checkTotp(row, row.totpSecret, code)) {
      throw new AppError(400, 'AUTH_TOTP_INVALID', {}, [{ path: 'code', code: 'invalid_value' }]);
    }
    return this.db.transaction(async (tx) => {
      const updated = await repo.updateUser(tx, user.id, { totpEnabled: true });
      await recordAudit(tx, actor, { action: 'user.totp_enabled', targetType: 'user', targetId: user.id });
      return updated;
    });
  }

  async listStaff(user: AuthUser): Promise<UserRow[]> {
    return repo.listStaff(this.db, isNational(user) ? undefined : (user.chamberCode ?? '__none__'));
  }

  async createStaff(user: AuthUser, body: CreateStaff, actor: Actor): Promise<UserRow> {
    const chamberRole = body.role === 'chamber_admin' || body.role === 'chamber_agent';
    if (chamberRole !== (body.chamberCode !== null)) {
      throw new AppError(400, 'ACCOUNT_SCOPE_MISMATCH', {}, [{ path: 'chamberCode', code: 'invalid_value' }]);
    }
    // A chamber admin manages the agents and admins of their own chamber, nothing national.
    if (!isNational(user)) {
      if (!chamberRole) throw new AppError(403, 'AUTH_FORBIDDEN');
      assertScope(user, body.chamberCode);
    }
    if (body.chamberCode) {
      const chamber = await findChamber(this.db, body.chamberCode, todayInMorocco());
      if (chamber?.kind !== 'regional') {
        throw new AppError(400, 'ACCOUNT_CHAMBER_UNKNOWN', {}, [
          { path: 'chamberCode', code: 'invalid_value' },
        ]);
      }
    }
    if (await repo.findUserByEmail(this.db, body.email)) {
      throw new AppError(409, 'ACCOUNT_EMAIL_TAKEN', {}, [{ path: 'email', code: 'invalid_value' }]);
    }
    const passwordHash = await hashPassword(body.password);
    return this.db.transaction(async (tx) => {
      const row = await repo.insertUser(tx, {
        role: body.role,
        chamberCode: body.chamberCode,
        displayName: body.displayName,
        email: body.email.toLowerCase(),
        passwordHash,
        locale: body.locale,
      });
      await recordAudit(tx, actor, {
        action: 'user.create',
        targetType: 'user',
        targetId: row.id,
        chamberCode: row.chamberCode,
        changes: { role: row.role, chamberCode: row.chamberCode, displayName: row.displayName },
      });
      return row;
    });
  }
}
