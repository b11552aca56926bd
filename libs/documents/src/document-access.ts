import { Actor, Role } from '@lib/identity';
import { DocumentCategory, SENSITIVE_CATEGORIES } from './documents.entities';

/**
 * Who may open a document in full (title, file name, comments, bytes), among the readers whose
 * scope reaches its client: admins, the IMG, and case managers (of the client's center only for
 * immigration and identity papers). Directors see that it exists (`DocumentDirectorView`).
 */
export function opensDocument(
  actor: Pick<Actor, 'role' | 'centerId'>,
  client: { centerId: string },
  category: DocumentCategory,
): boolean {
  switch (actor.role) {
    case Role.Director:
      return false;
    case Role.Admin:
    case Role.Client:
      return true;
    case Role.CaseManager:
      return !SENSITIVE_CATEGORIES.includes(category) || actor.centerId === client.centerId;
  }
}
