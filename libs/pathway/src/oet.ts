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

/**
 * The rule of the client's Pathways cycle. A cycle with no rule recorded is judged by the nearest
 * earlier cycle that has one (the earliest, for a cycle before all), flagged `assumed`: never
 * silently by the latest. With no cycle recorded, the latest rule, unflagged.
 */
export function oetRuleFor(
  credentials: CredentialRecord | null,
  rules: PathwayRules,
): { rule: OetCycleRule; assumed: boolean } {
  const byCycle = [...rules.oetCycles].sort((a, b) => a.cycle - b.cycle);
  const cycle = credentials?.ecfmgPathwayCycle ?? null;
  if (cycle === null) return { rule: byCycle[byCycle.length - 1], assumed: false };
  const exact = byCycle.find((r) => r.cycle === cycle);
  if (exact) return { rule: exact, assumed: false };
  const earlier = byCycle.filter((r) => r.cycle < cycle);
  return { rule: earlier[earlier.length - 1] ?? byCycle[0], assumed: true };
}

export function meetsMinimum(scores: OetScores, minimum: OetScores): boolean {
  return SUBSCORES.every((part) => scores[part] >= minimum[part]);
}

/** The minimum a sitting on `testDate` had to reach under `rule` (the bar changed on 1 April 2022). */
export function minimumFor(rule: OetCycleRule, testDate: CivilDate): OetScores {
  return rule.earlierMinimum && testDate < rule.earlierMinimum.testedBefore
    ? rule.earlierMinimum.minimum
    : rule.minimum;
}

/** OET Medicine for the client's cycle: taken on or after the cutoff, every sub-score at its minimum, in one sitting. */
export function oetVerdict(
  exams: readonly ExamRecord[],
  credentials: CredentialRecord | null,
  rules: PathwayRules,
): OetVerdict {
  const { rule, assumed } = oetRuleFor(credentials, rules);
  const findings: Finding[] = [];
  const cycle = credentials?.ecfmgPathwayCycle;
  const cutoff = rule.testedOnOrAfter
    ? `test taken on or after ${rule.testedOnOrAfter}`
    : 'no test-date cut-off recorded';
  if (assumed) {
    findings.push(
      warning(
        'OET_CYCLE_RULE_ASSUMED',
        rule,
        `ECFMG's OET Medicine rule for the ${cycle} Pathways season is not recorded here: judged by the ${rule.cycle} season's rule (${cutoff}); check the ${cycle} rule with ECFMG`,
        { exam: 'OET_MEDICINE', season: cycle as number },
      ),
    );
  } else if (cycle && rule.testedOnOrAfter === null) {
    findings.push(
      warning(
        'OET_CYCLE_RULE_ASSUMED',
        rule,
        `The OET Medicine test-date cut-off of the ${cycle} Pathways season is not recorded here: sittings of any date are counted; check it with ECFMG`,
        { exam: 'OET_MEDICINE', season: cycle },
      ),
    );
  }
  const sittings = exams
    .filter((e) => e.exam === 'OET_MEDICINE' && e.oetScores !== null && e.testDate !== null && e.status !== 'cancelled')
    .sort(chronologically);
  const inCycle = (e: ExamRecord) => rule.testedOnOrAfter === null || (e.testDate as CivilDate) >= rule.testedOnOrAfter;
  const meets = (e: ExamRecord) => meetsMinimum(e.oetScores as OetScores, minimumFor(rule, e.testDate as CivilDate));
  const valid = sittings.find((e) => inCycle(e) && meets(e)) ?? null;
  if (!valid) {
    for (const sitting of sittings) {
      if (!inCycle(sitting)) {
        findings.push(
          warning(
            'OET_BEFORE_CYCLE_CUTOFF',
            rule,
            `OET Medicine of ${sitting.testDate} is before the ${rule.cycle} Pathways season's cut-off (tests on or after ${rule.testedOnOrAfter}): it does not count for that season; take it again`,
            { examId: sitting.id, exam: 'OET_MEDICINE', date: sitting.testDate as CivilDate, season: rule.cycle },
          ),
        );
      } else {
        const minimum = minimumFor(rule, sitting.testDate as CivilDate);
        const short = SUBSCORES.filter((part) => (sitting.oetScores as OetScores)[part] < minimum[part]);
        findings.push(
          warning(
            'OET_BELOW_THRESHOLD',
            rule,
            `OET Medicine of ${sitting.testDate}: ${short.map((p) => `${p} ${(sitting.oetScores as OetScores)[p]} (needs ${minimum[p]})`).join(', ')}; all four in one sitting`,
            { examId: sitting.id, exam: 'OET_MEDICINE', date: sitting.testDate as CivilDate },
          ),
        );
      }
    }
  }
  return { valid, rule, findings };
}
