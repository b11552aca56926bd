import { useSearchParams } from 'react-router-dom';
import { ROLE_LABELS, type Role } from '../../api/labels';
import { searchInAddress } from '../../components/SearchBox';
import type { UserFilters } from './admin-queries';

const isRole = (value: string | null): value is Role => value !== null && value in ROLE_LABELS;

/** The users' filters, kept in the address (`?q=lee&role=case_manager&center=…&status=inactive`) so a view can be shared. */
export function useUserFilters(): [UserFilters, (filters: UserFilters) => void] {
  const [params, setParams] = useSearchParams();
  const role = params.get('role');
  const status = params.get('status');
  const filters: UserFilters = {
    q: searchInAddress(params.get('q')),
    role: isRole(role) ? role : undefined,
    centerId: params.get('center') ?? undefined,
    active: status === 'active' ? true : status === 'inactive' ? false : undefined,
  };
  const setFilters = (next: UserFilters) => {
    const query = new URLSearchParams();
    if (next.q) query.set('q', next.q);
    if (next.role) query.set('role', next.role);
    if (next.centerId) query.set('center', next.centerId);
    if (next.active !== undefined) query.set('status', next.active ? 'active' : 'inactive');
    setParams(query, { replace: true });
  };
  return [filters, setFilters];
}
