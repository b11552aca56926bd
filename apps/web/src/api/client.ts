import createClient, { type Middleware } from 'openapi-fetch';
import { SessionHolder, type TokenStore } from '../session/session';
import { ApiError, toApiError } from './errors';
import type { paths } from './schema';

/** Paths of the typed client are the API's own (`/api/v1/...`), on this origin. */
const BASE_URL = '';
const AUTH_PATHS = '/api/v1/auth/';
const REFRESH_TOKEN_KEY = 'imgp.refreshToken';

/** Closing the tab ends the session here (sessionStorage); a reload resumes it. */
const tabStore: TokenStore = {
  read: () => sessionStorage.getItem(REFRESH_TOKEN_KEY),
  write: (token) =>
    token === null ? sessionStorage.removeItem(REFRESH_TOKEN_KEY) : sessionStorage.setItem(REFRESH_TOKEN_KEY, token),
};

/** Without the session middleware: login, refresh and logout carry no access token. */
export const authApi = createClient<paths>({ baseUrl: BASE_URL });

export const session = new SessionHolder(tabStore, async (refreshToken) => {
  const { data, error, response } = await authApi.POST('/api/v1/auth/refresh', { body: { refreshToken } });
  if (data) return data;
  // Refused (used, expired, ended, malformed): the session is over. Anything else is a failure to report.
  if (response.status === 400 || response.status === 401) return null;
  throw toApiError(response.status, error);
});

/**
 * Sends the access token (renewed first when about to expire); on a 401 renews once and repeats a
 * GET. A 401 that renewing cannot fix ends the session, and the app shows the sign-in page.
 */
const withSession: Middleware = {
  async onRequest({ request, schemaPath }) {
    if (schemaPath.startsWith(AUTH_PATHS)) return undefined;
    const token = await session.token();
    if (token !== null) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ request, response, schemaPath }) {
    if (response.status !== 401 || schemaPath.startsWith(AUTH_PATHS)) return undefined;
    const token = await session.refresh();
    if (token === null || request.method !== 'GET') return undefined;
    const retry = new Request(request);
    retry.headers.set('Authorization', `Bearer ${token}`);
    return fetch(retry);
  },
};

/** The typed API client: every screen goes through it. */
export const api = createClient<paths>({ baseUrl: BASE_URL });
api.use(withSession);

/** The data of a successful call, or an ApiError carrying the API's message. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw toApiError(response.status, error);
  return data;
}

/** For calls whose success has no body (a 202 or 204), which `ok()` would take for a failure. */
export async function accepted(call: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error);
}

export { ApiError };
