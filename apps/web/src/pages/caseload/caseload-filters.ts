import { STAGE_LABELS, type Stage } from '../../api/labels';
import type { operations } from '../../api/schema';
import { isUuid, useAddressFilters } from '../../components/address-filters';
import { searchInAddress } from '../../components/SearchBox';

type ListQuery = NonNullable<operations['ClientsController_list']['parameters']['query']>;
export type ClientStatus = NonNullable<ListQuery['status']>;
export type CaseloadSort = NonNullable<ListQuery['sort']>;

/** What narrows the caseload: each one a parameter of GET /clients and of the page's URL. */
export interface CaseloadFilters {
  stage?: Stage;
  status?: ClientStatus;
  caseManagerId?: string;
  q?: string;
  sort: CaseloadSort;
}

export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  closed: 'Closed',
};

/** Every filter off (the order stays as chosen). */
export const NO_FILTERS: Partial<CaseloadFilters> = {
  q: undefined,
  stage: undefined,
  status: undefined,
  caseManagerId: undefined,
};

export const isFiltered = (filters: CaseloadFilters): boolean =>
  Boolean(filters.q || filters.stage || filters.status || filters.caseManagerId);

const SORTS: CaseloadSort[] = ['lastName', 'lastActivity'];

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.find((a) => a === value);

function readFilters(params: URLSearchParams): CaseloadFilters {
  const caseManagerId = params.get('caseManager');
  return {
    stage: oneOf(Object.keys(STAGE_LABELS) as Stage[], params.get('stage')),
    status: oneOf(Object.keys(CLIENT_STATUS_LABELS) as ClientStatus[], params.get('status')),
    caseManagerId: isUuid(caseManagerId) ? caseManagerId : undefined,
    q: searchInAddress(params.get('q')),
    sort: oneOf(SORTS, params.get('sort')) ?? 'lastName',
  };
}

function writeFilters(filters: CaseloadFilters): URLSearchParams {
  const entries: [string, string | undefined][] = [
    ['q', filters.q],
    ['stage', filters.stage],
    ['status', filters.status],
    ['caseManager', filters.caseManagerId],
    // The default order stays out of the URL.
    ['sort', filters.sort === 'lastName' ? undefined : filters.sort],
  ];
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value) params.set(key, value);
  return params;
}

/**
 * The filters as the URL holds them, so a filtered caseload survives a reload and can be shared.
 * A value the API would refuse (a stage that does not exist, a malformed id) is dropped, so an
 * edited or stale link still shows a list rather than an error.
 */
export const useCaseloadFilters = () => useAddressFilters(readFilters, writeFilters);
