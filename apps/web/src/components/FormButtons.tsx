import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** A dialog form's last row: Cancel, and the submit button, busy while the form saves. */
export function FormButtons({
  onCancel,
  saving,
  children,
}: {
  onCancel: () => void;
  saving: boolean;
  /** The submit button's words ("Add service", "Save service"). */
  children: ReactNode;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={saving}>
        {children}
      </Button>
    </Group>
  );
}
