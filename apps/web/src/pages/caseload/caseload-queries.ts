import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { byCursor, CASELOAD_KEY } from '../../api/queries';
import type { CaseloadFilters } from './caseload-filters';

const PAGE_SIZE = 50;

/**
 * The caseload, a page at a time (keyset: each page starts after the previous page's cursor).
 * The previous list stays on screen while a new filter loads, so the table does not flash empty.
 */
export const useCaseloadPages = (filters: CaseloadFilters) =>
  useInfiniteQuery({
    queryKey: [...CASELOAD_KEY, filters],
    queryFn: ({ pageParam }) =>
      ok(api.GET('/api/v1/clients', { params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } } })),
    ...byCursor,
    placeholderData: keepPreviousData,
  });

/** The case managers the signed-in person can see (their center's, or the network's): the filter's choices. */
export const useCaseManagerChoices = () =>
  useQuery({
    queryKey: ['users', 'case-managers'],
    queryFn: () => ok(api.GET('/api/v1/users', { params: { query: { role: 'case_manager', limit: 100 } } })),
    staleTime: 5 * 60_000,
  });
