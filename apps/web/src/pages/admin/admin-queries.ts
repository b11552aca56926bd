import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { byCursor } from '../../api/queries';
import type { components } from '../../api/schema';

export type { Center } from '../../api/queries';
export type User = components['schemas']['UserResponse'];
export type MatchSeason = components['schemas']['MatchSeasonResponse'];
export type SeasonEvent = components['schemas']['SeasonEventDto'];
export type Delivery = components['schemas']['DeliveryResponse'];

/** The API's largest page. */
const PAGE_SIZE = 100;

export const usersKey = ['users'] as const;
export const seasonsKey = ['match-seasons'] as const;
export const failedDeliveriesKey = ['admin', 'deliveries', 'failed'] as const;

export interface UserFilters {
  /** Part of a name or e-mail. */
  q?: string;
  role?: User['role'];
  centerId?: string;
  active?: boolean;
}

/** Users by e-mail, a page at a time ("Load more"). */
export const useUsers = (filters: UserFilters) =>
  useInfiniteQuery({
    queryKey: [...usersKey, filters],
    queryFn: ({ pageParam }) =>
      ok(api.GET('/api/v1/users', { params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } } })),
    ...byCursor,
  });

/** One user, e.g. a delivery's recipient. */
export const useUser = (id: string) =>
  useQuery({
    queryKey: [...usersKey, id],
    queryFn: () => ok(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });

export const useMatchSeasons = () =>
  useQuery({ queryKey: seasonsKey, queryFn: () => ok(api.GET('/api/v1/match-seasons')) });

/** Failed reminder deliveries, newest first, a page at a time. */
export const useFailedDeliveries = () =>
  useInfiniteQuery({
    queryKey: failedDeliveriesKey,
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/admin/deliveries', {
          params: { query: { status: 'failed', limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    ...byCursor,
  });
