import { chronologically, latestPass } from './attempts';
import { addMonths, civilDateOf, CivilDate, daysBetween, earliest } from './civil-date';
import { blocker, EXAM_NAMES, Finding, warning } from './findings';
import { MatchSeason, PathwayRecords } from './records';
import { CertificationStatus, certificationStatus } from './requirements';
import { PathwayRules } from './rules';

/** The last day of the ECFMG 7-year window: 7 years after the first passed exam required for certification. */
export function sevenYearDeadline(records: PathwayRecords, rules: PathwayRules): CivilDate | null {
  const passes = (['USMLE_STEP1', 'USMLE_STEP2_CK'] as const)
    .map((exam) => latestPass(records.exams, exam)?.testDate ?? null)
    .filter((d): d is CivilDate => d !== null);
  const first = earliest(passes);
  return first ? addMonths(first, rules.sevenYear.years * 12) : null;
}

/** ECFMG does not warn about its 7-year window: the engine does, at 180, 90 and 30 days, and once it closes. */
export function sevenYearFindings(
  records: PathwayRecords,
  status: CertificationStatus,
  today: CivilDate,
  rules: PathwayRules,
): Finding[] {
  const deadline = sevenYearDeadline(records, rules);
  if (!deadline || status.certified) return [];
  if (status.sevenYearBroken) {
    return [
      blocker(
        'SEVEN_YEAR_WINDOW_CLOSED',
        rules.sevenYear,
        `The 7-year window closed on ${deadline} before both Steps were passed: the first pass no longer counts and must be taken again`,
        {
          date: deadline,
        },
      ),
    ];
  }
  if (status.step1 && status.step2ck) return [];
  const left = daysBetween(today, deadline);
  const missing = status.step1 ? 'USMLE_STEP2_CK' : 'USMLE_STEP1';
  if (left < 0) {
    return [
      blocker(
        'SEVEN_YEAR_WINDOW_CLOSED',
        rules.sevenYear,
        `The ECFMG 7-year window closed on ${deadline}: the passes before it no longer count toward certification`,
        { date: deadline },
      ),
    ];
  }
  const threshold = [...rules.sevenYear.warnDays].sort((a, b) => a - b).find((days) => left <= days);
  if (threshold === undefined) return [];
  return [
    warning(
      'SEVEN_YEAR_WINDOW_CLOSING',
      rules.sevenYear,
      `Pass ${EXAM_NAMES[missing]} by ${deadline}: the ECFMG 7-year window closes in ${left} days`,
      { exam: missing, date: deadline },
    ),
  ];
}

/** A window that closes with no exam scheduled in it. */
export function eligibilityFindings(records: PathwayRecords, today: CivilDate, rules: PathwayRules): Finding[] {
  const findings: Finding[] = [];
  for (const exam of [...records.exams].sort(chronologically)) {
    const end = exam.extensionEnd ?? exam.eligibilityEnd;
    if (exam.status !== 'planned' || exam.scheduledDate || !end) continue;
    const left = daysBetween(today, end);
    const name = EXAM_NAMES[exam.exam];
    if (left < 0) {
      findings.push(
        warning(
          'ELIGIBILITY_EXPIRED',
          rules.eligibilityWindow,
          `The ${name} eligibility window closed on ${end} with no exam taken: apply again`,
          { examId: exam.id, exam: exam.exam, date: end },
        ),
      );
    } else if (left <= rules.eligibilityWindow.warnDays) {
      findings.push(
        warning(
          'ELIGIBILITY_CLOSING_UNSCHEDULED',
          rules.eligibilityWindow,
          `Schedule ${name} before your eligibility window closes on ${end} (${left} days)`,
          { examId: exam.id, exam: exam.exam, date: end },
        ),
      );
    }
  }
  return findings;
}

/** The civil date (US Eastern, as NRMP sets it) of a season's event. */
export function seasonDate(calendar: readonly MatchSeason[], matchYear: number, key: string): CivilDate | null {
  const event = calendar.find((s) => s.matchYear === matchYear)?.events.find((e) => e.key === key);
  const instant = event ? new Date(event.at) : null;
  // A date the calendar holds but no clock can read is as good as no date: never a crash.
  return instant && !Number.isNaN(instant.getTime()) ? civilDateOf(instant, 'America/New_York') : null;
}

/** The exam requirements must be met by the rank-list certification deadline to take part in that Match. */
export function rankListFindings(
  records: PathwayRecords,
  calendar: readonly MatchSeason[],
  today: CivilDate,
  rules: PathwayRules,
): Finding[] {
  const findings: Finding[] = [];
  for (const application of records.matchApplications.filter((a) => a.result === 'pending')) {
    const deadline = seasonDate(calendar, application.season, 'rank_list_deadline');
    // What counts is what was met by the deadline, not what has been met since.
    if (!deadline || certificationStatus(records, rules, deadline).examsMet) continue;
    const left = daysBetween(today, deadline);
    if (left < 0) {
      findings.push(
        blocker(
          'RANK_LIST_DEADLINE_REQUIREMENTS_UNMET',
          rules.rankListDeadline,
          `The exam requirements were not met by the ${application.season} rank-list deadline (${deadline}): this Match is out of reach`,
          { date: deadline, season: application.season },
        ),
      );
    } else if (left <= rules.rankListDeadline.warnDays) {
      findings.push(
        blocker(
          'RANK_LIST_DEADLINE_REQUIREMENTS_UNMET',
          rules.rankListDeadline,
          `Meet the exam requirements for certification by ${deadline} (the ${application.season} rank-list deadline, ${left} days) to take part in that Match`,
          { date: deadline, season: application.season },
        ),
      );
    }
  }
  return findings;
}

/** Step 3 needs ECFMG certification; an H-1B visa needs Step 3 passed. */
export function visaAndStep3Findings(
  records: PathwayRecords,
  status: CertificationStatus,
  rules: PathwayRules,
): Finding[] {
  const findings: Finding[] = [];
  const step3Planned = records.exams.some(
    (e) => e.exam === 'USMLE_STEP3' && (e.status === 'planned' || e.status === 'scheduled'),
  );
  if (step3Planned && !status.certified) {
    findings.push(
      blocker(
        'STEP3_NEEDS_CERTIFICATION',
        rules.step3NeedsCertification,
        'Step 3 can be taken only after ECFMG certification',
      ),
    );
  }
  const wantsH1b = records.matchApplications.some(
    (a) => a.visa === 'H-1B' && a.result !== 'withdrawn' && a.result !== 'unmatched',
  );
  if (wantsH1b && !latestPass(records.exams, 'USMLE_STEP3')) {
    findings.push(
      warning(
        'H1B_NEEDS_STEP3',
        rules.h1bNeedsStep3,
        'An H-1B visa for residency needs Step 3 passed; J-1 (sponsored by ECFMG) does not',
      ),
    );
  }
  return findings;
}
