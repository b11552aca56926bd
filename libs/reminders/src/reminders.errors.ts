import { AppError } from '@lib/kernel';

export enum RemindersErrorCode {
  DeliveryNotFailed = 'DELIVERY_NOT_FAILED',
}

/** What the reminders refuse (a retry of a delivery that has not failed). */
export class RemindersError extends AppError<RemindersErrorCode> {}
