import type { Role } from '@hirfa/contracts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { Db } from '../../platform/db/client.ts';
import * as repo from './accounts.repo.ts';

export const DEMO_PASSWORD = 'Hirfa-demo-2026';

export interface DemoAccount {
  login: string;
  role: Role;
  chamberCode: string | null;
  displayName: string;
  locale: 'ar' | 'fr' | 'en' | 'zgh';
}

/** Demo accounts of a development start; never created when SEED_DEMO is false (production). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    login: 'federation@hirfa.ma',
    role: 'federation_admin',
    chamberCode: null,
    displayName: 'Nadia Benjelloun',
    locale: 'fr',
  },
  {
    login: 'admin.casa@hirfa.ma',
    role: 'chamber_admin',
    chamberCode: 'CA-MA-06',
    displayName: 'Youssef El Amrani',
    locale: 'fr',
  },
  {
    login: 'agent.casa@hirfa.ma',
    role: 'chamber_agent',
    chamberCode: 'CA-MA-06',
    displayName: 'Fatima Zahra Alaoui',
    locale: 'ar',
  },
  {
    login: 'agent.fes@hirfa.ma',
    role: 'chamber_agent',
    chamberCode: 'CA-MA-03',
    displayName: 'Mohammed Tazi',
    locale: 'ar',
  },
  {
    login: 'auditor@hirfa.ma',
    role: 'auditor',
    chamberCode: null,
    displayName: 'Karim Ouazzani',
    locale: 'fr',
  },
  { login: '0612345678', role: 'artisan', chamberCode: null, displayName: 'حسن آيت بلعيد', locale: 'ar' },
];

/** Creates the demo accounts that do not exist yet; returns how many were created. */
export async function seedDemoAccounts(db: Db, actor: Actor): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const a of DEMO_ACCOUNTS) {
    const isEmail = a.login.includes('@');
    const phone = isEmail ? null : `+212${a.login.slice(1)}`;
    const existing = isEmail
      ? await repo.findUserByEmail(db, a.login)
      : await repo.findUserByPhone(db, phone ?? '');
    if (existing) continue;
    await db.transaction(async (tx) => {
      const row = await repo.insertUser(tx, {
        role: a.role,
        chamberCode: a.chamberCode,
        displayName: a.displayName,
        email: isEmail ? a.login : null,
        phone,
        passwordHash,
        locale: a.locale,
      });
      await recordAudit(tx, actor, {
        action: 'user.create',
        targetType: 'user',
        targetId: row.id,
        chamberCode: a.chamberCode,
        changes: { role: a.role, chamberCode: a.chamberCode, demo: true },
      });
    });
    created++;
  }
  return created;
}
