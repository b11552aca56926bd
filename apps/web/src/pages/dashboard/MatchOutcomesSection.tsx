import { DEFAULT_THEME, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend } from './ChartLegend';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { QueryState } from '../../components/QueryState';
import { ChartFrame } from './ChartFrame';
import { CsvDownloadButton } from './CsvDownloadButton';
import { count, percent, plottable } from './format';
import { useMatchOutcomes, type MatchOutcomesQuery } from './report-queries';
import { GROUPING_LABELS, type Grouping } from './report-labels';
import { ReportSection } from './ReportSection';
import { useCategoryAxisWidth } from './use-category-axis-width';
import { ReportTable, type Column } from './ReportTable';

type Row = components['schemas']['MatchOutcomeRow'];
type MatchedCount = components['schemas']['MatchedCount'];
type Outcome = 'matched' | 'matchedSoap' | 'matchedElsewhere' | 'unmatched' | 'withdrawn' | 'pending';

const { colors } = DEFAULT_THEME;

/** Each outcome, its words and its colour (dark shades: at least 3:1 on white). */
const OUTCOMES: Array<{ key: Outcome; label: string; color: string }> = [
  { key: 'matched', label: 'Matched', color: colors.teal[9] },
  { key: 'matchedSoap', label: 'Matched (SOAP)', color: colors.blue[9] },
  { key: 'matchedElsewhere', label: 'Matched in another specialty', color: colors.indigo[9] },
  { key: 'unmatched', label: 'Unmatched', color: colors.red[9] },
  { key: 'withdrawn', label: 'Withdrawn', color: colors.gray[7] },
  { key: 'pending', label: 'Result pending', color: colors.orange[9] },
];

/** "Matched in another specialty" only means something by specialty (it is 0 in every other grouping). */
const outcomesFor = (groupBy: Grouping) =>
  OUTCOMES.filter((o) => o.key !== 'matchedElsewhere' || groupBy === 'specialty');

/** The API writes a withheld count as text ("<5", "hidden"); a count it shows is a number. */
const anyWithheld = (report: components['schemas']['MatchOutcomesReport']) =>
  report.rows.some(
    (row) => typeof row.applicants === 'string' || OUTCOMES.some((o) => typeof row[o.key] === 'string'),
  ) || [...report.matchedSpecialties, ...report.matchedStates].some((item) => typeof item.clients === 'string');

export function MatchOutcomesSection({
  query,
  onGroupBy,
}: {
  query: MatchOutcomesQuery & { groupBy: Grouping };
  onGroupBy: (groupBy: Grouping) => void;
}) {
  const outcomes = useMatchOutcomes(query);
  const axisWidth = useCategoryAxisWidth();
  const seasonText = query.season === undefined ? 'every season' : `the ${query.season} season`;
  return (
    <ReportSection
      title="Match outcomes"
      description={`Clients who applied to the residency Match in ${seasonText}, by result. Without a season, each client counts once, with their latest application. The match rate is over those with a result (matched, SOAP or unmatched).`}
      download={
        <CsvDownloadButton
          what="Match outcomes"
          fallbackName="match-outcomes.csv"
          call={() =>
            api.GET('/api/v1/reports/match-outcomes', {
              params: { query: { ...query, format: 'csv' } },
              parseAs: 'blob',
            })
          }
        />
      }
    >
      <NativeSelect
        label="Group by"
        maw={240}
        value={query.groupBy}
        onChange={(event) => onGroupBy(event.currentTarget.value as Grouping)}
        data={Object.entries(GROUPING_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <QueryState query={outcomes} label="Match outcomes">
        {(report) => {
          const shown = outcomesFor(report.groupBy);
          const groupLabel = GROUPING_LABELS[report.groupBy];
          const columns: Column<Row>[] = [
            { header: groupLabel, cell: (r) => r.group },
            { header: 'Applicants', cell: (r) => count(r.applicants), numeric: true },
            ...shown.map((o) => ({ header: o.label, cell: (r: Row) => count(r[o.key]), numeric: true })),
            { header: 'Match rate', cell: (r) => percent(r.matchRate), numeric: true },
          ];
          return (
            <Stack gap="md">
              {report.rows.length > 0 && (
                <ChartFrame
                  label={`Stacked bar chart of Match outcomes by ${groupLabel.toLowerCase()}, in ${seasonText}`}
                  height={Math.max(220, report.rows.length * 44 + 90)}
                >
                  <BarChart
                    data={report.rows.map((r) => ({
                      group: r.group,
                      ...Object.fromEntries(shown.map((o) => [o.key, plottable(r[o.key])])),
                    }))}
                    layout="vertical"
                    margin={{ left: 8, right: 16 }}
                    accessibilityLayer={false}
                  >
                    <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="group" width={axisWidth} tick={{ fontSize: 12 }} />
                    <Tooltip />
                    <ChartLegend />
                    {shown.map((o) => (
                      <Bar
                        key={o.key}
                        dataKey={o.key}
                        name={o.label}
                        stackId="outcome"
                        fill={o.color}
                        isAnimationActive={false}
                      />
                    ))}
                  </BarChart>
                </ChartFrame>
              )}
              <ReportTable
                caption={`Match outcomes by ${groupLabel.toLowerCase()}, ${seasonText}`}
                columns={columns}
                rows={report.rows}
                rowKey={(r) => r.group}
                empty="No Match applications for these filters."
                testId="match-outcomes-table"
              />
              {anyWithheld(report) && (
                <Text size="sm" c="dimmed" data-testid="privacy-note">
                  To protect clients’ privacy, a small count reads as a bound (such as “&lt;5”), and a count that would
                  let a small one be worked out reads “hidden”.
                </Text>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <MatchedList
                  caption="Specialties matched in"
                  header="Specialty"
                  items={report.matchedSpecialties}
                  testId="matched-specialties-table"
                />
                <MatchedList caption="States matched in" header="State" items={report.matchedStates} />
              </SimpleGrid>
            </Stack>
          );
        }}
      </QueryState>
    </ReportSection>
  );
}

function MatchedList({
  caption,
  header,
  items,
  testId,
}: {
  caption: string;
  header: string;
  items: MatchedCount[];
  testId?: string;
}) {
  return (
    <ReportTable
      caption={caption}
      columns={[
        { header, cell: (i) => i.name },
        { header: 'Clients', cell: (i) => count(i.clients), numeric: true },
      ]}
      rows={items}
      rowKey={(i) => i.name}
      empty={`${caption}: none yet.`}
      testId={testId}
    />
  );
}
