import type { components } from '../../../api/schema';

export type TaskStatus = components['schemas']['TaskResponse']['status'];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: 'Open',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const TASK_STATUS_COLORS: Record<TaskStatus, string> = {
  open: 'blue',
  done: 'green',
  cancelled: 'gray',
};

/** The assignee choice that means "the client does it themselves" (not a user id). */
export const THE_CLIENT = 'client';
