import {
  ActionIcon,
  Alert,
  Anchor,
  AppShell,
  Box,
  Burger,
  Button,
  Group,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { NotificationBell } from '../modules/platform/notifications/NotificationBell.tsx';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { PageLoader } from '../ui/PageLoader.tsx';
import { setLanguage } from './i18n.ts';
import { NAV_SECTIONS, type NavItem, visibleNavItems } from './navigation.ts';
import { realtime, useRealtimeStatus } from './realtime.ts';
import { logout, useSession } from './session.ts';

function isActive(item: NavItem, pathname: string): boolean {
  return item.path === '/'
    ? pathname === '/'
    : pathname === item.path || pathname.startsWith(`${item.path}/`);
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'es' : 'en';
  const label = t('ui.header.language_to', { language: t(`ui.languages.${next}`) });
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      px={6}
      onClick={() => setLanguage(next)}
      aria-label={label}
      title={label}
      data-testid="language-switch"
    >
      {next.toUpperCase()}
    </Button>
  );
}

function ThemeToggle() {
  const { t } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const label = scheme === 'dark' ? t('ui.header.theme_light') : t('ui.header.theme_dark');
  return (
    <ActionIcon
      variant="subtle"
      size="lg"
      onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
      aria-label={label}
      title={label}
      data-testid="theme-toggle"
    >
      <span aria-hidden style={{ fontSize: 18, lineHeight: 1 }}>
        {scheme === 'dark' ? '☀' : '☾'}
      </span>
    </ActionIcon>
  );
}

function LiveDot() {
  const { t } = useTranslation();
  const status = useRealtimeStatus();
  const color = status === 'open' ? 'green' : status === 'closed' ? 'red' : 'yellow';
  const label = t(`ui.realtime.${status}`);
  return (
    <Box
      component="span"
      role="status"
      aria-label={label}
      title={label}
      data-testid="realtime-status"
      data-status={status}
      w={10}
      h={10}
      bg={`${color}.6`}
      style={{ borderRadius: '50%', display: 'inline-block', flex: 'none' }}
    />
  );
}

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);

  useEffect(() => {
    realtime.connect();
    return () => realtime.disconnect();
  }, []);

  // A new page closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => {
    close();
  }, [location.pathname]);

  const items = visibleNavItems(session.user.permissions, session.modules);
  const roles = session.user.roles.map((role) => t(`ui.roles.${role}`, { defaultValue: role })).join(', ');

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: { sm: 220, lg: 240 }, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'xs', sm: 'md' }}
    >
      <AppShell.Header className="no-print">
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('ui.header.close_menu') : t('ui.header.open_menu')}
              aria-expanded={opened}
              aria-controls="app-navbar"
              data-testid="menu-burger"
            />
            <UnstyledButton component={Link} to="/" fw={800} fz="lg" data-testid="app-name">
              {t('ui.app.name')}
            </UnstyledButton>
            <LiveDot />
          </Group>
          <Group gap={4} wrap="nowrap">
            <Text size="sm" visibleFrom="sm" truncate maw={220} mr="xs" data-testid="header-user">
              {session.user.full_name}
            </Text>
            <NotificationBell />
            <LanguageSwitch />
            <ThemeToggle />
            <ConfirmButton
              variant="light"
              size="compact-sm"
              onConfirm={logout}
              confirmTitle={t('ui.logout.title')}
              confirmMessage={t('ui.logout.message')}
              confirmLabel={t('ui.logout.confirm')}
              danger={false}
              data-testid="logout-button"
            >
              {t('ui.logout.button')}
            </ConfirmButton>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id="app-navbar"
        className="no-print"
        aria-label={t('ui.nav.label')}
        data-testid="navbar"
      >
        <AppShell.Section hiddenFrom="sm" px="md" pt="sm" pb="xs">
          <Text fw={600} size="sm" truncate>
            {session.user.full_name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {roles}
          </Text>
        </AppShell.Section>
        <AppShell.Section grow p="xs" style={{ overflowY: 'auto', overscrollBehavior: 'contain' }}>
          <Stack gap={2} component="nav">
            {NAV_SECTIONS.map((section) => {
              const sectionItems = items.filter((item) => item.module === section.module);
              if (sectionItems.length === 0) return null;
              return (
                <Box key={section.module} mb="xs">
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4}>
                    {t(section.label)}
                  </Text>
                  {sectionItems.map((item) => (
                    <NavLink
                      key={item.key}
                      component={Link}
                      to={item.path}
                      label={t(item.label)}
                      leftSection={
                        <span aria-hidden style={{ width: 20, textAlign: 'center' }}>
                          {item.icon}
                        </span>
                      }
                      active={isActive(item, location.pathname)}
                      data-testid={`nav-${item.key}`}
                      py={6}
                    />
                  ))}
                </Box>
              );
            })}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        {session.must_change_password && location.pathname !== '/account/password' ? (
          <Alert color="yellow" variant="light" mb="md" data-testid="must-change-password">
            {t('ui.password.must_change')}{' '}
            <Anchor component={Link} to="/account/password" size="sm">
              {t('ui.password.change_now')}
            </Anchor>
          </Alert>
        ) : null}
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}

export default Layout;
