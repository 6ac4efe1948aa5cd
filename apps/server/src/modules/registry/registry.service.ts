import type { ApplicationPayload, LifecycleAction, Registration } from '@hirfa/contracts';
import { toE164Morocco } from '@hirfa/contracts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { type AuthUser, assertScope } from '../../platform/auth/policy.ts';
import type { Db, Executor, Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { todayInMorocco } from '../../platform/time.ts';
import { nameKeys, normalizeCin } from '../names/index.ts';
import { chamberOfProvince, findNomenclatureVersion } from '../reference/index.ts';
import { formatNia } from './nia.ts';
import * as repo from './registry.repo.ts';
import type { RegistrationRow } from './registry.tables.ts';

type Kind = RegistrationRow['kind'];

/** What an approved application brings to the register. */
export interface ApprovedApplication {
  id: string;
  kind: Kind;
  chamberCode: string;
  payload: ApplicationPayload;
  applicantUserId: string | null;
}

export function personKeys(p: {
  firstNameAr: string;
  lastNameAr: string;
  firstNameLatn: string;
  lastNameLatn: string;
}) {
  const k = nameKeys(p);
  return {
    nameLatnNorm: k.fullLatnNorm ?? '',
    nameArNorm: k.fullArNorm ?? '',
    nameSkeleton: k.skeletonLatn ?? k.skeleton ?? '',
    nameSkeletonAr: k.skeletonAr ?? '',
  };
}

async function snapshotOf(db: Executor, r: RegistrationRow) {
  const person = r.personId ? await repo.personById(db, r.personId) : null;
  return {
    status: r.status,
    statusReason: r.statusReason,
    suspendedUntil: r.suspendedUntil,
    chamberCode: r.chamberCode,
    workshopProvinceCode: r.workshopProvinceCode,
    workshopAddressAr: r.workshopAddressAr,
    workshopAddressFr: r.workshopAddressFr,
    primaryActivityCode: r.primaryActivityCode,
    secondaryActivityCodes: await repo.secondaryActivities(db, r.id),
    phone: person?.phone ?? null,
    email: person?.email ?? null,
    addressAr: person?.addressAr ?? null,
    addressFr: person?.addressFr ?? null,
  };
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key] ?? null, to: after[key] };
  }
  return changes;
}

/**
 * The register itself: entries created from approved applications, with NIA, and their
 * lifecycle (modify, suspend, lift, radiate, reinstate, transfer). Every change writes a version.
 */
export interface RegistryHooks {
  /** Called in the transaction of a status change (cards follow their entry). */
  onStatusChange?(
    tx: Tx,
    registrationId: string,
    status: RegistrationRow['status'],
    actor: Actor,
  ): Promise<void>;
}

export class RegistryService {
  constructor(
    private readonly db: Db,
    private readonly niaFormat: string,
    private readonly hooks: RegistryHooks = {},
  ) {}

