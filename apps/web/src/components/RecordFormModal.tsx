import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Fragment, type ReactNode } from 'react';

/** Which record a form is open for: none, a new one, or the one to change. */
export type Editing<T> = T | 'new' | null;

/** A record's add or edit form in a dialog, full screen on a phone; each record gets a fresh form. */
export function RecordFormModal<T extends { id: string }>({
  editing,
  onClose,
  addTitle,
  editTitle,
  children,
}: {
  editing: Editing<T>;
  onClose: () => void;
  addTitle: string;
  editTitle: string;
  /** The form, given the record to change, or null for a new one. */
  children: (record: T | null) => ReactNode;
}) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={editing === 'new' ? addTitle : editTitle}
      size="lg"
      fullScreen={phone}
    >
      {editing !== null && (
        <Fragment key={editing === 'new' ? 'new' : editing.id}>{children(editing === 'new' ? null : editing)}</Fragment>
      )}
    </Modal>
  );
}
