import type { Session, User } from '@hirfa/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { i18n } from '../../i18n/i18n.ts';
import { findSavedLocale, saveLocale } from '../../i18n/locale.ts';
import { api } from '../../lib/api.ts';
import { homeFor, storeSession, storeUser } from '../../lib/session.ts';

/**
 * Language after login: a choice made on this device wins (and is saved on the account);
 * with no choice on this device, the account's language applies.
 */
async function reconcileLocale(client: QueryClient, user: User): Promise<void> {
  const saved = findSavedLocale();
  if (!saved) {
    saveLocale(user.locale);
    await i18n.changeLanguage(user.locale);
    return;
  }
  if (saved === user.locale) return;
  try {
    const updated = await api<User>('/api/v1/auth/me/preferences', {
      method: 'PATCH',
      body: { locale: saved },
    });
    storeUser(client, updated);
  } catch {
    // Not worth an error: the interface is already in the chosen language.
  }
}

export async function afterLogin(client: QueryClient, session: Session): Promise<void> {
  storeSession(client, session);
  await reconcileLocale(client, session.user);
}

/** The page asked for before login, when it belongs to this user's area; otherwise their home. */
export function landingFor(session: Session, next: string | null): string {
  const home = homeFor(session.user.role);
  if (!next?.startsWith('/') || next.startsWith('//')) return home;
  if (next.startsWith('/login') || next.startsWith('/signup')) return home;
  const area = next.startsWith('/office') ? '/office' : next.startsWith('/portal') ? '/portal' : null;
  return area === null || area === home ? next : home;
}
