import {
  eligibilityFindings,
  rankListFindings,
  seasonDate,
  sevenYearDeadline,
  sevenYearFindings,
  visaAndStep3Findings,
} from './deadlines';
import { addDays } from './civil-date';
import { application, attempt, CALENDAR, credentials, exam, records } from './pathway.factories';
import { PathwayRecords } from './records';
import { certificationStatus } from './requirements';
import { PATHWAY_RULES } from './rules';

const status = (r: PathwayRecords) => certificationStatus(r, PATHWAY_RULES);

describe('the ECFMG 7-year window', () => {
  const onlyStep1 = records({ exams: [attempt('2019-05-20', 'passed')] });
  const deadline = '2026-05-20';
  const codesOn = (today: string, r = onlyStep1) =>
    sevenYearFindings(r, status(r), today, PATHWAY_RULES).map((f) => f.code);

  it('runs 7 years from the first passed exam required for certification', () => {
    expect(sevenYearDeadline(onlyStep1, PATHWAY_RULES)).toBe(deadline);
    expect(sevenYearDeadline(records(), PATHWAY_RULES)).toBeNull();
  });

  it.each([
    [181, []],
    [180, ['SEVEN_YEAR_WINDOW_CLOSING']],
    [179, ['SEVEN_YEAR_WINDOW_CLOSING']],
    [91, ['SEVEN_YEAR_WINDOW_CLOSING']],
    [90, ['SEVEN_YEAR_WINDOW_CLOSING']],
    [31, ['SEVEN_YEAR_WINDOW_CLOSING']],
    [30, ['SEVEN_YEAR_WINDOW_CLOSING']],
    [0, ['SEVEN_YEAR_WINDOW_CLOSING']],
    [-1, ['SEVEN_YEAR_WINDOW_CLOSED']],
  ])('%i days before the deadline: %j', (days, expected) => {
    expect(codesOn(addDays(deadline, -days))).toEqual(expected);
  });

  it('tells the days left and what is missing', () => {
    const [finding] = sevenYearFindings(onlyStep1, status(onlyStep1), addDays(deadline, -90), PATHWAY_RULES);
    expect(finding.message).toBe(`Pass Step 2 CK by ${deadline}: the ECFMG 7-year window closes in 90 days`);
    const onlyStep2 = records({ exams: [attempt('2019-05-20', 'passed', { exam: 'USMLE_STEP2_CK' })] });
    expect(sevenYearFindings(onlyStep2, status(onlyStep2), addDays(deadline, -10), PATHWAY_RULES)[0].message).toContain(
      'Pass Step 1',
    );
  });

  it('closes the window when the second pass came more than 7 years after the first', () => {
    const late = records({
      exams: [attempt('2018-01-10', 'passed'), attempt('2026-06-01', 'passed', { exam: 'USMLE_STEP2_CK' })],
    });
    expect(codesOn('2026-07-01', late)).toEqual(['SEVEN_YEAR_WINDOW_CLOSED']);
    expect(status(late)).toMatchObject({ sevenYearBroken: true, examsMet: false });
    const onTime = records({
      exams: [attempt('2018-01-10', 'passed'), attempt('2025-01-10', 'passed', { exam: 'USMLE_STEP2_CK' })],
    });
    expect(status(onTime).sevenYearBroken).toBe(false);
  });

  it('is silent once both are passed or the client is certified', () => {
    const both = records({
      exams: [attempt('2019-05-20', 'passed'), attempt('2026-01-10', 'passed', { exam: 'USMLE_STEP2_CK' })],
    });
    expect(codesOn('2026-05-01', both)).toEqual([]);
    const certified = records({ ...onlyStep1, credentials: credentials({ certificateIssuedAt: '2020-01-01' }) });
    expect(codesOn('2026-05-01', certified)).toEqual([]);
    expect(codesOn('2026-05-01', records())).toEqual([]);
  });
});

describe('eligibility windows with no exam scheduled', () => {
  const planned = exam({
    exam: 'USMLE_STEP2_CK',
    status: 'planned',
    eligibilityStart: '2026-01-01',
    eligibilityEnd: '2026-06-30',
  });
  const codesOn = (today: string, e = planned) =>
    eligibilityFindings(records({ exams: [e] }), today, PATHWAY_RULES).map((f) => f.code);

  it.each([
    ['61 days before the end', '2026-04-30', []],
    ['60 days before', '2026-05-01', ['ELIGIBILITY_CLOSING_UNSCHEDULED']],
    ['the last day', '2026-06-30', ['ELIGIBILITY_CLOSING_UNSCHEDULED']],
    ['the day after', '2026-07-01', ['ELIGIBILITY_EXPIRED']],
  ])('%s (%s): %j', (_label, today, expected) => expect(codesOn(today)).toEqual(expected));

  it('uses the extension, and says nothing once scheduled or without a window', () => {
    expect(codesOn('2026-07-01', { ...planned, extensionEnd: '2026-09-30' })).toEqual([]);
    expect(codesOn('2026-06-01', { ...planned, scheduledDate: '2026-06-15' })).toEqual([]);
    expect(codesOn('2026-06-01', { ...planned, status: 'scheduled' })).toEqual([]);
    expect(codesOn('2026-06-01', { ...planned, eligibilityEnd: null })).toEqual([]);
  });

  it('names the exam and the closing date', () => {
    const [finding] = eligibilityFindings(records({ exams: [planned] }), '2026-06-01', PATHWAY_RULES);
    expect(finding.message).toBe('Schedule Step 2 CK before your eligibility window closes on 2026-06-30 (29 days)');
  });
});

