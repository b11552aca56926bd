import { Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, ok } from '../../api/client';
import { problemsOf } from '../../api/errors';
import { FormError } from '../../components/FormError';
import { FormButtons } from '../../components/FormButtons';
import { usersKey, type Center, type User } from './admin-queries';
import { StaffPlacementFields } from './StaffPlacementFields';
import type { StaffRole } from './user-choices';

const FIELDS = ['displayName', 'role', 'centerId'];

/**
 * Renames a user, or moves a staff member to another role or center (which ends their sessions).
 * An IMG's account keeps its role, and its center follows the client record.
 */
export function EditUserForm({ user, centers, onDone }: { user: User; centers: Center[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const staff = user.role !== 'client';
  const [displayName, setDisplayName] = useState(user.displayName);
  // An IMG's account keeps its role: only staff get the role and center fields.
  const [placement, setPlacement] = useState({ role: user.role as StaffRole, centerId: user.centerId });

  const save = useMutation({
    mutationFn: () =>
      ok(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id } },
          body: staff ? { displayName, ...placement } : { displayName },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      onDone();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${user.displayName}`}>
      <Stack>
        <FormError error={save.error} fields={FIELDS} />
        <Text size="sm">{user.email}</Text>
        <TextInput
          label="Name"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={problemsOf(save.error, 'displayName')}
          data-autofocus
        />
        {staff ? (
          <>
            <StaffPlacementFields {...placement} onChange={setPlacement} centers={centers} error={save.error} />
            <Text size="sm" c="dimmed">
              A new role or center signs the person out everywhere; they sign in again with the same password.
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            An IMG’s account keeps its role; its center follows the client record.
          </Text>
        )}
        <FormButtons onCancel={onDone} saving={save.isPending}>
          Save user
        </FormButtons>
      </Stack>
    </form>
  );
}
