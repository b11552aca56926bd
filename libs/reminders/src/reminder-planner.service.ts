import { Client, DerivedColumns, derivedColumnsOf, storeDerivedColumns } from '@lib/clients';
import { PathwayRecordsService } from '@lib/pathway-records';
import { Clock } from '@lib/kernel';
import { evaluatePathway, PATHWAY_RULES } from '@lib/pathway';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlannedReminder, planReminders, ReminderTask } from './reminder-rules';

interface ExtrasRow {
  id: string;
  last_contact: string | null;
  has_account: boolean;
  case_manager_active: boolean;
  tasks: ReminderTask[];
}

/**
 * Loads what the rules read for many clients at once (a fixed number of queries per batch, not
 * per client) and plans their reminders; stores the engine's verdict (stage, finding count) on
 * the clients as it goes. The caller passes client rows it found in its scope.
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
    const [snapshots, extras] = [
      await this.pathways.snapshots(manager, live),
      // What the rules read beyond the pathway records, for all the clients in one query.
      await manager.query<ExtrasRow[]>(
        `SELECT c.id,
                (SELECT max(n.contact_date)::text FROM client_notes n WHERE n.client_id = c.id) AS last_contact,
                EXISTS (SELECT 1 FROM users u WHERE u.client_id = c.id AND u.active) AS has_account,
                coalesce((SELECT m.active FROM users m WHERE m.id = c.case_manager_id), false) AS case_manager_active,
                coalesce((SELECT json_agg(json_build_object(
                            'id', t.id, 'title', t.title, 'dueDate', t.due_date, 'status', t.status,
                            'assignedToClient', t.assigned_to_client,
                            -- A deactivated assignee's task falls back to the case manager.
                            'assigneeUserId', (SELECT a.id FROM users a WHERE a.id = t.assignee_user_id AND a.active)))
                            FROM client_tasks t WHERE t.client_id = c.id AND t.status = 'open' AND t.due_date IS NOT NULL),
                         '[]') AS tasks
           FROM clients c WHERE c.id = ANY($1)`,
        [ids],
      ),
    ];
    const extrasOf = new Map(extras.map((row) => [row.id, row]));
    const now = this.clock.now();
    const derived: DerivedColumns[] = [];
    for (const { client, records, matchCalendar, timeZone } of snapshots) {
      const pathway = evaluatePathway(records, matchCalendar, PATHWAY_RULES, now, timeZone);
      derived.push(derivedColumnsOf(client.id, records, pathway));
      plans.set(
        client.id,
        planReminders({
          clientId: client.id,
          clientStatus: client.status,
          clientHasAccount: extrasOf.get(client.id)?.has_account ?? false,
          // A deactivated case manager gets nothing (the client needs a new one: that shows elsewhere).
          caseManagerId: extrasOf.get(client.id)?.case_manager_active ? client.caseManagerId : null,
          timeZone,
          records,
          pathway,
          calendar: matchCalendar,
          tasks: extrasOf.get(client.id)?.tasks ?? [],
          // No note yet: contact is counted from the intake.
          lastContactOn: extrasOf.get(client.id)?.last_contact ?? client.intakeDate,
          now,
        }),
      );
    }
    // Findings and the stage move with the calendar (a window closes, a deadline nears) as well as
    // with writes: the daily sweep, which plans every client, keeps the caseload's badge and stage
    // current. One statement per batch; rows already current are not rewritten.
    await storeDerivedColumns(manager, derived);
    return plans;
  }
}
