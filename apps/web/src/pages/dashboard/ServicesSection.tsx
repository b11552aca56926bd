import { Stack } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { QueryState } from '../../components/QueryState';
import { ChartFrame } from './ChartFrame';
import { seriesColor, VALUE_LABEL_COLOR } from './chart-colors';
import { CsvDownloadButton } from './CsvDownloadButton';
import { DateRangeFilter } from './DateRangeFilter';
import { count, money } from './format';
import { useServices, type ServicesQuery } from './report-queries';
import { labelOf, SERVICE_LABELS } from './report-labels';
import { ReportSection } from './ReportSection';
import { useCategoryAxisWidth } from './use-category-axis-width';
import { ReportTable } from './ReportTable';

type ServiceUse = components['schemas']['ServiceUse'];
type Combination = components['schemas']['ServiceCombination'];

/** The mixes a director can take in at a glance; the rest are rarer still. */
const COMBINATIONS_SHOWN = 10;

/** Withheld (null) from directors: money given to people is theirs. */
const amounts = (use: ServiceUse) =>
  use.amountCents === null
    ? 'withheld'
    : Object.entries(use.amountCents)
        .map(([currency, cents]) => money(cents, currency))
        .join(', ') || '—';

export function ServicesSection({
  query,
  onPeriod,
}: {
  query: ServicesQuery;
  onPeriod: (from: string | undefined, to: string | undefined) => void;
}) {
  const services = useServices(query);
  const axisWidth = useCategoryAxisWidth();
  return (
    <ReportSection
      title="Services"
      description="What the center gave its clients over a period: clients served, services recorded, hours and money per category, and the mixes of services clients received."
      download={
        <CsvDownloadButton
          what="services"
          fallbackName="services.csv"
          call={() =>
            api.GET('/api/v1/reports/services', { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' })
          }
        />
      }
    >
      <DateRangeFilter
        key={`${query.from}|${query.to}`}
        label="Services between"
        description="All dates when empty"
        from={query.from}
        to={query.to}
        onChange={onPeriod}
      />
      <QueryState query={services} label="services">
        {(report) => {
          const categories = report.categories.map((c) => ({ ...c, label: labelOf(SERVICE_LABELS, c.category) }));
          const combinations = report.combinations.slice(0, COMBINATIONS_SHOWN);
          return (
            <Stack gap="md">
              {categories.some((c) => c.clients > 0) && (
                <ChartFrame label="Bar chart of the clients served in each category of service" height={340}>
                  <BarChart
                    data={categories}
                    layout="vertical"
                    margin={{ left: 8, right: 40 }}
                    accessibilityLayer={false}
                  >
                    <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="label" width={axisWidth} tick={{ fontSize: 12 }} />
                    <Tooltip />
                    <Bar dataKey="clients" name="Clients served" fill={seriesColor(2)} isAnimationActive={false}>
                      <LabelList dataKey="clients" position="right" fill={VALUE_LABEL_COLOR} />
                    </Bar>
                  </BarChart>
                </ChartFrame>
              )}
              <ReportTable
                caption="Services by category"
                columns={[
                  { header: 'Category', cell: (c) => c.label },
                  { header: 'Clients served', cell: (c) => count(c.clients), numeric: true },
                  { header: 'Services', cell: (c) => count(c.services), numeric: true },
                  { header: 'Hours', cell: (c) => count(c.hours), numeric: true },
                  { header: 'Amount', cell: amounts, numeric: true },
                ]}
                rows={categories}
                rowKey={(c) => c.category}
                empty="No service categories."
                testId="services-table"
              />
              <ReportTable<Combination>
                caption={
                  report.combinations.length > COMBINATIONS_SHOWN
                    ? `The ${COMBINATIONS_SHOWN} most common mixes of services (of ${report.combinations.length})`
                    : 'Mixes of services clients received'
                }
                columns={[
                  {
                    header: 'Services received',
                    cell: (m) => m.categories.map((c) => labelOf(SERVICE_LABELS, c)).join(' + '),
                  },
                  { header: 'Clients', cell: (m) => count(m.clients), numeric: true },
                ]}
                rows={combinations}
                rowKey={(m) => m.categories.join('+')}
                empty="No services recorded for these filters."
              />
            </Stack>
          );
        }}
      </QueryState>
    </ReportSection>
  );
}
