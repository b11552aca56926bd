import { Group, NativeSelect, Text } from '@mantine/core';
import { useAllCenters, useCenter } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { useSeasonYears } from './report-queries';

const ALL = '';

/**
 * The filters every report shares: the Match season (for the outcomes) and the center. The center
 * is a choice only for someone whose reports span the network; a center's own director sees that
 * center named instead, as the API gives them nothing else.
 */
export function DashboardFilterBar({
  season,
  centerId,
  ownCenterId,
  onSeason,
  onCenter,
}: {
  season?: number;
  centerId?: string;
  ownCenterId: string | null;
  onSeason: (season: number | undefined) => void;
  onCenter: (centerId: string | undefined) => void;
}) {
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <SeasonSelect season={season} onSeason={onSeason} />
      {ownCenterId === null ? <CenterSelect centerId={centerId} onCenter={onCenter} /> : <OwnCenter id={ownCenterId} />}
    </Group>
  );
}

function SeasonSelect({ season, onSeason }: { season?: number; onSeason: (season: number | undefined) => void }) {
  const years = useSeasonYears();
  return (
    <QueryState query={years} label="the Match seasons">
      {(list) => {
        // A shared address may name a season this list lacks: it stays selectable, as it is what is shown.
        const choices = season === undefined || list.includes(season) ? list : [season, ...list];
        return (
          <NativeSelect
            label="Match season"
            miw={180}
            value={season === undefined ? ALL : String(season)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onSeason(value === ALL ? undefined : Number(value));
            }}
            data={[
              { value: ALL, label: 'All seasons' },
              ...choices.map((y) => ({ value: String(y), label: String(y) })),
            ]}
          />
        );
      }}
    </QueryState>
  );
}

function CenterSelect({ centerId, onCenter }: { centerId?: string; onCenter: (centerId: string | undefined) => void }) {
  const centers = useAllCenters();
  return (
    <QueryState query={centers} label="the centers">
      {(list) => (
        <NativeSelect
          label="Center"
          miw={220}
          maw="100%"
          value={centerId ?? ALL}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onCenter(value === ALL ? undefined : value);
          }}
          data={[{ value: ALL, label: 'All centers' }, ...list.map((c) => ({ value: c.id, label: c.name }))]}
        />
      )}
    </QueryState>
  );
}

function OwnCenter({ id }: { id: string }) {
  const center = useCenter(id);
  return (
    <QueryState query={center} label="your center">
      {(c) => (
        <Text size="sm" data-testid="own-center">
          Reports of <strong>{c.name}</strong>
        </Text>
      )}
    </QueryState>
  );
}
