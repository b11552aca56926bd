import { toApiError } from '../../api/errors';
import { ACCOUNT_MESSAGES } from '../../i18n/account-messages';
import { accountProblems, passwordLengthProblem } from './account-problems';

const es = ACCOUNT_MESSAGES.es;
const en = ACCOUNT_MESSAGES.en;

/** Bodies as the API sends them (apps/api's error filter, libs/identity's errors). */
const refused = {
  wrongPassword: toApiError(401, { code: 'INVALID_CREDENTIALS', message: 'E-mail or password is incorrect' }),
  usedLink: toApiError(401, { code: 'INVALID_TOKEN', message: 'The reset link is invalid, expired or already used' }),
  cutLink: toApiError(400, {
    code: 'VALIDATION_FAILED',
    message: 'Invalid request',
    fields: [{ field: 'token', problems: ['token must be longer than or equal to 20 characters'] }],
  }),
  tooMany: toApiError(429, { code: 'TOO_MANY_ATTEMPTS', message: 'Too many attempts; try again in 42 seconds' }),
  badEmail: toApiError(400, {
    code: 'VALIDATION_FAILED',
    message: 'Invalid request',
    fields: [{ field: 'email', problems: ['email must be an e-mail address'] }],
  }),
  passwordIsEmail: toApiError(400, {
    code: 'WEAK_PASSWORD',
    message: 'password must not be the e-mail address',
    fields: [{ field: 'password', problems: ['password must not be the e-mail address'] }],
  }),
  unavailable: toApiError(503, { code: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' }),
};

describe(accountProblems.name, () => {
  it('says nothing when nothing failed', () => {
    expect(accountProblems(null, es)).toEqual({ linkRefused: false });
  });

  it('says a wrong e-mail or password, and too many attempts, in the reader’s language', () => {
    expect(accountProblems(refused.wrongPassword, es).form).toBe(es.wrongCredentials);
    expect(accountProblems(refused.wrongPassword, en).form).toBe(en.wrongCredentials);
    expect(accountProblems(refused.tooMany, es).form).toBe(es.tooManyAttempts);
  });

  it('treats a refused or cut-short link token as the link’s problem, not the form’s', () => {
    expect(accountProblems(refused.usedLink, es)).toEqual({ linkRefused: true });
    expect(accountProblems(refused.cutLink, es)).toEqual({ linkRefused: true });
  });

  it('puts field problems beside their fields, in the reader’s words', () => {
    expect(accountProblems(refused.badEmail, es)).toEqual({ email: es.emailInvalid, linkRefused: false });
    expect(accountProblems(refused.passwordIsEmail, es)).toEqual({ password: es.passwordIsEmail, linkRefused: false });
  });

  it('names the status of anything else, and a network failure as such', () => {
    expect(accountProblems(refused.unavailable, es).form).toBe(es.failedWithStatus(503));
    expect(accountProblems(new TypeError('Failed to fetch'), es).form).toBe(es.unreachable);
  });
});

describe(passwordLengthProblem.name, () => {
  it('holds the API’s bounds: 12 to 256 characters', () => {
    expect(passwordLengthProblem('x'.repeat(11), es)).toBe(es.passwordTooShort);
    expect(passwordLengthProblem('x'.repeat(12), es)).toBeUndefined();
    expect(passwordLengthProblem('x'.repeat(256), es)).toBeUndefined();
    expect(passwordLengthProblem('x'.repeat(257), es)).toBe(es.passwordTooLong);
  });
});
