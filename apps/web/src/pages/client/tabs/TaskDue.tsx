import { Badge } from '@mantine/core';
import dayjs from 'dayjs';

/** "Due 14 Dec 2026", or "No due date". */
export const dueText = (dueDate: string | null): string =>
  dueDate ? `Due ${dayjs(dueDate).format('D MMM YYYY')}` : 'No due date';

/** "Overdue" on an open task whose due day has gone by (days as this device counts them). */
export function OverdueBadge({ dueDate, open }: { dueDate: string | null; open: boolean }) {
  if (!open || dueDate === null || dueDate >= dayjs().format('YYYY-MM-DD')) return null;
  return (
    <Badge size="sm" color="red">
      Overdue
    </Badge>
  );
}
