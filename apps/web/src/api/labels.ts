import type { components } from './schema';

export type Role = components['schemas']['UserResponse']['role'];
export type Stage = components['schemas']['ClientSummary']['stage'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  director: 'Director',
  case_manager: 'Case manager',
  client: 'IMG',
};

export const STAGE_LABELS: Record<Stage, string> = {
  intake: 'Intake',
  credentialing: 'Credentialing',
  exams: 'Exams',
  ecfmg_certified: 'ECFMG certified',
  clinical_experience: 'Clinical experience',
  applying: 'Applying',
  matched: 'Matched',
  in_residency: 'In residency',
  alternative_career: 'Alternative career',
  closed: 'Closed',
};

/** Each role's home screen: where signing in (and `/`) takes them. */
export const HOME_OF: Record<Role, string> = {
  client: '/status',
  case_manager: '/caseload',
  director: '/dashboard',
  admin: '/admin',
};

export const homeOf = (role: Role): string => HOME_OF[role];
