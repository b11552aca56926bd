import { AppError, ErrorKind, KernelErrorCode } from '@lib/kernel';
import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { errorBody, ErrorBody } from './error-body';
import { ApiErrorCode } from './api.errors';

const STATUS_OF: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
  precondition_required: 428,
  too_large: 413,
  unsupported_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

// PostgreSQL SQLSTATEs that mean the database went away, not that the request was bad: an
// administrator or a crash ended the session (57P01-57P03), no connection (class 08), or no room
// for one (53300).
const CONNECTION_LOST_STATES = new Set([
  ...['57P01', '57P02', '57P03', '53300'],
  // Class 08 by name: 08P01 (protocol violation) is a bug of ours, not a lost connection.
  ...['08000', '08001', '08003', '08004', '08006'],
]);
// node-postgres' own words when the socket is gone or the pool cannot hand out a connection.
const CONNECTION_LOST_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect)/;
const DATABASE_UNAVAILABLE = 'The database is unavailable; try again shortly';
/** Seconds a client is asked to wait before trying a 503 again (a failover or a restart takes seconds). */
export const RETRY_AFTER_SECONDS = 5;

/** Maps anything thrown while handling a request to the one error shape, and never leaks a stack. */
export function toErrorBody(exception: unknown, requestId: string | undefined): ErrorBody {
  if (exception instanceof AppError) {
    return errorBody(STATUS_OF[exception.kind], exception.code, exception.message, requestId, exception.details);
  }
  if (exception instanceof HttpException) {
    return fromHttpException(exception, requestId);
  }
  if (isConnectionLost(exception)) {
    return errorBody(503, KernelErrorCode.DependencyDown, DATABASE_UNAVAILABLE, requestId);
  }
  if (exception instanceof QueryFailedError) {
    const fromDatabase = fromQueryFailure(exception, requestId);
    if (fromDatabase) return fromDatabase;
  }
  return errorBody(500, ApiErrorCode.Internal, 'Unexpected error; quote the request id when reporting it', requestId);
}

/**
 * A safety net under validation and the services' own checks: what the database refuses because
 * of the request's values is the client's mistake (4xx), never a 500.
 */
function fromQueryFailure(exception: QueryFailedError, requestId: string | undefined): ErrorBody | undefined {
  const sqlState = (exception.driverError as { code?: string } | undefined)?.code ?? '';
  if (sqlState === '23505') {
    return errorBody(409, ApiErrorCode.AlreadyExists, 'A record with these values already exists', requestId);
  }
  if (sqlState === '23503') {
    return errorBody(
      422,
      ApiErrorCode.UnknownReference,
      'The request refers to a record that does not exist',
      requestId,
    );
  }
  if (sqlState.startsWith('22') || sqlState === '23514' || sqlState === '23502') {
    return errorBody(400, ApiErrorCode.InvalidValue, 'A value in the request is out of range or malformed', requestId);
  }
  return undefined;
}

/**
 * The database connection went away, or could not be had: the request was not at fault, and the
 * same request may well succeed in a moment (503). Looks at the error and, for TypeORM's
 * `QueryFailedError`, at the driver's error under it.
 */
export function isConnectionLost(exception: unknown): boolean {
  const errors = [exception, (exception as { driverError?: unknown })?.driverError].filter(
    (e): e is { code?: unknown; severity?: unknown; message?: unknown } => typeof e === 'object' && e !== null,
  );
  return errors.some(({ code, severity, message }) => {
    if (typeof code === 'string') {
      if (CONNECTION_LOST_STATES.has(code)) return true;
      if (code === 'ECONNREFUSED' || code === 'ECONNRESET') return true;
    }
    // FATAL: the server ended (or refused) the session itself, e.g. a database not accepting connections.
    if (severity === 'FATAL') return true;
    return typeof message === 'string' && CONNECTION_LOST_MESSAGE.test(message);
  });
}

/**
 * Nest's own exceptions, and the errors Fastify raises before a handler runs (body too large, bad
 * JSON, unsupported media type), which Nest hands to this filter as plain `HttpException`s.
 */
function fromHttpException(exception: HttpException, requestId: string | undefined): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'string'
      ? response
      : [(response as { message?: unknown }).message].flat().filter(Boolean).join('; ') || exception.message;
  switch (status) {
    case 413:
      return errorBody(413, ApiErrorCode.BodyTooLarge, 'The request body is larger than this API accepts', requestId);
    case 415:
      return errorBody(
        415,
        ApiErrorCode.UnsupportedMediaType,
        'Send the body as application/json (uploads take multipart/form-data)',
        requestId,
      );
    case 400:
      if (/^Body (is not valid JSON|cannot be empty)/.test(message)) {
        return errorBody(400, ApiErrorCode.InvalidJson, 'The body is not valid JSON', requestId);
      }
      return errorBody(400, ApiErrorCode.BadRequest, message, requestId);
    default:
      return errorBody(
        status,
        STATUS_CODES[status]?.toUpperCase().replace(/\W+/g, '_') ?? `HTTP_${status}`,
        // A server-side failure's own message may hold internals.
        status >= 500 ? 'Unexpected error; quote the request id when reporting it' : message,
        requestId,
      );
  }
}

/** Sends the body, logging server-side failures with their stack (the client never sees it). */
export function sendError(exception: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): void {
  const body = toErrorBody(exception, request.id);
  if (body.statusCode >= 500) {
    logger.error({ err: exception, requestId: body.requestId }, (exception as Error)?.message ?? 'error');
  }
  // A dependency down is worth trying again shortly: say when (RFC 9110 §10.2.3).
  if (body.statusCode === 503) void reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
  // A refusal that knows when it lifts says so (a per-user allowance counted by a service).
  const { retryAfterSeconds } = body as { retryAfterSeconds?: unknown };
  if (body.statusCode === 429 && typeof retryAfterSeconds === 'number') {
    void reply.header('Retry-After', String(retryAfterSeconds));
  }
  void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}
