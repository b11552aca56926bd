import type { CSSProperties } from 'react';

/**
 * Orange, yellow and green alerts colour their title with the alert's own shade, too light on its tint
 * for WCAG AA (axe-core measured under 4.5:1): the title takes the text colour, the alert keeps
 * its colour in the border and background.
 */
export const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } };

/**
 * A field's problem is drawn in Mantine's error red (red 6), under 4.5:1 on white: the forms
 * here draw it in red 9. Set on the form element, so every input and message inside inherits it
 * (a modal's form is outside the page's tree). theme.ts could set it once for the whole app.
 */
export const READABLE_ERRORS = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;
