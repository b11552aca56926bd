import { meetsMinimum, oetRuleFor, oetVerdict } from './oet';
import { attempt, credentials, OET_PASS } from './pathway.factories';
import { PATHWAY_RULES } from './rules';

const sitting = (testDate: string, scores: Partial<typeof OET_PASS> = {}) =>
  attempt(testDate, 'passed', { exam: 'OET_MEDICINE', oetScores: { ...OET_PASS, ...scores } });

describe(oetVerdict.name, () => {
  const cycle2025 = credentials({ ecfmgPathwayCycle: 2025 });

  it.each([
    ['writing 300 (the 2025 minimum)', { writing: 300 }, true],
    ['writing 299', { writing: 299 }, false],
    ['listening 350', { listening: 350 }, true],
    ['listening 349', { listening: 349 }, false],
    ['reading 349', { reading: 349 }, false],
    ['speaking 349', { speaking: 349 }, false],
  ])('2025 cycle: %s → valid %s', (_label, scores, valid) => {
    const verdict = oetVerdict([sitting('2024-05-01', scores)], cycle2025, PATHWAY_RULES);
    expect(verdict.valid !== null).toBe(valid);
    expect(verdict.findings.map((f) => f.code)).toEqual(valid ? [] : ['OET_BELOW_THRESHOLD']);
  });

  it('names the short sub-scores and what they need', () => {
    const [finding] = oetVerdict(
      [sitting('2024-05-01', { writing: 290, speaking: 340 })],
      cycle2025,
      PATHWAY_RULES,
    ).findings;
    expect(finding.message).toContain('writing 290 (needs 300), speaking 340 (needs 350)');
  });

  it.each([
    ['the day before the cutoff', '2022-12-31', false],
    ['the cutoff', '2023-01-01', true],
  ])('2025 cycle: a sitting on %s (%s) counts: %s', (_label, testDate, valid) => {
    const verdict = oetVerdict([sitting(testDate)], cycle2025, PATHWAY_RULES);
    expect(verdict.valid !== null).toBe(valid);
    if (!valid) expect(verdict.findings.map((f) => f.code)).toEqual(['OET_BEFORE_CYCLE_CUTOFF']);
  });

  it('judges the 2021-22 cycles by 350 in all four, with no cutoff', () => {
    const old = credentials({ ecfmgPathwayCycle: 2022 });
    expect(oetVerdict([sitting('2020-05-01', { writing: 340 })], old, PATHWAY_RULES).valid).toBeNull();
    expect(oetVerdict([sitting('2020-05-01', { writing: 350 })], old, PATHWAY_RULES).valid).not.toBeNull();
  });

  it('assumes the latest rule for a cycle it has no rule for, and says so', () => {
    const { rule, assumed } = oetRuleFor(credentials({ ecfmgPathwayCycle: 2027 }), PATHWAY_RULES);
    expect(rule.cycle).toBe(2025);
    expect(assumed).toBe(true);
    expect(oetVerdict([], credentials({ ecfmgPathwayCycle: 2027 }), PATHWAY_RULES).findings.map((f) => f.code)).toEqual(
      ['OET_CYCLE_RULE_ASSUMED'],
    );
    expect(oetRuleFor(null, PATHWAY_RULES)).toMatchObject({ assumed: false, rule: { cycle: 2025 } });
  });

  it('needs all four in one sitting: two half-good sittings are not a pass', () => {
    const verdict = oetVerdict(
      [sitting('2024-03-01', { writing: 280 }), sitting('2024-06-01', { listening: 300 })],
      cycle2025,
      PATHWAY_RULES,
    );
    expect(verdict.valid).toBeNull();
    expect(verdict.findings).toHaveLength(2);
  });

  it('ignores sittings without scores or dates, and cancelled ones', () => {
    const noScores = attempt('2024-05-01', 'taken', { exam: 'OET_MEDICINE' });
    const cancelled = { ...sitting('2024-05-01'), status: 'cancelled' as const };
    expect(oetVerdict([noScores, cancelled], cycle2025, PATHWAY_RULES)).toMatchObject({ valid: null, findings: [] });
  });

  it('compares every sub-score', () => {
    expect(meetsMinimum(OET_PASS, OET_PASS)).toBe(true);
    expect(meetsMinimum({ ...OET_PASS, speaking: 0 }, OET_PASS)).toBe(false);
  });
});
