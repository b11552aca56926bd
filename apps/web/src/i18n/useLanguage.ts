import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ok } from '../api/client';
import { initialLanguage, rememberLanguage, type Language } from './language';
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
  useEffect(() => {
    document.documentElement.lang = language;
    if (preferences.data) rememberLanguage(preferences.data.language);
  }, [language, preferences.data]);
  return { language, t: MESSAGES[language] };
}
