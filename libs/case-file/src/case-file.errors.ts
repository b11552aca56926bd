import { AppError } from '@lib/kernel';

export enum CaseFileErrorCode {
  AdminOnly = 'ADMIN_ONLY',
  NotClosed = 'CLIENT_NOT_CLOSED',
  AlreadyAnonymized = 'CLIENT_ANONYMIZED',
}

/** What the case file refuses (anonymizing a client that is not closed, or twice). */
export class CaseFileError extends AppError<CaseFileErrorCode> {}
