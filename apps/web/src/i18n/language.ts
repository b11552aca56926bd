/** The languages the IMG's screens are written in: the API's `language` preference takes the same two. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Browsers' names for the languages, for dates and numbers. US Spanish: the IMGs live in the US. */
export const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

const STORAGE_KEY = 'imgp.language';

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/**
 * The language to show before the API has said which one the person chose: the last one chosen on
 * this device, else the browser's. Not a secret, so localStorage (unlike tokens) is fine, and it
 * serves the screens shown before sign-in too.
 */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

/** A civil date (`YYYY-MM-DD`, the API's form) written out for the reader: "December 14, 2026", "14 de diciembre de 2026". */
export function formatDate(date: string, language: Language): string {
  const instant = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return date;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(instant);
}
