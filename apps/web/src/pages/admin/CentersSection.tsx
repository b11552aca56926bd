import { Button, Group, Modal, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useAllCenters } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import type { Center } from './admin-queries';
import { CenterForm } from './CenterForm';

/** The network's centers: list, create, edit. */
export function CentersSection() {
  const centers = useAllCenters();
  // `null`: a new center; a center: editing it; undefined: no form open.
  const [editing, setEditing] = useState<Center | null | undefined>(undefined);
  const close = () => setEditing(undefined);

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text c="dimmed" size="sm">
          Each center’s time zone sets when its reminders go out.
        </Text>
        <Button onClick={() => setEditing(null)}>New center</Button>
      </Group>
      <QueryState query={centers} label="centers">
        {(items) =>
          items.length === 0 ? (
            <Text>No centers yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover aria-label="Centers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Slug</Table.Th>
                    <Table.Th scope="col">City</Table.Th>
                    <Table.Th scope="col">Time zone</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((center) => (
                    <Table.Tr key={center.id}>
                      <Table.Th scope="row" fw={500}>
                        {center.name}
                        <Text size="xs" c="dimmed">
                          {center.hostInstitution}
                        </Text>
                      </Table.Th>
                      <Table.Td>{center.slug}</Table.Td>
                      <Table.Td>
                        {center.city}, {center.state}
                      </Table.Td>
                      <Table.Td>{center.timeZone}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => setEditing(center)}
                          aria-label={`Edit ${center.name}`}
                        >
                          Edit
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <Modal
        opened={editing !== undefined}
        onClose={close}
        title={editing ? `Edit ${editing.name}` : 'New center'}
        size="lg"
      >
        {editing !== undefined && <CenterForm center={editing ?? undefined} onDone={close} />}
      </Modal>
    </>
  );
}
