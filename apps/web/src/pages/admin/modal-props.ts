import { READABLE_ERRORS } from '../auth/readable-errors';

/** Every admin dialog: a named close button, and readable field errors (a modal renders outside the page's root). */
export const MODAL_PROPS = {
  closeButtonProps: { 'aria-label': 'Close' },
  styles: { content: READABLE_ERRORS },
};
