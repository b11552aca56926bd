import { JOB_NAMES, JobHandlers, QueueName } from '@lib/queue';
import { WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * A BullMQ processor that dispatches by job name to a handler map typed by the queue contract,
 * so a job without a handler fails to compile, and at run time fails without retrying.
 */
export abstract class TypedProcessor<Q extends QueueName> extends WorkerHost {
  abstract readonly queueName: Q;
  abstract readonly handlers: JobHandlers<Q>;

  async process(job: Job, token?: string): Promise<unknown> {
    const handler = (
      this.handlers as unknown as Record<string, ((job: Job, token?: string) => Promise<unknown>) | undefined>
    )[job.name];
    if (!handler) {
      throw new UnrecoverableError(`no handler for job "${job.name}" on queue "${this.queueName}"`);
    }
    return handler(job, token);
  }
}

/**
 * What is wrong with a set of processors: a job of the contract nobody handles, or a queue with
 * more than one processor (each BullMQ worker takes any job of its queue, so exactly one
 * processor per queue must handle all of its jobs).
 */
export function handlerProblems(
  processors: ReadonlyArray<Pick<TypedProcessor<QueueName>, 'queueName' | 'handlers'>>,
): string[] {
  return Object.values(QueueName).flatMap((queue) => {
    const mine = processors.filter((p) => p.queueName === queue);
    if (mine.length > 1) return [`queue ${queue} has ${mine.length} processors; it must have exactly one`];
    const handled = new Set(mine.flatMap((p) => Object.keys(p.handlers)));
    return JOB_NAMES[queue].filter((name) => !handled.has(name)).map((name) => `no handler for ${queue}.${name}`);
  });
}
