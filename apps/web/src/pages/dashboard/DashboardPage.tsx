import { Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../api/queries';
import { useDashboardFilters } from './dashboard-filters';
import { DashboardFilterBar } from './DashboardFilterBar';
import { MatchOutcomesSection } from './MatchOutcomesSection';
import { MilestoneDurationsSection } from './MilestoneDurationsSection';
import { PipelineSection } from './PipelineSection';
import type { Grouping } from './report-labels';
import { ServicesSection } from './ServicesSection';

/**
 * The director's dashboard (directors and admins): Match outcomes, the pipeline, time to
 * milestones and services, over the person's scope, filtered by season and center in the address.
 */
export function DashboardPage() {
  const me = useMe();
  const [filters, change] = useDashboardFilters();
  // Layout shows this page once /me has loaded.
  const ownCenterId = me.data?.centerId ?? null;
  // A center's own director reports on it alone (the API scopes them to it); only a network-wide
  // person chooses a center.
  const centerId = ownCenterId === null ? filters.centerId : undefined;
  const spansCenters = ownCenterId === null && centerId === undefined;
  // By default the grouping that compares something: centers across a network, seasons within one center.
  const groupBy: Grouping = filters.groupBy ?? (spansCenters ? 'center' : 'season');
  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          Dashboard
        </Title>
        <Text c="dimmed" size="sm">
          Share this view: its address keeps the filters.
        </Text>
      </Stack>
      <DashboardFilterBar
        season={filters.season}
        centerId={centerId}
        ownCenterId={ownCenterId}
        onSeason={(season) => change({ season })}
        onCenter={(center) => change({ centerId: center })}
      />
      <MatchOutcomesSection
        query={{ season: filters.season, centerId, groupBy }}
        onGroupBy={(grouping) => change({ groupBy: grouping })}
      />
      <PipelineSection
        query={{ centerId, intakeFrom: filters.intakeFrom, intakeTo: filters.intakeTo }}
        onCohort={(intakeFrom, intakeTo) => change({ intakeFrom, intakeTo })}
      />
      <MilestoneDurationsSection query={{ centerId }} />
      <ServicesSection
        query={{ centerId, from: filters.servicesFrom, to: filters.servicesTo }}
        onPeriod={(servicesFrom, servicesTo) => change({ servicesFrom, servicesTo })}
      />
    </Stack>
  );
}
