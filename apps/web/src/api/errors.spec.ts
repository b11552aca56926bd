import { ApiError, messageOf, problemsOf, toApiError } from './errors';

describe('API errors', () => {
  it("shows the API's own message, code and field problems", () => {
    const error = toApiError(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid request: email must be an e-mail address',
      fields: [{ field: 'email', problems: ['email must be an e-mail address'] }, { bogus: true }],
    });
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(messageOf(error)).toBe('Invalid request: email must be an e-mail address');
    expect(problemsOf(error, 'email')).toBe('email must be an e-mail address');
    expect(problemsOf(error, 'password')).toBeUndefined();
  });

  it('keeps the rest of the body for answers that carry more (a 409’s duplicates)', () => {
    const candidates = [{ id: 'c1', centerId: 'x', centerName: 'Denver', matchedOn: ['email'] }];
    const error = toApiError(409, { code: 'POSSIBLE_DUPLICATE', message: 'Possible duplicate', candidates });
    expect(error.details.candidates).toEqual(candidates);
    expect(toApiError(502, '<html>').details).toEqual({});
  });

  it('falls back to plain words when the body says nothing', () => {
    expect(toApiError(429, undefined).message).toMatch(/Too many attempts/);
    expect(toApiError(502, '<html>').message).toBe('The server answered 502. Please try again.');
  });

  it('tells a network failure apart from a refusal', () => {
    expect(messageOf(new TypeError('Failed to fetch'))).toMatch(/could not be reached/);
    expect(problemsOf(new TypeError('x'), 'email')).toBeUndefined();
    expect(new ApiError(401, 'E-mail or password is incorrect').name).toBe('ApiError');
  });
});
