import { Button, Group } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
import { DeleteRecordButton } from './DeleteRecordButton';

type DeleteOptions = Pick<
  ComponentProps<typeof DeleteRecordButton>,
  'title' | 'message' | 'confirmLabel' | 'alsoRefresh'
>;

/**
 * A record's Edit and Delete, named after the record ("Edit the Step 1 attempt of 2026-03-02") so a
 * screen reader tells the rows' buttons apart. `children`: actions of this kind of record, placed
 * first (an exam's Verify, a task's Done). `compact`: in a card (notes, services, tasks) rather
 * than a table row.
 */
export function RecordActions({
  clientId,
  what,
  onEdit,
  remove,
  deletion = {},
  compact = false,
  children,
}: {
  clientId: string;
  /** The record in words, as `DeleteRecordButton` takes it. */
  what: string;
  onEdit: () => void;
  /** The DELETE call, e.g. `() => accepted(api.DELETE(...))`. */
  remove: () => Promise<unknown>;
  /** What the delete dialog says, when this kind of record has more to say than the default. */
  deletion?: DeleteOptions;
  compact?: boolean;
  children?: ReactNode;
}) {
  const size = compact ? 'compact-sm' : 'xs';
  return (
    <Group gap={compact ? 'xs' : 4} wrap="nowrap" justify="flex-end">
      {children}
      <Button size={size} variant={compact ? 'subtle' : 'default'} onClick={onEdit} aria-label={`Edit ${what}`}>
        Edit
      </Button>
      <DeleteRecordButton size={size} clientId={clientId} what={what} remove={remove} {...deletion} />
    </Group>
  );
}
