import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { messageOf } from '../../api/errors';
import { usersKey, type User } from './admin-queries';

/** Deactivates a user (after a confirmation: it signs them out at once) or reactivates one. */
export function UserActivation({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const [confirming, { open, close }] = useDisclosure(false);
  const change = useMutation({
    mutationFn: (active: boolean) =>
      ok(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { active } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      close();
    },
  });

  if (!user.active) {
    return (
      <Stack gap={4}>
        <Button
          size="xs"
          variant="subtle"
          loading={change.isPending}
          onClick={() => change.mutate(true)}
          aria-label={`Reactivate ${user.displayName}`}
        >
          Reactivate
        </Button>
        {change.isError && (
          <Text size="xs" c="red.9" role="alert">
            {messageOf(change.error)}
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => {
          change.reset();
          open();
        }}
        aria-label={`Deactivate ${user.displayName}`}
      >
        Deactivate
      </Button>
      <Modal opened={confirming} onClose={close} title={`Deactivate ${user.displayName}?`}>
        <Stack>
          <Text>
            {user.email} will be signed out everywhere and can no longer sign in. Their records stay; you can reactivate
            them later.
          </Text>
          {change.isError && (
            <Alert color="red" role="alert" title="Not deactivated">
              {messageOf(change.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={change.isPending} onClick={() => change.mutate(false)}>
              Deactivate
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
