import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../lib/session.ts';

/** Logs out, forgets every cached answer, and goes back to the home page. */
export function LogoutButton({
  compact = false,
  size = 'sm',
}: {
  compact?: boolean;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  async function onClick(): Promise<void> {
    setBusy(true);
    try {
      await logout();
    } catch {
      // The cookie may already be gone; the local session is cleared either way.
    } finally {
      setBusy(false);
      void navigate('/', { replace: true });
    }
  }

  if (compact) {
    return (
      <Tooltip label={t('common.actions.logout')}>
        <ActionIcon
          data-testid="logout"
          variant="subtle"
          size="xl"
          loading={busy}
          aria-label={t('common.actions.logout')}
          onClick={() => void onClick()}
        >
          <IconLogout aria-hidden="true" className="flip-rtl" />
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <Button
      data-testid="logout"
      variant="light"
      size={size}
      loading={busy}
      leftSection={<IconLogout aria-hidden="true" size={18} className="flip-rtl" />}
      onClick={() => void onClick()}
    >
      {t('common.actions.logout')}
    </Button>
  );
}
