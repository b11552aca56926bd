import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, ok } from '../../api/client';
import { problemsOf } from '../../api/errors';
import { FormError } from '../../components/FormError';
import { usersKey, type Center, type User } from './admin-queries';
import { CENTER_HELP, centerChoices, STAFF_ROLE_CHOICES, type StaffRole } from './user-choices';

const FIELDS = ['email', 'displayName', 'role', 'centerId'];

/** Creates a staff account; the API e-mails the person a link to choose their password. */
export function InviteUserForm({
  centers,
  onInvited,
  onCancel,
}: {
  centers: Center[];
  onInvited: (user: User) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>('case_manager');
  const [centerId, setCenterId] = useState<string | null>(null);

  const invite = useMutation({
    mutationFn: () =>
      ok(api.POST('/api/v1/users', { body: { email, displayName, role, centerId: centerId ?? undefined } })),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      onInvited(user);
    },
  });

  const chooseRole = (value: string | null) => {
    const next = (value ?? 'case_manager') as StaffRole;
    setRole(next);
    if (next === 'admin') setCenterId(null);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    invite.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Invite a user">
      <Stack>
        <FormError error={invite.error} fields={FIELDS} />
        <TextInput
          label="E-mail"
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={problemsOf(invite.error, 'email')}
          data-autofocus
        />
        <TextInput
          label="Name"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={problemsOf(invite.error, 'displayName')}
        />
        <Select
          label="Role"
          required
          allowDeselect={false}
          data={STAFF_ROLE_CHOICES}
          value={role}
          onChange={chooseRole}
          error={problemsOf(invite.error, 'role')}
        />
        <Select
          label="Center"
          description={CENTER_HELP[role]}
          required={role === 'case_manager'}
          disabled={role === 'admin'}
          clearable
          searchable
          nothingFoundMessage="No such center"
          data={centerChoices(centers)}
          value={centerId}
          onChange={setCenterId}
          error={problemsOf(invite.error, 'centerId')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
