import { AppError, NotFoundError } from '@lib/kernel';
import { HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './exception.filter';

/** A library's error, as any library declares one. */
class TestError extends AppError {}

describe(toErrorBody.name, () => {
  it.each([
    ['invalid', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['precondition_failed', 412],
    ['unprocessable', 422],
    ['precondition_required', 428],
    ['rate_limited', 429],
    ['unavailable', 503],
  ] as const)('maps an AppError of kind %s to %i, keeping its code and details', (kind, status) => {
    const body = toErrorBody(new TestError(kind, 'SOME_CODE', 'what went wrong', { rule: 'R1' }), 'rid');
    expect(body).toEqual({
      statusCode: status,
      error: expect.any(String),
      code: 'SOME_CODE',
      message: 'what went wrong',
      requestId: 'rid',
      rule: 'R1',
    });
  });

  it('does not let details overwrite the standard fields', () => {
    const body = toErrorBody(new TestError('invalid', 'C', 'm', { statusCode: 200, requestId: 'forged' }), 'rid');
    expect(body.statusCode).toBe(400);
    expect(body.requestId).toBe('rid');
  });

  it('names the missing entity in a 404', () => {
    expect(toErrorBody(new NotFoundError('Center', 'abc'), undefined)).toMatchObject({
      statusCode: 404,
      message: 'Center abc was not found',
    });
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /x'), 'r')).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Cannot GET /x',
    });
    expect(toErrorBody(new HttpException('Request body is too large', 413), 'r')).toMatchObject({
      statusCode: 413,
      code: 'BODY_TOO_LARGE',
    });
  });

  it('answers a lost database connection with 503', () => {
    const lost = new QueryFailedError(
      'SELECT 1',
      [],
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    );
    expect(toErrorBody(lost, 'r')).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_DOWN' });
  });

  it.each([
    [
      '57P02 crash shutdown',
      Object.assign(new Error('terminating connection due to crash of another server process'), { code: '57P02' }),
    ],
    ['57P03 cannot connect now', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['08006 connection failure', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['53300 too many connections', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    [
      'a FATAL refusal at connect',
      Object.assign(new Error('database "x" is not currently accepting connections'), {
        code: '55000',
        severity: 'FATAL',
      }),
    ],
    ['the socket closed', new Error('Connection terminated unexpectedly')],
    ['the socket closed by the pool', new Error('Connection terminated')],
    ['a client already broken', new Error('Client has encountered a connection error and is not queryable')],
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
  ])('answers a lost or refused database connection (%s) with 503, raw or under a QueryFailedError', (_, error) => {
    for (const thrown of [error, new QueryFailedError('SELECT 1', [], error)]) {
      expect(toErrorBody(thrown, 'r')).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'DEPENDENCY_DOWN',
        message: 'The database is unavailable; try again shortly',
        requestId: 'r',
      });
    }
  });

  it('keeps a protocol violation (08P01: a bug of ours, e.g. a wrong parameter count) a 500', () => {
    const bug = new QueryFailedError(
      'SELECT $1',
      [],
      Object.assign(new Error('bind message supplies 2 parameters'), { code: '08P01' }),
    );
    expect(toErrorBody(bug, 'r')).toMatchObject({ statusCode: 500 });
  });

  it('keeps an ERROR-severity refusal of the request (not of the session) out of the 503s', () => {
    const refused = new QueryFailedError(
      'UPDATE ...',
      [],
      Object.assign(new Error('object not in prerequisite state'), { code: '55000', severity: 'ERROR' }),
    );
    expect(toErrorBody(refused, 'r').statusCode).toBe(500);
  });

  it.each([
    ['22P02', 400, 'INVALID_VALUE'],
    ['22021', 400, 'INVALID_VALUE'],
    ['23514', 400, 'INVALID_VALUE'],
    ['23505', 409, 'ALREADY_EXISTS'],
    ['23503', 422, 'UNKNOWN_REFERENCE'],
  ])('answers a database refusal %s caused by request values with %i', (code, status, errorCode) => {
    const refused = new QueryFailedError('INSERT ...', [], Object.assign(new Error('refused'), { code }));
    expect(toErrorBody(refused, 'r')).toMatchObject({ statusCode: status, code: errorCode });
    expect(toErrorBody(refused, 'r').message).not.toContain('INSERT');
  });

  it('never passes on the message of a server-side HTTP exception', () => {
    expect(toErrorBody(new HttpException('pool exhausted at /srv/db.ts', 500), 'r').message).not.toContain('/srv');
  });

  it('hides anything unexpected behind a 500 without its message', () => {
    const body = toErrorBody(new TypeError("Cannot read properties of undefined (reading 'secret')"), 'r');
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL',
      message: 'Unexpected error; quote the request id when reporting it',
      requestId: 'r',
    });
  });
});
