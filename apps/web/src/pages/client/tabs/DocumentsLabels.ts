import type { components } from '../../../api/schema';
import { MESSAGES } from '../../../i18n/messages';

type Schemas = components['schemas'];
export type DocumentCategory = Schemas['DocumentResponse']['category'];
export type DocumentStatus = Schemas['DocumentResponse']['status'];
export type ReviewDecision = Schemas['DocumentReviewResponse']['decision'];

/** The categories as the IMG's own screens name them, in English (staff screens are in English). */
export const DOCUMENT_CATEGORY_LABELS: Record<DocumentCategory, string> = MESSAGES.en.documentCategories;

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  uploaded: 'Added by staff',
  awaiting_review: 'Awaiting review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
};

export const DOCUMENT_STATUS_COLORS: Record<DocumentStatus, string> = {
  uploaded: 'gray',
  awaiting_review: 'orange',
  changes_requested: 'red',
  approved: 'green',
};

export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  approved: 'Approved',
  changes_requested: 'Changes requested',
};
