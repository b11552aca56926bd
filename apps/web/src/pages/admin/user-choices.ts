import { ROLE_LABELS } from '../../api/labels';
import type { Center, User } from './admin-queries';

/** The roles an admin gives staff; IMGs' accounts come from their client record. */
export type StaffRole = Exclude<User['role'], 'client'>;
const STAFF_ROLES: StaffRole[] = ['case_manager', 'director', 'admin'];

export const STAFF_ROLE_CHOICES = STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export const centerChoices = (centers: Center[]) => centers.map((center) => ({ value: center.id, label: center.name }));

/** An admin works network-wide and has no center; a case manager needs one; a director may have one. */
export const CENTER_HELP: Record<StaffRole, string> = {
  admin: 'Admins work across the network: no center',
  director: 'Leave empty for a network director',
  case_manager: 'Required for a case manager',
};
