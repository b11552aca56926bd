import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { ROLE_LABELS, type Role } from '../../api/labels';
import { useAllCenters } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { SearchBox } from '../../components/SearchBox';
import { useUsers, type Center, type User, type UserFilters } from './admin-queries';
import { EditUserForm } from './EditUserForm';
import { InviteUserForm } from './InviteUserForm';
import { UserActivation } from './UserActivation';
import { centerChoices } from './user-choices';
import { useUserFilters } from './user-filters';
import { NOTICE_PROPS } from './notice-props';

const ROLE_FILTER = (Object.keys(ROLE_LABELS) as Role[]).map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const STATUS_FILTER = [
  { value: 'active', label: 'Active' },
  { value: 'inactive', label: 'Deactivated' },
];

/** Everyone with an account: invite staff, change a role or center, deactivate and reactivate. */
export function UsersSection() {
  const centers = useAllCenters();
  const [filters, setFilters] = useUserFilters();
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<User | null>(null);

  return (
    <QueryState query={centers} label="centers">
      {(centerList) => (
        <Stack>
          <Group justify="space-between" align="flex-end">
            <Group gap="sm" align="flex-end">
              <SearchBox
                value={filters.q}
                onSearch={(q) => setFilters({ q }, { replace: true })}
                placeholder="Name or e-mail"
                w={220}
              />
              <Select
                label="Role"
                placeholder="Any role"
                clearable
                data={ROLE_FILTER}
                value={filters.role ?? null}
                onChange={(role) => setFilters({ role: (role as Role | null) ?? undefined })}
                w={170}
              />
              <Select
                label="Center"
                placeholder="Any center"
                clearable
                searchable
                data={centerChoices(centerList)}
                value={filters.centerId ?? null}
                onChange={(centerId) => setFilters({ centerId: centerId ?? undefined })}
                w={220}
              />
              <Select
                label="Status"
                placeholder="Any status"
                clearable
                data={STATUS_FILTER}
                value={filters.active === undefined ? null : filters.active ? 'active' : 'inactive'}
                onChange={(status) => setFilters({ active: status === null ? undefined : status === 'active' })}
                w={150}
              />
            </Group>
            <Button
              onClick={() => {
                setInvited(null);
                setInviting(true);
              }}
            >
              Invite a user
            </Button>
          </Group>
          {invited && (
            <Alert {...NOTICE_PROPS} title="Invitation sent" onClose={() => setInvited(null)}>
              {invited.displayName} ({invited.email}) has an e-mail with a link to choose a password, valid for 72
              hours.
            </Alert>
          )}
          <UsersTable filters={filters} centers={centerList} />
          <Modal opened={inviting} onClose={() => setInviting(false)} title="Invite a user" size="lg">
            <InviteUserForm
              centers={centerList}
              onCancel={() => setInviting(false)}
              onInvited={(user) => {
                setInviting(false);
                setInvited(user);
              }}
            />
          </Modal>
        </Stack>
      )}
    </QueryState>
  );
}

function UsersTable({ filters, centers }: { filters: UserFilters; centers: Center[] }) {
  const users = useUsers(filters);
  const [editing, setEditing] = useState<User | null>(null);
  const centerName = new Map(centers.map((center) => [center.id, center.name]));

  return (
    <QueryState query={users} label="users">
      {({ pages }) => {
        const items = pages.flatMap((page) => page.items);
        if (items.length === 0) return <Text>No user matches these filters.</Text>;
        return (
          <>
            <Table.ScrollContainer minWidth={820}>
              <Table striped highlightOnHover aria-label="Users">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Role</Table.Th>
                    <Table.Th scope="col">Center</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((user) => (
                    <Table.Tr key={user.id} data-testid={`user-${user.email}`}>
                      <Table.Th scope="row" fw={500}>
                        {user.displayName}
                        <Text size="xs" c="dimmed">
                          {user.email}
                        </Text>
                      </Table.Th>
                      <Table.Td>{ROLE_LABELS[user.role]}</Table.Td>
                      <Table.Td>{user.centerId ? (centerName.get(user.centerId) ?? 'Unknown center') : '—'}</Table.Td>
                      <Table.Td>
                        <UserStatus user={user} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={() => setEditing(user)}
                            aria-label={`Edit ${user.displayName}`}
                          >
                            Edit
                          </Button>
                          <UserActivation user={user} />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {users.hasNextPage && (
              <Button variant="default" onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
                Load more users
              </Button>
            )}
            <Modal
              opened={editing !== null}
              onClose={() => setEditing(null)}
              title={editing ? `Edit ${editing.displayName}` : ''}
              size="lg"
            >
              {editing && <EditUserForm user={editing} centers={centers} onDone={() => setEditing(null)} />}
            </Modal>
          </>
        );
      }}
    </QueryState>
  );
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Badge colours chosen for AA contrast: Mantine's filled green and yellow are too light under white text. */
function UserStatus({ user }: { user: User }) {
  return (
    <Group gap={4}>
      {user.active ? <Badge color="teal.9">Active</Badge> : <Badge color="gray.9">Deactivated</Badge>}
      {!user.invitationAccepted && (
        <Badge color="yellow.3" c="dark.9">
          Invitation pending
        </Badge>
      )}
      {/* Locked for the address that guessed, not everywhere: the person can still sign in from their own. */}
      {user.lockedUntil && (
        <Badge color="red.9">Guessing locked out until {dateTime.format(new Date(user.lockedUntil))}</Badge>
      )}
    </Group>
  );
}
