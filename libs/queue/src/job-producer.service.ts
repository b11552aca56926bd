import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { JobName, JobPayload, QueueName } from './queue.contract';
import { QueueError, QueueErrorCode } from './queue.errors';

/** How long a request waits for Redis before answering 503. */
const READY_WITHIN_MS = 2000;

/** The typed way to enqueue: the payload must match the contract for that queue and job name. */
@Injectable()
export class JobProducer {
  private readonly queues: { [Q in QueueName]: Queue };
  private readonly logger = new Logger(JobProducer.name);

  constructor(
    @InjectQueue(QueueName.System) system: Queue,
    @InjectQueue(QueueName.Mail) mail: Queue,
    @InjectQueue(QueueName.Reminders) reminders: Queue,
  ) {
    this.queues = { [QueueName.System]: system, [QueueName.Mail]: mail, [QueueName.Reminders]: reminders };
  }

  /**
   * Adds a job, or fails within two seconds with a 503 when Redis is down. The connection keeps no
   * offline queue, so a job refused now never turns up later behind a rolled-back transaction.
   */
  async enqueue<Q extends QueueName, N extends JobName<Q>>(
    queue: Q,
    name: N,
    payload: JobPayload<Q, N>,
    options: JobsOptions & { jobId: string },
  ) {
    const target = this.queues[queue];
    try {
      await withTimeout(target.waitUntilReady(), READY_WITHIN_MS);
      return await target.add(name, payload, options);
    } catch (error) {
      this.logger.warn(`enqueue ${queue}.${name} failed: ${(error as Error).message}`);
      throw new QueueError(
        'unavailable',
        QueueErrorCode.Unavailable,
        'The job queue is unavailable; try again shortly',
      );
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
