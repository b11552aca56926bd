/** The languages the system writes to people in (account e-mails, reminders, their status). */
export const MESSAGE_LANGUAGES = ['en', 'es'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** A language code as written in a record: `es` for any starting with es (es, es-MX, ES), `en` otherwise, including none. */
export function languageOf(code: string | null | undefined): MessageLanguage {
  return code?.trim().toLowerCase().startsWith('es') ? 'es' : 'en';
}

/**
 * The language to write to a reader in: their own choice (their `language` preference), else, for
 * an IMG, their client record's preferred language (`null` for staff), else English. One rule for
 * the account e-mails, the reminders, the status page and the refusals an IMG is shown.
 */
export function readerLanguage(
  chosen: MessageLanguage | null,
  clientPreferredLanguage: string | null | undefined,
): MessageLanguage {
  return chosen ?? languageOf(clientPreferredLanguage);
}
