import { Client, ClientTask, PathwayRecordsService } from '@lib/clients';
import { Clock } from '@lib/kernel';
import { evaluatePathway, PATHWAY_RULES } from '@lib/pathway';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { PlannedReminder, planReminders } from './reminder-rules';

/**
 * Loads what the rules read for many clients at once (a fixed number of queries per batch, not
 * per client) and plans their reminders. The caller passes client rows it found in its scope.
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    private readonly pathways: PathwayRecordsService,
    private readonly clock: Clock,
  ) {}

  async plan(manager: EntityManager, clients: readonly Client[]): Promise<Map<string, PlannedReminder[]>> {
    const plans = new Map<string, PlannedReminder[]>();
    const live = clients.filter((c) => !c.anonymizedAt);
    for (const c of clients) plans.set(c.id, []);
    if (live.length === 0) return plans;
    const ids = live.map((c) => c.id);
    const [snapshots, tasks, contacts, accounts] = [
      await this.pathways.snapshots(manager, live),
      await manager.find(ClientTask, { where: { clientId: In(ids), status: 'open', dueDate: Not(IsNull()) } }),
      await manager.query<Array<{ client_id: string; last: string }>>(
        `SELECT client_id, max(contact_date)::text AS last FROM client_notes WHERE client_id = ANY($1) GROUP BY client_id`,
        [ids],
      ),
      await manager.query<Array<{ client_id: string }>>(
        `SELECT client_id FROM users WHERE client_id = ANY($1) AND active`,
        [ids],
      ),
    ];
    const tasksOf = new Map<string, ClientTask[]>();
    for (const t of tasks) tasksOf.set(t.clientId, [...(tasksOf.get(t.clientId) ?? []), t]);
    const lastContact = new Map(contacts.map((row) => [row.client_id, row.last]));
    const withAccount = new Set(accounts.map((row) => row.client_id));
    const now = this.clock.now();
    for (const { client, records, calendar, timeZone } of snapshots) {
      plans.set(
        client.id,
        planReminders({
          clientId: client.id,
          clientStatus: client.status,
          clientHasAccount: withAccount.has(client.id),
          caseManagerId: client.caseManagerId,
          timeZone,
          records,
          pathway: evaluatePathway(records, calendar, PATHWAY_RULES, now, timeZone),
          calendar,
          tasks: (tasksOf.get(client.id) ?? []).map((t) => ({
            id: t.id,
            title: t.title,
            dueDate: t.dueDate,
            status: t.status,
            assigneeUserId: t.assigneeUserId,
            assignedToClient: t.assignedToClient,
          })),
          // No note yet: contact is counted from the intake.
          lastContactOn: lastContact.get(client.id) ?? client.intakeDate,
          now,
        }),
      );
    }
    return plans;
  }
}
