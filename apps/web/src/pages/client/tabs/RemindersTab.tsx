import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, ok } from '../../../api/client';
import { QueryState } from '../../../components/QueryState';
import type { ClientTabProps } from '../tab-props';
import {
  REMINDER_RULE_LABELS,
  REMINDER_STATUS_COLORS,
  REMINDER_STATUS_LABELS,
  reminderSubject,
} from './RemindersLabels';
import { useCenterStaff } from './TasksQueries';

/**
 * The reminders the system keeps for this client, read-only: what is scheduled (soonest first),
 * then what went out and how. They follow the records: change a record and they are re-planned.
 */
export function RemindersTab({ clientId, client }: ClientTabProps) {
  const reminders = useQuery({
    queryKey: ['clients', clientId, 'reminders'],
    queryFn: () => ok(api.GET('/api/v1/clients/{clientId}/reminders', { params: { path: { clientId } } })),
  });
  const staff = useCenterStaff(client.centerId);

  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        Reminders
      </Title>
      <QueryState query={reminders} label="the reminders">
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">
              No reminders yet. They are planned from the client’s exams, deadlines and tasks as those are recorded.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={640} type="native">
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Reminder</Table.Th>
                    <Table.Th scope="col">To</Table.Th>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((reminder) => {
                    const at = reminder.sentAt ?? reminder.dueAt;
                    return (
                      <Table.Tr key={`${reminder.dedupeKey}:${reminder.status}`}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {REMINDER_RULE_LABELS[reminder.rule]}
                          </Text>
                          {/* What it said is not a director's to read (the API leaves it out for them). */}
                          {'data' in reminder && (
                            <Text size="xs" c="dimmed">
                              {reminderSubject(reminder.data)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {reminder.audience === 'client'
                            ? 'The client'
                            : ((reminder.recipientUserId && staff.nameOf(reminder.recipientUserId)) ?? 'Staff')}
                        </Table.Td>
                        <Table.Td>
                          {at ? <time dateTime={at}>{dayjs(at).format('D MMM YYYY, HH:mm')}</time> : '—'}
                        </Table.Td>
                        <Table.Td>
                          <Badge size="sm" variant="dot" color={REMINDER_STATUS_COLORS[reminder.status]}>
                            {REMINDER_STATUS_LABELS[reminder.status]}
                          </Badge>
                          {/* The error itself is an admin's to read (the API leaves it out for others). */}
                          {(reminder.status === 'failed' || reminder.status === 'retrying') && (
                            <Text size="xs" c="red.9" mt={2}>
                              {reminder.attempts === 1 ? '1 attempt' : `${reminder.attempts} attempts`}
                              {'lastError' in reminder && reminder.lastError ? `: ${reminder.lastError}` : ''}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
