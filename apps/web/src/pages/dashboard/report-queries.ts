import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { components, operations } from '../../api/schema';

export type Center = components['schemas']['CenterResponse'];
export type MatchOutcomesQuery = NonNullable<operations['ReportsController_matchOutcomes']['parameters']['query']>;
export type PipelineQuery = NonNullable<operations['ReportsController_pipeline']['parameters']['query']>;
export type DurationsQuery = NonNullable<operations['ReportsController_milestoneDurations']['parameters']['query']>;
export type ServicesQuery = NonNullable<operations['ReportsController_services']['parameters']['query']>;

/** The API's largest page of centers: a network has a handful, so a few pages at most. */
const CENTERS_PAGE = 100;

/** Every center, for a person whose reports span the network (the API lists them by name). */
export const useAllCenters = () =>
  useQuery({
    queryKey: ['centers', 'all'],
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
  });

export const useCenter = (id: string | null) =>
  useQuery({
    queryKey: ['centers', id],
    enabled: id !== null,
    queryFn: () => ok(api.GET('/api/v1/centers/{id}', { params: { path: { id: id! } } })),
  });

/**
 * The Match seasons to choose from, newest first: those in the Match calendar and those with
 * applications in the person's scope (a past season may have results but no calendar entry).
 */
export const useSeasonYears = () =>
  useQuery({
    queryKey: ['reports', 'seasons'],
    queryFn: async () => {
      const [calendar, bySeason] = await Promise.all([
        ok(api.GET('/api/v1/match-seasons')),
        ok(api.GET('/api/v1/reports/match-outcomes', { params: { query: { groupBy: 'season' } } })),
      ]);
      const years = new Set([...calendar.map((s) => s.matchYear), ...bySeason.rows.map((r) => Number(r.group))]);
      return [...years].filter(Number.isInteger).sort((a, b) => b - a);
    },
  });

export const useMatchOutcomes = (query: MatchOutcomesQuery) =>
  useQuery({
    queryKey: ['reports', 'match-outcomes', query],
    queryFn: () => ok(api.GET('/api/v1/reports/match-outcomes', { params: { query } })),
  });

export const usePipeline = (query: PipelineQuery) =>
  useQuery({
    queryKey: ['reports', 'pipeline', query],
    queryFn: () => ok(api.GET('/api/v1/reports/pipeline', { params: { query } })),
  });

export const useMilestoneDurations = (query: DurationsQuery) =>
  useQuery({
    queryKey: ['reports', 'milestone-durations', query],
    queryFn: () => ok(api.GET('/api/v1/reports/milestone-durations', { params: { query } })),
  });

export const useServices = (query: ServicesQuery) =>
  useQuery({
    queryKey: ['reports', 'services', query],
    queryFn: () => ok(api.GET('/api/v1/reports/services', { params: { query } })),
  });
