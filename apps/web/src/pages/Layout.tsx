import { Anchor, AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { ROLE_LABELS, type Role } from '../api/labels';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useDocumentLanguage, useLanguage } from '../i18n/useLanguage';
import { useMe } from '../api/queries';
import { QueryState } from '../components/QueryState';
import { useSession } from '../session/SessionProvider';

/** The screens each staff role moves between. An IMG has one screen, and no menu. */
const NAVIGATION: Record<Role, { to: string; label: string }[]> = {
  client: [],
  case_manager: [
    { to: '/caseload', label: 'Caseload' },
    { to: '/inbox', label: 'My tasks and reminders' },
    { to: '/clients/new', label: 'New client' },
  ],
  director: [
    { to: '/dashboard', label: 'Dashboard' },
    { to: '/caseload', label: 'Caseload' },
    { to: '/inbox', label: 'Reminders' },
  ],
  admin: [
    { to: '/admin', label: 'Administration' },
    { to: '/dashboard', label: 'Dashboard' },
    { to: '/caseload', label: 'Caseload' },
    { to: '/clients/new', label: 'New client' },
    { to: '/inbox', label: 'Reminders' },
  ],
};

/** Signed-in screens: who is signed in (GET /me), their role's menu, and sign out. */
export function Layout() {
  const me = useMe();
  // Staff screens are in English, whatever the pages before sign-in were shown in; an IMG's follow their language.
  useDocumentLanguage(me.data?.role === 'client' ? null : 'en');
  const { signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const links = me.data ? NAVIGATION[me.data.role] : [];
  const withMenu = links.length > 0;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={withMenu ? { width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {withMenu && <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />}
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={2} size="h4">
                IMG Pathways
              </Title>
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {me.data && (
              <Text size="sm" truncate data-testid="signed-in-as" visibleFrom="xs">
                {me.data.displayName} · {ROLE_LABELS[me.data.role]}
              </Text>
            )}
            {me.data?.role === 'client' ? (
              <>
                <LanguageSwitch />
                <ClientSignOut onClick={() => void signOut()} />
              </>
            ) : (
              <Button variant="subtle" size="xs" onClick={() => void signOut()}>
                Sign out
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      {withMenu && (
        <AppShell.Navbar p="xs" aria-label="Main">
          <Stack gap={2} component="nav">
            {links.map((link) => (
              <NavLink
                key={link.to}
                component={Link}
                to={link.to}
                label={link.label}
                // Filled: white on blue 9 reads at AA whether or not the pointer is over it.
                variant="filled"
                active={isCurrent(link.to, pathname)}
                aria-current={isCurrent(link.to, pathname) ? 'page' : undefined}
                onClick={close}
              />
            ))}
          </Stack>
        </AppShell.Navbar>
      )}
      <AppShell.Main>
        <QueryState query={me} label="your account">
          {() => <Outlet />}
        </QueryState>
      </AppShell.Main>
    </AppShell>
  );
}

/** The menu entry of the screen shown: the admin entry covers its sections (/admin/users…). */
function isCurrent(to: string, pathname: string): boolean {
  return to === '/admin' ? pathname === to || pathname.startsWith(`${to}/`) : pathname === to;
}

/** An IMG's screens are in their language (staff ones are in English): so is signing out. */
function ClientSignOut({ onClick }: { onClick: () => void }) {
  const { t } = useLanguage();
  return (
    <Button variant="subtle" size="xs" onClick={onClick}>
      {t.signOut}
    </Button>
  );
}
