import type { Executor } from '../../platform/db/client.ts';
import { CANDIDATE_THRESHOLD, nameKeys, nameSimilarity } from '../names/index.ts';
import * as repo from './applications.repo.ts';
import type { ApplicationRow } from './applications.tables.ts';

export type CandidateReason = 'same_cin' | 'same_name_and_birth_date' | 'similar_name_and_birth_date';

export interface DuplicateCandidate {
  source: 'registration' | 'application';
  id: string;
  label: string;
  nameAr: string;
  nameLatn: string;
  birthDate: string | null;
  cin: string | null;
  chamberCode: string;
  status: string;
  score: number;
  reasons: CandidateReason[];
  decision: 'not_duplicate' | 'duplicate_reject' | 'duplicate_link' | null;
}

interface Names {
  firstNameAr: string;
  lastNameAr: string;
  firstNameLatn: string;
  lastNameLatn: string;
}

/**
 * Entries and applications that may be the same person as this application: the same CIN, or the
 * same birth date with a name that is equal or close across scripts and spellings. Scored, never
 * merged: the agent decides.
 */
export async function findDuplicateCandidates(
  db: Executor,
  app: ApplicationRow,
): Promise<DuplicateCandidate[]> {
  const p = app.payload.person;
  const mine: Names = {
    firstNameAr: p.firstNameAr ?? '',
    lastNameAr: p.lastNameAr ?? '',
    firstNameLatn: p.firstNameLatn ?? '',
    lastNameLatn: p.lastNameLatn ?? '',
  };
  const myKeys = nameKeys(mine);
  const keys = {
    cin: app.cin,
    birthDate: app.birthDate,
    skeletons: [app.nameSkeleton, app.nameSkeletonAr].filter(Boolean),
    latn: app.nameLatnNorm,
    ar: app.nameArNorm,
  };
  const decisions = await repo.decisionsOf(db, app.id);
  const decisionFor = (source: 'registration' | 'application', id: string) =>
    decisions.find(
      (d) => (source === 'registration' ? d.candidateRegistrationId : d.candidateApplicationId) === id,
    )?.decision ?? null;

  const judge = (names: Names, cin: string | null, birthDate: string | null) => {
    const score = nameSimilarity(myKeys, nameKeys(names));
    const reasons: CandidateReason[] = [];
    if (cin && app.cin && cin === app.cin) reasons.push('same_cin');
    if (birthDate && birthDate === app.birthDate) {
      if (score >= 0.95) reasons.push('same_name_and_birth_date');
      else if (score >= CANDIDATE_THRESHOLD) reasons.push('similar_name_and_birth_date');
    }
    return { score: Math.round(score * 100) / 100, reasons };
  };

  const out: DuplicateCandidate[] = [];
  for (const { r, p: person } of await repo.registrationCandidates(db, keys)) {
    const { score, reasons } = judge(person, person.cin, person.birthDate);
    if (reasons.length === 0) continue;
    out.push({
      source: 'registration',
      id: r.id,
      label: r.nia,
      nameAr: `${person.firstNameAr} ${person.lastNameAr}`,
      nameLatn: `${person.firstNameLatn} ${person.lastNameLatn}`,
      birthDate: person.birthDate,
      cin: person.cin,
      chamberCode: r.chamberCode,
      status: r.status,
      score,
      reasons,
      decision: decisionFor('registration', r.id),
    });
  }
  for (const other of await repo.applicationCandidates(db, app.id, keys)) {
    const op = other.payload.person;
    const names: Names = {
      firstNameAr: op.firstNameAr ?? '',
      lastNameAr: op.lastNameAr ?? '',
      firstNameLatn: op.firstNameLatn ?? '',
      lastNameLatn: op.lastNameLatn ?? '',
    };
    const { score, reasons } = judge(names, other.cin, other.birthDate);
    if (reasons.length === 0) continue;
    out.push({
      source: 'application',
      id: other.id,
      label: other.fileNumber,
      nameAr: `${names.firstNameAr} ${names.lastNameAr}`.trim(),
      nameLatn: `${names.firstNameLatn} ${names.lastNameLatn}`.trim(),
      birthDate: other.birthDate,
      cin: other.cin,
      chamberCode: other.chamberCode,
      status: other.state,
      score,
      reasons,
      decision: decisionFor('application', other.id),
    });
  }
  return out.sort(
    (a, b) =>
      Number(b.reasons.includes('same_cin')) - Number(a.reasons.includes('same_cin')) || b.score - a.score,
  );
}

export interface DuplicateDecisionInput {
  source: 'registration' | 'application';
  candidateId: string;
  decision: 'not_duplicate' | 'duplicate_reject' | 'duplicate_link';
  note?: string | undefined;
}
