import { randomInt } from 'node:crypto';
import type { Card, Locale, VerifyResponse } from '@hirfa/contracts';
import { type CardClaims, issueCardQr, toHex } from '@hirfa/contracts/credential';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { type AuthUser, assertScope, scopeFilter } from '../../platform/auth/policy.ts';
import type { Config } from '../../platform/config.ts';
import type { Db, Executor, Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { localName, translate } from '../../platform/i18n/i18n.ts';
import { todayInMorocco } from '../../platform/time.ts';
import { TtlCache } from '../../platform/ttl-cache.ts';
import { activityNames, findChamber } from '../reference/index.ts';
import { getRegistration, organisationById, personById } from '../registry/index.ts';
import * as repo from './cards.repo.ts';
import type { CardRow } from './cards.tables.ts';
import { activeSigner, cachedKeyStates } from './issuer-keys.ts';
import { registrationsOfUserIds } from './owner.ts';

/** Letters and digits that cannot be misread for one another (no I, L, O, U). */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const MAX_STATUS_INDEX = 131_072;
/** A card may be renewed from this many days before it expires. */
export const RENEWAL_WINDOW_DAYS = 90;

export function newVerificationCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** K7Q4-M2PX: as printed and typed; typing accepts any case, spaces, dashes, O for 0, I/L for 1. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

const addYears = (date: string, years: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

export function toCardDto(c: CardRow): Card {
  return {
    id: c.id,
    serial: c.serial,
    registrationId: c.registrationId,
    nia: c.nia,
    kind: c.kind,
    chamberCode: c.chamberCode,
    nameAr: c.nameAr,
    nameLatn: c.nameLatn,
    activityCode: c.activityCode,
    status: c.status,
    issuedAt: c.issuedAt.toISOString(),
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    verificationCode: `${c.verificationCode.slice(0, 4)}-${c.verificationCode.slice(4)}`,
    kid: c.kid,
    statusListIndex: c.statusListIndex,
    batchId: c.batchId,
    replacesSerial: null,
    revokedReason: c.revokedReason,
    qrText: c.qrText,
  };
}

/** Reference names and key states change rarely; the public verify path reads them from memory. */
const chamberCache = new TtlCache<Awaited<ReturnType<typeof findChamber>>>(5 * 60_000);
const activityCache = new TtlCache<{ nameAr: string; nameFr: string } | undefined>(5 * 60_000);

const LIVE: readonly CardRow['status'][] = ['requested', 'printed', 'delivered', 'active', 'suspended'];

/**
 * Professional cards: one row per printed card with its signed credential, requested on approval
 * (or by an agent, or as a replacement), printed in batches, delivered, suspended with the entry,
 * revoked when lost, stolen or when the entry is radiated.
 */
export class CardsService {
  constructor(
    private readonly db: Db,
    private readonly config: Config,
  ) {}

  get verifyBaseUrl(): string {
    return `${this.config.publicBaseUrl}/V`.toUpperCase();
  }

  /** Issues a new card (status requested) for an active entry, inside the caller's transaction. */
  async requestCard(
    tx: Tx,
    registrationId: string,
    actor: Actor,
    replaces: CardRow | null = null,
  ): Promise<CardRow> {
    const reg = await getRegistration(tx, registrationId);
    if (reg?.status !== 'active') throw new AppError(409, 'CARD_REGISTRATION_NOT_ACTIVE');
    const current = (await repo.cardsOfRegistration(tx, registrationId)).filter(
      (c) => LIVE.includes(c.status) && c.id !== replaces?.id,
    );
    if (current.length > 0) throw new AppError(409, 'CARD_ALREADY_ISSUED');
    let nameAr: string;
    let nameLatn: string;
    if (reg.personId) {
      const p = await personById(tx, reg.personId);
      nameAr = `${p?.firstNameAr ?? ''} ${p?.lastNameAr ?? ''}`.trim();
      nameLatn = `${p?.firstNameLatn ?? ''} ${p?.lastNameLatn ?? ''}`.trim();
    } else {
      const o = await organisationById(tx, reg.organisationId ?? '');
      nameAr = o?.nameAr ?? '';
      nameLatn = o?.nameFr ?? '';
    }
    const signer = await activeSigner(tx, this.config.appSecret);
    const today = todayInMorocco();
    const seq = await repo.nextSerialNumber(tx);
    const serial = `${today.slice(2, 4)}${reg.chamberCode.slice(-2)}${String(seq).padStart(7, '0')}`;
    const index = await repo.takeStatusIndex(tx, reg.chamberCode);
    if (index >= MAX_STATUS_INDEX) throw new AppError(507, 'CARD_STATUS_LIST_FULL');
    const claims: CardClaims = {
      serial,
      nia: reg.nia,
      nameAr,
      nameLatn,
      activityCode: reg.primaryActivityCode,
      kind: reg.kind,
      chamberCode: reg.chamberCode,
      issuedAt: today,
      validFrom: today,
      validUntil: addYears(today, this.config.cardValidityYears),
      statusListIndex: index,
    };
    const issued = issueCardQr(claims, signer, this.verifyBaseUrl);
    const card = await repo.insertCard(tx, {
      serial,
      registrationId,
      nia: reg.nia,
      kind: reg.kind,
      chamberCode: reg.chamberCode,
      nameAr,
      nameLatn,
      activityCode: reg.primaryActivityCode,
      status: 'requested',
      validFrom: claims.validFrom,
      validUntil: claims.validUntil,
      verificationCode: newVerificationCode(),
      kid: signer.kid,
      statusListIndex: index,
      credentialHex: toHex(issued.bytes),
      qrText: issued.qrText,
      replacesCardId: replaces?.id ?? null,
    });
    await repo.event(
      tx,
      card.id,
      'requested',
      actor.id,
      replaces ? `replaces ${replaces.serial}` : undefined,
    );
    await recordAudit(tx, actor, {
      action: 'card.request',
      targetType: 'card',
      targetId: card.id,
      chamberCode: card.chamberCode,
      changes: {
        serial,
        registrationId,
        kid: signer.kid,
        statusListIndex: index,
        replaces: replaces?.serial ?? null,
      },
    });
    return card;
  }

  /** Follows the entry: suspended with it, back to active after, revoked when it is radiated. */
  async followRegistration(
    tx: Tx,
    registrationId: string,
    status: 'active' | 'suspended' | 'radiated',
    actor: Actor,
  ) {
    for (const card of await repo.cardsOfRegistration(tx, registrationId)) {
      let next: CardRow['status'] | null = null;
      if (status === 'suspended' && ['printed', 'delivered', 'active', 'requested'].includes(card.status))
        next = 'suspended';
      if (status === 'active' && card.status === 'suspended')
        next = card.deliveredAt ? 'active' : card.printedAt ? 'printed' : 'requested';
      if (status === 'radiated' && LIVE.includes(card.status)) next = 'revoked';
      if (!next) continue;
      await repo.updateCard(tx, card.id, {
        status: next,
        ...(next === 'revoked' ? { revokedReason: 'registration_radiated' } : {}),
      });
      await repo.event(
        tx,
        card.id,
        next === 'suspended' ? 'suspended' : next === 'revoked' ? 'revoked' : 'unsuspended',
        actor.id,
      );
      await recordAudit(tx, actor, {
        action: `card.${next === 'suspended' ? 'suspend' : next === 'revoked' ? 'revoke' : 'unsuspend'}`,
        targetType: 'card',
        targetId: card.id,
        chamberCode: card.chamberCode,
        changes: { from: card.status, to: next, because: `registration ${status}` },
      });
    }
  }

  private async loadScoped(user: AuthUser, id: string, db: Executor = this.db): Promise<CardRow> {
    const card = await repo.getCard(db, id);
    if (!card) throw new AppError(404, 'CARD_NOT_FOUND');
    if (user.role === 'artisan') {
      const reg = await getRegistration(db, card.registrationId);
      const person = reg?.personId ? await personById(db, reg.personId) : null;
      if (person?.userId !== user.id) throw new AppError(404, 'CARD_NOT_FOUND');
    } else {
      assertScope(user, card.chamberCode);
    }
    return card;
  }

  async get(user: AuthUser, id: string): Promise<CardRow> {
    return this.loadScoped(user, id);
  }

  async list(
    user: AuthUser,
    q: {
      status?: CardRow['status'] | undefined;
      registrationId?: string | undefined;
      limit: number;
      offset: number;
    },
  ) {
    return repo.listCards(this.db, { ...q, chamberCode: scopeFilter(user) });
  }

  async listOwn(user: AuthUser): Promise<CardRow[]> {
    const ids = await registrationsOfUserIds(this.db, user.id);
    const all = await Promise.all(ids.map((id) => repo.cardsOfRegistration(this.db, id)));
    return all.flat();
  }

  async request(user: AuthUser, registrationId: string, actor: Actor): Promise<CardRow> {
    const reg = await getRegistration(this.db, registrationId);
    if (!reg) throw new AppError(404, 'REGISTRATION_NOT_FOUND');
    assertScope(user, reg.chamberCode);
    return this.db.transaction((tx) => this.requestCard(tx, registrationId, actor));
  }

  /** Hand-over at the chamber: the printed card becomes active. */
  async deliver(user: AuthUser, id: string, actor: Actor): Promise<CardRow> {
    return this.db.transaction(async (tx) => {
      const card = await this.loadScoped(user, id, tx);
      if (card.status !== 'printed')
        throw new AppError(409, 'CARD_TRANSITION_FORBIDDEN', { status: card.status });
      const now = new Date();
      const updated = await repo.updateCard(tx, id, { status: 'active', deliveredAt: now });
      await repo.event(tx, id, 'delivered', actor.id);
      await repo.event(tx, id, 'activated', actor.id);
      // A renewal: the card it replaces stops being valid when the new one is in the holder's hands.
      const previous = card.replacesCardId ? await repo.getCard(tx, card.replacesCardId) : null;
      if (previous && LIVE.includes(previous.status)) {
        await repo.updateCard(tx, previous.id, { status: 'replaced', revokedReason: 'renewed' });
        await repo.event(tx, previous.id, 'replaced', actor.id, `by ${card.serial}`);
      }
      await recordAudit(tx, actor, {
        action: 'card.deliver',
        targetType: 'card',
        targetId: id,
        chamberCode: card.chamberCode,
      });
      return updated;
    });
  }

  /** Cancels a card (lost, stolen, damaged, an error); optionally requests its replacement at once. */
  async revoke(
    user: AuthUser,
    id: string,
    reason: 'lost' | 'stolen' | 'damaged' | 'error',
    replace: boolean,
    actor: Actor,
  ): Promise<{ revoked: CardRow; replacement: CardRow | null }> {
    return this.db.transaction(async (tx) => {
      const card = await this.loadScoped(user, id, tx);
      if (!LIVE.includes(card.status))
        throw new AppError(409, 'CARD_TRANSITION_FORBIDDEN', { status: card.status });
      const revoked = await repo.updateCard(tx, id, { status: 'revoked', revokedReason: reason });
      await repo.event(tx, id, 'revoked', actor.id, reason);
      await recordAudit(tx, actor, {
        action: 'card.revoke',
        targetType: 'card',
        targetId: id,
        chamberCode: card.chamberCode,
        changes: { reason, from: card.status },
      });
      const replacement = replace ? await this.requestCard(tx, card.registrationId, actor, revoked) : null;
      return { revoked, replacement };
    });
  }

  /**
   * Renewal of a card that expires within `RENEWAL_WINDOW_DAYS` (or has expired): a new card with a
   * new serial and validity; the old one stays valid until the new one is delivered.
   */
  async renew(user: AuthUser, id: string, actor: Actor): Promise<CardRow> {
    return this.db.transaction(async (tx) => {
      const card = await this.loadScoped(user, id, tx);
      const window = new Date(Date.now() + RENEWAL_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
      const renewable = (card.status === 'active' && card.validUntil <= window) || card.status === 'expired';
      if (!renewable) throw new AppError(409, 'CARD_TRANSITION_FORBIDDEN', { status: card.status });
      const next = await this.requestCard(tx, card.registrationId, actor, card);
      await repo.event(tx, card.id, 'renewal_requested', actor.id, `new card ${next.serial}`);
      return next;
    });
  }

  /** The partner and hand-typed check: serial + printed code → verdict from the register's data. */
  async verifyBySerial(serialInput: string, codeInput: string, locale: Locale): Promise<VerifyResponse> {
    const serial = serialInput.replace(/[\s-]/g, '');
    const found = await repo.findBySerialWithVersion(this.db, serial);
    const card = found?.card ?? null;
    const checkedAt = new Date().toISOString();
    const answer = (verdict: VerifyResponse['verdict'], reason: string, withCard: boolean) => ({
      verdict,
      reason,
      message: translate(locale, `verdicts.${verdict}`),
      checkedAt,
      card: null as VerifyResponse['card'],
      withCard,
    });
    if (!card || card.verificationCode !== normaliseCode(codeInput)) {
      const { withCard: _, ...rest } = answer('not_found', 'serial_or_code_unknown', false);
      return rest;
    }
    const today = todayInMorocco();
    const keyState = (await cachedKeyStates(this.db)).get(card.kid);
    let verdict: VerifyResponse['verdict'] = 'valid';
    let reason = 'ok';
    if (keyState === 'compromised') [verdict, reason] = ['compromised_key', 'key_compromised'];
    else if (card.status === 'revoked' || card.status === 'replaced')
      [verdict, reason] = ['revoked', card.revokedReason ?? 'revoked'];
    else if (card.status === 'expired' || card.validUntil < today)
      [verdict, reason] = ['expired', `expired_on_${card.validUntil}`];
    else if (card.status === 'suspended') [verdict, reason] = ['suspended', 'registration_suspended'];
    else if (card.validFrom > today) [verdict, reason] = ['not_yet_valid', `valid_from_${card.validFrom}`];
    const chamber = await chamberCache.get(`${card.chamberCode}|${today}`, () =>
      findChamber(this.db, card.chamberCode, today),
    );
    const version = found?.nomenclatureVersion ?? '';
    const activity = await activityCache.get(`${version}|${card.activityCode}`, async () =>
      (await activityNames(this.db, version, [card.activityCode])).get(card.activityCode),
    );
    return {
      verdict,
      reason,
      message: translate(locale, `verdicts.${verdict}`),
      checkedAt,
      card: {
        serial: card.serial,
        nia: card.nia,
        nameAr: card.nameAr,
        nameLatn: card.nameLatn,
        kind: card.kind,
        activityCode: card.activityCode,
        activityName: activity
          ? localName(locale, { ar: activity.nameAr, fr: activity.nameFr })
          : card.activityCode,
        chamberCode: card.chamberCode,
        chamberName: chamber
          ? localName(locale, { ar: chamber.nameAr, fr: chamber.nameFr })
          : card.chamberCode,
        validFrom: card.validFrom,
        validUntil: card.validUntil,
      },
    };
  }
}

/** Demo data: a card as if printed and handed over some time ago. */
export async function markDemoDelivered(tx: Tx, cardId: string, daysAgo: number): Promise<void> {
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  await repo.updateCard(tx, cardId, { status: 'active', printedAt: at, deliveredAt: at });
  await repo.event(tx, cardId, 'printed', null, 'demo');
  await repo.event(tx, cardId, 'delivered', null, 'demo');
}
