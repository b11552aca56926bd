import { CaseworkService, ClientTask, findClientInScope } from '@lib/clients';
import { PathwayRecordsService } from '@lib/pathway-records';
import { Actor, UserDirectory } from '@lib/identity';
import { Clock } from '@lib/kernel';
import {
  civilDateOf,
  evaluatePathway,
  findingText,
  nextStepText,
  PATHWAY_RULES,
  PathwayRecords,
  MatchSeason,
  deadlineClock,
  seasonDeadline,
  TextLanguage,
} from '@lib/pathway';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MyDeadline, MyStatusResponse } from './my-status.dto';
import { DEADLINE_LABELS, MATCH_EVENT_KEYS, STAGE_TEXT } from './my-status.texts';
import { ownClientId } from './own-client';

/**
 * The IMG's own status: what the engine says about their records, in their terms and their
 * language, with their deadlines, case manager and tasks. Reached only through the caller's own
 * scope (`self`).
 */
@Injectable()
export class MyStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pathways: PathwayRecordsService,
    private readonly casework: CaseworkService,
    private readonly directory: UserDirectory,
    private readonly clock: Clock,
  ) {}

  async status(actor: Actor): Promise<MyStatusResponse> {
    const manager = this.dataSource.manager;
    const client = await this.ownClient(actor);
    const language = await this.directory.messageLanguageOf(manager, actor.userId);
    const [{ records, matchCalendar, timeZone }] = await this.pathways.snapshots(manager, [client]);
    const now = this.clock.now();
    const today = civilDateOf(now, timeZone);
    const result = evaluatePathway(records, matchCalendar, PATHWAY_RULES, now, timeZone);
    const recentlyDone = civilDateOf(new Date(now.getTime() - 30 * 86_400_000), timeZone);
    const [tasks, caseManager] = [
      await this.casework.tasksOfClient(manager, client, new Date(recentlyDone)),
      client.caseManagerId ? await this.directory.activeAccount(manager, { userId: client.caseManagerId }) : null,
    ];
    return {
      language,
      firstName: client.firstName,
      stage: result.stage,
      stageText: STAGE_TEXT[language][result.stage],
      checklist: result.checklist.map((item) => ({ milestone: item.milestone, state: item.state, date: item.date })),
      warnings: [...result.blockers, ...result.warnings].map((f) => ({
        code: f.code,
        severity: f.severity,
        message: findingText(f, language, today),
        date: f.date ?? null,
      })),
      nextSteps: result.nextStepFacts.map((step) => nextStepText(step, language)),
      exams: records.exams.map((e) => ({
        id: e.id,
        exam: e.exam,
        status: e.status,
        scheduledDate: e.scheduledDate,
        testDate: e.testDate,
        score: e.score,
        verified: e.verified,
      })),
      // A Match deadline is gone from the minute after its hour (9 p.m. ET), not at midnight.
      deadlines: roadEvents(client.id, records, matchCalendar, tasks, language)
        .filter((event) => (event.at ? new Date(event.at).getTime() >= now.getTime() : event.date >= today))
        .map(({ uid: _uid, at: _at, ...deadline }) => deadline),
      caseManager: caseManager ? { name: caseManager.displayName, email: caseManager.email } : null,
      tasks: tasks.map((t) => ({ id: t.id, title: t.title, dueDate: t.dueDate, status: t.status })),
    };
  }

  /**
   * The dated events of the IMG's road still open (booked exams, windows with nothing booked, the
   * Match dates of a pending season, open tasks), past dates included: a feed drops an event once
   * it is done, taken or decided.
   */
  async events(actor: Actor): Promise<{ language: TextLanguage; events: RoadEvent[] }> {
    const manager = this.dataSource.manager;
    const client = await this.ownClient(actor);
    const language = await this.directory.messageLanguageOf(manager, actor.userId);
    const [{ records, matchCalendar }] = await this.pathways.snapshots(manager, [client]);
    const tasks = await this.casework.tasksOfClient(manager, client);
    return { language, events: roadEvents(client.id, records, matchCalendar, tasks, language) };
  }

  /** The caller's own client record, through their scope (`self`). */
  private async ownClient(actor: Actor) {
    return findClientInScope(this.dataSource.manager, actor.scope, ownClientId(actor));
  }
}

/** A dated event of the IMG's road, with a UID that stays when its date moves (calendar apps update it). */
export interface RoadEvent extends MyDeadline {
  uid: string;
  /** The instant a Match deadline falls at (NRMP's and ERAS's hour), when the calendar gives one. */
  at?: string;
}

/** Exam days, windows closing with nothing booked, the Match dates of a pending application, tasks: soonest first. */
export function roadEvents(
  clientId: string,
  records: PathwayRecords,
  matchCalendar: readonly MatchSeason[],
  tasks: ReadonlyArray<Pick<ClientTask, 'id' | 'title' | 'dueDate' | 'status'>>,
  language: TextLanguage,
): RoadEvent[] {
  const labels = DEADLINE_LABELS[language];
  const all: RoadEvent[] = [
    ...records.exams.flatMap((e): RoadEvent[] =>
      e.status === 'scheduled' && e.scheduledDate
        ? [{ uid: `exam-${e.id}`, date: e.scheduledDate, kind: 'exam', label: labels.examDay(e.exam) }]
        : e.status === 'planned' && (e.extensionEnd ?? e.eligibilityEnd)
          ? [
              {
                uid: `eligibility-${e.id}`,
                date: (e.extensionEnd ?? e.eligibilityEnd) as string,
                kind: 'eligibility_ends',
                label: labels.eligibilityEnds(e.exam),
              },
            ]
          : [],
    ),
    ...records.matchApplications
      .filter((a) => a.result === 'pending')
      .flatMap((a) =>
        MATCH_EVENT_KEYS.flatMap((key): RoadEvent[] => {
          const deadline = seasonDeadline(matchCalendar, a.season, key);
          return deadline
            ? [
                {
                  uid: `match-${a.season}-${key}-${clientId}`,
                  date: deadline.date,
                  at: deadline.at,
                  kind: 'match',
                  label: labels.match(a.season, key, deadlineClock(deadline, PATHWAY_RULES, language)),
                },
              ]
            : [];
        }),
      ),
    ...tasks.flatMap((t): RoadEvent[] =>
      t.status === 'open' && t.dueDate ? [{ uid: `task-${t.id}`, date: t.dueDate, kind: 'task', label: t.title }] : [],
    ),
  ];
  return all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
}
