import dayjs from 'dayjs';
import type { components } from '../../../api/schema';

type Reminder = components['schemas']['ClientReminderResponse'];
export type ReminderRule = Reminder['rule'];
export type ReminderStatus = Reminder['status'];
type Exam = components['schemas']['ExamResponse']['exam'];

export const REMINDER_RULE_LABELS: Record<ReminderRule, string> = {
  exam_upcoming: 'Exam coming up',
  eligibility_closing: 'Eligibility window closing',
  result_pending: 'Result still pending',
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
  third_attempt_used: 'Third attempt used',
  seven_year_window: 'Seven-year window closing',
  clinical_experience_ending: 'Clinical experience ending',
  no_contact: 'No contact for 60 days',
};

export const REMINDER_STATUS_LABELS: Record<ReminderStatus, string> = {
  scheduled: 'Scheduled',
  sending: 'Sending',
  retrying: 'Retrying',
  sent: 'Sent',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const REMINDER_STATUS_COLORS: Record<ReminderStatus, string> = {
  scheduled: 'blue',
  sending: 'cyan',
  retrying: 'yellow',
  sent: 'green',
  failed: 'red',
  cancelled: 'gray',
};

const EXAM_NAMES: Record<Exam, string> = {
  USMLE_STEP1: 'USMLE Step 1',
  USMLE_STEP2_CK: 'USMLE Step 2 CK',
  USMLE_STEP3: 'USMLE Step 3',
  OET_MEDICINE: 'OET Medicine',
};

/** What a reminder is about, from its data (an exam, a task's title, the date, how many days ahead). */
export function reminderSubject(data: Reminder['data']): string {
  const parts: string[] = [];
  if (typeof data.title === 'string') parts.push(`“${data.title}”`);
  if (typeof data.exam === 'string' && data.exam !== '') parts.push(EXAM_NAMES[data.exam as Exam] ?? data.exam);
  if (typeof data.event === 'string') parts.push(data.event.replaceAll('_', ' '));
  if (typeof data.date === 'string') parts.push(`on ${dayjs(data.date).format('D MMM YYYY')}`);
  if (typeof data.since === 'string') parts.push(`since ${dayjs(data.since).format('D MMM YYYY')}`);
  if (typeof data.daysBefore === 'number') {
    parts.push(data.daysBefore === 1 ? '(1 day before)' : `(${data.daysBefore} days before)`);
  }
  return parts.join(' ');
}
