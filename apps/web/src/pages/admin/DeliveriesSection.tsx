import { Alert, Anchor, Button, Code, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ok } from '../../api/client';
import { messageOf } from '../../api/errors';
import { ROLE_LABELS } from '../../api/labels';
import { QueryState } from '../../components/QueryState';
import { failedDeliveriesKey, useFailedDeliveries, useUser, type Delivery } from './admin-queries';
import { CHANNEL_LABELS, REMINDER_RULE_LABELS } from './delivery-labels';
import { NOTICE_PROPS } from './notice-props';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Reminders the worker gave up sending after its retries, with why, and a way to send each again. */
export function DeliveriesSection() {
  const deliveries = useFailedDeliveries();
  const [retried, setRetried] = useState<Delivery | null>(null);

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        A retry checks first that the reminder is still wanted (the exam not moved, the task not done), then sends it.
      </Text>
      {retried && (
        <Alert {...NOTICE_PROPS} title="Queued again" onClose={() => setRetried(null)}>
          The “{REMINDER_RULE_LABELS[retried.rule]}” reminder is being sent again.
        </Alert>
      )}
      <QueryState query={deliveries} label="failed deliveries">
        {({ pages }) => {
          const items = pages.flatMap((page) => page.items);
          if (items.length === 0) return <Text>No failed deliveries: every reminder went out.</Text>;
          return (
            <>
              <Table.ScrollContainer minWidth={860}>
                <Table striped aria-label="Failed deliveries" verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Reminder</Table.Th>
                      <Table.Th scope="col">To</Table.Th>
                      <Table.Th scope="col">Attempts</Table.Th>
                      <Table.Th scope="col">Error</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((delivery) => (
                      <DeliveryRow key={delivery.id} delivery={delivery} onRetried={setRetried} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {deliveries.hasNextPage && (
                <Button
                  variant="default"
                  onClick={() => void deliveries.fetchNextPage()}
                  loading={deliveries.isFetchingNextPage}
                >
                  Load more
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function DeliveryRow({ delivery, onRetried }: { delivery: Delivery; onRetried: (delivery: Delivery) => void }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/admin/deliveries/{id}/retry', { params: { path: { id: delivery.id } } })),
    onSuccess: async (queued) => {
      onRetried(queued);
      await queryClient.invalidateQueries({ queryKey: failedDeliveriesKey });
    },
    // A 409: someone retried it meanwhile; the list shows how things stand.
    onError: () => void queryClient.invalidateQueries({ queryKey: failedDeliveriesKey }),
  });
  const label = REMINDER_RULE_LABELS[delivery.rule];

  return (
    <Table.Tr data-testid={`delivery-${delivery.id}`}>
      <Table.Th scope="row" fw={500}>
        {label}
        <Text size="xs" c="dimmed">
          Failed {dateTime.format(new Date(delivery.updatedAt))} ·{' '}
          {delivery.channels.map((channel) => CHANNEL_LABELS[channel] ?? channel).join(', ')}
        </Text>
      </Table.Th>
      <Table.Td>
        <Recipient userId={delivery.recipientUserId} />
        <Anchor component={Link} to={`/clients/${delivery.clientId}`} size="xs">
          Open the client
        </Anchor>
      </Table.Td>
      <Table.Td>{delivery.attempts}</Table.Td>
      <Table.Td maw={320}>
        <Code block style={{ whiteSpace: 'pre-wrap' }}>
          {delivery.lastError ?? 'No error recorded'}
        </Code>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Button size="xs" onClick={() => retry.mutate()} loading={retry.isPending} aria-label={`Retry ${label}`}>
            Retry
          </Button>
          {retry.isError && (
            <Text size="xs" c="red.9" role="alert">
              {messageOf(retry.error)}
            </Text>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** The recipient's name and role; a recipient who cannot be loaded is still a recipient. */
function Recipient({ userId }: { userId: string }) {
  const user = useUser(userId);
  if (user.data)
    return (
      <Text size="sm">
        {user.data.displayName} ({ROLE_LABELS[user.data.role]})
      </Text>
    );
  return (
    <Text size="sm" c="dimmed">
      {user.isError ? 'Recipient not found' : 'Loading recipient…'}
    </Text>
  );
}
