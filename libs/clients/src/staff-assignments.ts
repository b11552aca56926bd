import { Role, scopeOf, scopeReaches, StaffAssignments, User } from '@lib/identity';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { ClientTask } from './casework.entities';
import { Client } from './client.entity';

/**
 * Answers identity's `StaffAssignments` port: when a staff member's role or center changes, they
 * stop being case manager of the clients their new scope does not reach (or of any client, if no
 * longer a case manager), and their open tasks on those clients lose their assignee (the case
 * manager takes them). Entity saves inside the caller's transaction: each change is audited.
 */
@Injectable()
export class ClientStaffAssignments implements StaffAssignments {
  async releaseOutside(
    manager: EntityManager,
    user: Pick<User, 'id' | 'role' | 'centerId' | 'clientId'>,
  ): Promise<string[]> {
    const scope = scopeOf(user);
    const changed = new Set<string>();
    for (const client of await manager.findBy(Client, { caseManagerId: user.id })) {
      if (user.role === Role.CaseManager && scopeReaches(scope, client)) continue;
      client.caseManagerId = null;
      await manager.save(client);
      changed.add(client.id);
    }
    const tasks = await manager.findBy(ClientTask, { assigneeUserId: user.id, status: 'open' });
    const clients = new Map(
      (await manager.findBy(Client, { id: In([...new Set(tasks.map((t) => t.clientId))]) })).map((c) => [c.id, c]),
    );
    for (const task of tasks) {
      const client = clients.get(task.clientId);
      if (client && scopeReaches(scope, client)) continue;
      task.assigneeUserId = null;
      await manager.save(task);
      changed.add(task.clientId);
    }
    return [...changed];
  }
}
