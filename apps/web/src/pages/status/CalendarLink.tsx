import { Anchor, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { FormError } from '../../components/FormError';
import type { Messages } from '../../i18n/messages';

/** The same feed through webcal://, which phones and desktop calendar apps open as a subscription. */
const webcalOf = (url: string) => url.replace(/^https?:\/\//, 'webcal://');

/**
 * "Add to my calendar": a secret feed URL for calendar apps. The API keeps only its hash, so the
 * link is shown once, when made; making another stops the previous one (nothing is stored here).
 */
export function CalendarLink({ t }: { t: Messages }) {
  const feed = useMutation({ mutationFn: () => ok(api.POST('/api/v1/me/calendar-token')) });
  return (
    <Stack gap="sm">
      <Text size="sm">{t.calendarExplained}</Text>
      {feed.data && (
        <>
          <TextInput label={t.calendarLink} value={feed.data.url} readOnly onFocus={(e) => e.currentTarget.select()} />
          <Group gap="sm" wrap="wrap">
            <CopyButton value={feed.data.url}>
              {({ copied, copy }) => (
                <Button variant="light" size="sm" onClick={copy} color={copied ? 'green' : undefined}>
                  {copied ? t.copied : t.copy}
                </Button>
              )}
            </CopyButton>
            <Anchor href={webcalOf(feed.data.url)} size="sm">
              {t.openInCalendar}
            </Anchor>
          </Group>
          <Text size="sm" c="dimmed">
            {t.keepPrivate}
          </Text>
        </>
      )}
      <FormError error={feed.error} />
      <Group>
        <Button variant={feed.data ? 'default' : 'filled'} loading={feed.isPending} onClick={() => feed.mutate()}>
          {feed.data ? t.newCalendarLink : t.getCalendarLink}
        </Button>
      </Group>
      {feed.data && (
        <Text size="xs" c="dimmed">
          {t.newLinkStopsOld}
        </Text>
      )}
    </Stack>
  );
}
