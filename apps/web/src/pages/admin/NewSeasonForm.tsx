import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, ok } from '../../api/client';
import { problemsOf } from '../../api/errors';
import { FormError } from '../../components/FormError';
import { seasonsKey, type MatchSeason } from './admin-queries';
import { yearsLater } from './eastern-time';

/**
 * Adds a Match season, its events first copied from `from` and moved to the new year, each marked
 * estimated until the NRMP and ERAS publish the real dates.
 */
export function NewSeasonForm({
  from,
  taken,
  onCreated,
  onCancel,
}: {
  from: MatchSeason;
  /** Years already on the calendar. */
  taken: number[];
  onCreated: (season: MatchSeason) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number>(Math.max(...taken) + 1);
  const [clash, setClash] = useState(false);

  const create = useMutation({
    mutationFn: () =>
      ok(
        api.PUT('/api/v1/match-seasons/{year}', {
          params: { path: { year } },
          body: {
            events: from.events.map((event) => ({
              ...event,
              at: yearsLater(event.at, year - from.matchYear),
              estimated: true,
            })),
          },
        }),
      ),
    onSuccess: async (season) => {
      await queryClient.invalidateQueries({ queryKey: seasonsKey });
      onCreated(season);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // PUT replaces a season: never over one already on the calendar by mistake.
    const exists = taken.includes(year);
    setClash(exists);
    if (!exists) create.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="New Match season">
      <Stack>
        <FormError error={create.error} fields={['year']} />
        <NumberInput
          label="Match year"
          required
          min={2000}
          max={2100}
          allowDecimal={false}
          value={year}
          onChange={(value) => setYear(Number(value))}
          error={clash ? `The ${year} season is already on the calendar` : problemsOf(create.error, 'year')}
          data-autofocus
        />
        <Text size="sm">
          Its {from.events.length} events start as the {from.matchYear} season’s, moved to this year and marked
          estimated; correct them once the NRMP and ERAS publish their calendars.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add the season
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
