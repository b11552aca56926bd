/**
 * Orange and yellow alerts colour their title with the alert's own shade, too light on its tint
 * for WCAG AA (axe-core measured under 4.5:1): the title takes the text colour, the alert keeps
 * its colour in the border and background.
 */
export const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } };
