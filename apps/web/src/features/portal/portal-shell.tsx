import { Box, Container, Group } from '@mantine/core';
import { Outlet } from 'react-router';
import { Brand } from '../../components/brand.tsx';
import { LanguageSwitcher } from '../../components/language-switcher.tsx';
import { LogoutButton } from '../../components/logout-button.tsx';
import { MAIN_ID, SkipLink } from '../../components/skip-link.tsx';
import classes from './portal-shell.module.css';

/** The artisan's space: phone first, big targets, nothing but what they need. */
export function PortalShell() {
  return (
    <Box className={classes.page} data-testid="portal-shell">
      <SkipLink />
      <Box component="header" className={classes.header}>
        <Container size="sm" py="xs">
          <Group justify="space-between" gap="xs">
            <Brand to="/portal" />
            <Group gap="xs">
              <LanguageSwitcher size="md" />
              <LogoutButton compact />
            </Group>
          </Group>
        </Container>
      </Box>
      <Box component="main" id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <Outlet />
      </Box>
    </Box>
  );
}
