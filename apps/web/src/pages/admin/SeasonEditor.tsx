import { Alert, Badge, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, ok } from '../../api/client';
import { problemsOf } from '../../api/errors';
import { FormError } from '../../components/FormError';
import { seasonsKey, type MatchSeason, type SeasonEvent } from './admin-queries';
import { fromEasternWallClock, toEasternWallClock } from './eastern-time';
import { NOTICE_PROPS } from './notice-props';

/** An event as the form holds it: its time as an Eastern wall clock, for the picker. */
interface EventDraft extends Omit<SeasonEvent, 'at'> {
  wallClock: string;
}

const draftsOf = (season: MatchSeason): EventDraft[] =>
  season.events.map(({ at, ...event }) => ({ ...event, wallClock: toEasternWallClock(at) }));

const CALENDAR_CONTROLS = {
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  previousYear: 'Previous year',
  nextYear: 'Next year',
  previousDecade: 'Previous decade',
  nextDecade: 'Next decade',
};

const updated = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A season's events: their dates and times (US Eastern), and whether each is still an estimate. */
export function SeasonEditor({ season }: { season: MatchSeason }) {
  const queryClient = useQueryClient();
  const [events, setEvents] = useState<EventDraft[]>(() => draftsOf(season));
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: () =>
      ok(
        api.PUT('/api/v1/match-seasons/{year}', {
          params: { path: { year: season.matchYear } },
          body: {
            events: events.map(({ wallClock, ...event }) => ({ ...event, at: fromEasternWallClock(wallClock) })),
          },
        }),
      ),
    onSuccess: async (next) => {
      queryClient.setQueryData<MatchSeason[]>(seasonsKey, (list) =>
        list?.map((s) => (s.matchYear === next.matchYear ? next : s)),
      );
      setEvents(draftsOf(next));
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: seasonsKey });
    },
  });

  const change = (index: number, patch: Partial<EventDraft>) => {
    setSaved(false);
    setEvents((drafts) => drafts.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };

  const fields = events.flatMap((_, i) => [`events.${i}.at`, `events.${i}.estimated`]);

  return (
    <form onSubmit={submit} noValidate aria-label={`${season.matchYear} Match calendar`}>
      <Stack>
        <Text size="sm" c="dimmed">
          Times are US Eastern, as the NRMP and ERAS publish them. Last changed{' '}
          {updated.format(new Date(season.updatedAt))}. Saving re-plans every client’s reminders.
        </Text>
        {saved && (
          <Alert {...NOTICE_PROPS} title="Calendar saved" onClose={() => setSaved(false)}>
            The {season.matchYear} Match calendar is saved; reminders follow the new dates.
          </Alert>
        )}
        <FormError error={save.error} fields={fields} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {events.map((event, i) => (
            <Fieldset
              key={event.key}
              legend={
                <Group gap="xs" component="span">
                  {event.label}
                  {event.estimated && (
                    <Badge color="gray" component="span">
                      Estimated
                    </Badge>
                  )}
                </Group>
              }
              data-testid={`season-event-${event.key}`}
            >
              <Stack gap="xs">
                <DateTimePicker
                  label="Date and time (Eastern)"
                  valueFormat="ddd D MMM YYYY, HH:mm"
                  value={event.wallClock}
                  onChange={(value) => value && change(i, { wallClock: value })}
                  error={problemsOf(save.error, `events.${i}.at`)}
                  submitButtonProps={{ 'aria-label': `Confirm ${event.label}` }}
                  ariaLabels={CALENDAR_CONTROLS}
                  // Mantine's dimmed outside days and red weekends are below AA contrast; neither is needed here.
                  hideOutsideDates
                  weekendDays={[]}
                  required
                />
                <Checkbox
                  label="Estimated: not yet confirmed by a published calendar"
                  checked={event.estimated}
                  onChange={(e) => change(i, { estimated: e.currentTarget.checked })}
                  error={problemsOf(save.error, `events.${i}.estimated`)}
                />
              </Stack>
            </Fieldset>
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              save.reset();
              setEvents(draftsOf(season));
            }}
          >
            Discard changes
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save the {season.matchYear} calendar
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
