import { AppShell, Box, Burger, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { Brand } from '../../components/brand.tsx';
import { LanguageSwitcher } from '../../components/language-switcher.tsx';
import { LogoutButton } from '../../components/logout-button.tsx';
import { MAIN_ID, SkipLink } from '../../components/skip-link.tsx';
import { useSession } from '../../lib/session.ts';
import classes from './office-shell.module.css';
import { isActive, OFFICE_NAV } from './office-nav.ts';
import { useScopeLabel } from './use-scope.ts';

function UserBlock() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const scope = useScopeLabel(user);
  if (!user) return null;
  return (
    <Stack gap={0} className={classes.user}>
      <Text fw={600} size="sm" truncate="end" data-testid="user-name">
        <bdi>{user.displayName}</bdi>
      </Text>
      <Text size="xs" c="dimmed" truncate="end" data-testid="user-scope">
        {t(`common.roles.${user.role}`)} · <bdi>{scope}</bdi>
      </Text>
    </Stack>
  );
}

export function OfficeShell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const role = useSession().data?.user.role;
  const location = useLocation();
  const items = OFFICE_NAV.filter((item) => role && item.roles.includes(role));

  return (
    <AppShell
      data-testid="office-shell"
      header={{ height: { base: 108, sm: 64 } }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Box className={classes.headerInner}>
          <Burger
            className={classes.burger}
            opened={opened}
            onClick={toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={opened ? t('office.shell.closeMenu') : t('office.shell.openMenu')}
            aria-expanded={opened}
            aria-controls="office-navbar"
          />
          <Box className={classes.brand}>
            <Brand to="/office" compact />
          </Box>
          <Box className={classes.userArea}>
            <UserBlock />
          </Box>
          <Box className={classes.actions}>
            <LanguageSwitcher />
            <LogoutButton compact />
          </Box>
        </Box>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="office-navbar" component="nav" aria-label={t('office.nav.label')}>
        {items.map((item) => {
          const active = isActive(item, location.pathname);
          const Icon = item.icon;
          return (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              end
              label={t(item.labelKey)}
              leftSection={<Icon size={20} aria-hidden="true" />}
              active={active}
              onClick={close}
              mih={44}
              data-testid={`nav-${item.to.split('/').pop()}`}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
