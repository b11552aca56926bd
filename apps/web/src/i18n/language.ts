/** The languages the IMG's screens are written in: the API's `language` preference takes the same two. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Browsers' names for the languages, for dates and numbers. US Spanish: the IMGs live in the US. */
export const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** A civil date (`YYYY-MM-DD`, the API's form) written out for the reader: "December 14, 2026", "14 de diciembre de 2026". */
export function formatDate(date: string, language: Language): string {
  const instant = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return date;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(instant);
}
