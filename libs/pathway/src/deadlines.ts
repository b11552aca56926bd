import { chronologically, latestPass } from './attempts';
import { addDays, addMonths, civilDateOf, CivilDate, daysBetween, earliest } from './civil-date';
import { blocker, EXAM_NAMES, Finding, warning } from './findings';
import { Exam, MatchSeason, PathwayRecords } from './records';
import { CertificationStatus, certificationStatusReportedBy } from './requirements';
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

/** A Match calendar deadline: its civil date in US Eastern time and its instant as the calendar holds it. */
export interface SeasonDeadline {
  date: CivilDate;
  /** ISO-8601 with offset (NRMP's "9 p.m. ET"), for deciding to the minute and for showing the hour. */
  at: string;
}

/** A season's event as a deadline (its date in US Eastern time, and its instant), or null. */
export function seasonDeadline(
  calendar: readonly MatchSeason[],
  matchYear: number,
  key: string,
): SeasonDeadline | null {
  const date = seasonDate(calendar, matchYear, key);
  const event = calendar.find((s) => s.matchYear === matchYear)?.events.find((e) => e.key === key);
  return date && event ? { date, at: event.at } : null;
}

/**
 * Whether a deadline has gone by: with `now`, from the minute after its instant (9 p.m. ET on its
 * day is still in time); without it, from the day after its date.
 */
export function deadlinePassed(deadline: SeasonDeadline, today: CivilDate, now?: Date): boolean {
  return now ? now.getTime() > new Date(deadline.at).getTime() : today > deadline.date;
}

/** The exams still missing from the exam requirements, as ECFMG could verify them by the deadline. */
function missingExams(status: CertificationStatus, records: PathwayRecords): Exam[] {
  const missing: Exam[] = [];
  if (!status.step1) missing.push('USMLE_STEP1');
  if (!status.step2ck) missing.push('USMLE_STEP2_CK');
  if (!status.oet && !records.credentials?.step2CsPassedAt) missing.push('OET_MEDICINE');
  return missing;
}

/**
 * ECFMG must have verified the exam requirements by the rank-list certification deadline for the
 * client to take part in that Match and its SOAP: what counts is a result reported by then (the
 * test day plus the usual lead time), not an exam sat by then. A booked or awaited exam whose
 * result cannot arrive in time is a warning naming the last sensible test day; once the deadline
 * has passed unmet, the Match is out of reach and the finding says so.
 */
export function rankListFindings(
  records: PathwayRecords,
  calendar: readonly MatchSeason[],
  today: CivilDate,
  rules: PathwayRules,
  now?: Date,
): Finding[] {
  const findings: Finding[] = [];
  for (const application of records.matchApplications.filter((a) => a.result === 'pending')) {
    const deadline = seasonDeadline(calendar, application.season, 'rank_list_deadline');
    if (!deadline) continue;
    // What counts is what ECFMG could have verified by the deadline, not what has been met since.
    const status = certificationStatusReportedBy(records, rules, deadline.date);
    if (status.examsMet) continue;
    const season = application.season;
    const when = `${deadline.date} at ${deadlineClock(deadline, rules)}`;
    const extra = { date: deadline.date, at: deadline.at, season };
    if (deadlinePassed(deadline, today, now)) {
      findings.push(
        blocker(
          'RANK_LIST_DEADLINE_MISSED',
          rules.rankListDeadline,
          `ECFMG had not verified the exam requirements by the ${season} rank order list deadline (${when}): the ${season} Match and its SOAP are out of reach; record the application's result once NRMP confirms it`,
          extra,
        ),
      );
      continue;
    }
    for (const exam of missingExams(status, records)) {
      const lead = rules.resultLeadTime.days[exam];
      const lastTestDay = addDays(deadline.date, -lead);
      const late = [...records.exams].sort(chronologically).find((e) => {
        const day = e.status === 'scheduled' ? e.scheduledDate : e.testDate;
        return (
          e.exam === exam && ['scheduled', 'taken', 'result_pending'].includes(e.status) && day && day > lastTestDay
        );
      });
      if (!late) continue;
      const day = (late.status === 'scheduled' ? late.scheduledDate : late.testDate) as CivilDate;
      findings.push(
        warning(
          'RESULT_AFTER_RANK_LIST_DEADLINE',
          rules.resultLeadTime,
          `${EXAM_NAMES[exam]} on ${day}: its result (usually ${lead} days after the test) would come after the ${season} rank order list deadline (${when}); the last test day with a result in time is ${lastTestDay}`,
          { examId: late.id, exam, date: lastTestDay, at: deadline.at, season },
        ),
      );
    }
    const left = daysBetween(today, deadline.date);
    if (left <= rules.rankListDeadline.warnDays) {
      findings.push(
        blocker(
          'RANK_LIST_DEADLINE_REQUIREMENTS_UNMET',
          rules.rankListDeadline,
          `Have the exam requirements verified by ECFMG by ${when} (the ${season} rank order list deadline, ${left} days) to take part in that Match: results must be reported by then, not only the exams taken`,
          extra,
        ),
      );
    }
  }
  return findings;
}

/** A deadline's time of day as NRMP and ERAS state it, in US Eastern time ("9:00 p.m. ET"). */
export function deadlineClock(deadline: SeasonDeadline, rules: PathwayRules, language: 'en' | 'es' = 'en'): string {
  const parts = clockFormat(rules.rankListDeadline.timeZone).formatToParts(new Date(deadline.at));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    (parts.find((p) => p.type === type) as Intl.DateTimeFormatPart).value;
  const hour = Number(part('hour')) % 24;
  const minute = part('minute');
  if (language === 'es') return `${String(hour).padStart(2, '0')}:${minute} (hora del Este)`;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${minute} ${hour < 12 ? 'a.m.' : 'p.m.'} ET`;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();
function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(timeZone, format);
  }
  return format;
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
