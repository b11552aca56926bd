import { Alert, Button, Card, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ok } from '../../../api/client';
import { messageOf, toApiError } from '../../../api/errors';
import { useMe } from '../../../api/queries';
import type { components } from '../../../api/schema';
import type { ClientTabProps } from '../tab-props';
import { NotesForm } from './NotesForm';
import { CONTACT_TYPE_LABELS } from './NotesLabels';

type Note = components['schemas']['NoteResponse'];

/** Which note the dialog is for: a new one, one to correct, or one to delete. */
type Dialog = { kind: 'add' } | { kind: 'edit'; note: Note } | { kind: 'delete'; note: Note } | null;

/** Case notes, newest contact first: only for the staff who work the case (the API refuses directors). */
export function NotesTab({ clientId }: ClientTabProps) {
  const me = useMe();
  const mayWork = me.data?.role === 'case_manager' || me.data?.role === 'admin';
  const notes = useInfiniteQuery({
    queryKey: ['clients', clientId, 'notes'],
    queryFn: ({ pageParam }) =>
      ok(api.GET('/api/v1/clients/{clientId}/notes', { params: { path: { clientId }, query: { cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: mayWork,
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const phone = useMediaQuery('(max-width: 36em)');
  const close = () => setDialog(null);

  if (!mayWork) return <Text>Case notes are kept for the staff who work the case.</Text>;
  const items = notes.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Notes
        </Title>
        <Button onClick={() => setDialog({ kind: 'add' })}>Add note</Button>
      </Group>
      {notes.isPending ? (
        <Group justify="center" py="lg" role="status">
          <Loader aria-label="Loading the notes" />
        </Group>
      ) : notes.isError && items.length === 0 ? (
        <Alert color="red" role="alert" title="Could not load the notes">
          <Stack gap="sm" align="flex-start">
            {messageOf(notes.error)}
            <Button size="xs" variant="light" color="red" onClick={() => void notes.refetch()}>
              Try again
            </Button>
          </Stack>
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">No notes yet. Add one after each contact with the client.</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Notes">
          {items.map((note) => (
            <Card key={note.id} withBorder component="li" padding="sm">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Text fw={600} size="sm">
                  {CONTACT_TYPE_LABELS[note.contactType]} · {dayjs(note.contactDate).format('D MMM YYYY')}
                </Text>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setDialog({ kind: 'edit', note })}
                    aria-label={`Edit the note of ${note.contactDate}`}
                  >
                    Edit
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => setDialog({ kind: 'delete', note })}
                    aria-label={`Delete the note of ${note.contactDate}`}
                  >
                    Delete
                  </Button>
                </Group>
              </Group>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {note.body}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      {notes.hasNextPage && (
        <Group justify="center">
          <Button variant="light" onClick={() => void notes.fetchNextPage()} loading={notes.isFetchingNextPage}>
            Load older notes
          </Button>
        </Group>
      )}
      <Modal
        opened={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        onClose={close}
        title={dialog?.kind === 'edit' ? 'Edit note' : 'Add a note'}
        fullScreen={phone}
        size="lg"
      >
        {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
          <NotesForm clientId={clientId} note={dialog.kind === 'edit' ? dialog.note : undefined} onDone={close} />
        )}
      </Modal>
      {dialog?.kind === 'delete' && <DeleteNote clientId={clientId} note={dialog.note} onDone={close} />}
    </Stack>
  );
}

function DeleteNote({ clientId, note, onDone }: { clientId: string; note: Note; onDone: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: async () => {
      // A 204 has no body, which ok() would take for a failure.
      const { error, response } = await api.DELETE('/api/v1/clients/{clientId}/notes/{id}', {
        params: { path: { clientId, id: note.id } },
      });
      if (!response.ok) throw toApiError(response.status, error);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['clients', clientId] });
      onDone();
    },
  });
  return (
    <Modal opened onClose={onDone} title="Delete this note?">
      <Stack gap="sm">
        <Text size="sm">
          The note of {dayjs(note.contactDate).format('D MMM YYYY')} will be removed from the client’s record. The audit
          log keeps that it was deleted.
        </Text>
        {remove.isError && (
          <Alert color="red" role="alert" title="Not deleted">
            {messageOf(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Keep it
          </Button>
          <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
            Delete note
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
