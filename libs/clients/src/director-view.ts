import { Role } from '@lib/identity';

/** The staff who work a client's case read its records whole (DESIGN.md section 1). */
const READ_WHOLE: ReadonlySet<Role> = new Set([Role.Admin, Role.CaseManager]);

/** A director view: an `AllowListView` of a response DTO. */
interface DirectorView<Full extends object, K extends keyof Full> {
  of(full: Full): Pick<Full, K>;
}

/**
 * A response about a client as `viewer` may read it: whole for admins and case managers; for anyone
 * else (directors) only the fields of the response's director view, an allow-list
 * (docs/director-view.md). Every mapper a director's request reaches answers through this.
 */
export function asSeenBy<Full extends object, K extends keyof Full>(
  viewer: Role,
  full: Full,
  directorView: DirectorView<Full, K>,
): Full | Pick<Full, K> {
  return READ_WHOLE.has(viewer) ? full : directorView.of(full);
}
