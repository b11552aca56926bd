import { AppError } from '@lib/kernel';
import type { FindingCode } from '@lib/pathway';

export enum PathwayRecordsErrorCode {
  SeasonTaken = 'APPLICATION_EXISTS_FOR_SEASON',
  /** A field the record's kind does not take, or dates in the wrong order (a 400 naming the field). */
  InvalidField = 'REQUIRED_FIELD',
}

/**
 * What the pathway records refuse: their own codes, or, for a write the pathway rules forbid (422),
 * the engine's finding code with the rule's sentence and source in `details`.
 */
export class PathwayRecordsError extends AppError<PathwayRecordsErrorCode | FindingCode> {}
