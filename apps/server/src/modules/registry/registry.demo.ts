import type { ApplicationPayload } from '@hirfa/contracts';
import type { Tx } from '../../platform/db/client.ts';
import type { SyntheticPerson } from '../synthetic/index.ts';
import * as repo from './registry.repo.ts';
import { personKeys } from './registry.service.ts';

export interface DemoEntry {
  person: SyntheticPerson;
  payload: ApplicationPayload;
  chamberCode: string;
  nomenclatureVersion: string;
  status: 'active' | 'suspended' | 'radiated';
  registeredDaysAgo: number;
  nia: (seq: number) => string;
  /** Links the entry to a portal account (the demo artisan). */
  userId?: string | null;
}

/** A demo register entry as if taken over from a chamber's earlier register, with its versions. */
export async function insertDemoRegistration(tx: Tx, e: DemoEntry): Promise<string> {
  const p = e.person;
  const names = {
    firstNameAr: p.firstNameAr,
    lastNameAr: p.lastNameAr,
    firstNameLatn: p.firstNameLatn,
    lastNameLatn: p.lastNameLatn,
  };
  const person = await repo.insertPerson(tx, {
    cin: p.cin,
    ...names,
    ...personKeys(names),
    birthDate: p.birthDate,
    gender: p.gender,
    phone: p.phone,
    email: p.email,
    addressAr: p.addressAr,
    addressFr: p.addressFr,
    provinceCode: p.provinceCode,
    postalCode: p.postalCode,
    userId: e.userId ?? null,
  });
  const holder = p.kind === 'artisan' || p.kind === 'master_artisan';
  let organisationId: string | null = null;
  if (!holder) {
    const org = await repo.insertOrganisation(tx, {
      kind: 'cooperative',
      nameAr: p.organisationNameAr ?? 'تعاونية',
      nameFr: p.organisationNameFr ?? 'Coopérative',
      coopRegisterNumber: `ODCO-${p.cin}`,
      legalRepPersonId: person.id,
    });
    organisationId = org.id;
  }
  const registeredAt = new Date(Date.now() - e.registeredDaysAgo * 86_400_000);
  const seq = await repo.takeNiaSequence(tx);
  const row = await repo.insertRegistration(
    tx,
    {
      nia: e.nia(seq),
      kind: holder ? p.kind : 'cooperative',
      qualificationBasis: holder ? (e.payload.qualification.basis ?? null) : null,
      yearsOfPractice: holder ? p.yearsOfPractice : null,
      personId: holder ? person.id : null,
      organisationId,
      chamberCode: e.chamberCode,
      workshopProvinceCode: p.provinceCode,
      workshopAddressAr: p.addressAr,
      workshopAddressFr: p.addressFr,
      nomenclatureVersion: e.nomenclatureVersion,
      primaryActivityCode: p.primaryActivityCode,
      registeredAt,
    },
    [...p.secondaryActivityCodes],
  );
  const snapshot = {
    status: 'active',
    chamberCode: e.chamberCode,
    workshopProvinceCode: p.provinceCode,
    primaryActivityCode: p.primaryActivityCode,
  };
  await repo.insertVersion(tx, {
    registrationId: row.id,
    version: 1,
    action: 'register',
    snapshot,
    reason: 'demo',
    at: registeredAt,
  });
  return row.id;
}

/** Demo data: suspends or radiates an entry after the fact, with its version. */
export async function demoStatusChange(
  tx: Tx,
  registrationId: string,
  status: 'suspended' | 'radiated',
): Promise<void> {
  const reason = status === 'suspended' ? 'Atelier fermé temporairement' : 'voluntary';
  const row = await repo.updateRegistrationAt(tx, registrationId, 1, { status, statusReason: reason });
  await repo.insertVersion(tx, {
    registrationId,
    version: 2,
    action: status === 'suspended' ? 'suspend' : 'radiate',
    snapshot: {
      status,
      statusReason: reason,
      chamberCode: row?.chamberCode,
      primaryActivityCode: row?.primaryActivityCode,
    },
    reason,
  });
}
