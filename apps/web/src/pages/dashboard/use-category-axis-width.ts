import { useMediaQuery } from '@mantine/hooks';

/**
 * Room for the names beside a horizontal bar chart: generous on a wide screen, narrower on a
 * phone so that the bars keep most of the 375 px (long names wrap onto a second line).
 */
export function useCategoryAxisWidth(): number {
  const wide = useMediaQuery('(min-width: 48em)', true);
  return wide ? 160 : 100;
}
