import { toApiError } from '../../api/errors';

/**
 * For calls whose success carries no body (a 202 or 204), which `ok()` would take for a failure:
 * resolves when the API accepted, throws its error as an ApiError otherwise.
 */
export async function accepted(call: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error);
}
