import { addMonths, CivilDate } from './civil-date';
import { blocker, EXAM_NAMES, Finding, warning } from './findings';
import { ExamRecord, SAT_STATUSES, UsmleStep, USMLE_STEPS } from './records';
import { AttemptLimitRule, PathwayRules, RuleSource, ruleInForce } from './rules';

const compareDates = (a: CivilDate | null, b: CivilDate | null): number =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;

/**
 * Oldest first: by test date, then scheduled date, then id (an undated record before a dated
 * one). Every lookup that picks one record sorts with this, so the answer never depends on the
 * order the rows came in.
 */
export function chronologically(a: ExamRecord, b: ExamRecord): number {
  return (
    compareDates(a.testDate, b.testDate) ||
    compareDates(a.scheduledDate, b.scheduledDate) ||
    (a.id === b.id ? 0 : a.id < b.id ? -1 : 1)
  );
}

/** The attempts at a Step that happened (incomplete ones included), oldest first. */
export function attemptsAt(exams: readonly ExamRecord[], step: UsmleStep): ExamRecord[] {
  return exams
    .filter((e) => e.exam === step && SAT_STATUSES.includes(e.status) && e.testDate !== null)
    .sort(chronologically);
}

/**
 * The latest pass of `exam` (a retake's pass over the one it replaces), or with `asOf` the latest
 * dated on or before that day.
 */
export function latestPass(
  exams: readonly ExamRecord[],
  exam: ExamRecord['exam'],
  asOf: CivilDate | null = null,
): ExamRecord | undefined {
  return exams
    .filter(
      (e) => e.exam === exam && e.status === 'passed' && (asOf === null || (e.testDate !== null && e.testDate <= asOf)),
    )
    .sort(chronologically)
    .pop();
}

/** Attempts that ended without a pass: failures and incomplete attempts (a result still awaited is neither yet). */
const ENDED_UNPASSED: readonly ExamRecord['status'][] = ['failed', 'incomplete'];

/**
 * The Step whose attempts bar every Step: one never passed, attempted (before `before`, when
 * given) as many times as the limit in force allows, each attempt a failure or incomplete. A Step
 * passed in the end bars nothing; an attempt awaiting its result does not count until it is in.
 */
export function barringStep(
  exams: readonly ExamRecord[],
  before: CivilDate | null,
  maxAttempts: number,
): UsmleStep | undefined {
  const counts = (e: ExamRecord) =>
    ENDED_UNPASSED.includes(e.status) && (before === null || (e.testDate as string) < before);
  return USMLE_STEPS.find((s) => !latestPass(exams, s) && attemptsAt(exams, s).filter(counts).length >= maxAttempts);
}

/** The other exam in ECFMG's 7-year window with `step` (Step 3 is not required for ECFMG certification). */
const SEVEN_YEAR_PARTNER: Partial<Record<UsmleStep, UsmleStep>> = {
  USMLE_STEP1: 'USMLE_STEP2_CK',
  USMLE_STEP2_CK: 'USMLE_STEP1',
};

/**
 * Why a passed Step may be taken again on `date`, or null: USMLE allows it only to comply with a
 * licensing authority's time limit or an ECFMG requirement. The records carry no state board's
 * limit, so the one reason the engine can document is ECFMG's 7-year window: the pass of `step`
 * no longer counts when its window ended before `date` with no pass of the other required Step
 * within 7 years of it (ECFMG: "your earliest passing performance will no longer be valid").
 */
export function passedStepRetakeReason(
  exams: readonly ExamRecord[],
  step: UsmleStep,
  pass: ExamRecord,
  date: CivilDate,
  rules: PathwayRules,
): RuleSource | null {
  const partner = SEVEN_YEAR_PARTNER[step];
  if (!partner || pass.testDate === null) return null;
  const months = rules.sevenYear.years * 12;
  const windowEnd = addMonths(pass.testDate, months);
  if (date <= windowEnd) return null;
  const from = addMonths(pass.testDate, -months);
  const paired = exams.some(
    (e) =>
      e.exam === partner &&
      e.status === 'passed' &&
      e.testDate !== null &&
      e.testDate >= from &&
      e.testDate <= windowEnd &&
      e.testDate <= date,
  );
  return paired ? null : rules.passedStepRetake;
}

/**
 * The attempts a new one on `date` is spaced from: those that happened by then, and a booking
 * whose day went by (before `today`) with no result recorded, which counts until its result says
 * otherwise. Oldest first, by the day each was (or was to be) sat.
 */