  /** Creates the entry of an approved application, inside the approval's transaction. */
  async registerFromApplication(tx: Tx, app: ApprovedApplication, actor: Actor): Promise<RegistrationRow> {
    const p = app.payload;
    const at = todayInMorocco();
    const cin = normalizeCin(p.person.cin ?? '');
    const { firstNameAr, lastNameAr, firstNameLatn, lastNameLatn, birthDate, gender } = p.person;
    if (!cin || !firstNameAr || !lastNameAr || !firstNameLatn || !lastNameLatn || !birthDate || !gender) {
      throw new AppError(400, 'APPLICATION_INCOMPLETE_FOR_SUBMISSION');
    }
    const names = { firstNameAr, lastNameAr, firstNameLatn, lastNameLatn };
    const contact = {
      phone: p.person.phone ? toE164Morocco(p.person.phone) : null,
      email: p.person.email ? p.person.email.toLowerCase() : null,
      addressAr: p.person.addressAr ?? null,
      addressFr: p.person.addressFr ?? null,
      provinceCode: p.person.provinceCode ?? null,
      postalCode: p.person.postalCode ?? null,
    };
    const existing = await repo.findPersonByCin(tx, cin);
    const isHolder = app.kind === 'artisan' || app.kind === 'master_artisan';
    const person = existing
      ? existing
      : await repo.insertPerson(tx, {
          cin,
          ...names,
          ...personKeys(names),
          birthDate,
          gender,
          ...contact,
          userId: isHolder ? app.applicantUserId : null,
        });
    if (existing) {
      await repo.updatePerson(tx, existing.id, {
        ...contact,
        ...(isHolder && app.applicantUserId && !existing.userId ? { userId: app.applicantUserId } : {}),
      });
    }
    let organisationId: string | null = null;
    let supervisingId: string | null = null;
    if (!isHolder) {
      const o = p.organisation ?? {};
      if (app.kind === 'enterprise' && o.supervisingNia) {
        supervisingId =
          (await repo.findRegistrationByNia(tx, o.supervisingNia.replace(/[\s.-]/g, '').toUpperCase()))?.id ??
          null;
      }
      const org = await repo.insertOrganisation(tx, {
        kind: app.kind === 'cooperative' ? 'cooperative' : 'enterprise',
        nameAr: o.nameAr ?? '',
        nameFr: o.nameFr ?? '',
        ice: o.ice ?? null,
        rcCourt: o.rcCourt ?? null,
        rcNumber: o.rcNumber ?? null,
        coopRegisterNumber: o.coopRegisterNumber ?? null,
        legalRepPersonId: person.id,
      });
      organisationId = org.id;
    }
    const version = await findNomenclatureVersion(tx, at);
    const chamber = await chamberOfProvince(tx, p.workshop.provinceCode ?? '', at);
    if (!version || !chamber?.regionCode) throw new AppError(400, 'APPLICATION_INCOMPLETE_FOR_SUBMISSION');
    const seq = await repo.takeNiaSequence(tx);
    const nia = formatNia(this.niaFormat, {
      year: Number(at.slice(0, 4)),
      regionCode: chamber.regionCode,
      seq,
    });
    const row = await repo.insertRegistration(
      tx,
      {
        nia,
        kind: app.kind,
        qualificationBasis: isHolder ? (p.qualification.basis ?? null) : null,
        yearsOfPractice: isHolder ? (p.qualification.yearsOfPractice ?? null) : null,
        personId: isHolder ? person.id : null,
        organisationId,
        supervisingRegistrationId: supervisingId,
        chamberCode: chamber.code,
        workshopProvinceCode: p.workshop.provinceCode ?? '',
        workshopAddressAr: p.workshop.addressAr ?? null,
        workshopAddressFr: p.workshop.addressFr ?? null,
        nomenclatureVersion: version.code,
        primaryActivityCode: p.activities.primary ?? '',
      },
      p.activities.secondary,
    );
    await repo.insertVersion(tx, {
      registrationId: row.id,
      version: 1,
      action: 'register',
      snapshot: await snapshotOf(tx, row),
      actorId: actor.id,
      applicationId: app.id,
    });
    await recordAudit(tx, actor, {
      action: 'registration.register',
      targetType: 'registration',
      targetId: row.id,
      chamberCode: row.chamberCode,
      changes: { nia, kind: row.kind, applicationId: app.id },
    });
    return row;
  }

  async get(user: AuthUser, id: string): Promise<Registration> {
    const row = await repo.getRegistration(this.db, id);
    if (!row) throw new AppError(404, 'REGISTRATION_NOT_FOUND');
    if (user.role === 'artisan') {
      const own = row.personId ? await repo.personById(this.db, row.personId) : null;
      if (own?.userId !== user.id) throw new AppError(404, 'REGISTRATION_NOT_FOUND');
    } else {
      assertScope(user, row.chamberCode);
    }
    return this.toDto(row);
  }

  async toDto(row: RegistrationRow): Promise<Registration> {
    const names = await repo.namesOf(this.db, [row]);
    const name = names.get(row.personId ?? row.organisationId ?? '') ?? { nameAr: '', nameLatn: '' };
    const versions = await repo.versionsOf(this.db, row.id);
    return {
      id: row.id,
      nia: row.nia,
      kind: row.kind,
      status: row.status,
      statusReason: row.statusReason,
      suspendedUntil: row.suspendedUntil,
      chamberCode: row.chamberCode,
      ...name,
      primaryActivityCode: row.primaryActivityCode,
      secondaryActivityCodes: await repo.secondaryActivities(this.db, row.id),
      workshopProvinceCode: row.workshopProvinceCode,
      workshopAddressAr: row.workshopAddressAr,
      workshopAddressFr: row.workshopAddressFr,
      registeredAt: row.registeredAt.toISOString(),
      version: row.version,
      history: versions.map((v, i) => ({
        version: v.version,
        action: v.action,
        reason: v.reason,
        at: v.at.toISOString(),
        changes:
          i === 0
            ? {}
            : diff(
                (versions[i - 1]?.snapshot ?? {}) as Record<string, unknown>,
                v.snapshot as Record<string, unknown>,
              ),
      })),
    };
  }

