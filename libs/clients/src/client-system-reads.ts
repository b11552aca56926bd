import { EntityManager, In } from 'typeorm';
import { Client } from './client.entity';

/**
 * Client rows for the system's own jobs (the reminder sweep, reconcile and delivery), which act
 * across the network on ids they already hold. Never for a request: those go through the caller's
 * scope (`findClientInScope`).
 */
export const systemClientReads = {
  byIds(manager: EntityManager, ids: readonly string[]): Promise<Client[]> {
    return ids.length === 0 ? Promise.resolve([]) : manager.findBy(Client, { id: In([...ids]) });
  },

  byId(manager: EntityManager, id: string): Promise<Client | null> {
    return manager.findOneBy(Client, { id });
  },

  /** The next `limit` active, not anonymized clients by id after `afterId`: the sweep's keyset batches. */
  async activeIdsAfter(manager: EntityManager, afterId: string, limit: number): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM clients WHERE status = 'active' AND anonymized_at IS NULL AND id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((row) => row.id);
  },

  /** Of these clients, the ones no longer active (closed, inactive or anonymized). */
  async inactiveAmong(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM clients WHERE id = ANY($1) AND (status <> 'active' OR anonymized_at IS NOT NULL)`,
      [ids],
    );
    return rows.map((row) => row.id);
  },
};
