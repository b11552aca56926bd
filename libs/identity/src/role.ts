export enum Role {
  Admin = 'admin',
  Director = 'director',
  CaseManager = 'case_manager',
  Client = 'client',
}

export const ALL_ROLES = Object.values(Role);
export const STAFF_ROLES = [Role.Admin, Role.Director, Role.CaseManager] as const;
