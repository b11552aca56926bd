import { certificateValidityFindings, pathwayRevalidationFindings } from './pathway-validity';
import { application, attempt, CALENDAR, credentials, OET_PASS, records } from './pathway.factories';
import { PathwayRecords } from './records';
import { certificationStatus } from './requirements';
import { PATHWAY_RULES } from './rules';
import { findingText } from './texts';

const passed = [
  attempt('2024-03-01', 'passed', { exam: 'USMLE_STEP1' }),
  attempt('2024-09-01', 'passed', { exam: 'USMLE_STEP2_CK', score: 240 }),
  attempt('2024-05-01', 'passed', { exam: 'OET_MEDICINE', oetScores: OET_PASS }),
];
const accepted = (cycle: number, extra = {}) =>
  credentials({ ecfmgPathway: 1, ecfmgPathwayStatus: 'validated', ecfmgPathwayCycle: cycle, ...extra });

describe(pathwayRevalidationFindings.name, () => {
  const findings = (r: PathwayRecords) =>
    pathwayRevalidationFindings(r, certificationStatus(r, PATHWAY_RULES), PATHWAY_RULES);

  it.each([
    // [accepted season, application season, result, warned]
    [2025, 2027, 'pending', true],
    [2027, 2026, 'pending', true],
    [2025, 2025, 'pending', false],
    [2025, 2027, 'unmatched', false],
    [2025, 2027, 'withdrawn', false],
  ] as const)('Pathway accepted for %i, %i application %s: warned %s', (cycle, season, result, warned) => {
    const r = records({
      exams: passed,
      credentials: accepted(cycle),
      matchApplications: [application({ season, result })],
    });
    const out = findings(r);
    expect(out.map((f) => [f.code, f.season])).toEqual(warned ? [['PATHWAY_REVALIDATION_NEEDED', season]] : []);
    if (warned) {
      expect(out[0].rule.id).toBe('ecfmg-pathway-revalidation');
      expect(out[0].message).toContain(`accepted for the ${cycle} season`);
    }
  });

  it('names the latest season applied for when several are under way', () => {
    const r = records({
      credentials: accepted(2025),
      matchApplications: [application({ season: 2026 }), application({ season: 2027 })],
    });
    expect(findings(r).map((f) => f.season)).toEqual([2027]);
  });

  it.each([
    ['certified', accepted(2025, { certificateIssuedAt: '2025-02-01' })],
    ['Step 2 CS passed instead', accepted(2025, { step2CsPassedAt: '2019-01-01' })],
    ['the Pathway only submitted', credentials({ ecfmgPathwayStatus: 'submitted', ecfmgPathwayCycle: 2025 })],
    ['no season recorded', credentials({ ecfmgPathwayStatus: 'validated' })],
    ['no credentials', null],
  ])('nothing when %s', (_why, c) => {
    expect(findings(records({ credentials: c, matchApplications: [application({ season: 2027 })] }))).toEqual([]);
  });
});

describe(certificateValidityFindings.name, () => {
  const certified = accepted(2025, { certificateIssuedAt: '2025-02-01' });
  const findings = (r: PathwayRecords, today: string) =>
    certificateValidityFindings(r, certificationStatus(r, PATHWAY_RULES), CALENDAR, today, PATHWAY_RULES);

  it.each([
    // Residency from the 2026 Match starts 2026-07-01 (no calendar entry: 1 July): permanent from 2027-07-01.
    ['2027-06-30', true],
    ['2027-07-01', false],
    ['2027-07-02', false],
  ])('in residency from the 2026 Match, on %s: still time-limited %s', (today, warned) => {
    const r = records({
      exams: passed,
      credentials: certified,
      matchApplications: [application({ season: 2026, result: 'matched', residencyBegan: true })],
    });
    const out = findings(r, today);
    expect(out.map((f) => [f.code, f.date, f.season])).toEqual(
      warned ? [['CERTIFICATE_TIME_LIMITED', '2027-07-01', 2026]] : [],
    );
  });

  it.each([
    ['J-1', 'ECFMG then makes it permanent'],
    ['H-1B', 'request permanent validation'],
  ] as const)('matched (%s), not yet in residency: the date it can become permanent', (visa, says) => {
    const r = records({
      credentials: certified,
      matchApplications: [application({ season: 2027, result: 'matched', visa })],
    });
    const [finding] = findings(r, '2027-04-01');
    expect(finding).toMatchObject({ code: 'CERTIFICATE_TIME_LIMITED', date: '2028-07-01', season: 2027 });
    expect(finding.rule.source).toBe('https://ecfmg.org/certification-pathways/permanent-validation.html');
    expect(finding.message).toContain(says);
  });

  it('certified, not matched: time-limited, with no date', () => {
    const r = records({ credentials: certified, matchApplications: [application({ season: 2027 })] });
    const [finding] = findings(r, '2026-10-01');
    expect(finding.code).toBe('CERTIFICATE_TIME_LIMITED');
    expect(finding.date).toBeUndefined();
    expect(findingText(finding, 'es', '2026-10-01')).toContain('revise su fecha de vencimiento');
  });

  it('counts from the earliest season whose residency began', () => {
    const r = records({
      credentials: certified,
      matchApplications: [
        application({ season: 2027, result: 'matched', residencyBegan: true }),
        application({ season: 2026, result: 'matched', residencyBegan: true }),
      ],
    });
    expect(findings(r, '2027-01-01')[0].date).toBe('2027-07-01');
  });

  it.each([
    ['not certified', accepted(2025)],
    [
      'certified through Step 2 CS',
      accepted(2025, { certificateIssuedAt: '2025-02-01', step2CsPassedAt: '2019-01-01' }),
    ],
    ['certified without an accepted Pathway recorded', credentials({ certificateIssuedAt: '2025-02-01' })],
  ])('nothing when %s', (_why, c) => {
    expect(findings(records({ credentials: c }), '2026-01-01')).toEqual([]);
  });
});
