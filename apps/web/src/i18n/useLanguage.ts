import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { api, ok } from '../api/client';
import { initialLanguage, rememberLanguage } from './device-language';
import type { Language } from './language';
import { MESSAGES, type Messages } from './messages';

export const PREFERENCES_KEY = ['me', 'preferences'] as const;

export const usePreferences = () =>
  useQuery({ queryKey: PREFERENCES_KEY, queryFn: () => ok(api.GET('/api/v1/me/preferences')) });

/**
 * The signed-in person's language: their `language` preference (the one their reminders come in,
 * the same on every device), and until it has loaded the one last chosen on this device. Keeps
 * <html lang> and this device's memory of it in step.
 */
export function useLanguage(): { language: Language; t: Messages } {
  const preferences = usePreferences();
  const [onThisDevice] = useState(initialLanguage);
  const language = preferences.data?.language ?? onThisDevice;
  useDocumentLanguage(language);
  useEffect(() => {
    if (preferences.data) rememberLanguage(preferences.data.language);
  }, [preferences.data]);
  return { language, t: MESSAGES[language] };
}

/**
 * Before sign-in there is no preference to read: the language an e-mailed link names (`?lang=`,
 * the one the e-mail was written in), else the one last chosen on this device, else the browser's. A choice here is remembered on the device only; once signed in, the person's own
 * preference (the same on every device) decides.
 */
export function useDeviceLanguage(fromLink: Language | null): [Language, (next: Language) => void] {
  const [language, setLanguage] = useState(() => fromLink ?? initialLanguage());
  useDocumentLanguage(language);
  // The link's language becomes this device's: the next visit to sign-in speaks it too.
  useEffect(() => {
    if (fromLink !== null) rememberLanguage(fromLink);
  }, [fromLink]);
  const choose = useCallback((next: Language) => {
    rememberLanguage(next);
    setLanguage(next);
  }, []);
  return [language, choose];
}

/**
 * <html lang> for the screen shown: screen readers pick their voice by it. Every screen sets it
 * (staff screens to English), so a language chosen on a page before sign-in does not stay behind.
 * `null`: this component leaves it to another (the IMG's screens set their own).
 */
export function useDocumentLanguage(language: Language | null): void {
  useEffect(() => {
    if (language !== null) document.documentElement.lang = language;
  }, [language]);
}
