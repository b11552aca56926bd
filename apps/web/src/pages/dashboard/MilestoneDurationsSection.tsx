import { Stack } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend } from './ChartLegend';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { QueryState } from '../../components/QueryState';
import { ChartFrame } from './ChartFrame';
import { seriesColor } from './chart-colors';
import { CsvDownloadButton } from './CsvDownloadButton';
import { count } from './format';
import { useMilestoneDurations, type DurationsQuery } from './report-queries';
import { labelOf, MILESTONE_LABELS } from './report-labels';
import { ReportSection } from './ReportSection';
import { useCategoryAxisWidth } from './use-category-axis-width';
import { ReportTable } from './ReportTable';

type Duration = components['schemas']['MilestoneDuration'];

/** One bar group per milestone, one bar per center: the median days from intake. */
function chartData(rows: Duration[], centers: string[]) {
  return Object.entries(MILESTONE_LABELS).map(([milestone, label]) => ({
    label,
    ...Object.fromEntries(
      centers.map((center) => [
        center,
        rows.find((r) => r.center === center && r.milestone === milestone)?.medianDays ?? null,
      ]),
    ),
  }));
}

export function MilestoneDurationsSection({ query }: { query: DurationsQuery }) {
  const durations = useMilestoneDurations(query);
  const axisWidth = useCategoryAxisWidth();
  return (
    <ReportSection
      title="Time to milestones"
      description="Days from intake to ECFMG certification, to the first Match application and to the Match, over the clients who reached each: the median, and the middle half (25th to 75th percentile)."
      download={
        <CsvDownloadButton
          what="time to milestones"
          fallbackName="milestone-durations.csv"
          call={() =>
            api.GET('/api/v1/reports/milestone-durations', {
              params: { query: { ...query, format: 'csv' } },
              parseAs: 'blob',
            })
          }
        />
      }
    >
      <QueryState query={durations} label="time to milestones">
        {(report) => {
          const centers = [...new Set(report.rows.map((r) => r.center))];
          return (
            <Stack gap="md">
              {report.rows.length > 0 && (
                <ChartFrame
                  label="Bar chart of the median days from intake to each milestone, by center"
                  height={Math.max(240, centers.length * 3 * 28 + 100)}
                >
                  <BarChart
                    data={chartData(report.rows, centers)}
                    layout="vertical"
                    margin={{ left: 8, right: 16, bottom: 16 }}
                    accessibilityLayer={false}
                  >
                    <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                    <XAxis
                      type="number"
                      allowDecimals={false}
                      label={{ value: 'Median days from intake', position: 'insideBottom', offset: -8 }}
                    />
                    <YAxis type="category" dataKey="label" width={axisWidth} tick={{ fontSize: 12 }} />
                    <Tooltip />
                    <ChartLegend />
                    {centers.map((center, index) => (
                      <Bar
                        key={center}
                        dataKey={center}
                        name={center}
                        fill={seriesColor(index)}
                        isAnimationActive={false}
                      />
                    ))}
                  </BarChart>
                </ChartFrame>
              )}
              <ReportTable<Duration>
                caption="Days from intake to each milestone"
                columns={[
                  { header: 'Center', cell: (r) => r.center },
                  { header: 'Milestone', cell: (r) => labelOf(MILESTONE_LABELS, r.milestone) },
                  { header: 'Clients', cell: (r) => count(r.clients), numeric: true },
                  { header: 'Median days', cell: (r) => count(r.medianDays), numeric: true },
                  {
                    header: 'Middle half (days)',
                    cell: (r) => `${count(r.p25Days)}–${count(r.p75Days)}`,
                    numeric: true,
                  },
                ]}
                rows={report.rows}
                rowKey={(r) => `${r.center}|${r.milestone}`}
                empty="No client has reached a milestone since intake yet."
                testId="durations-table"
              />
            </Stack>
          );
        }}
      </QueryState>
    </ReportSection>
  );
}
