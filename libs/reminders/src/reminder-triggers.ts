import { randomUUID } from 'node:crypto';
import { CenterZoneChanged, ClientFactsChanged, MatchCalendarChanged, OnDomainEvent } from '@lib/domain-events';
import { JobProducer, jobId, QueueName } from '@lib/queue';
import { Injectable, Logger } from '@nestjs/common';

/**
 * Every change that moves reminders, and what it queues: the one road from a committed write to
 * the reconciler. A new kind of fact the planner reads (a document's expiry, an imported caseload)
 * gets its domain event and a subscriber here. Nothing is awaited by the writer: the write has
 * committed, and if Redis is down now, the daily sweep re-plans everyone.
 *
 * What the planner reads, and the event that tells of its change:
 * - the client record, casework (notes: last contact; tasks: due dates), pathway records and the
 *   IMG's account (whether they receive their own reminders): `ClientFactsChanged`;
 * - the Match calendar: `MatchCalendarChanged`;
 * - a center's time zone (reminders go out in civil hours there): `CenterZoneChanged`.
 * A staff account's deactivation is read at delivery and by the daily sweep, not here.
 */
@Injectable()
export class ReminderTriggers {
  private readonly logger = new Logger(ReminderTriggers.name);

  constructor(private readonly jobs: JobProducer) {}

  /** One client's reminders re-planned, deduplicated per client (one waiting behind one running at most). */
  @OnDomainEvent(ClientFactsChanged)
  clientFactsChanged({ clientId }: ClientFactsChanged): void {
    this.queue(`reconcile of client ${clientId}`, () =>
      this.jobs.enqueue(
        QueueName.Reminders,
        'reconcile-client',
        { clientId },
        {
          jobId: jobId('reconcile', clientId, randomUUID()),
          deduplication: { id: `reconcile.${clientId}`, keepLastIfActive: true },
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
        },
      ),
    );
  }

  /** Match dates moved: every client re-planned now, not at the next daily sweep. */
  @OnDomainEvent(MatchCalendarChanged)
  matchCalendarChanged({ matchYear }: MatchCalendarChanged): void {
    this.queue(`sweep after the ${matchYear} Match calendar changed`, () => this.sweepNow('admin'));
  }

  /** Reminders go out at civil hours in the center's zone: a new zone moves them. */
  @OnDomainEvent(CenterZoneChanged)
  centerZoneChanged({ centerId }: CenterZoneChanged): void {
    this.queue(`sweep after center ${centerId} changed its time zone`, () => this.sweepNow('admin'));
  }

  /** Queues a sweep over every active client (one at a time: a second request joins the queued one). */
  sweepNow(trigger: 'admin'): Promise<{ id?: string }> {
    return this.jobs.enqueue(
      QueueName.Reminders,
      'reconcile-all',
      { trigger },
      {
        jobId: jobId('reconcile-all', trigger, randomUUID()),
        deduplication: { id: 'reconcile-all', keepLastIfActive: true },
        removeOnComplete: true,
      },
    );
  }

  private queue(what: string, enqueue: () => Promise<unknown>): void {
    enqueue().catch((error: Error) => this.logger.warn(`${what} not queued: ${error.message}`));
  }
}
