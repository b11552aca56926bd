import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type DocumentCategory = Schemas['DocumentResponse']['category'];
export type DocumentStatus = Schemas['DocumentResponse']['status'];
export type ReviewDecision = Schemas['DocumentReviewResponse']['decision'];

/** In the order a case goes: education, exams, certification, the application, identity and the rest. */
export const DOCUMENT_CATEGORY_LABELS: Record<DocumentCategory, string> = {
  diploma: 'Diploma',
  transcript: 'Transcript',
  medical_license: 'Medical license',
  usmle_score_report: 'USMLE score report',
  oet_score_report: 'OET score report',
  ecfmg_certificate: 'ECFMG certificate',
  letter_of_recommendation: 'Letter of recommendation',
  cv: 'CV',
  personal_statement: 'Personal statement',
  mspe: 'MSPE (Dean’s letter)',
  identity: 'Identity document',
  immigration: 'Immigration document',
  consent: 'Consent form',
  other: 'Other',
};

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
