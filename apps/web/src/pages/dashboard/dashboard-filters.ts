import { isUuid, useAddressFilters } from '../../components/address-filters';
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
    centerId: text('centerId', isUuid),
    groupBy: text('groupBy', (v) => v in GROUPING_LABELS) as Grouping | undefined,
    intakeFrom: text('intakeFrom', isDate),
    intakeTo: text('intakeTo', isDate),
    servicesFrom: text('servicesFrom', isDate),
    servicesTo: text('servicesTo', isDate),
  };
}

function writeFilters(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as Array<[Key, DashboardFilters[Key]]>) {
    if (value !== undefined && value !== '') params.set(PARAMETERS[key], String(value));
  }
  return params;
}

/** The filters in the address, and a function that changes some of them (a new history entry, so Back undoes it). */
export const useDashboardFilters = () => useAddressFilters(readFilters, writeFilters);
