import { hostname } from 'node:os';
import { JobHandlers, QueueName } from '@lib/queue';
import { Processor } from '@nestjs/bullmq';
import { TypedProcessor } from './typed-processor';

@Processor(QueueName.System)
export class SystemProcessor extends TypedProcessor<QueueName.System> {
  readonly queueName = QueueName.System;

  readonly handlers: JobHandlers<QueueName.System> = {
    ping: async (job) => ({ pong: job.data.nonce, handledBy: `${hostname()}:${process.pid}` }),
  };
}
