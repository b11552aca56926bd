import { AppError } from '@lib/kernel';

export enum ProgramsErrorCode {
  SlugTaken = 'PROGRAM_SLUG_TAKEN',
}

/** What the partner program directory refuses. */
export class ProgramsError extends AppError<ProgramsErrorCode> {}
