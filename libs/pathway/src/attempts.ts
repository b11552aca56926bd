import { addMonths, CivilDate } from './civil-date';
import { blocker, EXAM_NAMES, Finding, warning } from './findings';
import { ExamRecord, SAT_STATUSES, UsmleStep, USMLE_STEPS } from './records';
import { PathwayRules, ruleInForce } from './rules';

/** The attempts at a Step that happened (incomplete ones included), oldest first. */
export function attemptsAt(exams: readonly ExamRecord[], step: UsmleStep): ExamRecord[] {
  return exams
    .filter((e) => e.exam === step && SAT_STATUSES.includes(e.status) && e.testDate !== null)
    .sort((a, b) => ((a.testDate as string) < (b.testDate as string) ? -1 : 1));
}

export function passed(exams: readonly ExamRecord[], exam: ExamRecord['exam']): ExamRecord | undefined {
  return exams.find((e) => e.exam === exam && e.status === 'passed');
}

/**
 * The Step whose failures bar every Step: one never passed, with as many failures (before
 * `before`, when given) as the limit in force allows attempts. A Step passed in the end bars nothing.
 */
export function barringStep(
  exams: readonly ExamRecord[],
  before: CivilDate | null,
  maxAttempts: number,
): UsmleStep | undefined {
  const counts = (e: ExamRecord) => e.status === 'failed' && (before === null || (e.testDate as string) < before);
  return USMLE_STEPS.find((s) => !passed(exams, s) && attemptsAt(exams, s).filter(counts).length >= maxAttempts);
}

/**
 * What the USMLE rules say about a new attempt at `step` on `date`, given the attempts before
 * it: every refusal, each naming its rule. Empty when the attempt is allowed.
 */
export function refusalsForNewAttempt(
  exams: readonly ExamRecord[],
  step: UsmleStep,
  date: CivilDate,
  rules: PathwayRules,
): Finding[] {
  const name = EXAM_NAMES[step];
  const refusals: Finding[] = [];
  // A pass dated after `date` is history being recorded in order (the failure before the pass).
  // A pass more than 7 years old may be retaken when ECFMG's window requires it.
  const stillCounts = addMonths(date, -rules.sevenYear.years * 12);
  const passedBefore = exams.some(
    (e) =>
      e.exam === step &&
      e.status === 'passed' &&
      (e.testDate === null || (e.testDate < date && e.testDate >= stillCounts)),
  );
  if (passedBefore) {
    refusals.push(
      blocker(
        'PASSED_STEP_NOT_RETAKEN',
        rules.passedStepNotRetaken,
        `${name} is passed: a passed Step is not taken again`,
        { exam: step },
      ),
    );
    return refusals;
  }
  const limit = ruleInForce(rules.attemptLimits, date);
  const barredBy = barringStep(exams, date, limit.maxAttemptsPerStep);
  if (barredBy) {
    refusals.push(
      blocker(
        'ALL_STEPS_BARRED',
        limit,
        `${limit.maxAttemptsPerStep} failed attempts at ${EXAM_NAMES[barredBy]}: no USMLE Step may be taken again`,
        { exam: barredBy },
      ),
    );
    return refusals;
  }
  const prior = attemptsAt(exams, step).filter((e) => (e.testDate as string) <= date);
  if (prior.length >= limit.maxAttemptsPerStep) {
    refusals.push(
      blocker('ATTEMPT_LIMIT_REACHED', limit, `All ${limit.maxAttemptsPerStep} attempts at ${name} are used`, {
        exam: step,
      }),
    );
    return refusals;
  }
  const spacing = rules.retakeSpacing;
  const windowStart = addMonths(date, -12);
  const inWindow = prior.filter((e) => (e.testDate as string) > windowStart);
  if (inWindow.length >= spacing.maxAttemptsIn12Months) {
    const earliestAllowed = addMonths(inWindow[inWindow.length - spacing.maxAttemptsIn12Months].testDate as string, 12);
    refusals.push(
      blocker(
        'THREE_ATTEMPTS_IN_12_MONTHS',
        spacing,
        `At most ${spacing.maxAttemptsIn12Months} attempts at ${name} in 12 months: the next may be on ${earliestAllowed} or later`,
        { exam: step, date: earliestAllowed },
      ),
    );
  }
  if (prior.length + 1 >= 4) {
    const afterFirst = addMonths(prior[0].testDate as string, spacing.monthsAfterFirstForFourth);
    if (date < afterFirst) {
      refusals.push(
        blocker(
          'FOURTH_ATTEMPT_TOO_SOON_AFTER_FIRST',
          spacing,
          `A fourth or later attempt at ${name} must be at least 12 months after the first: on ${afterFirst} or later`,
          { exam: step, date: afterFirst },
        ),
      );
    }
    const afterLast = addMonths(prior[prior.length - 1].testDate as string, spacing.monthsAfterLastForFourth);
    if (date < afterLast) {
      refusals.push(
        blocker(
          'FOURTH_ATTEMPT_TOO_SOON_AFTER_LAST',
          spacing,
          `A fourth or later attempt at ${name} must be at least 6 months after the most recent: on ${afterLast} or later`,
          { exam: step, date: afterLast },
        ),
      );
    }
  }
  return refusals;
}

