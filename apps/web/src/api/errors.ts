/** One field's problems, as the API's 400 VALIDATION_FAILED lists them. */
export interface FieldProblem {
  field: string;
  problems: string[];
}

/**
 * A refused request: the API's status, message, (on a 400) the fields it named, and the whole
 * body for answers that carry more (the rules a 422 names, the possible duplicates of a 409).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly fields: FieldProblem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const FALLBACK: Record<number, string> = {
  401: 'Your session has ended. Please sign in again.',
  403: 'You do not have access to this.',
  404: 'Not found.',
  429: 'Too many attempts. Please wait a minute and try again.',
};

/** The API's error body (`{statusCode, code, message, fields?}`) as an ApiError; any other body gets a plain message. */
export function toApiError(status: number, body: unknown): ApiError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const message =
    typeof record.message === 'string' && record.message !== ''
      ? record.message
      : (FALLBACK[status] ?? `The server answered ${status}. Please try again.`);
  const code = typeof record.code === 'string' ? record.code : undefined;
  const fields = Array.isArray(record.fields) ? record.fields.filter(isFieldProblem) : [];
  return new ApiError(status, message, code, fields, record);
}

/** The problems the API named for one field, joined for a form field's error slot. */
export function problemsOf(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const problems = error.fields.filter((f) => f.field === field).flatMap((f) => f.problems);
  return problems.length > 0 ? problems.join('; ') : undefined;
}

/** What to tell the person about a failure of any kind (`unreachable`: no answer at all, in their language). */
export function messageOf(
  error: unknown,
  unreachable = 'The server could not be reached. Check your connection and try again.',
): string {
  if (error instanceof ApiError) return error.message;
  return unreachable;
}

function isFieldProblem(value: unknown): value is FieldProblem {
  const v = value as FieldProblem;
  return typeof v === 'object' && v !== null && typeof v.field === 'string' && Array.isArray(v.problems);
}
