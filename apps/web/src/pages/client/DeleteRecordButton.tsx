import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { messageOf } from '../../api/errors';
import { useRefreshClient } from './queries';

/** Deletes a record under a client once the person confirms: a record entered by mistake goes, with its reminders. */
export function DeleteRecordButton({
  clientId,
  what,
  remove,
}: {
  clientId: string;
  /** The record in words ("the Step 1 attempt of 2026-03-02"). */
  what: string;
  remove: () => Promise<unknown>;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const refresh = useRefreshClient(clientId);
  const deletion = useMutation({
    mutationFn: remove,
    onSuccess: async () => {
      close();
      await refresh();
    },
  });
  return (
    <>
      <Button size="xs" variant="subtle" color="red" onClick={open} aria-label={`Delete ${what}`}>
        Delete
      </Button>
      <Modal opened={opened} onClose={close} title="Delete this record?">
        <Stack>
          <Text size="sm">Delete {what}? The pathway is worked out again without it.</Text>
          {deletion.error != null && (
            <Alert color="red" role="alert" title="Not deleted">
              {messageOf(deletion.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep it
            </Button>
            <Button color="red" loading={deletion.isPending} onClick={() => deletion.mutate()}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
