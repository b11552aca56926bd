import type { Job } from 'bullmq';

/** Every BullMQ queue of the product. */
export enum QueueName {
  System = 'system',
  Mail = 'mail',
  Reminders = 'reminders',
}

/**
 * An e-mail about a person's account, by ids only: the queue dashboard shows job data and keeps
 * failed jobs for a week, so no address, name, link or token travels through Redis. The worker
 * issues the one-time link and writes the message when it sends it.
 */
export type AccountEmail =
  | { kind: 'invitation'; userId: string; invitedById: string }
  /** `userId` null: the address asked about has no account (queued all the same, so both cost alike). */
  | { kind: 'password-reset'; userId: string | null };

/** What an account e-mail job did: `no_account` when there was no one to write to (unknown, inactive, already accepted). */
export type AccountEmailOutcome = 'sent' | 'no_account';

/**
 * The one typed contract between producers (API) and handlers (worker): for each queue, each
 * job name with its payload and result. Payloads carry ids, never entities or secrets; handlers reload.
 */
export interface JobContract {
  [QueueName.System]: {
    /** A round-trip that proves a worker is consuming (used by tests and operators). */
    ping: { payload: { nonce: string }; result: { pong: string; handledBy: string } };
    /** Removes stored document objects no row names (left by a crash between storing and committing). */
    'sweep-document-orphans': { payload: { trigger: 'daily' | 'admin' }; result: { removed: number } };
  };
  [QueueName.Mail]: {
    /** Writes one account e-mail (issuing its link) and sends it over SMTP, retried with backoff when the server refuses. */
    'account-email': { payload: AccountEmail; result: { outcome: AccountEmailOutcome } };
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
  [QueueName.System]: ['ping', 'sweep-document-orphans'],
  [QueueName.Mail]: ['account-email'],
  [QueueName.Reminders]: ['reconcile-client', 'reconcile-all', 'deliver'],
};

/**
 * A job id from its parts. Where the parts name the logical job (a reminder's dedupe key), the same
 * job always gets the same id and BullMQ dedupes it; where a job must run each time it is asked
 * for (a reconcile after each write, each e-mail), a part is unique (a random id).
 */
export function jobId(name: string, ...parts: Array<string | number>): string {
  const id = [name, ...parts].join('.');
  // BullMQ refuses ':' in custom ids (its key separator): fail where the id is made, not at enqueue.
  if (id.includes(':')) throw new Error(`job id "${id}" must not contain ':'`);
  return id;
}
