import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { accepted, api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { QueryState } from '../../../components/QueryState';
import { RecordActions } from '../../../components/RecordActions';
import { type Editing, RecordFormModal } from '../../../components/RecordFormModal';
import { MATCH_RESULT_LABELS } from '../labels';
import { useCanEditClients, useMatchApplications } from '../queries';
import type { ClientTabProps } from '../tab-props';
import { MatchApplicationsForm } from './MatchApplicationsForm';

type Application = components['schemas']['MatchApplicationResponse'];

const RESULT_COLORS: Record<Application['result'], string> = {
  pending: 'blue',
  matched: 'green',
  matched_soap: 'green',
  unmatched: 'red',
  withdrawn: 'gray',
};

/** One application per Match season: where it stands, from ERAS to the result. */
export function MatchApplicationsTab({ clientId }: ClientTabProps) {
  const applications = useMatchApplications(clientId);
  const [editing, setEditing] = useState<Editing<Application>>(null);
  const close = () => setEditing(null);
  const canEdit = useCanEditClients();

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          One application per Match season.
        </Text>
        {canEdit && <Button onClick={() => setEditing('new')}>Add Match application</Button>}
      </Group>
      <QueryState query={applications} label="the Match applications">
        {(page) =>
          page.items.length === 0 ? (
            <Text>No Match application yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Match</Table.Th>
                    <Table.Th scope="col">Result</Table.Th>
                    <Table.Th scope="col">ERAS</Table.Th>
                    <Table.Th scope="col">Programs</Table.Th>
                    <Table.Th scope="col">Interviews</Table.Th>
                    <Table.Th scope="col">Rank list</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{a.season}</Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={RESULT_COLORS[a.result]}>
                          {MATCH_RESULT_LABELS[a.result]}
                        </Badge>
                        {a.matchedProgram && (
                          <Text size="xs">
                            {a.matchedProgram}
                            {a.matchedSpecialty && ` · ${a.matchedSpecialty}`}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{a.erasSubmittedAt ?? '—'}</Table.Td>
                      <Table.Td>{a.programsApplied ?? '—'}</Table.Td>
                      <Table.Td>
                        {a.interviewsOffered == null && a.interviewsAttended == null
                          ? '—'
                          : `${a.interviewsAttended ?? 0} of ${a.interviewsOffered ?? '?'}`}
                      </Table.Td>
                      <Table.Td>{a.rankListCertifiedAt ?? '—'}</Table.Td>
                      <Table.Td>
                        {canEdit && (
                          <RecordActions
                            clientId={clientId}
                            what={`the ${a.season} Match application`}
                            onEdit={() => setEditing(a)}
                            remove={() =>
                              accepted(
                                api.DELETE('/api/v1/clients/{clientId}/match-applications/{id}', {
                                  params: { path: { clientId, id: a.id } },
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
        addTitle="Add Match application"
        editTitle="Edit Match application"
      >
        {(application) => <MatchApplicationsForm clientId={clientId} application={application} onDone={close} />}
      </RecordFormModal>
    </>
  );
}
