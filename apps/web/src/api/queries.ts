import { useQuery } from '@tanstack/react-query';
import { api, ok } from './client';
import type { components } from './schema';

/** Every caseload list (each filter its own query): marked stale by any write that moves a client's stage or warnings. */
export const CASELOAD_KEY = ['clients', 'caseload'] as const;

export type Center = components['schemas']['CenterResponse'];

export const useMe = () => useQuery({ queryKey: ['me'], queryFn: () => ok(api.GET('/api/v1/me')) });

export const useMyStatus = () =>
  useQuery({ queryKey: ['me', 'status'], queryFn: () => ok(api.GET('/api/v1/me/status')) });

/** Every center query's key starts with this: invalidating it after a change refreshes the list and each center. */
export const centersKey = ['centers'] as const;

/** The API's largest page of centers. */
const CENTERS_PAGE = 100;

/**
 * Every center the signed-in person may see, by name (the API's order), all pages followed: a
 * network has tens of centers, and the admin's tables, the dashboard's filter and the intake form
 * need each one's name.
 */
export const useAllCenters = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: [...centersKey, 'all'],
    queryFn: async () => {
      const centers: Center[] = [];
      let cursor: string | undefined;
      do {
        const page = await ok(api.GET('/api/v1/centers', { params: { query: { limit: CENTERS_PAGE, cursor } } }));
        centers.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return centers;
    },
    enabled,
  });

/** One center, e.g. for its name; centers change rarely. */
export const useCenter = (id: string) =>
  useQuery({
    queryKey: [...centersKey, id],
    queryFn: () => ok(api.GET('/api/v1/centers/{id}', { params: { path: { id } } })),
    staleTime: 5 * 60_000,
  });

/**
 * The paging of the API's lists, for useInfiniteQuery: the first page has no cursor, each page's
 * `nextCursor` fetches the next, and there is none after the last.
 */
export const byCursor = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page: { nextCursor?: string | null }) => page.nextCursor ?? undefined,
};
