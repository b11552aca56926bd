import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';

/** How often a processor puts its job scheduler back (a Redis that lost its data lost it too). */
const SCHEDULER_REFRESH_MS = 10 * 60_000;

/**
 * Keeps a repeatable job scheduled under its stable id: upserted now (a failure here stops the
 * worker from starting) and again every few minutes (idempotent; a failure then is logged and
 * retried at the next round). Returns the function that stops the refreshing.
 */
export async function keepJobScheduled(
  queue: Queue,
  schedulerId: string,
  pattern: string,
  job: { name: string; data: object },
  logger: Logger,
): Promise<() => void> {
  const upsert = () =>
    queue.upsertJobScheduler(schedulerId, { pattern, tz: 'UTC' }, { ...job, opts: { removeOnComplete: true } });
  await upsert();
  const timer = setInterval(() => {
    upsert().catch((error: unknown) => logger.warn(`Could not refresh the ${schedulerId} scheduler: ${String(error)}`));
  }, SCHEDULER_REFRESH_MS).unref();
  return () => clearInterval(timer);
}
