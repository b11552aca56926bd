import { AppError, ValidationFailed } from '@lib/kernel';

export enum ClientsErrorCode {
  PossibleDuplicate = 'POSSIBLE_DUPLICATE',
  PossibleDuplicateElsewhere = 'POSSIBLE_DUPLICATE_ELSEWHERE',
  DuplicateChecksExhausted = 'DUPLICATE_CHECKS_EXHAUSTED',
  EmailInUse = 'EMAIL_IN_USE',
  IfMatchRequired = 'IF_MATCH_REQUIRED',
  StaleVersion = 'STALE_VERSION',
  InvalidIfMatch = 'INVALID_IF_MATCH',
  NotACaseManager = 'NOT_A_CASE_MANAGER_OF_CENTER',
  UnknownCenter = 'UNKNOWN_CENTER',
  OtherCenter = 'OTHER_CENTER',
  SameCenter = 'SAME_CENTER',
  NoConsent = 'NO_CONSENT_TO_SHARE',
  UnknownProgram = 'UNKNOWN_PROGRAM',
  InvalidTransition = 'INVALID_STATUS_TRANSITION',
  AlreadyAnonymized = 'CLIENT_ANONYMIZED',
  EmailRequired = 'EMAIL_REQUIRED',
  UnknownAssignee = 'UNKNOWN_ASSIGNEE',
}

/** What the client record and its casework refuse. */
export class ClientsError extends AppError<ClientsErrorCode> {}

/** A 400 that names the field, in the shape validation errors have. */
export function fieldError(field: string, problem: string): ValidationFailed {
  return new ValidationFailed([{ field, problems: [problem] }]);
}
