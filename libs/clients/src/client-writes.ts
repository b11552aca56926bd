import { AuditService } from '@lib/audit';
import { ClientFact, ClientFactsChanged, DomainEvents } from '@lib/domain-events';
import { Actor, auditContextOf } from '@lib/identity';
import { NotFoundError } from '@lib/kernel';
import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { findClientInScope, ScopedClient } from './client-scope';
import { ClientsError, ClientsErrorCode } from './clients.errors';

/** Work done under a client, inside the write's transaction. */
export type ClientWork<T> = (manager: EntityManager, client: ScopedClient) => Promise<T>;

/**
 * The one way to write under a client: in one audited transaction, with the client row found
 * through the caller's scope and locked (a transfer or an anonymization running now finishes
 * first, and is seen), refused once anonymized; then `after` (the pathway stage refresh) and the
 * caseload's activity mark; after the commit, `ClientFactsChanged` is published.
 */
@Injectable()
export class ClientWrites {
  constructor(
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async underClient<T>(
    actor: Actor,
    clientId: string,
    fact: ClientFact,
    work: ClientWork<T>,
    after?: ClientWork<void>,
  ): Promise<T> {
    let written = clientId;
    const result = await this.audit.transaction(auditContextOf(actor), async (manager) => {
      const client = await findClientInScope(manager, actor.scope, clientId, { lock: true });
      written = client.id;
      if (client.anonymizedAt) {
        throw new ClientsError(
          'unprocessable',
          ClientsErrorCode.AlreadyAnonymized,
          'An anonymized client cannot be changed',
        );
      }
      const done = await work(manager, client);
      if (after) await after(manager, client);
      // Raw SQL: the caseload's sort key is bookkeeping, not a change to audit. Milliseconds, as
      // cursors carry them: a microsecond the cursor cannot hold would skip rows between pages.
      await manager.query(`UPDATE clients SET last_activity_at = date_trunc('milliseconds', now()) WHERE id = $1`, [
        client.id,
      ]);
      return done;
    });
    this.events.publish(new ClientFactsChanged(written, fact));
    return result;
  }
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
