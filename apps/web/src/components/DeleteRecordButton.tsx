import { Alert, Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { messageOf } from '../api/errors';
import { CASELOAD_KEY } from '../api/queries';

/**
 * Deletes a record under a client once the person confirms: a record entered by mistake goes, with
 * its reminders. Then every query under ['clients', clientId] (header, pathway, tabs) is fetched
 * again, the caseload lists are marked stale, and those of `alsoRefresh` (e.g. the inbox's ['tasks']). A refusal shows the API's message.
 */
export function DeleteRecordButton({
  clientId,
  what,
  remove,
  title = 'Delete this record?',
  message,
  confirmLabel = 'Delete',
  alsoRefresh = [],
  size = 'xs',
}: {
  clientId: string;
  /** The record in words ("the Step 1 attempt of 2026-03-02"): the button's accessible name is "Delete " + what. */
  what: string;
  /** The DELETE call, e.g. `() => accepted(api.DELETE(...))`. */
  remove: () => Promise<unknown>;
  /** The dialog's title. */
  title?: string;
  /** What deleting does, in the dialog; by default "Delete {what}? The pathway is worked out again without it." */
  message?: ReactNode;
  /** The confirming button's text ("Delete service"). */
  confirmLabel?: string;
  /** Query keys outside the client's to refresh too. */
  alsoRefresh?: readonly QueryKey[];
  size?: ButtonProps['size'];
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const deletion = useMutation({
    mutationFn: remove,
    onSuccess: async () => {
      close();
      await Promise.all(
        [['clients', clientId], CASELOAD_KEY, ...alsoRefresh].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
  // A refusal from an earlier try is not shown again when the dialog reopens.
  const ask = () => {
    deletion.reset();
    open();
  };
  return (
    <>
      <Button size={size} variant="subtle" color="red" onClick={ask} aria-label={`Delete ${what}`}>
        Delete
      </Button>
      <Modal opened={opened} onClose={close} title={title}>
        <Stack>
          <Text size="sm">{message ?? <>Delete {what}? The pathway is worked out again without it.</>}</Text>
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
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
