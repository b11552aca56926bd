import type { Job } from 'bullmq';

/** Every BullMQ queue of the product. */
export enum QueueName {
  System = 'system',
  Mail = 'mail',
  Reminders = 'reminders',
}

/** An e-mail as the worker delivers it. */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * The one typed contract between producers (API) and handlers (worker): for each queue, each
 * job name with its payload and result. Payloads carry ids, never entities; handlers reload.
 * (The one exception is mail: an invitation's token exists only in the message, never stored.)
 */
export interface JobContract {
  [QueueName.System]: {
    /** A round-trip that proves a worker is consuming (used by tests and operators). */
    ping: { payload: { nonce: string }; result: { pong: string; handledBy: string } };
  };
  [QueueName.Mail]: {
    /** Sends one message over SMTP, retried with backoff when the server refuses. */
    deliver: { payload: OutgoingMessage; result: { messageId: string } };
  };
  [QueueName.Reminders]: {
    /** Re-plans one client's reminders and makes the delayed jobs match (after each change to the client). */
    'reconcile-client': { payload: { clientId: string }; result: ReconcileCounts };
    /** Re-plans every active client in batches (the daily job scheduler, or an admin). */
    'reconcile-all': { payload: { trigger: 'daily' | 'admin' }; result: ReconcileCounts & { clients: number } };
    /** Sends one planned reminder if it is still wanted and due, once (the job id is its dedupe key). */
    deliver: { payload: { clientId: string; dedupeKey: string }; result: { outcome: DeliveryOutcome } };
  };
}

export interface ReconcileCounts {
  scheduled: number;
  removed: number;
}

/** What a delivery job did: only `sent` sent anything. */
export type DeliveryOutcome = 'sent' | 'not_wanted' | 'not_due' | 'already_claimed' | 'no_recipient';

export type JobName<Q extends QueueName> = keyof JobContract[Q] & string;
type Spec<Q extends QueueName, N extends JobName<Q>> = JobContract[Q][N] & { payload: unknown; result: unknown };
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = Spec<Q, N>['payload'];
export type JobResult<Q extends QueueName, N extends JobName<Q>> = Spec<Q, N>['result'];

/** A handler for every job of a queue: leaving one out fails to compile. */
export type JobHandlers<Q extends QueueName> = {
  [N in JobName<Q>]: (job: Job<JobPayload<Q, N>, JobResult<Q, N>, N>, token?: string) => Promise<JobResult<Q, N>>;
};

/** The job names at run time, so the worker can refuse to start when a handler is missing. */
export const JOB_NAMES: { [Q in QueueName]: ReadonlyArray<JobName<Q>> } = {
  [QueueName.System]: ['ping'],
  [QueueName.Mail]: ['deliver'],
  [QueueName.Reminders]: ['reconcile-client', 'reconcile-all', 'deliver'],
};

/** Deterministic job ids: the same logical job always gets the same id, so BullMQ dedupes it. */
export function jobId(name: string, ...parts: Array<string | number>): string {
  const id = [name, ...parts].join('.');
  // BullMQ refuses ':' in custom ids (its key separator): fail where the id is made, not at enqueue.
  if (id.includes(':')) throw new Error(`job id "${id}" must not contain ':'`);
  return id;
}
