import {
  deadlineClock,
  eligibilityFindings,
  rankListFindings,
  seasonDate,
  seasonDeadline,
  sevenYearDeadline,
  sevenYearFindings,
  visaAndStep3Findings,
} from './deadlines';
import { addDays } from './civil-date';
import { application, attempt, CALENDAR, credentials, exam, records } from './pathway.factories';
import { PathwayRecords } from './records';
import { certificationStatus, certificationStatusReportedBy } from './requirements';
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
  const codesOn = (today: string, r = applying, now?: Date) =>
    rankListFindings(r, CALENDAR, today, PATHWAY_RULES, now).map((f) => f.code);
  // The 2027 deadline in the factories' calendar: 3 March 2027, 9 p.m. ET (02:00 UTC on the 4th).
  const AT = '2027-03-03T21:00:00-05:00';
  const metBy = (step2ckDay: string, status: 'passed' | 'scheduled' | 'result_pending' = 'passed') =>
    records({
      matchApplications: [application({ season: 2027 })],
      exams: [
        attempt('2025-01-10', 'passed'),
        status === 'scheduled'
          ? exam({ exam: 'USMLE_STEP2_CK', status, scheduledDate: step2ckDay })
          : attempt(step2ckDay, status, { exam: 'USMLE_STEP2_CK' }),
      ],
      credentials: credentials({ step2CsPassedAt: '2020-06-01' }),
    });

  it('reads the deadline in US Eastern time, with its instant', () => {
    expect(seasonDate(CALENDAR, 2027, 'rank_list_deadline')).toBe('2027-03-03');
    expect(seasonDate(CALENDAR, 2031, 'rank_list_deadline')).toBeNull();
    expect(seasonDeadline(CALENDAR, 2027, 'rank_list_deadline')).toEqual({ date: '2027-03-03', at: AT });
    expect(seasonDeadline(CALENDAR, 2031, 'rank_list_deadline')).toBeNull();
    expect(deadlineClock({ date: '2027-03-03', at: AT }, PATHWAY_RULES)).toBe('9:00 p.m. ET');
  });

  it.each([
    ['61 days before', '2027-01-01', []],
    ['60 days before', '2027-01-02', ['RANK_LIST_DEADLINE_REQUIREMENTS_UNMET']],
    ['the day of', '2027-03-03', ['RANK_LIST_DEADLINE_REQUIREMENTS_UNMET']],
    ['the day after', '2027-03-04', ['RANK_LIST_DEADLINE_MISSED']],
  ])('with the exam requirements unmet, %s (%s): %j', (_label, today, expected) =>
    expect(codesOn(today)).toEqual(expected),
  );

  it.each([
    ['a minute before 9 p.m. ET', '2027-03-04T01:59:00Z', ['RANK_LIST_DEADLINE_REQUIREMENTS_UNMET']],
    ['at 9 p.m. ET', '2027-03-04T02:00:00Z', ['RANK_LIST_DEADLINE_REQUIREMENTS_UNMET']],
    ['a minute after 9 p.m. ET', '2027-03-04T02:01:00Z', ['RANK_LIST_DEADLINE_MISSED']],
  ])('on the deadline day, %s (%s): %j', (_label, instant, expected) =>
    expect(codesOn('2027-03-03', applying, new Date(instant))).toEqual(expected),
  );

  it('says the deadline with its hour, and what a passed one means', () => {
    const [ahead] = rankListFindings(applying, CALENDAR, '2027-03-01', PATHWAY_RULES);
    expect(ahead).toMatchObject({ date: '2027-03-03', at: AT, season: 2027, severity: 'blocker' });
    expect(ahead.message).toBe(
      'Have the exam requirements verified by ECFMG by 2027-03-03 at 9:00 p.m. ET (the 2027 rank order list deadline, 2 days) to take part in that Match: results must be reported by then, not only the exams taken',
    );
    const [gone] = rankListFindings(applying, CALENDAR, '2027-03-10', PATHWAY_RULES);
    expect(gone.message).toBe(
      "ECFMG had not verified the exam requirements by the 2027 rank order list deadline (2027-03-03 at 9:00 p.m. ET): the 2027 Match and its SOAP are out of reach; record the application's result once NRMP confirms it",
    );
  });

  // Step 2 CK's result is reported about 28 days after the test: the last day to test is 2027-02-03.
  it.each([
    ['29 days before the deadline', '2027-02-02', true],
    ['28 days before (the last test day with a result in time)', '2027-02-03', true],
    ['27 days before', '2027-02-04', false],
    ['on the deadline day', '2027-03-03', false],
  ])('a pass from a test %s (%s) counts by its result: met %s', (_label, day, met) => {
    expect(certificationStatusReportedBy(metBy(day), PATHWAY_RULES, '2027-03-03').examsMet).toBe(met);
    expect(codesOn('2027-04-01', metBy(day))).toEqual(met ? [] : ['RANK_LIST_DEADLINE_MISSED']);
  });

  it.each([
    ['booked the day before the last test day', '2027-02-02', 'scheduled', []],
    ['booked on the last test day', '2027-02-03', 'scheduled', []],
    ['booked the day after it', '2027-02-04', 'scheduled', ['RESULT_AFTER_RANK_LIST_DEADLINE']],
    [
      'taken the day after it, awaiting its result',
      '2027-02-04',
      'result_pending',
      ['RESULT_AFTER_RANK_LIST_DEADLINE'],
    ],
  ] as const)('Step 2 CK %s (%s), two months ahead: %j', (_label, day, status, expected) => {
    expect(codesOn('2026-12-01', metBy(day, status))).toEqual(expected);
  });

  it('names the last sensible test day for a booked exam whose result cannot arrive in time', () => {
    const [late] = rankListFindings(metBy('2027-02-20', 'scheduled'), CALENDAR, '2027-01-10', PATHWAY_RULES);
    expect(late).toMatchObject({
      code: 'RESULT_AFTER_RANK_LIST_DEADLINE',
      severity: 'warning',
      exam: 'USMLE_STEP2_CK',
      date: '2027-02-03',
      at: AT,
      season: 2027,
      rule: { id: 'usmle-result-lead-time', source: 'https://usmle.org/announcements/?ContentId=241' },
    });
    expect(late.message).toBe(
      'Step 2 CK on 2027-02-20: its result (usually 28 days after the test) would come after the 2027 rank order list deadline (2027-03-03 at 9:00 p.m. ET); the last test day with a result in time is 2027-02-03',
    );
    // Within 60 days the unmet requirements are a blocker too.
    expect(codesOn('2027-02-10', metBy('2027-02-20', 'scheduled'))).toEqual([
      'RESULT_AFTER_RANK_LIST_DEADLINE',
      'RANK_LIST_DEADLINE_REQUIREMENTS_UNMET',
    ]);
  });

  it('warns of an OET Medicine sat after the deadline (no lead time is modelled for it), not of an undated booking', () => {
    const oetLate = records({
      matchApplications: [application({ season: 2027 })],
      exams: [
        attempt('2025-01-10', 'passed'),
        attempt('2025-06-10', 'passed', { exam: 'USMLE_STEP2_CK' }),
        exam({ exam: 'OET_MEDICINE', status: 'scheduled', scheduledDate: '2027-03-04' }),
        exam({ exam: 'USMLE_STEP1', status: 'scheduled', scheduledDate: null }),
      ],
      credentials: credentials({ ecfmgPathwayStatus: 'validated', ecfmgPathwayCycle: 2027 }),
    });
    expect(rankListFindings(oetLate, CALENDAR, '2026-12-01', PATHWAY_RULES)).toEqual([
      expect.objectContaining({ code: 'RESULT_AFTER_RANK_LIST_DEADLINE', exam: 'OET_MEDICINE', date: '2027-03-03' }),
    ]);
    const pendingStep1 = records({ ...applying, exams: [attempt('2027-02-20', 'taken')] });
    expect(rankListFindings(pendingStep1, CALENDAR, '2026-12-01', PATHWAY_RULES)).toEqual([
      expect.objectContaining({ exam: 'USMLE_STEP1', date: '2027-02-03' }),
    ]);
  });

  it('judges the requirements as they stood on the deadline, not as they stand now', () => {
    const lateStep2 = records({
      matchApplications: [application({ season: 2026 })],
      exams: [attempt('2025-01-10', 'passed'), attempt('2026-04-01', 'passed', { exam: 'USMLE_STEP2_CK' })],
      credentials: credentials({ step2CsPassedAt: '2020-06-01' }),
    });
    expect(codesOn('2026-04-15', lateStep2)).toEqual(['RANK_LIST_DEADLINE_MISSED']);
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
    expect(codesOn('2026-04-15', oetLate)).toEqual(['RANK_LIST_DEADLINE_MISSED']);
  });

  // A recorded result date is used instead of the lead time, whichever way it falls.
  it.each([
    ['the day before the deadline', '2027-03-02', true],
    ['the deadline day', '2027-03-03', true],
    ['the day after', '2027-03-04', false],
  ])('a Step 2 CK sat on 2027-02-25 with its result recorded %s (%s) counts: %s', (_label, resultDate, met) => {
    const r = records({
      ...metBy('2027-02-25'),
      exams: [attempt('2025-01-10', 'passed'), attempt('2027-02-25', 'passed', { exam: 'USMLE_STEP2_CK', resultDate })],
    });
    expect(certificationStatusReportedBy(r, PATHWAY_RULES, '2027-03-03').examsMet).toBe(met);
  });

  // An accepted Pathway (with OET Medicine) meets the clinical skills requirement from its acceptance date.
  it.each([
    ['the day before the deadline', '2027-03-02', true],
    ['the deadline day', '2027-03-03', true],
    ['the day after', '2027-03-04', false],
    ['no date recorded (counted as accepted)', null, true],
  ])('a Pathway accepted %s (%s) counts by the deadline: %s', (_label, acceptedAt, met) => {
    const r = records({
      matchApplications: [application({ season: 2027 })],
      exams: [
        attempt('2025-01-10', 'passed'),
        attempt('2025-06-10', 'passed', { exam: 'USMLE_STEP2_CK' }),
        attempt('2026-01-20', 'passed', {
          exam: 'OET_MEDICINE',
          oetScores: { listening: 400, reading: 400, writing: 400, speaking: 400 },
        }),
      ],
      credentials: credentials({
        ecfmgPathway: 1,
        ecfmgPathwayStatus: 'validated',
        ecfmgPathwayCycle: 2027,
        ecfmgPathwayAcceptedAt: acceptedAt,
      }),
    });
    expect(certificationStatusReportedBy(r, PATHWAY_RULES, '2027-03-03').clinicalSkills).toBe(met);
    expect(certificationStatus(r, PATHWAY_RULES).clinicalSkills).toBe(true);
  });

  it('counts an undated pass nowhere', () => {
    const undated = records({
      ...metBy('2025-06-10'),
      exams: [attempt('2025-01-10', 'passed'), exam({ exam: 'USMLE_STEP2_CK', status: 'passed', testDate: null })],
    });
    expect(certificationStatusReportedBy(undated, PATHWAY_RULES, '2027-03-03').step2ck).toBe(false);
  });

  it('is silent when the requirements are met, the application is decided, or the season is unknown', () => {
    expect(codesOn('2027-02-01', metBy('2025-06-10'))).toEqual([]);
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
