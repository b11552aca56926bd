import { ApiError } from '../../api/errors';
import type { AccountMessages } from '../../i18n/account-messages';

/** What went wrong on an account page, in the reader's words: for the whole form, or beside a field. */
export interface AccountProblems {
  form?: string;
  email?: string;
  password?: string;
  /** The e-mailed link's token was refused (expired, used, or cut short): a new link is the way out. */
  linkRefused: boolean;
}

/**
 * The API's refusals on the account pages, said in the reader's language. The API writes English;
 * these pages can only be told a handful of things, each named here. The password's length is
 * checked in the page before sending (`passwordLengthProblem`), so a password the API still
 * refuses is one equal to the person's e-mail address, which only the API knows.
 */
export function accountProblems(error: unknown, t: AccountMessages): AccountProblems {
  if (error === null || error === undefined) return { linkRefused: false };
  if (!(error instanceof ApiError)) return { form: t.unreachable, linkRefused: false };
  const named = new Set(error.fields.map((f) => f.field));
  if (error.code === 'INVALID_TOKEN' || named.has('token')) return { linkRefused: true };
  if (error.status === 401) return { form: t.wrongCredentials, linkRefused: false };
  if (error.status === 429) return { form: t.tooManyAttempts, linkRefused: false };
  const problems: AccountProblems = { linkRefused: false };
  if (named.has('email')) problems.email = t.emailInvalid;
  if (error.code === 'WEAK_PASSWORD') problems.password = t.passwordIsEmail;
  else if (named.has('password')) problems.password = t.passwordRefused;
  if (!problems.email && !problems.password) problems.form = t.failedWithStatus(error.status);
  return problems;
}

/** The password rules the page can check itself (the API's minimum and maximum), in the reader's words. */
export function passwordLengthProblem(password: string, t: AccountMessages): string | undefined {
  if (password.length < 12) return t.passwordTooShort;
  if (password.length > 256) return t.passwordTooLong;
  return undefined;
}
