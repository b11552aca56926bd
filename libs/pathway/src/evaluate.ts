import { attemptFindings } from './attempts';
import { civilDateOf } from './civil-date';
import { eligibilityFindings, rankListFindings, sevenYearFindings, visaAndStep3Findings } from './deadlines';
import { Finding } from './findings';
import { certificateBeforeResidencyFindings, matchResultFindings, soapFindings } from './match-season';
import { oetVerdict } from './oet';
import { certificateValidityFindings, pathwayRevalidationFindings } from './pathway-validity';
import { checklistOf, ChecklistItem, NextStep, nextStepsOf, Stage, stageOf } from './progress';
import { MatchSeason, PathwayRecords } from './records';
import { certificationStatus } from './requirements';
import { PathwayRules } from './rules';
import { staffNextStepText } from './texts';

export interface PathwayResult {
  stage: Stage;
  checklist: ChecklistItem[];
  /** What stops progress until it is dealt with. */
  blockers: Finding[];
  /** What needs attention but does not stop progress. */
  warnings: Finding[];
  /** The next steps in English, as staff read them. */
  nextSteps: string[];
  /** The same steps as facts, for writing them in the reader's language. */
  nextStepFacts: NextStep[];
  /** The rules version the result was computed with. */
  rulesVersion: string;
}

/**
 * From a client's records, where they stand: stage, checklist, what blocks them, what to watch,
 * what comes next. Pure: `now` is an argument, nothing is read from a clock or a database.
 * `timeZone` is the client's center's, for what "today" is.
 */
export function evaluatePathway(
  records: PathwayRecords,
  calendar: readonly MatchSeason[],
  rules: PathwayRules,
  now: Date,
  timeZone = 'UTC',
): PathwayResult {
  const today = civilDateOf(now, timeZone);
  const status = certificationStatus(records, rules);
  const closed = records.client.status === 'closed';
  const findings: Finding[] = closed
    ? []
    : [
        ...attemptFindings(records.exams, today, rules),
        ...eligibilityFindings(records, today, rules),
        ...oetVerdict(records.exams, records.credentials, rules).findings,
        ...sevenYearFindings(records, status, today, rules),
        ...rankListFindings(records, calendar, today, rules, now),
        ...visaAndStep3Findings(records, status, rules),
        ...matchResultFindings(records, calendar, today, rules),
        ...soapFindings(records, calendar, today, rules),
        ...certificateBeforeResidencyFindings(records, status, calendar, today, rules),
        ...pathwayRevalidationFindings(records, status, rules),
        ...certificateValidityFindings(records, status, calendar, today, rules),
      ];
  const checklist = checklistOf(records, status, findings, rules);
  const nextStepFacts = nextStepsOf(records, checklist, calendar, today, rules, now);
  return {
    stage: stageOf(records, status),
    checklist,
    blockers: findings.filter((f) => f.severity === 'blocker'),
    warnings: findings.filter((f) => f.severity === 'warning'),
    // Staff read these on the client's record; the IMG's own page words `nextStepFacts` for them.
    nextSteps: nextStepFacts.map(staffNextStepText),
    nextStepFacts,
    rulesVersion: rules.version,
  };
}
