import { AppError } from '@lib/kernel';

export enum IdentityErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  InvalidToken = 'INVALID_TOKEN',
  WeakPassword = 'WEAK_PASSWORD',
  EmailTaken = 'EMAIL_TAKEN',
  RoleNotAllowed = 'ROLE_NOT_ALLOWED',
  CenterRequired = 'CENTER_REQUIRED',
  CenterNotAllowed = 'CENTER_NOT_ALLOWED',
  UnknownCenter = 'UNKNOWN_CENTER',
  SelfLockout = 'SELF_LOCKOUT',
  AccountExists = 'ACCOUNT_EXISTS',
}

/** What accounts, sign-in and invitations refuse. */
export class IdentityError extends AppError<IdentityErrorCode> {}

/** One message for unknown e-mail, wrong password, inactive or locked account: nothing to probe. */
export const invalidCredentials = () =>
  new IdentityError('unauthenticated', IdentityErrorCode.InvalidCredentials, 'E-mail or password is incorrect');

export const invalidToken = (what: string) =>
  new IdentityError(
    'unauthenticated',
    IdentityErrorCode.InvalidToken,
    `The ${what} is invalid, expired or already used`,
  );
