import { CivilDate } from './civil-date';
import { Exam } from './records';
import { RuleSource } from './rules';

export const FINDING_CODES = [
  'THIRD_ATTEMPT_USED',
  'ATTEMPT_LIMIT_REACHED',
  'LAST_ATTEMPT_PENDING',
  'ALL_STEPS_BARRED',
  'THREE_ATTEMPTS_IN_12_MONTHS',
  'FOURTH_ATTEMPT_TOO_SOON_AFTER_FIRST',
  'FOURTH_ATTEMPT_TOO_SOON_AFTER_LAST',
  'PASSED_STEP_NOT_RETAKEN',
  'STEP1_IS_PASS_FAIL',
  'TEST_DATE_BEFORE_ELIGIBILITY',
  'TEST_DATE_AFTER_ELIGIBILITY',
  'ELIGIBILITY_CLOSING_UNSCHEDULED',
  'ELIGIBILITY_EXPIRED',
  'OET_BEFORE_CYCLE_CUTOFF',
  'OET_BELOW_THRESHOLD',
  'OET_CYCLE_RULE_ASSUMED',
  'PATHWAY_REVALIDATION_NEEDED',
  'CERTIFICATE_TIME_LIMITED',
  'SEVEN_YEAR_WINDOW_CLOSING',
  'SEVEN_YEAR_WINDOW_CLOSED',
  'RANK_LIST_DEADLINE_REQUIREMENTS_UNMET',
  'RANK_LIST_DEADLINE_MISSED',
  'RESULT_AFTER_RANK_LIST_DEADLINE',
  'STEP3_NEEDS_CERTIFICATION',
  'H1B_NEEDS_STEP3',
  'MATCH_RESULT_DUE',
  'SOAP_DATES_NOT_IN_CALENDAR',
  'MATCHED_NOT_CERTIFIED',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** A rule's verdict on the records: a warning to act on, or a blocker that stops progress. */
export interface Finding {
  code: FindingCode;
  severity: 'warning' | 'blocker';
  /** A sentence for a case manager or the IMG, with the dates that matter. */
  message: string;
  rule: RuleSource;
  examId?: string;
  /** The exam the finding is about, when it is about an exam rather than one sitting. */
  exam?: Exam;
  /** The date the finding is about (a deadline, the earliest allowed attempt). */
  date?: CivilDate;
  /** The Match season the finding is about. */
  season?: number;
  /** The deadline's instant (ISO-8601 with offset) when its time of day matters (NRMP's 9 p.m. ET). */
  at?: string;
}

export function warning(code: FindingCode, rule: RuleSource, message: string, extra: Partial<Finding> = {}): Finding {
  return {
    code,
    severity: 'warning',
    message,
    rule: { id: rule.id, effectiveFrom: rule.effectiveFrom, source: rule.source },
    ...extra,
  };
}

export function blocker(code: FindingCode, rule: RuleSource, message: string, extra: Partial<Finding> = {}): Finding {
  return { ...warning(code, rule, message, extra), severity: 'blocker' };
}

export const EXAM_NAMES: Record<string, string> = {
  USMLE_STEP1: 'Step 1',
  USMLE_STEP2_CK: 'Step 2 CK',
  USMLE_STEP3: 'Step 3',
  OET_MEDICINE: 'OET Medicine',
};
