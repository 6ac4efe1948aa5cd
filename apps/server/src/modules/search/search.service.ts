import type {
  DirectoryConsent,
  DirectoryConsentState,
  RegistrationSearchPage,
  RegistrationSearchQuery,
} from '@hirfa/contracts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { type AuthUser, assertScope, scopeFilter } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type ConsentRow, findConsent, updateConsent } from './directory.repo.ts';
import { runSearch } from './search.engine.ts';
import { type ParsedQuery, parseQuery } from './search.query.ts';

/** What the audit trail keeps of a query: never a CIN or a phone number, only that one was typed. */
export function auditedQuery(parsed: ParsedQuery): Record<string, unknown> {
  switch (parsed.kind) {
    case 'none':
      return { queryKind: 'none' };
    case 'identifier': {
      const { cin, nia, phone } = parsed.ids;
      if (cin || phone) return { queryKind: cin ? 'cin' : 'phone' };
      return { queryKind: 'nia', nia };
    }
    case 'name':
      // The normalised name: letters only, so a mistyped CIN or phone leaves no digits here.
      return {
        queryKind: 'name',
        name: [parsed.name.latnNorm, parsed.name.arNorm].filter(Boolean).join(' '),
      };
  }
}

const toIso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function consentState(row: ConsentRow): DirectoryConsentState {
  return { registrationId: row.id, consent: row.consent, consentAt: toIso(row.consentAt) };
}

/** Staff search of the register, and the directory consent of an entry. */
export class SearchService {
  constructor(
    private readonly db: Db,
    /** Called after a consent change, to drop cached directory pages. */
    private readonly onConsentChange: () => void = () => {},
  ) {}

  /**
   * Searches the entries the user may see (their chamber, or all for national roles), and records
   * the search in the audit trail in the same transaction: searching personal data is reading it.
   */
  async searchRegistrations(
    user: AuthUser,
    query: RegistrationSearchQuery,
    actor: Actor,
  ): Promise<RegistrationSearchPage> {
    const own = scopeFilter(user);
    if (own !== undefined && query.chamber !== undefined && query.chamber !== own) {
      throw new AppError(403, 'AUTH_OUT_OF_SCOPE');
    }
    const filters = {
      chamber: own ?? query.chamber,
      province: query.province,
      activity: query.activity,
      kind: query.kind,
      status: query.status,
    };
    const parsed = parseQuery(query.q, { identifiers: true });
    return this.db.transaction(async (tx) => {
      const result = await runSearch(tx, parsed, {
        filters,
        audience: 'staff',
        limit: query.limit,
        offset: query.offset,
      });
      await recordAudit(tx, actor, {
        action: 'search.registrations',
        targetType: 'search',
        targetId: null,
        changes: {
          ...auditedQuery(parsed),
          filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
          offset: query.offset,
          resultCount: result.total,
          truncated: result.truncated,
        },
      });
      return {
        items: result.hits,
        total: result.total,
        limit: query.limit,
        offset: query.offset,
        truncated: result.truncated,
        queryKind: result.queryKind,
      };
    });
  }

  /** The consent of an entry: its holder (artisan) or staff of its chamber. */
  async consentOf(user: AuthUser, id: string): Promise<DirectoryConsentState> {
    const row = await findConsent(this.db, id);
    this.assertMay(user, row, 'read');
    return consentState(row as ConsentRow);
  }

  /** Sets what an entry shows in the public directory: by its holder, or at the counter. */
  async setConsent(
    user: AuthUser,
    id: string,
    consent: DirectoryConsent,
    by: 'holder' | 'counter',
    actor: Actor,
  ): Promise<DirectoryConsentState> {
    const state = await this.db.transaction(async (tx) => {
      const row = await findConsent(tx, id, true);
      this.assertMay(user, row, by);
      const current = row as ConsentRow;
      if (consent !== 'none' && current.status === 'radiated') {
        throw new AppError(409, 'DIRECTORY_CONSENT_RADIATED');
      }
      if (current.consent === consent) return consentState(current);
      const at = await updateConsent(tx, id, consent);
      await recordAudit(tx, actor, {
        action: 'registration.directory_consent',
        targetType: 'registration',
        targetId: id,
        chamberCode: current.chamberCode,
        changes: { consent: { from: current.consent, to: consent }, by },
      });
      return { registrationId: id, consent, consentAt: toIso(at) };
    });
    this.onConsentChange();
    return state;
  }

  /** The holder acts on their own entries only; staff within their scope; others see nothing. */
  private assertMay(user: AuthUser, row: ConsentRow | null, mode: 'read' | 'holder' | 'counter') {
    if (!row) throw new AppError(404, 'REGISTRATION_NOT_FOUND');
    if (user.role === 'artisan') {
      if (mode === 'counter' || row.holderUserId !== user.id)
        throw new AppError(404, 'REGISTRATION_NOT_FOUND');
      return;
    }
    if (mode === 'holder') throw new AppError(404, 'REGISTRATION_NOT_FOUND');
    assertScope(user, row.chamberCode);
  }
}
