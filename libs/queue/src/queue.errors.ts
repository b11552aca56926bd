import { AppError } from '@lib/kernel';

export enum QueueErrorCode {
  Unavailable = 'QUEUE_UNAVAILABLE',
}

/** The job queue cannot take a job now (Redis is down): 503, try again. */
export class QueueError extends AppError<QueueErrorCode> {}
