import { Role } from '@lib/identity';

/** A count as a report shows it: the number, or "<5" where a small number could identify a person. */
export type ShownCount = number | string;

/**
 * Hides counts from 1 to `threshold - 1` (as `<threshold`) from roles below admin, in breakdowns
 * where a count of one in a small center identifies a person (by country, by specialty).
 */
export function smallCounts(role: Role, threshold: number): (count: number) => ShownCount {
  if (role === Role.Admin) return (count) => count;
  return (count) => (count > 0 && count < threshold ? `<${threshold}` : count);
}
