import { AccessScope } from '@lib/identity';
import { NotFoundError } from '@lib/kernel';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Client } from './client.entity';

declare const scoped: unique symbol;

/**
 * A client row that was found through the caller's scope. Sub-resource methods take one of these
 * instead of a bare id, so the compiler refuses a notes query that skipped the scope check.
 */
export type ScopedClient = Client & { readonly [scoped]: true };

/** Client rows the scope can reach: a WHERE, never a check after the fact. */
export function clientsInScope(manager: EntityManager, scope: AccessScope, alias = 'c'): SelectQueryBuilder<Client> {
  const query = manager.getRepository(Client).createQueryBuilder(alias);
  switch (scope.kind) {
    case 'network':
      return query;
    case 'center':
      return query.where(`${alias}.center_id = :scopeCenterId`, { scopeCenterId: scope.centerId });
    case 'self':
      return query.where(`${alias}.id = :scopeClientId`, { scopeClientId: scope.clientId });
  }
}

/** The client, if the scope reaches it; otherwise 404, exactly as for a client that does not exist. */
export async function findClientInScope(
  manager: EntityManager,
  scope: AccessScope,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ScopedClient> {
  const query = clientsInScope(manager, scope).andWhere('c.id = :id', { id });
  if (options.lock) query.setLock('pessimistic_write');
  const client = await query.getOne();
  if (!client) throw new NotFoundError('Client', id);
  return client as ScopedClient;
}
