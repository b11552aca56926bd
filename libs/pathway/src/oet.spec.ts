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
    // [season, test date, counts]: each season's cut-off, the day before, of and after.
    [2021, '2018-06-30', false],
    [2021, '2018-07-01', true],
    [2021, '2018-07-02', true],
    [2024, '2021-12-31', false],
    [2024, '2022-01-01', true],
    [2024, '2022-01-02', true],
    [2025, '2022-12-31', false],
    [2025, '2023-01-01', true],
    [2025, '2023-01-02', true],
  ])('%i season: a sitting on %s counts: %s', (season, testDate, valid) => {
    const scores = { listening: 350, reading: 350, writing: 350, speaking: 350 };
    const verdict = oetVerdict([sitting(testDate, scores)], credentials({ ecfmgPathwayCycle: season }), PATHWAY_RULES);
    expect(verdict.valid !== null).toBe(valid);
    expect(verdict.findings.map((f) => f.code)).toEqual(valid ? [] : ['OET_BEFORE_CYCLE_CUTOFF']);
    if (!valid) expect(verdict.findings[0]).toMatchObject({ season, date: testDate });
  });

  it.each([
    // Writing 300 is enough from 1 April 2022; before it the bar was 350 in all four (2023 and 2024 seasons).
    [2024, '2022-03-31', false],
    [2024, '2022-04-01', true],
    [2024, '2022-04-02', true],
    [2023, '2022-03-31', false],
    [2023, '2022-04-01', true],
  ])('%i season: writing 300 on %s meets the minimum: %s', (season, testDate, valid) => {
    const verdict = oetVerdict(
      [sitting(testDate, { writing: 300 })],
      credentials({ ecfmgPathwayCycle: season }),
      PATHWAY_RULES,
    );
    expect(verdict.valid !== null).toBe(valid);
    if (!valid)
      expect(verdict.findings.find((f) => f.code === 'OET_BELOW_THRESHOLD')?.message).toContain(
        'writing 300 (needs 350)',
      );
  });

  it('judges the 2021 and 2022 seasons by 350 in all four', () => {
    const old = credentials({ ecfmgPathwayCycle: 2021 });
    expect(oetVerdict([sitting('2020-05-01', { writing: 340 })], old, PATHWAY_RULES).valid).toBeNull();
    expect(oetVerdict([sitting('2020-05-01', { writing: 350 })], old, PATHWAY_RULES).valid).not.toBeNull();
  });

  it.each([
    [2022, '2015-01-01'],
    [2023, '2015-01-01'],
  ])('%i season: no cut-off recorded: a sitting of any date counts, and a warning says so', (season, testDate) => {
    const verdict = oetVerdict(
      [sitting(testDate, { writing: 350 })],
      credentials({ ecfmgPathwayCycle: season }),
      PATHWAY_RULES,
    );
    expect(verdict.valid).not.toBeNull();
    expect(verdict.findings.map((f) => [f.code, f.season])).toEqual([['OET_CYCLE_RULE_ASSUMED', season]]);
    expect(verdict.findings[0].message).toContain(`cut-off of the ${season} Pathways season is not recorded`);
  });

  it.each([
    // A season with no rule is judged by the nearest earlier one, never silently by the latest.
    [2026, 2025],
    [2027, 2025],
    [2020, 2021],
  ])('a %i season has no rule recorded: judged by the %i rule, with a warning', (season, judgedBy) => {
    const { rule, assumed } = oetRuleFor(credentials({ ecfmgPathwayCycle: season }), PATHWAY_RULES);
    expect({ cycle: rule.cycle, assumed }).toEqual({ cycle: judgedBy, assumed: true });
    const [finding] = oetVerdict([], credentials({ ecfmgPathwayCycle: season }), PATHWAY_RULES).findings;
    expect(finding).toMatchObject({ code: 'OET_CYCLE_RULE_ASSUMED', season });
    expect(finding.message).toContain(`judged by the ${judgedBy} season's rule`);
  });

  it('uses the latest rule, without a warning, when no season is recorded', () => {
    expect(oetRuleFor(null, PATHWAY_RULES)).toMatchObject({ assumed: false, rule: { cycle: 2025 } });
    expect(oetVerdict([], credentials(), PATHWAY_RULES).findings).toEqual([]);
  });

  it('has no two-year validity: a 2023 sitting still counts for the 2025 season in 2026', () => {
    expect(PATHWAY_RULES).not.toHaveProperty('oetResultValidity');
    expect(oetVerdict([sitting('2023-01-01')], cycle2025, PATHWAY_RULES).valid).not.toBeNull();
  });

  it('names a cut-off of the season an assumed rule uses', () => {
    const [finding] = oetVerdict([], credentials({ ecfmgPathwayCycle: 2026 }), PATHWAY_RULES).findings;
    expect(finding.message).toContain('test taken on or after 2023-01-01');
    const before2021 = oetVerdict([], credentials({ ecfmgPathwayCycle: 2020 }), PATHWAY_RULES).findings[0];
    expect(before2021.message).toContain('test taken on or after 2018-07-01');
  });

  it('says "no test-date cut-off recorded" when the assumed rule has none', () => {
    const rules = {
      ...PATHWAY_RULES,
      oetCycles: PATHWAY_RULES.oetCycles.filter((r) => r.cycle === 2022),
    };
    const [finding] = oetVerdict([], credentials({ ecfmgPathwayCycle: 2023 }), rules).findings;
    expect(finding.message).toContain('no test-date cut-off recorded');
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
