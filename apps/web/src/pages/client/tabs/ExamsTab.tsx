import { Alert, Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { accepted, api, ok } from '../../../api/client';
import { messageOf } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { QueryState } from '../../../components/QueryState';
import { RecordActions } from '../../../components/RecordActions';
import { type Editing, RecordFormModal } from '../../../components/RecordFormModal';
import { EXAM_LABELS, EXAM_STATUS_COLORS, EXAM_STATUS_LABELS } from '../labels';
import { useCanEditClients, useExams, useRefreshClient } from '../queries';
import type { ClientTabProps } from '../tab-props';
import { ExamsForm } from './ExamsForm';

type Exam = components['schemas']['ExamResponse'];

/** Every exam attempt, oldest first as the API orders them; add, change, and verify what the IMG reported. */
export function ExamsTab({ clientId }: ClientTabProps) {
  const exams = useExams(clientId);
  const refresh = useRefreshClient(clientId);
  const [editing, setEditing] = useState<Editing<Exam>>(null);
  const close = () => setEditing(null);
  const canEdit = useCanEditClients();
  const verify = useMutation({
    mutationFn: (exam: Exam) =>
      ok(api.POST('/api/v1/clients/{clientId}/exams/{id}/verify', { params: { path: { clientId, id: exam.id } } })),
    onSuccess: refresh,
  });

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          USMLE Steps and OET Medicine, each attempt on its own line.
        </Text>
        {canEdit && <Button onClick={() => setEditing('new')}>Add exam attempt</Button>}
      </Group>
      {verify.error != null && (
        <Alert color="red" role="alert" title="Not verified" mb="sm">
          {messageOf(verify.error)}
        </Alert>
      )}
      <QueryState query={exams} label="the exams">
        {(page) =>
          page.items.length === 0 ? (
            <Text>No exam recorded yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped data-testid="exams-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Exam</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Eligibility</Table.Th>
                    <Table.Th scope="col">Scheduled</Table.Th>
                    <Table.Th scope="col">Taken</Table.Th>
                    <Table.Th scope="col">Score</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((exam) => (
                    <Table.Tr key={exam.id}>
                      <Table.Td>{EXAM_LABELS[exam.exam]}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge variant="dot" color={EXAM_STATUS_COLORS[exam.status]}>
                            {EXAM_STATUS_LABELS[exam.status]}
                          </Badge>
                          {!exam.verified && (
                            <Badge variant="dot" color="orange">
                              Reported by the client
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{windowOf(exam)}</Table.Td>
                      <Table.Td>{exam.scheduledDate ?? '—'}</Table.Td>
                      <Table.Td>{exam.testDate ?? '—'}</Table.Td>
                      <Table.Td>{scoreOf(exam)}</Table.Td>
                      <Table.Td>
                        {canEdit && (
                          <RecordActions
                            clientId={clientId}
                            what={`the ${EXAM_LABELS[exam.exam]} attempt${dateOf(exam)}`}
                            onEdit={() => setEditing(exam)}
                            remove={() =>
                              accepted(
                                api.DELETE('/api/v1/clients/{clientId}/exams/{id}', {
                                  params: { path: { clientId, id: exam.id } },
                                }),
                              )
                            }
                          >
                            {!exam.verified && (
                              <Button
                                size="xs"
                                color="orange"
                                loading={verify.isPending && verify.variables?.id === exam.id}
                                onClick={() => verify.mutate(exam)}
                                aria-label={`Verify the ${EXAM_LABELS[exam.exam]} the client reported`}
                              >
                                Verify
                              </Button>
                            )}
                          </RecordActions>
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
      <RecordFormModal editing={editing} onClose={close} addTitle="Add exam attempt" editTitle="Edit exam attempt">
        {(exam) => <ExamsForm clientId={clientId} exam={exam} onDone={close} />}
      </RecordFormModal>
    </>
  );
}

const dateOf = (exam: Exam): string => {
  const date = exam.testDate ?? exam.scheduledDate;
  return date ? ` of ${date}` : '';
};

function windowOf(exam: Exam): string {
  if (!exam.eligibilityStart && !exam.eligibilityEnd) return '—';
  const end = exam.extensionEnd ? `${exam.extensionEnd} (extended)` : (exam.eligibilityEnd ?? '…');
  return `${exam.eligibilityStart ?? '…'} to ${end}`;
}

function scoreOf(exam: Exam): string {
  const oet = exam.oetScores;
  if (oet) return `L ${oet.listening} · R ${oet.reading} · W ${oet.writing} · S ${oet.speaking}`;
  return exam.score === null ? '—' : String(exam.score);
}
