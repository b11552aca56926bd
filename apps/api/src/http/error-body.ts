import { STATUS_CODES } from 'node:http';

/** The one shape of every error response: `{statusCode, error, code, message, requestId, ...details}`. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  requestId: string | undefined;
  [detail: string]: unknown;
}

export function errorBody(
  statusCode: number,
  code: string,
  message: string,
  requestId: string | undefined,
  details: Record<string, unknown> = {},
): ErrorBody {
  return { ...details, statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message, requestId };
}
