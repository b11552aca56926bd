import { isLanguage, type Language } from './language';

const STORAGE_KEY = 'imgp.language';

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
