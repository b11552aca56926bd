import { hostname } from 'node:os';
import { DocumentsService } from '@lib/documents';
import { JobHandlers, QueueName } from '@lib/queue';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { keepJobScheduled } from './job-scheduler';
import { TypedProcessor } from './typed-processor';

/** The stable id of the daily orphan sweep's job scheduler (upserted, never doubled). */
export const DOCUMENT_ORPHAN_SWEEP_SCHEDULER = 'documents.orphan-sweep';
/** 08:00 UTC, a quiet hour in every US time zone. */
const DOCUMENT_ORPHAN_SWEEP_PATTERN = '0 8 * * *';

@Processor(QueueName.System)
export class SystemProcessor
  extends TypedProcessor<QueueName.System>
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  readonly queueName = QueueName.System;
  private readonly logger = new Logger(SystemProcessor.name);

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

  private stopScheduling = () => {};

  async onApplicationBootstrap(): Promise<void> {
    this.stopScheduling = await keepJobScheduled(
      this.queue,
      DOCUMENT_ORPHAN_SWEEP_SCHEDULER,
      DOCUMENT_ORPHAN_SWEEP_PATTERN,
      { name: 'sweep-document-orphans', data: { trigger: 'daily' } },
      this.logger,
    );
  }

  onApplicationShutdown(): void {
    this.stopScheduling();
  }
}
