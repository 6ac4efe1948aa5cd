import { sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { type Db, rowsOf } from '../../platform/db/client.ts';

/**
 * Demo data: about a third of the active demo entries agree to be listed in the public directory,
 * half of those with their contact. Deterministic (by NIA); touches only entries still at 'none'.
 */
export async function seedDemoDirectoryConsent(db: Db, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = rowsOf<{ consent: string; n: number }>(
      await tx.execute(sql`
        WITH chosen AS (
          SELECT id, CASE WHEN abs(hashtext(nia)) % 6 = 0 THEN 'contact' ELSE 'basic' END AS consent
          FROM registrations
          WHERE status = 'active' AND directory_consent = 'none' AND abs(hashtext(nia)) % 3 = 0
        ), updated AS (
          UPDATE registrations r SET directory_consent = c.consent, directory_consent_at = now()
          FROM chosen c WHERE r.id = c.id
          RETURNING c.consent
        )
        SELECT consent, count(*)::int AS n FROM updated GROUP BY consent`),
    );
    const counts = Object.fromEntries(rows.map((r) => [r.consent, Number(r.n)]));
    const total = rows.reduce((s, r) => s + Number(r.n), 0);
    if (total > 0) {
      await recordAudit(tx, actor, {
        action: 'demo.directory_consent',
        targetType: 'registration',
        targetId: null,
        chamberCode: null,
        changes: counts,
      });
    }
    return total;
  });
}
