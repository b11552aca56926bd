import { Alert, SegmentedControl, Stack, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import { rememberLanguage } from './device-language';
import { isLanguage, type Language } from './language';
import { MESSAGES } from './messages';
import { PREFERENCES_KEY, useLanguage } from './useLanguage';

/** Each language named in itself, as language menus do: a reader finds their own. */
const CHOICES: { value: Language; short: string; name: string }[] = [
  { value: 'en', short: 'EN', name: 'English' },
  { value: 'es', short: 'ES', name: 'Español' },
];

/** EN / ES, labelled in both languages: someone who cannot read the page can still find it. */
export function LanguagePicker({
  value,
  onChange,
  disabled = false,
}: {
  value: Language;
  onChange: (language: Language) => void;
  disabled?: boolean;
}) {
  return (
    <SegmentedControl
      aria-label={MESSAGES[value].languageSwitch}
      size="xs"
      value={value}
      disabled={disabled}
      onChange={(next) => isLanguage(next) && onChange(next)}
      data={CHOICES.map((choice) => ({
        value: choice.value,
        label: (
          <span lang={choice.value}>
            <span aria-hidden="true">{choice.short}</span>
            <VisuallyHidden>{choice.name}</VisuallyHidden>
          </span>
        ),
      }))}
    />
  );
}

/**
 * The signed-in IMG's switch. Saved as the person's `language` preference, so it follows them to
 * every device and to their reminder e-mails; what the API writes for them (their status) is
 * fetched again in it.
 */
export function LanguageSwitch() {
  const { language, t } = useLanguage();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (next: Language) => ok(api.PATCH('/api/v1/me/preferences', { body: { language: next } })),
    onSuccess: async (saved) => {
      rememberLanguage(saved.language);
      queryClient.setQueryData(PREFERENCES_KEY, saved);
      await queryClient.invalidateQueries({ queryKey: ['me', 'status'] });
    },
  });
  return (
    <Stack gap={4} align="flex-end">
      <LanguagePicker
        value={change.isPending ? change.variables : language}
        disabled={change.isPending}
        onChange={(next) => change.mutate(next)}
      />
      {change.isError && (
        <Alert color="red" role="alert" p="xs">
          {t.languageNotSaved}
        </Alert>
      )}
    </Stack>
  );
}
