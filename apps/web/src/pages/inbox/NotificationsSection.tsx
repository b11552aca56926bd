import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { messageOf } from '../../api/errors';
import type { components } from '../../api/schema';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { useMarkRead, useNotifications } from './inbox-queries';

type Rule = components['schemas']['NotificationResponse']['rule'];

/**
 * The client page's tab where a notification is acted on (its `link` is for the IMG's own page,
 * or an e-mail, not the staff's screens).
 */
const TAB_OF_RULE: Record<Rule, string> = {
  exam_upcoming: 'exams',
  eligibility_closing: 'exams',
  result_pending: 'exams',
  report_result: 'exams',
  oet_cutoff: 'exams',
  third_attempt_used: 'exams',
  seven_year_window: 'exams',
  match_deadline: 'match-applications',
  requirements_unmet: 'exams',
  match_result_due: 'match-applications',
  soap_open: 'match-applications',
  document_review_requested: 'documents',
  document_reviewed: 'documents',
  task_due: 'tasks',
  task_overdue: 'tasks',
  clinical_experience_ending: 'clinical-experience',
  no_contact: 'notes',
};

/** The signed-in person's in-app notifications, unread first; each marked read here or on opening it. */
export function NotificationsSection() {
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const unread = notifications.data?.pages[0]?.unread ?? 0;

  return (
    <Stack gap="sm" component="section" aria-labelledby="notifications-title">
      <Group gap="xs">
        <Title order={2} size="h4" id="notifications-title">
          Notifications
        </Title>
        {unread > 0 && (
          <Badge color="red" variant="filled" data-testid="unread-count">
            {unread} unread
          </Badge>
        )}
      </Group>
      {markRead.isError && (
        <Alert color="red" role="alert" title="Not marked read">
          {messageOf(markRead.error)}
        </Alert>
      )}
      <QueryState query={notifications} label="your notifications">
        {({ pages }) => {
          const items = pages.flatMap((page) => page.items);
          return items.length === 0 ? (
            <Text c="dimmed">No notifications. Reminders about your clients will appear here.</Text>
          ) : (
            <Stack
              gap="xs"
              component="ul"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
              aria-label="Notifications"
            >
              {items.map((notification) => {
                const isUnread = notification.readAt === null;
                return (
                  <Card
                    key={notification.id}
                    withBorder
                    component="li"
                    padding="sm"
                    bg={isUnread ? 'blue.0' : undefined}
                    data-unread={isUnread}
                  >
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Group gap="xs">
                          <Text fw={isUnread ? 700 : 500} size="sm">
                            {notification.title}
                          </Text>
                          {isUnread && (
                            <Badge size="xs" variant="filled">
                              New
                            </Badge>
                          )}
                        </Group>
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {notification.body}
                        </Text>
                        <Text size="xs" c="dimmed">
                          <time dateTime={notification.createdAt}>
                            {dayjs(notification.createdAt).format('D MMM YYYY, HH:mm')}
                          </time>
                          {' · '}
                          <Anchor
                            component={Link}
                            to={`/clients/${notification.clientId}/${TAB_OF_RULE[notification.rule]}`}
                            size="xs"
                            underline="always"
                            onClick={() => isUnread && markRead.mutate(notification.id)}
                          >
                            Open the client
                          </Anchor>
                        </Text>
                      </Stack>
                      {isUnread && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => markRead.mutate(notification.id)}
                          loading={markRead.isPending && markRead.variables === notification.id}
                          aria-label={`Mark read: ${notification.title}`}
                        >
                          Mark read
                        </Button>
                      )}
                    </Group>
                  </Card>
                );
              })}
            </Stack>
          );
        }}
      </QueryState>
      <LoadMoreButton query={notifications}>Load older notifications</LoadMoreButton>
    </Stack>
  );
}