/** Warnings and blockers about attempts already used, and about every planned attempt. */
export function attemptFindings(exams: readonly ExamRecord[], today: CivilDate, rules: PathwayRules): Finding[] {
  const findings: Finding[] = [];
  const limit = ruleInForce(rules.attemptLimits, today);
  for (const step of USMLE_STEPS) {
    if (passed(exams, step)) continue;
    const attempts = attemptsAt(exams, step);
    const used = attempts.length;
    const awaiting = attempts.some((e) => e.status === 'taken' || e.status === 'result_pending');
    if (used >= limit.maxAttemptsPerStep && awaiting) {
      // The last attempt may yet be a pass: nothing is blocked until its result is in.
      findings.push(
        warning('LAST_ATTEMPT_PENDING', limit, `The last allowed attempt at ${EXAM_NAMES[step]} awaits its result`, {
          exam: step,
        }),
      );
    } else if (used >= limit.maxAttemptsPerStep) {
      findings.push(
        blocker(
          'ATTEMPT_LIMIT_REACHED',
          limit,
          `All ${limit.maxAttemptsPerStep} attempts at ${EXAM_NAMES[step]} are used`,
          { exam: step },
        ),
      );
    } else if (used === rules.retakeSpacing.warnAtAttempt) {
      findings.push(
        warning(
          'THIRD_ATTEMPT_USED',
          rules.retakeSpacing,
          `Third attempt at ${EXAM_NAMES[step]} used: the next one is the last (${limit.maxAttemptsPerStep} in all)`,
          { exam: step },
        ),
      );
    }
  }
  const barredBy = barringStep(exams, null, limit.maxAttemptsPerStep);
  if (barredBy) {
    findings.push(
      blocker(
        'ALL_STEPS_BARRED',
        limit,
        `${limit.maxAttemptsPerStep} failed attempts at ${EXAM_NAMES[barredBy]}: no USMLE Step may be taken again`,
        { exam: barredBy },
      ),
    );
  }
  for (const plan of exams.filter(
    (e) => (e.status === 'planned' || e.status === 'scheduled') && e.exam !== 'OET_MEDICINE',
  )) {
    const date = plan.scheduledDate ?? today;
    const others = exams.filter((e) => e.id !== plan.id);
    for (const refusal of refusalsForNewAttempt(others, plan.exam as UsmleStep, date, rules)) {
      // The used-up limits are already reported once per Step above.
      if (refusal.code !== 'ATTEMPT_LIMIT_REACHED' && refusal.code !== 'ALL_STEPS_BARRED')
        findings.push({ ...refusal, examId: plan.id });
    }
  }
  return findings;
}
