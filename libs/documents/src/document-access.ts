import { Actor, Role } from '@lib/identity';
import { DocumentCategory, SENSITIVE_CATEGORIES } from './documents.entities';

/**
 * What a reader whose scope reaches the client may do with one of its documents:
 * - `open`: read it whole (title, file name, comments) and its bytes: admins, the IMG, case
 *   managers (of the client's center only, for immigration and identity papers);
 * - `existence`: know it exists (`DocumentDirectorView`: category, dates, status): directors;
 * - `none`: not even that. Immigration and identity papers do not exist for a reader who may not
 *   open them, since their existence alone says something about the person (as a visa of
 *   `none_needed` would; docs/director-view.md).
 */
export type DocumentAccess = 'open' | 'existence' | 'none';

export function documentAccess(
  actor: Pick<Actor, 'role' | 'centerId'>,
  client: { centerId: string },
  category: DocumentCategory,
): DocumentAccess {
  const sensitive = SENSITIVE_CATEGORIES.includes(category);
  switch (actor.role) {
    case Role.Admin:
    case Role.Client:
      return 'open';
    case Role.CaseManager:
      return !sensitive || actor.centerId === client.centerId ? 'open' : 'none';
    case Role.Director:
      return sensitive ? 'none' : 'existence';
  }
}
