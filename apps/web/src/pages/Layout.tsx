import { AppShell, Button, Group, Text, Title } from '@mantine/core';
import { Outlet } from 'react-router-dom';
import { ROLE_LABELS } from '../api/labels';
import { useMe } from '../api/queries';
import { QueryState } from '../components/QueryState';
import { useSession } from '../session/SessionProvider';

/** Signed-in screens: who is signed in (GET /me), their role, and sign out. */
export function Layout() {
  const me = useMe();
  const { signOut } = useSession();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            IMG Pathways
          </Title>
          <Group gap="sm" wrap="nowrap">
            {me.data && (
              <Text size="sm" truncate data-testid="signed-in-as">
                {me.data.displayName} · {ROLE_LABELS[me.data.role]}
              </Text>
            )}
            <Button variant="subtle" size="xs" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <QueryState query={me} label="your account">
          {() => <Outlet />}
        </QueryState>
      </AppShell.Main>
    </AppShell>
  );
}
