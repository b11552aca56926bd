import { refusalsForNewAttempt } from './attempts';
import { blocker, EXAM_NAMES, Finding } from './findings';
import { ExamRecord, UsmleStep } from './records';
import { PathwayRules } from './rules';
import { CivilDate } from './civil-date';

/**
 * The writes the rules forbid outright (the API answers 422 with these): an attempt the USMLE
 * limits refuse (spaced from bookings whose day has gone by, too), a new attempt at a passed Step
 * without a documented reason to retake it, a date outside the eligibility window, a score
 * on a pass/fail Step 1. Everything else is accepted and only flagged by `evaluatePathway`.
 */
export function refusalsForExamWrite(
  existing: readonly ExamRecord[],
  record: ExamRecord,
  rules: PathwayRules,
  today: CivilDate,
): Finding[] {
  const refusals: Finding[] = [];
  // A plan with no date yet is judged as if taken today, as `evaluatePathway` judges it.
  const date = record.testDate ?? record.scheduledDate ?? (record.status === 'planned' ? today : null);
  const name = EXAM_NAMES[record.exam];
  if (date && record.status !== 'cancelled') {
    if (record.eligibilityStart && date < record.eligibilityStart) {
      refusals.push(
        blocker(
          'TEST_DATE_BEFORE_ELIGIBILITY',
          rules.eligibilityWindow,
          `${name} on ${date} is before the eligibility window opens on ${record.eligibilityStart}`,
          { exam: record.exam, date: record.eligibilityStart },
        ),
      );
    }
    const windowEnd = record.extensionEnd ?? record.eligibilityEnd;
    if (windowEnd && date > windowEnd) {
      refusals.push(
        blocker(
          'TEST_DATE_AFTER_ELIGIBILITY',
          rules.eligibilityWindow,
          `${name} on ${date} is after the eligibility window closes on ${windowEnd}`,
          { exam: record.exam, date: windowEnd },
        ),
      );
    }
    if (record.exam !== 'OET_MEDICINE') {
      const others = existing.filter((e) => e.id !== record.id);
      refusals.push(
        ...refusalsForNewAttempt(others, record.exam as UsmleStep, date, rules, today).map((r) => ({
          ...r,
          examId: record.id,
        })),
      );
    }
  }
  if (record.exam === 'USMLE_STEP1' && record.score !== null && date && date >= rules.step1PassFail.effectiveFrom) {
    refusals.push(
      blocker(
        'STEP1_IS_PASS_FAIL',
        rules.step1PassFail,
        `Step 1 taken on or after ${rules.step1PassFail.effectiveFrom} is reported pass/fail: record no score`,
        { exam: 'USMLE_STEP1', date: rules.step1PassFail.effectiveFrom },
      ),
    );
  }
  return refusals;
}
