import { AppError } from '@lib/kernel';
import type { FindingCode } from '@lib/pathway';

export enum PathwayRecordsErrorCode {
  SeasonTaken = 'APPLICATION_EXISTS_FOR_SEASON',
  /** A field the record's kind does not take, or dates in the wrong order (a 400 naming the field). */
  InvalidField = 'REQUIRED_FIELD',
  /** The IMG tried to change a result their case manager verified. */
  VerifiedResult = 'VERIFIED_RESULT',
}

/** The refusal of `VerifiedResult`, in the IMG's language (they read it on their own page). */
export const VERIFIED_RESULT_TEXTS: Record<'en' | 'es', string> = {
  en: 'Your case manager has verified this result, so it cannot be changed here. If it is wrong, tell your case manager; a new attempt is reported as a new exam.',
  es: 'Su administrador de casos verificó este resultado, así que no se puede cambiar aquí. Si no es correcto, avísele a su administrador de casos; un nuevo intento se informa como un examen nuevo.',
};

/**
 * What the pathway records refuse: their own codes, or, for a write the pathway rules forbid (422),
 * the engine's finding code with the rule's sentence and source in `details`.
 */
export class PathwayRecordsError extends AppError<PathwayRecordsErrorCode | FindingCode> {}
