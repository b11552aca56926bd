import { ROLE_LABELS, type Role } from '../../api/labels';
import { isUuid, useAddressFilters } from '../../components/address-filters';
import { searchInAddress } from '../../components/SearchBox';
import type { UserFilters } from './admin-queries';

const isRole = (value: string | null): value is Role => value !== null && value in ROLE_LABELS;

function readFilters(params: URLSearchParams): UserFilters {
  const role = params.get('role');
  const center = params.get('center');
  const status = params.get('status');
  return {
    q: searchInAddress(params.get('q')),
    role: isRole(role) ? role : undefined,
    centerId: isUuid(center) ? center : undefined,
    active: status === 'active' ? true : status === 'inactive' ? false : undefined,
  };
}

function writeFilters(filters: UserFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.role) params.set('role', filters.role);
  if (filters.centerId) params.set('center', filters.centerId);
  if (filters.active !== undefined) params.set('status', filters.active ? 'active' : 'inactive');
  return params;
}

/** The users' filters, kept in the address (`?q=lee&role=case_manager&center=…&status=inactive`) so a view can be shared. */
export const useUserFilters = () => useAddressFilters(readFilters, writeFilters);
