import { EntityManager } from 'typeorm';

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

/** `readerLanguage` of a user, read from the database (their preference, their client record). */
export async function messageLanguageOf(manager: EntityManager, userId: string): Promise<MessageLanguage> {
  const [row] = (await manager.query(
    `SELECT u.language, c.preferred_language FROM users u LEFT JOIN clients c ON c.id = u.client_id WHERE u.id = $1`,
    [userId],
  )) as { language: MessageLanguage | null; preferred_language: string | null }[];
  return readerLanguage(row?.language ?? null, row?.preferred_language);
}
