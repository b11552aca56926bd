import { Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, ok } from '../../api/client';
import { problemsOf } from '../../api/errors';
import { FormButtons } from '../../components/FormButtons';
import { FormError } from '../../components/FormError';
import { usersKey, type Center, type User } from './admin-queries';
import { StaffPlacementFields } from './StaffPlacementFields';
import type { StaffRole } from './user-choices';

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
  const [placement, setPlacement] = useState<{ role: StaffRole; centerId: string | null }>({
    role: 'case_manager',
    centerId: null,
  });

  const invite = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/users', {
          body: { email, displayName, role: placement.role, centerId: placement.centerId ?? undefined },
        }),
      ),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      onInvited(user);
    },
  });

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
        <StaffPlacementFields {...placement} onChange={setPlacement} centers={centers} error={invite.error} />
        <FormButtons onCancel={onCancel} saving={invite.isPending}>
          Send invitation
        </FormButtons>
      </Stack>
    </form>
  );
}
