import { AppError } from '@lib/kernel';

export enum ApiErrorCode {
  InvalidAccessToken = 'INVALID_ACCESS_TOKEN',
  Forbidden = 'FORBIDDEN',
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  // What the exception filter answers for failures that are not a library's error:
  Internal = 'INTERNAL',
  AlreadyExists = 'ALREADY_EXISTS',
  UnknownReference = 'UNKNOWN_REFERENCE',
  InvalidValue = 'INVALID_VALUE',
  BodyTooLarge = 'BODY_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  InvalidJson = 'INVALID_JSON',
  BadRequest = 'BAD_REQUEST',
}

/** What the HTTP layer itself refuses: a missing or bad token, a role the route does not allow, too many attempts. */
export class ApiError extends AppError<ApiErrorCode> {}
