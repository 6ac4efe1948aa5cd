import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Brand } from '../../components/brand.tsx';
import { LanguageSwitcher } from '../../components/language-switcher.tsx';
import { LogoutButton } from '../../components/logout-button.tsx';
import { MAIN_ID, SkipLink } from '../../components/skip-link.tsx';
import { homeFor, useSession } from '../../lib/session.ts';
import { DIRECTORY_NAV } from '../search/search.routes.ts';
import classes from './public-layout.module.css';

function AccountActions() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.data) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Button component={NavLink} to={homeFor(session.data.user.role)} variant="filled" size="sm">
          {t('public.nav.mySpace')}
        </Button>
        <LogoutButton compact />
      </Group>
    );
  }
  return (
    <Button component={NavLink} to="/login" size="sm" data-testid="nav-login">
      {t('public.nav.login')}
    </Button>
  );
}

export function PublicLayout() {
  const { t } = useTranslation();
  const links = [
    { to: '/reference/regions', label: t('public.nav.regions') },
    { to: '/reference/chambers', label: t('public.nav.chambers') },
    { to: '/reference/activities', label: t('public.nav.activities') },
    { to: '/directory', label: t(DIRECTORY_NAV) },
  ];
  return (
    <Box className={classes.page}>
      <SkipLink />
      <Box component="header" className={classes.header}>
        <Container size="lg" py="xs">
          <Group justify="space-between" gap="xs">
            <Brand />
            <Group gap="xs">
              <LanguageSwitcher />
              <AccountActions />
            </Group>
          </Group>
          <Box component="nav" aria-label={t('public.nav.label')} mt={4}>
            <Group gap={4} component="ul" className={classes.navList}>
              {links.map((link) => (
                <li key={link.to}>
                  <Anchor component={NavLink} to={link.to} className={classes.navLink}>
                    {link.label}
                  </Anchor>
                </li>
              ))}
            </Group>
          </Box>
        </Container>
      </Box>
      <Box component="main" id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <Outlet />
      </Box>
      <Box component="footer" className={classes.footer}>
        <Container size="lg" py="md">
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {t('public.footer.tagline')}
            </Text>
            <Anchor href="/docs" size="sm">
              {t('public.footer.apiDocs')}
            </Anchor>
          </Group>
        </Container>
      </Box>
    </Box>
  );
}
