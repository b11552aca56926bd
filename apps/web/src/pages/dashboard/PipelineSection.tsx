import { SimpleGrid, Stack } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { STAGE_LABELS } from '../../api/labels';
import { QueryState } from '../../components/QueryState';
import { ChartFrame } from './ChartFrame';
import { seriesColor, VALUE_LABEL_COLOR } from './chart-colors';
import { CsvDownloadButton } from './CsvDownloadButton';
import { DateRangeFilter } from './DateRangeFilter';
import { count, percent } from './format';
import { pivot, type CenterCount } from './pivot';
import { usePipeline, type PipelineQuery } from './report-queries';
import { FUNNEL_LABELS, labelOf, STATUS_LABELS } from './report-labels';
import { ReportSection } from './ReportSection';
import { useCategoryAxisWidth } from './use-category-axis-width';
import { ReportTable, type Column } from './ReportTable';

type FunnelStep = components['schemas']['FunnelStep'];

export function PipelineSection({
  query,
  onCohort,
}: {
  query: PipelineQuery;
  onCohort: (intakeFrom: string | undefined, intakeTo: string | undefined) => void;
}) {
  const pipeline = usePipeline(query);
  const axisWidth = useCategoryAxisWidth();
  return (
    <ReportSection
      title="Pipeline"
      description="How far clients have come: the funnel counts the clients of a cohort (by intake date) who reached each milestone, whether or not in order; below it, today’s clients by stage and by status."
      download={
        <CsvDownloadButton
          what="the pipeline"
          fallbackName="pipeline.csv"
          call={() =>
            api.GET('/api/v1/reports/pipeline', { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' })
          }
        />
      }
    >
      <DateRangeFilter
        key={`${query.intakeFrom}|${query.intakeTo}`}
        label="Cohort: intake between"
        description="Every client when empty"
        from={query.intakeFrom}
        to={query.intakeTo}
        onChange={onCohort}
      />
      <QueryState query={pipeline} label="the pipeline">
        {(report) => {
          const enrolled = report.funnel.find((s) => s.step === 'enrolled')?.clients ?? 0;
          const funnel = report.funnel.map((s) => ({ ...s, label: labelOf(FUNNEL_LABELS, s.step) }));
          return (
            <Stack gap="md">
              {enrolled > 0 && (
                <ChartFrame label="Bar chart of the cohort's clients who reached each milestone" height={360}>
                  <BarChart data={funnel} layout="vertical" margin={{ left: 8, right: 40 }} accessibilityLayer={false}>
                    <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="label" width={axisWidth} tick={{ fontSize: 12 }} />
                    <Tooltip />
                    <Bar dataKey="clients" name="Clients" fill={seriesColor(0)} isAnimationActive={false}>
                      <LabelList dataKey="clients" position="right" fill={VALUE_LABEL_COLOR} />
                    </Bar>
                  </BarChart>
                </ChartFrame>
              )}
              <ReportTable<FunnelStep>
                caption="Funnel: clients of the cohort who reached each milestone"
                columns={[
                  { header: 'Milestone', cell: (s) => labelOf(FUNNEL_LABELS, s.step) },
                  { header: 'Clients', cell: (s) => count(s.clients), numeric: true },
                  {
                    header: 'Share of enrolled',
                    cell: (s) => percent(enrolled === 0 ? null : s.clients / enrolled),
                    numeric: true,
                  },
                ]}
                rows={report.funnel}
                rowKey={(s) => s.step}
                empty="No clients in this cohort."
                testId="funnel-table"
              />
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Breakdown caption="Clients by stage" header="Stage" counts={report.byStage} labels={STAGE_LABELS} />
                <Breakdown
                  caption="Clients by status"
                  header="Status"
                  counts={report.byStatus}
                  labels={STATUS_LABELS}
                />
              </SimpleGrid>
            </Stack>
          );
        }}
      </QueryState>
    </ReportSection>
  );
}

/** A breakdown with a column per center, and a total when there are several. */
function Breakdown({
  caption,
  header,
  counts,
  labels,
}: {
  caption: string;
  header: string;
  counts: CenterCount[];
  labels: Record<string, string>;
}) {
  const { centers, rows } = pivot(counts, Object.keys(labels));
  type Row = (typeof rows)[number];
  const columns: Column<Row>[] = [
    { header, cell: (r) => labelOf(labels, r.value) },
    ...centers.map((center) => ({ header: center, cell: (r: Row) => count(r.byCenter[center] ?? 0), numeric: true })),
    ...(centers.length > 1 ? [{ header: 'All centers', cell: (r: Row) => count(r.total), numeric: true }] : []),
  ];
  return (
    <ReportTable caption={caption} columns={columns} rows={rows} rowKey={(r) => r.value} empty="No clients yet." />
  );
}
