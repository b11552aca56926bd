import { DEFAULT_THEME } from '@mantine/core';

const { colors } = DEFAULT_THEME;

/**
 * Series colours: Mantine's darkest shades, each above 3:1 against the white card (WCAG 1.4.11
 * for graphics) and told apart by hue, in an order where neighbours differ in lightness too.
 */
const SERIES_COLORS = [
  colors.blue[9],
  colors.orange[9],
  colors.teal[9],
  colors.grape[9],
  colors.red[9],
  colors.gray[7],
  colors.indigo[9],
  colors.lime[9],
];

export const seriesColor = (index: number): string => SERIES_COLORS[index % SERIES_COLORS.length];

/** Numbers written beside bars: body text, not a series colour. */
export const VALUE_LABEL_COLOR = colors.gray[9];
