import { chronologically } from './attempts';
import { CivilDate } from './civil-date';
import { Finding, warning } from './findings';
import { CredentialRecord, ExamRecord, OetScores } from './records';
import { OetCycleRule, PathwayRules } from './rules';

const SUBSCORES: Array<keyof OetScores> = ['listening', 'reading', 'writing', 'speaking'];

export interface OetVerdict {
  /** The earliest sitting that meets the cycle's rule (what was met by a deadline is met from then), if any. */
  valid: ExamRecord | null;
  rule: OetCycleRule;
  findings: Finding[];
}

/** The rule of the client's Pathways cycle, or the latest known one (flagged) when the cycle has none. */
export function oetRuleFor(
  credentials: CredentialRecord | null,
  rules: PathwayRules,
): { rule: OetCycleRule; assumed: boolean } {
  const latest = [...rules.oetCycles].sort((a, b) => b.cycle - a.cycle)[0];
  const cycle = credentials?.ecfmgPathwayCycle ?? null;
  const exact = cycle === null ? undefined : rules.oetCycles.find((r) => r.cycle === cycle);
  return { rule: exact ?? latest, assumed: cycle !== null && !exact };
}

export function meetsMinimum(scores: OetScores, minimum: OetScores): boolean {
  return SUBSCORES.every((part) => scores[part] >= minimum[part]);
}

/** OET Medicine for the client's cycle: taken on or after the cutoff, every sub-score at its minimum, in one sitting. */
export function oetVerdict(
  exams: readonly ExamRecord[],
  credentials: CredentialRecord | null,
  rules: PathwayRules,
): OetVerdict {
  const { rule, assumed } = oetRuleFor(credentials, rules);
  const findings: Finding[] = [];
  if (assumed) {
    findings.push(
      warning(
        'OET_CYCLE_RULE_ASSUMED',
        rule,
        `No OET rule is recorded for the ${credentials?.ecfmgPathwayCycle} cycle: judged by the ${rule.cycle} rule; check with ECFMG`,
        { exam: 'OET_MEDICINE' },
      ),
    );
  }
  const sittings = exams
    .filter((e) => e.exam === 'OET_MEDICINE' && e.oetScores !== null && e.testDate !== null && e.status !== 'cancelled')
    .sort(chronologically);
  const inCycle = (e: ExamRecord) => rule.testedOnOrAfter === null || (e.testDate as CivilDate) >= rule.testedOnOrAfter;
  const valid = sittings.find((e) => inCycle(e) && meetsMinimum(e.oetScores as OetScores, rule.minimum)) ?? null;
  if (!valid) {
    for (const sitting of sittings) {
      if (!inCycle(sitting)) {
        findings.push(
          warning(
            'OET_BEFORE_CYCLE_CUTOFF',
            rule,
            `OET Medicine of ${sitting.testDate} is before the ${rule.cycle} cycle's cutoff (${rule.testedOnOrAfter}): take it again`,
            { examId: sitting.id, exam: 'OET_MEDICINE', date: sitting.testDate as CivilDate },
          ),
        );
      } else {
        const short = SUBSCORES.filter((part) => (sitting.oetScores as OetScores)[part] < rule.minimum[part]);
        findings.push(
          warning(
            'OET_BELOW_THRESHOLD',
            rule,
            `OET Medicine of ${sitting.testDate}: ${short.map((p) => `${p} ${(sitting.oetScores as OetScores)[p]} (needs ${rule.minimum[p]})`).join(', ')}; all four in one sitting`,
            { examId: sitting.id, exam: 'OET_MEDICINE', date: sitting.testDate as CivilDate },
          ),
        );
      }
    }
  }
  return { valid, rule, findings };
}