  async ofUser(userId: string): Promise<Registration[]> {
    const rows = await repo.registrationsOfUser(this.db, userId);
    return Promise.all(rows.map((r) => this.toDto(r.r)));
  }

  /** A lifecycle operation on an entry, by staff of its chamber (or the Federation). */
  async lifecycle(user: AuthUser, id: string, body: LifecycleAction, actor: Actor): Promise<Registration> {
    const updated = await this.db.transaction(async (tx) => {
      const row = await repo.getRegistration(tx, id);
      if (!row) throw new AppError(404, 'REGISTRATION_NOT_FOUND');
      assertScope(user, row.chamberCode);
      if (row.version !== body.version) throw new AppError(409, 'REGISTRATION_STALE');
      const before = await snapshotOf(tx, row);
      const forbidden = () => new AppError(409, 'REGISTRATION_TRANSITION_FORBIDDEN', { status: row.status });
      let values: Partial<RegistrationRow> = {};
      let reason: string | null = body.reason ?? null;
      switch (body.action) {
        case 'suspend':
          if (row.status !== 'active') throw forbidden();
          values = { status: 'suspended', statusReason: body.reason, suspendedUntil: body.until ?? null };
          break;
        case 'lift_suspension':
          if (row.status !== 'suspended') throw forbidden();
          values = { status: 'active', statusReason: null, suspendedUntil: null };
          break;
        case 'radiate':
          if (row.status === 'radiated') throw forbidden();
          values = { status: 'radiated', statusReason: body.reason, suspendedUntil: null };
          reason = body.note ? `${body.reason}: ${body.note}` : body.reason;
          break;
        case 'reinstate':
          if (row.status !== 'radiated') throw forbidden();
          values = { status: 'active', statusReason: null };
          break;
        case 'transfer': {
          if (row.status === 'radiated') throw forbidden();
          const chamber = await chamberOfProvince(tx, body.workshopProvinceCode, todayInMorocco());
          if (!chamber) {
            throw new AppError(400, 'VALIDATION_FAILED', {}, [
              { path: 'workshopProvinceCode', code: 'province_unknown' },
            ]);
          }
          if (chamber.code === row.chamberCode) throw new AppError(409, 'REGISTRATION_SAME_CHAMBER');
          values = {
            chamberCode: chamber.code,
            workshopProvinceCode: body.workshopProvinceCode,
            workshopAddressAr: body.workshopAddressAr ?? null,
            workshopAddressFr: body.workshopAddressFr ?? null,
          };
          break;
        }
        case 'modify': {
          if (row.status === 'radiated') throw forbidden();
          if (body.phone && !toE164Morocco(body.phone)) {
            throw new AppError(400, 'VALIDATION_FAILED', {}, [{ path: 'phone', code: 'phone' }]);
          }
          if (row.personId) {
            await repo.updatePerson(tx, row.personId, {
              ...(body.phone !== undefined ? { phone: body.phone ? toE164Morocco(body.phone) : null } : {}),
              ...(body.email !== undefined ? { email: body.email ? body.email.toLowerCase() : null } : {}),
              ...(body.addressAr !== undefined ? { addressAr: body.addressAr } : {}),
              ...(body.addressFr !== undefined ? { addressFr: body.addressFr } : {}),
            });
          }
          values = {
            ...(body.workshopAddressAr !== undefined ? { workshopAddressAr: body.workshopAddressAr } : {}),
            ...(body.workshopAddressFr !== undefined ? { workshopAddressFr: body.workshopAddressFr } : {}),
          };
          break;
        }
      }
      const next = await repo.updateRegistrationAt(tx, id, row.version, values);
      if (!next) throw new AppError(409, 'REGISTRATION_STALE');
      if (next.status !== row.status) await this.hooks.onStatusChange?.(tx, id, next.status, actor);
      const after = await snapshotOf(tx, next);
      await repo.insertVersion(tx, {
        registrationId: id,
        version: next.version,
        action: body.action,
        snapshot: after,
        reason,
        actorId: actor.id,
      });
      await recordAudit(tx, actor, {
        action: `registration.${body.action}`,
        targetType: 'registration',
        targetId: id,
        chamberCode: row.chamberCode,
        changes: { ...diff(before, after), reason },
      });
      return next;
    });
    return this.toDto(updated);
  }
}

export const normaliseNia = (input: string) => input.replace(/[\s.-]/g, '').toUpperCase();
