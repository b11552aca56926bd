import { AuditContext } from '@lib/audit';
import { Role } from './role';

/**
 * What client-owned data a caller may reach. Every repository method for client-owned data takes
 * one and turns it into a WHERE, so a forgotten check cannot widen access.
 */
export type AccessScope =
  { kind: 'network' } | { kind: 'center'; centerId: string } | { kind: 'self'; clientId: string };

/** The authenticated caller, as services see it: services are shaped `(actor, input)`. */
export interface Actor {
  userId: string;
  role: Role;
  centerId: string | null;
  clientId: string | null;
  scope: AccessScope;
  requestId: string | null;
  ip: string | null;
}

export interface ScopedUser {
  role: Role;
  centerId: string | null;
  clientId: string | null;
}

/** Admins and network directors see the network; center staff their center; an IMG only themselves. */
export function scopeOf(user: ScopedUser): AccessScope {
  switch (user.role) {
    case Role.Admin:
      return { kind: 'network' };
    case Role.Director:
    case Role.CaseManager:
      return user.centerId ? { kind: 'center', centerId: user.centerId } : { kind: 'network' };
    case Role.Client:
      if (!user.clientId) throw new Error('a client account must be linked to a client record');
      return { kind: 'self', clientId: user.clientId };
  }
}

/**
 * Whether the scope reaches this client: the one rule for who may read about a client, and so for
 * who may be told about one (a reminder's recipient is checked with it when planned and again when
 * sent, so a transfer or a staff move stops the messages at once).
 */
export function scopeReaches(scope: AccessScope, client: { id: string; centerId: string }): boolean {
  switch (scope.kind) {
    case 'network':
      return true;
    case 'center':
      return scope.centerId === client.centerId;
    case 'self':
      return scope.clientId === client.id;
  }
}

/** The actor a user acts as: from a request (its id and address), or from the system (none). */
export function actorOf(
  user: ScopedUser & { id: string },
  request: { requestId: string | null; ip: string | null } = { requestId: null, ip: null },
): Actor {
  return {
    userId: user.id,
    role: user.role,
    centerId: user.centerId,
    clientId: user.clientId,
    scope: scopeOf(user),
    requestId: request.requestId,
    ip: request.ip,
  };
}

export function auditContextOf(actor: Actor): AuditContext {
  return { actorId: actor.userId, actorRole: actor.role, requestId: actor.requestId, ip: actor.ip };
}
