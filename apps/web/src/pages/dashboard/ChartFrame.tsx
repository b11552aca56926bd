import { Box } from '@mantine/core';
import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

/**
 * A chart sized to its column (375 px wide on a phone). To assistive technology it is one image
 * whose label points to the table beside it, which holds the same numbers: the charts are drawn
 * without Recharts' keyboard layer, so the keyboard goes to the table rather than into the SVG.
 * Their bars do not animate: a new filter redraws them at once, and nothing moves on the screen of
 * someone who prefers reduced motion.
 */
export function ChartFrame({
  label,
  height = 300,
  children,
}: {
  label: string;
  height?: number;
  children: ReactElement;
}) {
  return (
    <Box role="img" aria-label={`${label}. The table gives the same numbers.`} h={height} w="100%">
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </Box>
  );
}