describe('the rank-list deadline', () => {
  const applying = records({ matchApplications: [application({ season: 2027 })] });
  const codesOn = (today: string, r = applying) =>
    rankListFindings(r, CALENDAR, today, PATHWAY_RULES).map((f) => f.code);

  it('reads the deadline in US Eastern time', () => {
    expect(seasonDate(CALENDAR, 2027, 'rank_list_deadline')).toBe('2027-03-03');
    expect(seasonDate(CALENDAR, 2031, 'rank_list_deadline')).toBeNull();
  });

  it.each([
    ['61 days before', '2027-01-01', []],
    ['60 days before', '2027-01-02', ['RANK_LIST_DEADLINE_REQUIREMENTS_UNMET']],
    ['the day of', '2027-03-03', ['RANK_LIST_DEADLINE_REQUIREMENTS_UNMET']],
    ['the day after', '2027-03-04', ['RANK_LIST_DEADLINE_REQUIREMENTS_UNMET']],
  ])('with the exam requirements unmet, %s (%s): %j', (_label, today, expected) =>
    expect(codesOn(today)).toEqual(expected),
  );

  it('judges the requirements as they stood on the deadline, not as they stand now', () => {
    const lateStep2 = records({
      matchApplications: [application({ season: 2026 })],
      exams: [attempt('2025-01-10', 'passed'), attempt('2026-04-01', 'passed', { exam: 'USMLE_STEP2_CK' })],
      credentials: credentials({ step2CsPassedAt: '2020-06-01' }),
    });
    expect(codesOn('2026-04-15', lateStep2)).toEqual(['RANK_LIST_DEADLINE_REQUIREMENTS_UNMET']);
    const oetLate = records({
      matchApplications: [application({ season: 2026 })],
      exams: [
        attempt('2025-01-10', 'passed'),
        attempt('2025-06-10', 'passed', { exam: 'USMLE_STEP2_CK' }),
        attempt('2026-03-20', 'passed', {
          exam: 'OET_MEDICINE',
          oetScores: { listening: 400, reading: 400, writing: 400, speaking: 400 },
        }),
      ],
      credentials: credentials({ ecfmgPathwayStatus: 'validated', ecfmgPathwayCycle: 2025 }),
    });
    expect(codesOn('2026-04-15', oetLate)).toEqual(['RANK_LIST_DEADLINE_REQUIREMENTS_UNMET']);
  });

  it('says the Match is out of reach once the deadline has passed', () => {
    const [finding] = rankListFindings(applying, CALENDAR, '2027-03-04', PATHWAY_RULES);
    expect(finding.message).toContain('out of reach');
  });

  it('is silent when the requirements are met, the application is decided, or the season is unknown', () => {
    const met = records({
      ...applying,
      exams: [attempt('2025-01-10', 'passed'), attempt('2025-06-10', 'passed', { exam: 'USMLE_STEP2_CK' })],
      credentials: credentials({ step2CsPassedAt: '2020-06-01' }),
    });
    expect(codesOn('2027-02-01', met)).toEqual([]);
    expect(
      codesOn('2027-02-01', records({ matchApplications: [application({ season: 2027, result: 'withdrawn' })] })),
    ).toEqual([]);
    expect(codesOn('2027-02-01', records({ matchApplications: [application({ season: 2031 })] }))).toEqual([]);
  });
});

describe('Step 3 and the H-1B', () => {
  const codes = (r: PathwayRecords) => visaAndStep3Findings(r, status(r), PATHWAY_RULES).map((f) => f.code);

  it('blocks a planned Step 3 before certification', () => {
    expect(codes(records({ exams: [exam({ exam: 'USMLE_STEP3' })] }))).toEqual(['STEP3_NEEDS_CERTIFICATION']);
    expect(
      codes(
        records({
          exams: [exam({ exam: 'USMLE_STEP3' })],
          credentials: credentials({ certificateIssuedAt: '2025-01-01' }),
        }),
      ),
    ).toEqual([]);
  });

  it('warns that an H-1B needs Step 3 passed', () => {
    expect(codes(records({ matchApplications: [application({ visa: 'H-1B' })] }))).toEqual(['H1B_NEEDS_STEP3']);
    expect(codes(records({ matchApplications: [application({ visa: 'H-1B', result: 'unmatched' })] }))).toEqual([]);
    expect(codes(records({ matchApplications: [application({ visa: 'H-1B', result: 'withdrawn' })] }))).toEqual([]);
    expect(codes(records({ matchApplications: [application({ visa: 'J-1' })] }))).toEqual([]);
    const withStep3 = records({
      matchApplications: [application({ visa: 'H-1B' })],
      exams: [attempt('2025-01-10', 'passed', { exam: 'USMLE_STEP3' })],
    });
    expect(codes(withStep3)).toEqual([]);
  });
});
