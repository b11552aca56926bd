import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { messageOf } from '../../api/errors';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { dueText, OverdueBadge } from '../client/tabs/TaskDue';
import { useCompleteTask } from '../client/tabs/TasksQueries';
import { useMyTasks } from './inbox-queries';

/** The open tasks assigned to the signed-in person, across their clients: what to do next. */
export function MyTasksSection() {
  const tasks = useMyTasks();
  const complete = useCompleteTask();

  return (
    <Stack gap="sm" component="section" aria-labelledby="my-tasks-title">
      <Title order={2} size="h4" id="my-tasks-title">
        My open tasks
      </Title>
      {complete.isError && (
        <Alert color="red" role="alert" title="Not marked done">
          {messageOf(complete.error)}
        </Alert>
      )}
      <QueryState query={tasks} label="your tasks">
        {({ pages }) => {
          const items = pages.flatMap((page) => page.items);
          return items.length === 0 ? (
            <Text c="dimmed">No open tasks are assigned to you.</Text>
          ) : (
            <Stack
              gap="xs"
              component="ul"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
              aria-label="My open tasks"
            >
              {items.map((task) => {
                return (
                  <Card key={task.id} withBorder component="li" padding="sm">
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Group gap="xs">
                          <Text fw={600} size="sm">
                            {task.title}
                          </Text>
                          {/* The inbox lists open tasks only. */}
                          <OverdueBadge dueDate={task.dueDate} open />
                        </Group>
                        <Text size="sm" c="dimmed">
                          <Anchor component={Link} to={`/clients/${task.clientId}/tasks`} size="sm" underline="always">
                            {task.clientLastName}, {task.clientFirstName}
                          </Anchor>
                          {' · '}
                          {dueText(task.dueDate)}
                        </Text>
                      </Stack>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => complete.mutate({ clientId: task.clientId, id: task.id })}
                        loading={complete.isPending && complete.variables?.id === task.id}
                        aria-label={`Mark “${task.title}” done`}
                      >
                        Done
                      </Button>
                    </Group>
                  </Card>
                );
              })}
            </Stack>
          );
        }}
      </QueryState>
      <LoadMoreButton query={tasks}>Load more tasks</LoadMoreButton>
    </Stack>
  );
}
