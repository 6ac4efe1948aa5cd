import type { ApplicationPayload } from '@hirfa/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import { type ApplicationStateName, seedApplication } from '../applications/index.ts';
import { findNomenclatureVersion } from '../reference/index.ts';
import { CardsService, markDemoDelivered } from '../cards/index.ts';
import { seedDemoDirectoryConsent } from '../search/index.ts';
import { demoStatusChange, formatNia, insertDemoRegistration } from '../registry/index.ts';
import type { Config } from '../../platform/config.ts';
import { generatePeople, type SyntheticPerson } from '../synthetic/index.ts';

/** How a demo application ends up: the state and how many days ago it was opened. */
const APPLICATION_MIX: ApplicationStateName[] = [
  'draft',
  'submitted',
  'submitted',
  'incomplete',
  'resubmitted',
  'under_review',
  'under_review',
  'commission',
  'approved',
  'rejected',
  'withdrawn',
  'submitted',
];

const ENTRIES_PER_CHAMBER = 20;
const APPLICATIONS_PER_CHAMBER = APPLICATION_MIX.length;

function payloadOf(p: SyntheticPerson): ApplicationPayload {
  const holder = p.kind === 'artisan' || p.kind === 'master_artisan';
  return {
    person: {
      cin: p.cin,
      firstNameAr: p.firstNameAr,
      lastNameAr: p.lastNameAr,
      firstNameLatn: p.firstNameLatn,
      lastNameLatn: p.lastNameLatn,
      birthDate: p.birthDate,
      gender: p.gender,
      ...(p.phone ? { phone: p.phone } : {}),
      ...(p.email ? { email: p.email } : {}),
      addressAr: p.addressAr,
      addressFr: p.addressFr,
      provinceCode: p.provinceCode,
      postalCode: p.postalCode,
    },
    ...(holder
      ? {}
      : {
          organisation: {
            nameAr: p.organisationNameAr ?? 'تعاونية',
            nameFr: p.organisationNameFr ?? 'Coopérative',
            ...(p.kind === 'cooperative' ? { coopRegisterNumber: `ODCO-${p.cin}` } : {}),
          },
        }),
    qualification: holder
      ? p.kind === 'master_artisan'
        ? { basis: 'recognition_attestation', yearsOfPractice: Math.max(10, p.yearsOfPractice) }
        : { basis: 'practice_attestation', yearsOfPractice: Math.max(3, p.yearsOfPractice) }
      : {},
    activities: { primary: p.primaryActivityCode, secondary: [...p.secondaryActivityCodes] },
    workshop: { provinceCode: p.provinceCode, addressAr: p.addressAr, addressFr: p.addressFr },
  };
}

const regionOfChamber = (code: string) => code.replace('CA-MA-', 'MA-');

/**
 * A living demo register on a fresh database: entries in every chamber (some suspended or
 * radiated) and applications in every state, with names in both scripts from the synthetic
 * generator. Runs once: only when the register is empty.
 */
export async function seedDemoRegister(
  db: Db,
  storage: BlobStorage,
  config: Config,
  actor: Actor,
): Promise<number> {
  const niaFormat = config.niaFormat;
  const cardsService = new CardsService(db, config);
  const [demoArtisan] = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id FROM users WHERE phone = '+212612345678'`),
  );
  const [existing] = rowsOf<{ n: number }>(
    await db.execute(sql`SELECT count(*)::int AS n FROM registrations`),
  );
  if (Number(existing?.n) > 0) return 0;
  const byRegion = new Map<string, SyntheticPerson[]>();
  const wanted = ENTRIES_PER_CHAMBER + APPLICATIONS_PER_CHAMBER;
  // Smaller regions have fewer people in the generator's weighting: draw until each has enough.
  for (const p of generatePeople({ seed: 2026, count: 60_000 })) {
    if (p.kind === 'enterprise') continue;
    const list = byRegion.get(p.regionCode) ?? [];
    if (list.length < wanted) list.push(p);
    byRegion.set(p.regionCode, list);
    if (byRegion.size === 12 && [...byRegion.values()].every((l) => l.length >= wanted)) break;
  }
  const version = await findNomenclatureVersion(db, new Date().toISOString().slice(0, 10));
  if (!version) return 0;
  const photo = await storage.put(DEMO_PNG);
  const paper = await storage.put(DEMO_PDF);
  let created = 0;
  const chambers = [...byRegion.keys()].sort().map((r) => r.replace('MA-', 'CA-MA-'));
  for (const chamberCode of chambers) {
    const people = byRegion.get(regionOfChamber(chamberCode)) ?? [];
    await db.transaction(async (tx: Tx) => {
      for (const [i, generated] of people.slice(0, ENTRIES_PER_CHAMBER).entries()) {
        const status = i % 17 === 5 ? 'suspended' : i % 19 === 7 ? 'radiated' : 'active';
        // The demo artisan account holds the first entry of Casablanca-Settat.
        const isDemoArtisan = chamberCode === 'CA-MA-06' && i === 0 && demoArtisan !== undefined;
        const p: SyntheticPerson = isDemoArtisan
          ? {
              ...generated,
              kind: 'artisan',
              firstNameAr: 'حسن',
              lastNameAr: 'آيت بلعيد',
              firstNameLatn: 'Hassan',
              lastNameLatn: 'Ait Belaid',
              gender: 'M',
            }
          : generated;
        const registrationId = await insertDemoRegistration(tx, {
          person: p,
          payload: payloadOf(p),
          chamberCode,
          nomenclatureVersion: version.code,
          status,
          registeredDaysAgo: 30 + ((i * 37) % 900),
          nia: (seq) => formatNia(niaFormat, { year: 2025, regionCode: regionOfChamber(chamberCode), seq }),
          userId: isDemoArtisan ? demoArtisan.id : null,
        });
        created++;
        // Most entries hold a card handed over earlier; a few wait in the print queue.
        const card = await cardsService.requestCard(tx, registrationId, actor);
        if (i % 6 !== 1) await markDemoDelivered(tx, card.id, 20 + i);
        if (status !== 'active') {
          await demoStatusChange(tx, registrationId, status);
          await cardsService.followRegistration(tx, registrationId, status, actor);
        }
      }
      for (const [i, p] of people.slice(ENTRIES_PER_CHAMBER, wanted).entries()) {
        const state = APPLICATION_MIX[i] ?? 'submitted';
        await seedApplication(tx, {
          payload: payloadOf(p),
          kind:
            p.kind === 'master_artisan'
              ? 'master_artisan'
              : p.kind === 'cooperative'
                ? 'cooperative'
                : 'artisan',
          chamberCode,
          state,
          openedDaysAgo: 2 + ((i * 13 + chamberCode.length) % 75),
          documents: { photo: photo.key, paper: paper.key },
          niaFormat,
          actor,
        });
        created++;
      }
      await recordAudit(tx, actor, {
        action: 'demo.seed',
        targetType: 'chamber',
        targetId: chamberCode,
        chamberCode,
        changes: { entries: ENTRIES_PER_CHAMBER, applications: APPLICATIONS_PER_CHAMBER },
      });
    });
  }
  // About a third of the active demo entries agree to the public directory.
  await seedDemoDirectoryConsent(db, actor);
  return created;
}

/** A 1×1 PNG and a one-page PDF: stand-ins for the scanned pieces of demo files. */
const DEMO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4v+EEAAWqAsM2SUEqAAAAAElFTkSuQmCC',
  'base64',
);
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
