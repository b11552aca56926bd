import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { accepted, api, ok } from '../../../api/client';
import { messageOf } from '../../../api/errors';
import { byCursor, useMe } from '../../../api/queries';
import type { components } from '../../../api/schema';
import { type AsRead, isWhole } from '../../../api/views';
import { RecordActions } from '../../../components/RecordActions';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { QueryState } from '../../../components/QueryState';
import { type Editing, RecordFormModal } from '../../../components/RecordFormModal';
import { useCanEditClients } from '../queries';
import type { ClientTabProps } from '../tab-props';
import { dueText, OverdueBadge } from './TaskDue';
import { TasksForm } from './TasksForm';
import { TASK_STATUS_COLORS, TASK_STATUS_LABELS } from './TasksLabels';
import { useCenterStaff, useCompleteTask } from './TasksQueries';

type Task = components['schemas']['TaskResponse'];
type TaskDirectorView = components['schemas']['TaskDirectorView'];

/** The client's case plan: tasks, next due first, undated last (the API's order). */
export function TasksTab({ clientId, client }: ClientTabProps) {
  const me = useMe();
  const mayWrite = useCanEditClients();
  const assignees = useCenterStaff(client.centerId);
  const tasks = useInfiniteQuery({
    queryKey: ['clients', clientId, 'tasks'],
    queryFn: ({ pageParam }) =>
      ok(api.GET('/api/v1/clients/{clientId}/tasks', { params: { path: { clientId }, query: { cursor: pageParam } } })),
    ...byCursor,
  });
  const markDone = useCompleteTask();
  const [editing, setEditing] = useState<Editing<Task>>(null);
  const close = () => setEditing(null);
  const assigneeLabel = (task: TaskDirectorView) =>
    task.assignedToClient
      ? 'The client'
      : task.assigneeUserId
        ? task.assigneeUserId === me.data?.id
          ? 'You'
          : (assignees.nameOf(task.assigneeUserId) ?? 'A former colleague')
        : 'Nobody yet';

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Tasks
        </Title>
        {mayWrite && <Button onClick={() => setEditing('new')}>Add task</Button>}
      </Group>
      {markDone.isError && (
        <Alert color="red" role="alert" title="Not marked done">
          {messageOf(markDone.error)}
        </Alert>
      )}
      <QueryState query={tasks} label="the tasks">
        {({ pages }) => {
          const items: AsRead<Task, TaskDirectorView>[] = pages.flatMap((page) => page.items);
          return items.length === 0 ? (
            <Text c="dimmed">No tasks yet. Add the steps of the client’s plan, each with a due date.</Text>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Tasks">
              {items.map((task) => {
                return (
                  <Card key={task.id} withBorder component="li" padding="sm">
                    <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                        <Group gap="xs">
                          <Text fw={600} size="sm" td={task.status === 'cancelled' ? 'line-through' : undefined}>
                            {/* A director reads a task's dates and status, not its text. */}
                            {task.title ?? 'A task of the plan'}
                          </Text>
                          <Badge size="sm" variant="dot" color={TASK_STATUS_COLORS[task.status]}>
                            {TASK_STATUS_LABELS[task.status]}
                          </Badge>
                          <OverdueBadge dueDate={task.dueDate} open={task.status === 'open'} />
                        </Group>
                        <Text size="sm" c="dimmed">
                          {dueText(task.dueDate)} · {assigneeLabel(task)}
                        </Text>
                        {task.details && (
                          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                            {task.details}
                          </Text>
                        )}
                      </Stack>
                      {mayWrite && isWhole<Task, TaskDirectorView>(task, 'title') && (
                        <RecordActions
                          compact
                          clientId={clientId}
                          what={`“${task.title}”`}
                          onEdit={() => setEditing(task)}
                          deletion={{
                            title: 'Delete this task?',
                            message: `“${task.title}” will be removed from the client’s plan. To keep a record that it will not be done, edit it and set its status to Cancelled instead.`,
                            confirmLabel: 'Delete task',
                            alsoRefresh: [['tasks']],
                          }}
                          remove={() =>
                            accepted(
                              api.DELETE('/api/v1/clients/{clientId}/tasks/{id}', {
                                params: { path: { clientId, id: task.id } },
                              }),
                            )
                          }
                        >
                          {task.status === 'open' && (
                            <Button
                              size="compact-sm"
                              variant="default"
                              onClick={() => markDone.mutate({ clientId, id: task.id })}
                              loading={markDone.isPending && markDone.variables?.id === task.id}
                              aria-label={`Mark “${task.title}” done`}
                            >
                              Done
                            </Button>
                          )}
                        </RecordActions>
                      )}
                    </Group>
                  </Card>
                );
              })}
            </Stack>
          );
        }}
      </QueryState>
      <LoadMoreButton query={tasks}>Load more tasks</LoadMoreButton>
      <RecordFormModal editing={editing} onClose={close} addTitle="Add a task" editTitle="Edit task">
        {(task) => <TasksForm clientId={clientId} centerId={client.centerId} task={task ?? undefined} onDone={close} />}
      </RecordFormModal>
    </Stack>
  );
}
