import type { ApplicationPayload, DocumentType } from '@hirfa/contracts';
import type { Executor } from '../../platform/db/client.ts';
import { todayInMorocco } from '../../platform/time.ts';
import { nameKeys, normalizeCin } from '../names/index.ts';
import { existingActivityCodes, findNomenclatureVersion, findProvince } from '../reference/index.ts';
import { findRegistrationByNia, hasLiveRegistration, parseNia } from '../registry/index.ts';
import * as repo from './applications.repo.ts';
import type { RuleFacts } from './applications.rules.ts';
import type { ApplicationRow } from './applications.tables.ts';

/** Columns derived from the payload, kept on the row for the queue, search and duplicates. */
export function derivedColumns(payload: ApplicationPayload) {
  const p = payload.person;
  const keys = nameKeys({
    firstNameAr: p.firstNameAr ?? '',
    lastNameAr: p.lastNameAr ?? '',
    firstNameLatn: p.firstNameLatn ?? '',
    lastNameLatn: p.lastNameLatn ?? '',
  });
  return {
    cin: normalizeCin(p.cin ?? ''),
    birthDate: p.birthDate ?? null,
    nameLatnNorm: keys.fullLatnNorm ?? '',
    nameArNorm: keys.fullArNorm ?? '',
    nameSkeleton: keys.skeletonLatn ?? keys.skeleton ?? '',
    nameSkeletonAr: keys.skeletonAr ?? '',
    provinceCode: payload.workshop.provinceCode ?? null,
    primaryActivityCode: payload.activities.primary ?? null,
    contactPhone: p.phone ?? null,
    contactEmail: p.email || null,
  };
}

/** Looks up everything the rules need to judge an application. */
export async function gatherFacts(db: Executor, app: ApplicationRow): Promise<RuleFacts> {
  const p = app.payload;
  const today = todayInMorocco();
  const cin = normalizeCin(p.person.cin ?? '');
  const provinceCodes = [p.workshop.provinceCode, p.person.provinceCode].filter((c): c is string =>
    Boolean(c),
  );
  const provincesKnown = new Set<string>();
  for (const code of new Set(provinceCodes))
    if (await findProvince(db, code, today)) provincesKnown.add(code);
  const version = await findNomenclatureVersion(db, today);
  const codes = [p.activities.primary, ...p.activities.secondary].filter((c): c is string => Boolean(c));
  const activitiesKnown = version ? await existingActivityCodes(db, version.code, codes) : new Set<string>();
  let supervising: RuleFacts['supervising'] = null;
  if (app.kind === 'enterprise' && p.organisation?.supervisingNia) {
    const nia = parseNia(p.organisation.supervisingNia);
    const reg = nia ? await findRegistrationByNia(db, nia) : null;
    supervising = {
      nia,
      found: Boolean(reg && (reg.kind === 'artisan' || reg.kind === 'master_artisan')),
      active: reg?.status === 'active',
    };
  }
  const holderKind = app.kind === 'artisan' || app.kind === 'master_artisan';
  const docs = await repo.currentDocuments(db, app.id);
  return {
    kind: app.kind,
    cin,
    cinTaken: Boolean(cin && holderKind && (await hasLiveRegistration(db, cin, app.kind))),
    provincesKnown,
    activitiesKnown,
    supervising,
    uploaded: new Set(docs.map((d) => d.type as DocumentType)),
    // A portal account is told online; at the counter the printed receipt stands for the notice.
    reachable: app.applicantUserId !== null || app.channel === 'counter',
    today,
  };
}
