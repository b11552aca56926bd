import { hostname } from 'node:os';
import { DocumentsService } from '@lib/documents';
import { JobHandlers, QueueName } from '@lib/queue';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { TypedProcessor } from './typed-processor';

/** The stable id of the daily orphan sweep's job scheduler (upserted, never doubled). */
export const DOCUMENT_ORPHAN_SWEEP_SCHEDULER = 'documents.orphan-sweep';
/** 08:00 UTC, a quiet hour in every US time zone. */
const DOCUMENT_ORPHAN_SWEEP_PATTERN = '0 8 * * *';
const SCHEDULER_REFRESH_MS = 10 * 60_000;

@Processor(QueueName.System)
export class SystemProcessor
  extends TypedProcessor<QueueName.System>
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  readonly queueName = QueueName.System;

  constructor(
    private readonly documents: DocumentsService,
    @InjectQueue(QueueName.System) private readonly queue: Queue,
  ) {
    super();
  }

  readonly handlers: JobHandlers<QueueName.System> = {
    ping: async (job) => ({ pong: job.data.nonce, handledBy: `${hostname()}:${process.pid}` }),
    'sweep-document-orphans': async () => ({ removed: await this.documents.sweepOrphans() }),
  };

  private rescheduler?: NodeJS.Timeout;

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureOrphanSweep();
    // A Redis that lost its data lost the scheduler too: put it back every few minutes (idempotent).
    this.rescheduler = setInterval(
      () => void this.ensureOrphanSweep().catch(() => undefined),
      SCHEDULER_REFRESH_MS,
    ).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.rescheduler);
  }

  private async ensureOrphanSweep(): Promise<void> {
    await this.queue.upsertJobScheduler(
      DOCUMENT_ORPHAN_SWEEP_SCHEDULER,
      { pattern: DOCUMENT_ORPHAN_SWEEP_PATTERN, tz: 'UTC' },
      { name: 'sweep-document-orphans', data: { trigger: 'daily' }, opts: { removeOnComplete: true } },
    );
  }
}
