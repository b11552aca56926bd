/** A success notice the person may dismiss, with a named close button. */
export const NOTICE_PROPS = {
  color: 'green',
  role: 'status',
  withCloseButton: true,
  closeButtonLabel: 'Dismiss',
} as const;
