/**
 * Field names no answer about a client's records may carry for a director (docs/director-view.md):
 * what the director views leave out, and the timeline's actor. A task's `details` is not listed
 * only because a timeline item has `details` of its own: tests look for its value instead.
 */
export const HIDDEN_FROM_DIRECTORS: readonly string[] = [
  'email',
  'phone',
  'dateOfBirth',
  'immigrationStatus',
  'medicalSchool',
  'preferredLanguage',
  'spokenLanguages',
  'consentToShare',
  'consentDate',
  'closedReason',
  'usmleId',
  'supervisor',
  'nrmpId',
  'visa',
  'provider',
  'description',
  'amountCents',
  'currency',
  'title',
  'note',
  'body',
  'actorId',
  'ip',
];
