import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { accepted, api, ok } from '../../../api/client';
import { byCursor } from '../../../api/queries';
import type { components } from '../../../api/schema';
import { RecordActions } from '../../../components/RecordActions';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { QueryState } from '../../../components/QueryState';
import { type Editing, RecordFormModal } from '../../../components/RecordFormModal';
import { useCanEditClients } from '../queries';
import type { ClientTabProps } from '../tab-props';
import { NotesForm } from './NotesForm';
import { CONTACT_TYPE_LABELS } from './NotesLabels';

type Note = components['schemas']['NoteResponse'];

/** Case notes, newest contact first: only for the staff who work the case (the API refuses directors). */
export function NotesTab({ clientId }: ClientTabProps) {
  const mayWork = useCanEditClients();
  const notes = useInfiniteQuery({
    queryKey: ['clients', clientId, 'notes'],
    queryFn: ({ pageParam }) =>
      ok(api.GET('/api/v1/clients/{clientId}/notes', { params: { path: { clientId }, query: { cursor: pageParam } } })),
    ...byCursor,
    enabled: mayWork,
  });
  const [editing, setEditing] = useState<Editing<Note>>(null);
  const close = () => setEditing(null);

  if (!mayWork) return <Text>Case notes are kept for the staff who work the case.</Text>;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Notes
        </Title>
        <Button onClick={() => setEditing('new')}>Add note</Button>
      </Group>
      <QueryState query={notes} label="the notes">
        {({ pages }) => {
          const items = pages.flatMap((page) => page.items);
          return items.length === 0 ? (
            <Text c="dimmed">No notes yet. Add one after each contact with the client.</Text>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Notes">
              {items.map((note) => (
                <Card key={note.id} withBorder component="li" padding="sm">
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Text fw={600} size="sm">
                      {CONTACT_TYPE_LABELS[note.contactType]} · {dayjs(note.contactDate).format('D MMM YYYY')}
                    </Text>
                    <RecordActions
                      compact
                      clientId={clientId}
                      what={`the note of ${note.contactDate}`}
                      onEdit={() => setEditing(note)}
                      deletion={{
                        title: 'Delete this note?',
                        message: `The note of ${dayjs(note.contactDate).format('D MMM YYYY')} will be removed from the client’s record. The audit log keeps that it was deleted.`,
                        confirmLabel: 'Delete note',
                      }}
                      remove={() =>
                        accepted(
                          api.DELETE('/api/v1/clients/{clientId}/notes/{id}', {
                            params: { path: { clientId, id: note.id } },
                          }),
                        )
                      }
                    />
                  </Group>
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {note.body}
                  </Text>
                </Card>
              ))}
            </Stack>
          );
        }}
      </QueryState>
      <LoadMoreButton query={notes}>Load older notes</LoadMoreButton>
      <RecordFormModal editing={editing} onClose={close} addTitle="Add a note" editTitle="Edit note">
        {(note) => <NotesForm clientId={clientId} note={note ?? undefined} onDone={close} />}
      </RecordFormModal>
    </Stack>
  );
}
