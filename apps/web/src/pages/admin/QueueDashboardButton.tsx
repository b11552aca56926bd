import { Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { accepted, api } from '../../api/client';
import { messageOf } from '../../api/errors';

/** Bull Board, served by the API outside `/api`. */
const QUEUES_DASHBOARD = '/admin/queues';

/**
 * Opens the queue dashboard in a new tab. A page load cannot carry the bearer token, so the API
 * first sets it as a short-lived cookie limited to the dashboard's path.
 */
export function QueueDashboardButton() {
  const session = useMutation({ mutationFn: () => accepted(api.POST('/api/v1/admin/queues/session')) });

  const open = () => {
    // Opened during the click: a tab opened once the request has returned is blocked as a pop-up.
    const tab = window.open('about:blank', '_blank');
    session.mutate(undefined, {
      onSuccess: () => {
        if (!tab) return window.location.assign(QUEUES_DASHBOARD);
        tab.opener = null;
        tab.location.href = QUEUES_DASHBOARD;
      },
      onError: () => tab?.close(),
    });
  };

  return (
    <Stack gap={4} align="flex-end">
      <Button variant="light" onClick={open} loading={session.isPending}>
        Open the queue dashboard
      </Button>
      {session.isError && (
        <Text size="sm" c="red.9" role="alert">
          {messageOf(session.error)}
        </Text>
      )}
    </Stack>
  );
}
