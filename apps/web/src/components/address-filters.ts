import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id as the API takes it: anything else in an address is dropped rather than sent for a 400. */
export const isUuid = (value: string | null): value is string => value !== null && UUID.test(value);

/**
 * A page's filters kept in the address's query string, so a view survives a reload and can be
 * shared. `read` turns the query string into filters (dropping what the API would refuse), `write`
 * turns filters back into one. A change is merged into what the address holds at that moment, not
 * into the filters of the last render: two changes made before the page re-renders (a center, then
 * a season) both stay. (React Router's own functional update starts from the last render's.)
 * Each change is a new history entry, so Back undoes it, unless it says `replace` (a search being
 * typed would fill the history with its keystrokes).
 */
export function useAddressFilters<F>(
  read: (params: URLSearchParams) => F,
  write: (filters: F) => URLSearchParams,
): [F, (change: Partial<F>, options?: { replace: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => read(params), [params, read]);
  const change = useCallback(
    (update: Partial<F>, { replace } = { replace: false }) => {
      const current = read(new URLSearchParams(window.location.search));
      setParams(write({ ...current, ...update }), { replace });
    },
    [read, write, setParams],
  );
  return [filters, change];
}
