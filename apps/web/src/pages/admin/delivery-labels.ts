import type { Delivery } from './admin-queries';

/** What each reminder rule is about, in an admin's words. */
export const REMINDER_RULE_LABELS: Record<Delivery['rule'], string> = {
  exam_upcoming: 'Exam coming up',
  eligibility_closing: 'Exam eligibility closing',
  result_pending: 'Exam result pending',
  report_result: 'Booked exam day gone by',
  oet_cutoff: 'OET before the season cut-off',
  match_deadline: 'Match deadline',
  requirements_unmet: 'Exams not met for the rank-list deadline',
  match_result_due: 'Match result to record',
  soap_open: 'SOAP under way',
  document_review_requested: 'Document to review',
  document_reviewed: 'Document reviewed',
  task_due: 'Task due',
  task_overdue: 'Task overdue',
  third_attempt_used: 'Third exam attempt used',
  seven_year_window: 'Seven-year exam window',
  clinical_experience_ending: 'Clinical experience ending',
  no_contact: 'No recent contact',
};

export const CHANNEL_LABELS: Record<string, string> = { email: 'E-mail', in_app: 'In the app' };
