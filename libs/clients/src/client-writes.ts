import { AuditService } from '@lib/audit';
import { Actor, auditContextOf } from '@lib/identity';
import { NotFoundError } from '@lib/kernel';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { findClientInScope, ScopedClient } from './client-scope';
import { ClientsError, ClientsErrorCode } from './clients.errors';

/**
 * The one way to write under a client: in one audited transaction, with the client row found
 * through the caller's scope and locked (a transfer or an anonymization running now finishes
 * first, and is seen), refused once anonymized; then `after` (the pathway stage refresh) and the
 * caseload's activity mark.
 */
export async function writeUnderClient<T>(
  audit: AuditService,
  actor: Actor,
  clientId: string,
  work: (manager: EntityManager, client: ScopedClient) => Promise<T>,
  after?: (manager: EntityManager, client: ScopedClient) => Promise<void>,
): Promise<T> {
  return audit.transaction(auditContextOf(actor), async (manager) => {
    const client = await findClientInScope(manager, actor.scope, clientId, { lock: true });
    if (client.anonymizedAt) {
      throw new ClientsError(
        'unprocessable',
        ClientsErrorCode.AlreadyAnonymized,
        'An anonymized client cannot be changed',
      );
    }
    const result = await work(manager, client);
    if (after) await after(manager, client);
    // Raw SQL: the caseload's sort key is bookkeeping, not a change to audit. Milliseconds, as
    // cursors carry them: a microsecond the cursor cannot hold would skip rows between pages.
    await manager.query(`UPDATE clients SET last_activity_at = date_trunc('milliseconds', now()) WHERE id = $1`, [
      client.id,
    ]);
    return result;
  });
}

/** A row of `entity` that belongs to this client; another client's row is a 404, like a missing one. */
export async function rowOfClient<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  label: string,
  client: ScopedClient,
  id: string,
): Promise<E> {
  const row = await manager.getRepository(entity).findOneBy({ id, clientId: client.id } as never);
  if (!row) throw new NotFoundError(label, id);
  return row;
}
