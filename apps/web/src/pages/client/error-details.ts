import { ApiError, toApiError } from '../../api/errors';
import type { components } from '../../api/schema';

export type DuplicateCandidate = components['schemas']['DuplicateCandidate'];

/** A rule the pathway engine applied to refuse a write (a 422), as the API names it. */
export interface RuleRefusal {
  code: string;
  message: string;
  source: string | null;
}

/**
 * An ApiError that keeps the rest of the API's error body: `ok()` keeps the message and field
 * problems only, and two answers here carry more the person needs to see (the rules a 422
 * names, the possible duplicates a 409 lists).
 */
export class DetailedApiError extends ApiError {
  constructor(
    base: ApiError,
    readonly body: Record<string, unknown>,
  ) {
    super(base.status, base.message, base.code, base.fields);
  }
}

/** `ok()`, keeping the whole error body. */
export async function okWithDetails<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined) return data;
  const body = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  throw new DetailedApiError(toApiError(response.status, error), body);
}

const detailsOf = (error: unknown, status: number): Record<string, unknown> | null =>
  error instanceof DetailedApiError && error.status === status ? error.body : null;

/** Every rule a 422 named (the first is also the message), each with its source when given. */
export function refusalsOf(error: unknown): RuleRefusal[] {
  const body = detailsOf(error, 422);
  if (!body || !Array.isArray(body.refusals)) return [];
  return body.refusals.flatMap((entry: unknown) => {
    const r = entry as { code?: unknown; message?: unknown; rule?: { source?: unknown } };
    if (typeof r?.code !== 'string' || typeof r.message !== 'string') return [];
    return [{ code: r.code, message: r.message, source: typeof r.rule?.source === 'string' ? r.rule.source : null }];
  });
}

/** The possible duplicates a 409 on intake listed (ids and centers only). */
export function duplicateCandidatesOf(error: unknown): DuplicateCandidate[] {
  const body = detailsOf(error, 409);
  if (!body || body.code !== 'POSSIBLE_DUPLICATE' || !Array.isArray(body.candidates)) return [];
  return body.candidates as DuplicateCandidate[];
}
