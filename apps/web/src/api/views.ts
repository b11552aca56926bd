/**
 * A record as the API answers any of its readers: directors get an allow-list of its fields (the
 * `…DirectorView` schemas, docs/director-view.md), admins and case managers all of them. A screen
 * shows the fields the record has; what it edits must have come whole (`isWhole`).
 */
export type AsRead<Full extends object, Restricted extends object> = Restricted & Partial<Omit<Full, keyof Restricted>>;

/** Whether `record` came whole, told by a field only the whole record has (one a restricted view never carries). */
export function isWhole<Full extends object, Restricted extends object>(
  record: AsRead<Full, Restricted>,
  onlyWhole: Exclude<keyof Full, keyof Restricted>,
): record is AsRead<Full, Restricted> & Full {
  return onlyWhole in record;
}
