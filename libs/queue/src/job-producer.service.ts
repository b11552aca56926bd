import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { JobName, JobPayload, QueueName } from './queue.contract';

/** The typed way to enqueue: the payload must match the contract for that queue and job name. */
@Injectable()
export class JobProducer {
  private readonly queues: { [Q in QueueName]: Queue };

  constructor(@InjectQueue(QueueName.System) system: Queue) {
    this.queues = { [QueueName.System]: system };
  }

  async enqueue<Q extends QueueName, N extends JobName<Q>>(
    queue: Q,
    name: N,
    payload: JobPayload<Q, N>,
    options: JobsOptions & { jobId: string },
  ) {
    return this.queues[queue].add(name, payload, options);
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }
}
