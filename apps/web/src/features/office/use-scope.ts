import type { User } from '@hirfa/contracts';
import { useTranslation } from 'react-i18next';
import { useChambers } from '../reference/reference.api.ts';

/** "National", or the name of the user's chamber (its code until the list has loaded). */
export function useScopeLabel(user: User | undefined): string {
  const { t } = useTranslation();
  const chambers = useChambers();
  if (!user) return '';
  if (!user.chamberCode) return t('office.scope.national');
  return chambers.data?.find((c) => c.code === user.chamberCode)?.name ?? user.chamberCode;
}
