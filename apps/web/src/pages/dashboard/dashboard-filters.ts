import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { GROUPING_LABELS, type Grouping } from './report-labels';

/**
 * What the dashboard shows, kept in the address (`?season=2026&center=…&groupBy=season`) so that a
 * view can be bookmarked or sent to a colleague. Absent means "all" (every season, every center in
 * the person's scope); a value this app cannot read is ignored rather than sent to the API.
 */
export interface DashboardFilters {
  season?: number;
  centerId?: string;
  groupBy?: Grouping;
  /** The pipeline funnel's cohort: clients whose intake falls in this range. */
  intakeFrom?: string;
  intakeTo?: string;
  /** The services report's period. */
  servicesFrom?: string;
  servicesTo?: string;
}

type Key = keyof DashboardFilters;

/** The parameter each filter has in the address. */
const PARAMETERS: Record<Key, string> = {
  season: 'season',
  centerId: 'center',
  groupBy: 'groupBy',
  intakeFrom: 'intakeFrom',
  intakeTo: 'intakeTo',
  servicesFrom: 'servicesFrom',
  servicesTo: 'servicesTo',
};

const YEAR = /^\d{4}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readFilters(params: URLSearchParams): DashboardFilters {
  const text = (key: Key, valid: (value: string) => boolean) => {
    const value = params.get(PARAMETERS[key]);
    return value !== null && valid(value) ? value : undefined;
  };
  const season = text('season', (v) => YEAR.test(v));
  const isDate = (v: string) => CIVIL_DATE.test(v);
  return {
    season: season === undefined ? undefined : Number(season),
    centerId: text('centerId', (v) => UUID.test(v)),
    groupBy: text('groupBy', (v) => v in GROUPING_LABELS) as Grouping | undefined,
    intakeFrom: text('intakeFrom', isDate),
    intakeTo: text('intakeTo', isDate),
    servicesFrom: text('servicesFrom', isDate),
    servicesTo: text('servicesTo', isDate),
  };
}

/** The filters in the address, and a function that changes some of them (a new history entry, so Back undoes it). */
export function useDashboardFilters(): [DashboardFilters, (change: Partial<DashboardFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const change = useCallback(
    (values: Partial<DashboardFilters>) =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(values) as Array<[Key, DashboardFilters[Key]]>) {
          if (value === undefined || value === '') next.delete(PARAMETERS[key]);
          else next.set(PARAMETERS[key], String(value));
        }
        return next;
      }),
    [setParams],
  );
  return [filters, change];
}
