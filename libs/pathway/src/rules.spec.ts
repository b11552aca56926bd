import { PATHWAY_RULES, ruleInForce, RuleSource } from './rules';

describe(ruleInForce.name, () => {
  const rule = (id: string, effectiveFrom: string): RuleSource => ({
    id,
    effectiveFrom,
    source: 'https://example.org',
  });

  it.each([
    [[rule('a', '2000-01-01'), rule('b', '2010-01-01'), rule('c', '2020-01-01')]],
    [[rule('c', '2020-01-01'), rule('a', '2000-01-01'), rule('b', '2010-01-01')]],
  ])('picks the latest rule in force, whatever the order', (rules) => {
    expect(ruleInForce(rules, '2015-06-01').id).toBe('b');
    expect(ruleInForce(rules, '2020-01-01').id).toBe('c');
  });

  it('falls back to the first rule for a date before any', () => {
    expect(ruleInForce([rule('a', '2000-01-01')], '1999-01-01').id).toBe('a');
  });

  it('knows the attempt limit fell from 6 to 4 on 1 July 2021', () => {
    expect(ruleInForce(PATHWAY_RULES.attemptLimits, '2021-06-30').maxAttemptsPerStep).toBe(6);
    expect(ruleInForce(PATHWAY_RULES.attemptLimits, '2021-07-01').maxAttemptsPerStep).toBe(4);
  });
});
