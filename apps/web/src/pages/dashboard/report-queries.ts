import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { operations } from '../../api/schema';

export type MatchOutcomesQuery = NonNullable<operations['ReportsController_matchOutcomes']['parameters']['query']>;
export type PipelineQuery = NonNullable<operations['ReportsController_pipeline']['parameters']['query']>;
export type DurationsQuery = NonNullable<operations['ReportsController_milestoneDurations']['parameters']['query']>;
export type ServicesQuery = NonNullable<operations['ReportsController_services']['parameters']['query']>;

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
