import { ApiError } from '../../api/errors';
import type { components } from '../../api/schema';

export type DuplicateCandidate = components['schemas']['DuplicateCandidate'];

/** A rule the pathway engine applied to refuse a write (a 422), as the API names it. */
export interface RuleRefusal {
  code: string;
  message: string;
  source: string | null;
}

const detailsOf = (error: unknown, status: number): Record<string, unknown> | null =>
  error instanceof ApiError && error.status === status ? error.details : null;

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
