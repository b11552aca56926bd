import { auditContextOf, Actor, Role } from '@lib/identity';
import { AuditContext } from '@lib/audit';
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export const IS_PUBLIC = 'isPublic';
export const ROLES = 'roles';

/** A route anyone may call without a token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The roles that may call a route. A route with neither `@Roles` nor `@Public` answers 403 to
 * everyone: forgetting to declare access fails closed.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export type AuthenticatedRequest = FastifyRequest & { user?: Actor };

/** The authenticated caller. Throws if the auth guard did not run, rather than return undefined. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!actor) throw new Error('@CurrentActor() on a route the auth guard did not authenticate');
  return actor;
});

/** Who, from where, for routes that act before anyone is authenticated (login, reset). */
export const RequestAuditContext = createParamDecorator((_data: unknown, context: ExecutionContext): AuditContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (request.user) return auditContextOf(request.user);
  return { actorId: null, actorRole: null, requestId: request.id, ip: request.ip };
});
