import { AppError, ValidationFailed } from '@lib/kernel';

export enum ClientsErrorCode {
  PossibleDuplicate = 'POSSIBLE_DUPLICATE',
  IfMatchRequired = 'IF_MATCH_REQUIRED',
  StaleVersion = 'STALE_VERSION',
  InvalidIfMatch = 'INVALID_IF_MATCH',
  NotACaseManager = 'NOT_A_CASE_MANAGER_OF_CENTER',
  UnknownCenter = 'UNKNOWN_CENTER',
  OtherCenter = 'OTHER_CENTER',
  AdminOnly = 'ADMIN_ONLY',
  SeasonTaken = 'APPLICATION_EXISTS_FOR_SEASON',
  CenterRequired = 'CENTER_REQUIRED',
  SameCenter = 'SAME_CENTER',
  NoConsent = 'NO_CONSENT_TO_SHARE',
  UnknownProgram = 'UNKNOWN_PROGRAM',
  InvalidTransition = 'INVALID_STATUS_TRANSITION',
  NotClosed = 'CLIENT_NOT_CLOSED',
  AlreadyAnonymized = 'CLIENT_ANONYMIZED',
  AccountExists = 'ACCOUNT_EXISTS',
  EmailRequired = 'EMAIL_REQUIRED',
  EmailTaken = 'EMAIL_TAKEN',
  RequiredField = 'REQUIRED_FIELD',
  UnknownAssignee = 'UNKNOWN_ASSIGNEE',
}

export class ClientsError extends AppError {
  constructor(
    kind: ConstructorParameters<typeof AppError>[0],
    code: ClientsErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(kind, code, message, details);
  }
}

/** A 400 that names the field, in the shape validation errors have. */
export function fieldError(field: string, problem: string): ValidationFailed {
  return new ValidationFailed([{ field, problems: [problem] }]);
}
