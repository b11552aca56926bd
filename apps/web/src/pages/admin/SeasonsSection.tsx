import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { QueryState } from '../../components/QueryState';
import { useMatchSeasons, type MatchSeason } from './admin-queries';
import { NewSeasonForm } from './NewSeasonForm';
import { SeasonEditor } from './SeasonEditor';

/** The season a Match year opens on: the first whose events are not all past, else the latest. */
function currentSeason(seasons: MatchSeason[], now = Date.now()): MatchSeason | undefined {
  return seasons.find((season) => season.events.some((event) => new Date(event.at).getTime() > now)) ?? seasons.at(-1);
}

/** The Match calendar every reminder and deadline is computed from; the year chosen is in the URL (`?year=`). */
export function SeasonsSection() {
  const seasons = useMatchSeasons();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);

  return (
    <QueryState query={seasons} label="the Match seasons">
      {(list) => {
        if (list.length === 0) return <Text>No Match season is on the calendar yet.</Text>;
        const chosen = list.find((season) => String(season.matchYear) === params.get('year')) ?? currentSeason(list);
        return (
          <Stack>
            <Group align="flex-end" justify="space-between">
              <Select
                label="Match season"
                allowDeselect={false}
                data={list.map((season) => ({ value: String(season.matchYear), label: `${season.matchYear} Match` }))}
                value={chosen ? String(chosen.matchYear) : null}
                onChange={(year) => year && setParams({ year }, { replace: true })}
                w={200}
              />
              <Button variant="default" onClick={() => setAdding(true)}>
                New season
              </Button>
            </Group>
            {/* Keyed by year: another season starts the form afresh. */}
            {chosen && <SeasonEditor key={chosen.matchYear} season={chosen} />}
            <Modal opened={adding} onClose={() => setAdding(false)} title="New Match season">
              {chosen && (
                <NewSeasonForm
                  from={chosen}
                  taken={list.map((season) => season.matchYear)}
                  onCancel={() => setAdding(false)}
                  onCreated={(season) => {
                    setAdding(false);
                    setParams({ year: String(season.matchYear) }, { replace: true });
                  }}
                />
              )}
            </Modal>
          </Stack>
        );
      }}
    </QueryState>
  );
}
