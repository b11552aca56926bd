import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { accepted, api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { QueryState } from '../../../components/QueryState';
import { RecordActions } from '../../../components/RecordActions';
import { type Editing, RecordFormModal } from '../../../components/RecordFormModal';
import { EXPERIENCE_KIND_LABELS, EXPERIENCE_STATUS_LABELS } from '../labels';
import { useCanEditClients, useClinicalExperiences } from '../queries';
import type { ClientTabProps } from '../tab-props';
import { ClinicalExperienceForm } from './ClinicalExperienceForm';

type Experience = components['schemas']['ClinicalExperienceResponse'];

const STATUS_COLORS: Record<Experience['status'], string> = {
  planned: 'gray',
  ongoing: 'blue',
  completed: 'green',
  cancelled: 'gray',
};

/** Observerships, externships, rotations and the like, newest first; the letters of recommendation they bring. */
export function ClinicalExperienceTab({ clientId }: ClientTabProps) {
  const experiences = useClinicalExperiences(clientId);
  const [editing, setEditing] = useState<Editing<Experience>>(null);
  const close = () => setEditing(null);
  const canEdit = useCanEditClients();

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          US clinical experience and the letters of recommendation that come from it.
        </Text>
        {canEdit && <Button onClick={() => setEditing('new')}>Add clinical experience</Button>}
      </Group>
      <QueryState query={experiences} label="the clinical experience">
        {(page) =>
          page.items.length === 0 ? (
            <Text>No clinical experience recorded yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Kind</Table.Th>
                    <Table.Th scope="col">Institution</Table.Th>
                    <Table.Th scope="col">Dates</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Letter</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((x) => (
                    <Table.Tr key={x.id}>
                      <Table.Td>
                        {EXPERIENCE_KIND_LABELS[x.kind]}
                        {x.specialty && ` · ${x.specialty}`}
                      </Table.Td>
                      <Table.Td>
                        {x.institution}
                        {(x.city || x.state) && `, ${[x.city, x.state].filter(Boolean).join(', ')}`}
                      </Table.Td>
                      <Table.Td>
                        {x.startDate ?? '…'} to {x.endDate ?? '…'}
                        {x.hours != null && ` (${x.hours} h)`}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={STATUS_COLORS[x.status]}>
                          {EXPERIENCE_STATUS_LABELS[x.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {x.letterReceivedAt
                          ? `Received ${x.letterReceivedAt}`
                          : x.letterRequestedAt
                            ? `Requested ${x.letterRequestedAt}`
                            : '—'}
                      </Table.Td>
                      <Table.Td>
                        {canEdit && (
                          <RecordActions
                            clientId={clientId}
                            what={`the ${EXPERIENCE_KIND_LABELS[x.kind].toLowerCase()} at ${x.institution}`}
                            onEdit={() => setEditing(x)}
                            remove={() =>
                              accepted(
                                api.DELETE('/api/v1/clients/{clientId}/clinical-experiences/{id}', {
                                  params: { path: { clientId, id: x.id } },
                                }),
                              )
                            }
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <RecordFormModal
        editing={editing}
        onClose={close}
        addTitle="Add clinical experience"
        editTitle="Edit clinical experience"
      >
        {(experience) => <ClinicalExperienceForm clientId={clientId} experience={experience} onDone={close} />}
      </RecordFormModal>
    </>
  );
}
