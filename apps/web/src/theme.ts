import { Alert, createTheme, Modal, type CSSVariablesResolver } from '@mantine/core';
import { DateInput } from '@mantine/dates';

/**
 * Mantine's defaults, darkened where axe-core measured too little contrast (WCAG AA, 4.5:1): the
 * filled and light variants use shade 9 rather than 6, and "dimmed" text and placeholders are gray 7 rather than 6, and
 * field errors red 9.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 9,
  components: {
    // An orange, yellow or green alert's title in its own shade is too light on its tint: the title
    // takes the text colour, the alert keeps its colour in the border, icon and background.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
    // Mantine's dialog close button is an icon with no name of its own.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // Nor have the date picker's previous and next buttons (axe caught them while its calendar was open).
    DateInput: DateInput.extend({
      defaultProps: {
        ariaLabels: {
          previousMonth: 'Previous month',
          nextMonth: 'Next month',
          previousYear: 'Previous year',
          nextYear: 'Next year',
          previousDecade: 'Previous decade',
          nextDecade: 'Next decade',
          monthLevelControl: 'Choose a month',
          yearLevelControl: 'Choose a year',
        },
      },
    }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