export function attemptsForSpacing(
  exams: readonly ExamRecord[],
  step: UsmleStep,
  date: CivilDate,
  today: CivilDate,
): Array<{ record: ExamRecord; on: CivilDate }> {
  const sat = attemptsAt(exams, step)
    .filter((e) => (e.testDate as string) <= date)
    .map((record) => ({ record, on: record.testDate as CivilDate }));
  const lapsed = exams
    .filter(
      (e) =>
        e.exam === step &&
        e.status === 'scheduled' &&
        e.scheduledDate !== null &&
        e.scheduledDate < today &&
        e.scheduledDate <= date,
    )
    .map((record) => ({ record, on: record.scheduledDate as CivilDate }));
  return [...sat, ...lapsed].sort((a, b) => compareDates(a.on, b.on) || chronologically(a.record, b.record));
}

const allStepsBarred = (limit: AttemptLimitRule, step: UsmleStep): Finding =>
  blocker(
    'ALL_STEPS_BARRED',
    limit,
    `${limit.maxAttemptsPerStep} attempts at ${EXAM_NAMES[step]} without a pass (failed or incomplete): no USMLE Step may be taken again`,
    { exam: step },
  );

/**
 * What the USMLE rules say about a new attempt at `step` on `date`, given the attempts before
 * it: every refusal, each naming its rule. Empty when the attempt is allowed. `today` tells a
 * booking whose day has gone by (it counts for the spacing) from one still ahead.
 */
export function refusalsForNewAttempt(
  exams: readonly ExamRecord[],
  step: UsmleStep,
  date: CivilDate,
  rules: PathwayRules,
  today: CivilDate,
): Finding[] {
  const name = EXAM_NAMES[step];
  const refusals: Finding[] = [];
  // A pass dated after `date` is history being recorded in order (the failure before the pass);
  // an undated pass cannot be dated out of the 7-year window, so it stands.
  const passes = exams.filter((e) => e.exam === step && e.status === 'passed').sort(chronologically);
  const undated = passes.find((e) => e.testDate === null);
  const latestBefore = passes.filter((e) => e.testDate !== null && e.testDate < date).pop();
  const standing = undated ?? latestBefore;
  if (standing && (standing === undated || !passedStepRetakeReason(exams, step, standing, date, rules))) {
    refusals.push(
      blocker(
        'PASSED_STEP_NOT_RETAKEN',
        rules.passedStepNotRetaken,
        `${name} is passed: a passed Step is taken again only to meet a time limit (ECFMG's 7-year window), and none applies`,
        { exam: step, ...(standing.testDate ? { date: standing.testDate } : {}) },
      ),
    );
    return refusals;
  }
  const limit = ruleInForce(rules.attemptLimits, date);
  const barredBy = barringStep(exams, date, limit.maxAttemptsPerStep);
  if (barredBy) {
    refusals.push(allStepsBarred(limit, barredBy));
    return refusals;
  }
  const sat = attemptsAt(exams, step).filter((e) => (e.testDate as string) <= date);
  if (sat.length >= limit.maxAttemptsPerStep) {
    refusals.push(
      blocker('ATTEMPT_LIMIT_REACHED', limit, `All ${limit.maxAttemptsPerStep} attempts at ${name} are used`, {
        exam: step,
      }),
    );
    return refusals;
  }
  const prior = attemptsForSpacing(exams, step, date, today).map((a) => a.on);
  const spacing = rules.retakeSpacing;
  const windowStart = addMonths(date, -12);
  const inWindow = prior.filter((on) => on > windowStart);
  if (inWindow.length >= spacing.maxAttemptsIn12Months) {
    const earliestAllowed = addMonths(inWindow[inWindow.length - spacing.maxAttemptsIn12Months], 12);
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
    const afterFirst = addMonths(prior[0], spacing.monthsAfterFirstForFourth);
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
    const afterLast = addMonths(prior[prior.length - 1], spacing.monthsAfterLastForFourth);
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
    if (latestPass(exams, step)) continue;
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
    findings.push(allStepsBarred(limit, barredBy));
  }
  const plans = exams
    .filter((e) => (e.status === 'planned' || e.status === 'scheduled') && e.exam !== 'OET_MEDICINE')
    .sort(chronologically);
  for (const plan of plans) {
    const date = plan.scheduledDate ?? today;
    const others = exams.filter((e) => e.id !== plan.id);
    for (const refusal of refusalsForNewAttempt(others, plan.exam as UsmleStep, date, rules, today)) {
      // The used-up limits are already reported once per Step above.
      if (refusal.code !== 'ATTEMPT_LIMIT_REACHED' && refusal.code !== 'ALL_STEPS_BARRED')
        findings.push({ ...refusal, examId: plan.id });
    }
  }
  return findings;
}
