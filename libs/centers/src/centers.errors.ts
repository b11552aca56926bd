import { AppError } from '@lib/kernel';

export enum CentersErrorCode {
  SlugTaken = 'CENTER_SLUG_TAKEN',
}

/** What the centers refuse. */
export class CentersError extends AppError<CentersErrorCode> {}
