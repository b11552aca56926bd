import { Legend } from 'recharts';

/** Legend text in the body colour (series colours are for the swatches), in the order the series are drawn, above the chart (its axis label is below). */
const legendText = (value: string) => <span style={{ color: 'var(--mantine-color-text)' }}>{value}</span>;

export function ChartLegend() {
  return <Legend verticalAlign="top" itemSorter={null} formatter={legendText} />;
}
