/**
 * A success notice the person may dismiss: a named close button, and the title in the text colour
 * (Mantine's green on its tint is under WCAG AA contrast, as axe-core measured).
 */
export const NOTICE_PROPS = {
  color: 'green',
  role: 'status',
  withCloseButton: true,
  closeButtonLabel: 'Dismiss',
  styles: { title: { color: 'var(--mantine-color-text)' } },
} as const;
