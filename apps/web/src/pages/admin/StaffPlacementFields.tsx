import { Select } from '@mantine/core';
import { problemsOf } from '../../api/errors';
import type { Center } from './admin-queries';
import { CENTER_HELP, centerChoices, STAFF_ROLE_CHOICES, type StaffRole } from './user-choices';

/**
 * A staff member's role and center, as invited or as changed: an admin has no center (choosing
 * admin clears it), a case manager needs one, a director may have one. The API's problems with
 * either show beside it.
 */
export function StaffPlacementFields({
  role,
  centerId,
  onChange,
  centers,
  error,
}: {
  role: StaffRole;
  centerId: string | null;
  onChange: (placement: { role: StaffRole; centerId: string | null }) => void;
  centers: Center[];
  /** The save's error, for the problems it names per field. */
  error: unknown;
}) {
  return (
    <>
      <Select
        label="Role"
        required
        allowDeselect={false}
        data={STAFF_ROLE_CHOICES}
        value={role}
        onChange={(value) => {
          const next = (value ?? role) as StaffRole;
          onChange({ role: next, centerId: next === 'admin' ? null : centerId });
        }}
        error={problemsOf(error, 'role')}
      />
      <Select
        label="Center"
        description={CENTER_HELP[role]}
        required={role === 'case_manager'}
        disabled={role === 'admin'}
        clearable
        searchable
        nothingFoundMessage="No such center"
        data={centerChoices(centers)}
        value={centerId}
        onChange={(value) => onChange({ role, centerId: value })}
        error={problemsOf(error, 'centerId')}
      />
    </>
  );
}
