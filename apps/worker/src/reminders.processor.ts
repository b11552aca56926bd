import { Environment } from '@lib/kernel';
import { JobHandlers, QueueName } from '@lib/queue';
import { deliveryJobOptions, ReminderDelivery, ReminderReconciler } from '@lib/reminders';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DelayedError, Queue } from 'bullmq';
import { keepJobScheduled } from './job-scheduler';
import { TypedProcessor } from './typed-processor';

/** The stable id of the daily sweep's job scheduler: upserting it again changes it, never doubles it. */
export const DAILY_SWEEP_SCHEDULER = 'reminders.daily-sweep';
/**
 * 10:00 UTC: between midnight and 06:00 in every US time zone (Hawaii to Eastern), before the
 * day's 09:00 reminders; what it finds already due waits for 09:00 (the civil-hour rule).
 */
export const DAILY_SWEEP_PATTERN = '0 10 * * *';

/**
 * Runs the reminder jobs: reconciles one client or all, and delivers. A short lock (renewed while
 * the job runs) so that a delivery whose worker died is picked up again within seconds.
 */
@Processor(QueueName.Reminders, { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 3 })
export class RemindersProcessor
  extends TypedProcessor<QueueName.Reminders>
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  readonly queueName = QueueName.Reminders;
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    private readonly reconciler: ReminderReconciler,
    private readonly delivery: ReminderDelivery,
    private readonly config: ConfigService<Environment, true>,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
  ) {
    super();
  }

  readonly handlers: JobHandlers<QueueName.Reminders> = {
    'reconcile-client': async (job) => this.reconciler.reconcile([job.data.clientId], deliveryJobOptions(this.config)),
    'reconcile-all': async (job) => this.reconciler.sweep(job.data.trigger, deliveryJobOptions(this.config)),
    deliver: async (job, token) => {
      const result = await this.delivery.deliver({
        jobId: job.id ?? '',
        clientId: job.data.clientId,
        dedupeKey: job.data.dedupeKey,
        lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
      });
      if ('dueAt' in result) {
        // The event moved later since this job was scheduled: wait for the new time, as the same job.
        await job.moveToDelayed(result.dueAt.getTime(), token);
        throw new DelayedError();
      }
      return result;
    },
  };

  private stopScheduling = () => {};

  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.get('REMINDER_CONCURRENCY', { infer: true });
    this.stopScheduling = await keepJobScheduled(
      this.queue,
      DAILY_SWEEP_SCHEDULER,
      DAILY_SWEEP_PATTERN,
      { name: 'reconcile-all', data: { trigger: 'daily' } },
      this.logger,
    );
  }

  onApplicationShutdown(): void {
    this.stopScheduling();
  }
}
