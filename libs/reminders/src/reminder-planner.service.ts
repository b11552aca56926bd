import { CaseworkService, Client, DerivedColumns, derivedColumnsOf, storeDerivedColumns } from '@lib/clients';
import { scopeReaches, UserDirectory } from '@lib/identity';
import { PathwayRecordsService } from '@lib/pathway-records';
import { DocumentsService } from '@lib/documents';
import { Clock } from '@lib/kernel';
import { evaluatePathway, PATHWAY_RULES } from '@lib/pathway';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PlannedReminder, planReminders } from './reminder-rules';

/** Document reviews older than this were told about when they happened: they are not planned again. */
const DOCUMENT_NEWS_DAYS = 30;

/**
 * Loads what the rules read for many clients at once (a fixed number of queries per batch, not
 * per client) and plans their reminders; stores the engine's verdict (stage, finding count) on
 * the clients as it goes. The caller passes client rows it found in its scope.
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    private readonly pathways: PathwayRecordsService,
    private readonly casework: CaseworkService,
    private readonly documents: DocumentsService,
    private readonly directory: UserDirectory,
    private readonly clock: Clock,
  ) {}

  async plan(manager: EntityManager, clients: readonly Client[]): Promise<Map<string, PlannedReminder[]>> {
    const plans = new Map<string, PlannedReminder[]>();
    const live = clients.filter((c) => !c.anonymizedAt);
    for (const c of clients) plans.set(c.id, []);
    if (live.length === 0) return plans;
    const ids = live.map((c) => c.id);
    // What the rules read, each from the library that owns it, for all the clients at once.
    const snapshots = await this.pathways.snapshots(manager, live);
    const casework = await this.casework.reminderFacts(manager, ids);
    const now = this.clock.now();
    const documents = await this.documents.reminderFacts(
      manager,
      ids,
      new Date(now.getTime() - DOCUMENT_NEWS_DAYS * 86_400_000),
    );
    const staff = [
      ...live.map((c) => c.caseManagerId),
      ...[...casework.values()].flatMap((facts) => facts.tasks.map((t) => t.assigneeUserId)),
    ].filter((id): id is string => id !== null);
    const accounts = await this.directory.accountFacts(manager, ids, staff);
    // Only someone whose scope reaches the client now is told about them: an active account of the
    // client's center (or the network). A task left with a colleague who moved center goes to the case manager.
    const reaching = (userId: string | null, client: Client) => {
      const scope = userId ? accounts.activeUsers.get(userId) : undefined;
      return userId && scope && scopeReaches(scope, client) ? userId : null;
    };
    const derived: DerivedColumns[] = [];
    for (const { client, records, matchCalendar, timeZone } of snapshots) {
      const pathway = evaluatePathway(records, matchCalendar, PATHWAY_RULES, now, timeZone);
      derived.push(derivedColumnsOf(client.id, records, pathway));
      plans.set(
        client.id,
        planReminders({
          clientId: client.id,
          clientStatus: client.status,
          clientHasAccount: accounts.clientsWithAccount.has(client.id),
          // A deactivated case manager gets nothing (the client needs a new one: that shows elsewhere).
          caseManagerId: reaching(client.caseManagerId, client),
          timeZone,
          records,
          pathway,
          calendar: matchCalendar,
          // A deactivated (or moved) assignee's task falls back to the case manager.
          tasks: (casework.get(client.id)?.tasks ?? []).map((t) => ({
            ...t,
            assigneeUserId: reaching(t.assigneeUserId, client),
          })),
          documents: documents.get(client.id) ?? [],
          // No note yet: contact is counted from the intake.
          lastContactOn: casework.get(client.id)?.lastContact ?? client.intakeDate,
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
