/**
 * What went wrong, in terms the HTTP layer maps to a status code. Each library throws its own
 * subclass with a code enum (`CentersError` with `CentersErrorCode`, in `<library>.errors.ts`),
 * always as `new XError(kind, XErrorCode.Y, message, details?)`; the API's one global exception
 * filter turns `kind` into a status and puts `code` in the body. Abstract: no inline string codes.
 */
export type ErrorKind =
  | 'invalid' // 400: the request is malformed
  | 'unauthenticated' // 401: no valid credentials
  | 'not_found' // 404: missing, or outside the caller's scope
  | 'forbidden' // 403: the caller's role may never do this
  | 'conflict' // 409: clashes with existing data
  | 'precondition_failed' // 412: stale If-Match
  | 'precondition_required' // 428: If-Match missing
  | 'too_large' // 413: an upload over its limit
  | 'unsupported_type' // 415: an upload whose bytes are not a kind the route takes
  | 'unprocessable' // 422: well-formed but a domain rule refuses it
  | 'rate_limited' // 429: too many attempts
  | 'unavailable'; // 503: a dependency is down

export abstract class AppError<Code extends string = string> extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: Code,
    message: string,
    /** Extra machine-readable facts for the client (candidates of a duplicate, a rule's source). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export enum KernelErrorCode {
  InvalidCursor = 'INVALID_CURSOR',
  NotFound = 'NOT_FOUND',
  DependencyDown = 'DEPENDENCY_DOWN',
  ValidationFailed = 'VALIDATION_FAILED',
}

/** The shared kernel's own refusals (a cursor it did not make, a dependency down). */
export class KernelError extends AppError<KernelErrorCode> {}

/** A row missing or outside the caller's scope: the one 404 every library raises. */
export class NotFoundError extends KernelError {
  constructor(entity: string, id: string) {
    super('not_found', KernelErrorCode.NotFound, `${entity} ${id} was not found`);
  }
}

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** 400 naming every offending field: what request validation throws, and services for their own checks. */
export class ValidationFailed extends KernelError {
  constructor(readonly fields: FieldProblem[]) {
    super(
      'invalid',
      KernelErrorCode.ValidationFailed,
      `Invalid request: ${fields.flatMap((f) => f.problems).join('; ')}`,
      {
        fields,
      },
    );
  }
}

/** PATCH bodies may leave a field out but not blank one that every row must have. */
export function refuseNulls<T extends object>(input: T, fields: ReadonlyArray<keyof T & string>): void {
  const blanked = fields.filter((field) => input[field] === null);
  if (blanked.length > 0) {
    throw new ValidationFailed(blanked.map((field) => ({ field, problems: [`${field} cannot be blank`] })));
  }
}
