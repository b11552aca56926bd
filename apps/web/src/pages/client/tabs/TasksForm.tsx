import { Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../../api/client';
import { problemsOf } from '../../../api/errors';
import { useMe } from '../../../api/queries';
import { useSaveClientRecord } from '../queries';
import type { components } from '../../../api/schema';
import { FormError } from '../../../components/FormError';
import { FormButtons } from '../../../components/FormButtons';
import { TASK_STATUS_LABELS, THE_CLIENT, type TaskStatus } from './TasksLabels';
import { useCenterStaff } from './TasksQueries';

type Task = components['schemas']['TaskResponse'];

const STATUS_OPTIONS = Object.entries(TASK_STATUS_LABELS).map(([value, label]) => ({ value, label }));
const FIELDS = ['title', 'details', 'dueDate', 'assigneeUserId', 'assignedToClient', 'status'];

const assigneeOf = (task: Task | undefined, myId: string | undefined): string | null =>
  task ? (task.assignedToClient ? THE_CLIENT : task.assigneeUserId) : (myId ?? null);

/** A case-plan goal: a new one (given to the signed-in person unless changed), or one to change (`task`). */
export function TasksForm({
  clientId,
  centerId,
  task,
  onDone,
}: {
  clientId: string;
  centerId: string;
  task?: Task;
  onDone: () => void;
}) {
  const me = useMe();
  const assignees = useCenterStaff(centerId);
  const [title, setTitle] = useState(task?.title ?? '');
  const [details, setDetails] = useState(task?.details ?? '');
  const [dueDate, setDueDate] = useState<string | null>(task?.dueDate ?? null);
  const [assignee, setAssignee] = useState<string | null>(assigneeOf(task, me.data?.id));
  const [status, setStatus] = useState<TaskStatus>(task?.status ?? 'open');

  const save = useSaveClientRecord(
    clientId,
    () => {
      const fields = {
        title: title.trim(),
        details: details.trim() === '' ? null : details.trim(),
        dueDate,
        assignedToClient: assignee === THE_CLIENT,
        assigneeUserId: assignee === THE_CLIENT ? null : assignee,
      };
      return task
        ? ok(
            api.PATCH('/api/v1/clients/{clientId}/tasks/{id}', {
              params: { path: { clientId, id: task.id } },
              body: { ...fields, status },
            }),
          )
        : ok(api.POST('/api/v1/clients/{clientId}/tasks', { params: { path: { clientId } }, body: fields }));
    },
    onDone,
    // The assignee's inbox lists open tasks across clients.
    [['tasks']],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={save.error} fields={FIELDS} />
        <TextInput
          label="Task"
          description="What needs doing, e.g. “Request the final transcript”"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={problemsOf(save.error, 'title')}
          required
          data-autofocus
        />
        <Group grow align="flex-start" wrap="wrap">
          <DateInput
            label="Due"
            value={dueDate}
            onChange={setDueDate}
            valueFormat="YYYY-MM-DD"
            placeholder="YYYY-MM-DD"
            clearable
            clearButtonProps={{ 'aria-label': 'Clear the due date' }}
            error={problemsOf(save.error, 'dueDate')}
            miw={160}
          />
          <Select
            label="Assigned to"
            data={[...assignees.options, { value: THE_CLIENT, label: 'The client (they do it themselves)' }]}
            value={assignee}
            onChange={setAssignee}
            error={
              problemsOf(save.error, 'assigneeUserId') ??
              problemsOf(save.error, 'assignedToClient') ??
              (assignees.query.isError
                ? 'Could not load the center’s staff: only you and the client are listed'
                : undefined)
            }
            placeholder="Nobody yet"
            searchable
            clearable
            miw={200}
          />
        </Group>
        {task && (
          <Select
            label="Status"
            data={STATUS_OPTIONS}
            value={status}
            onChange={(value) => value && setStatus(value as TaskStatus)}
            error={problemsOf(save.error, 'status')}
            allowDeselect={false}
          />
        )}
        <Textarea
          label="Details"
          value={details}
          onChange={(event) => setDetails(event.currentTarget.value)}
          error={problemsOf(save.error, 'details')}
          autosize
          minRows={2}
          maxRows={8}
        />
        <FormButtons onCancel={onDone} saving={save.isPending}>
          {task ? 'Save task' : 'Add task'}
        </FormButtons>
      </Stack>
    </form>
  );
}
