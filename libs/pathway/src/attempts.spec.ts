import {
  attemptFindings,
  attemptsAt,
  chronologically,
  passedStepRetakeReason,
  refusalsForNewAttempt,
} from './attempts';
import { attempt, exam } from './pathway.factories';
import { ExamRecord, UsmleStep } from './records';
import { PATHWAY_RULES } from './rules';

const TODAY = '2026-06-01';
const codes = (exams: ExamRecord[], date: string, step: UsmleStep = 'USMLE_STEP1', today = TODAY) =>
  refusalsForNewAttempt(exams, step, date, PATHWAY_RULES, today).map((f) => f.code);

describe(refusalsForNewAttempt.name, () => {
  it('allows a first attempt', () => {
    expect(codes([], '2026-05-01')).toEqual([]);
  });

  it('refuses a new attempt at a passed Step', () => {
    expect(codes([attempt('2025-01-10', 'passed')], '2026-05-01')).toEqual(['PASSED_STEP_NOT_RETAKEN']);
    expect(codes([exam({ status: 'passed' })], '2026-05-01')).toEqual(['PASSED_STEP_NOT_RETAKEN']);
  });

  describe("retaking a passed Step: only when ECFMG's 7-year window has made the pass stop counting", () => {
    const step1 = (d: string) => attempt(d, 'passed');
    const ck = (d: string) => attempt(d, 'passed', { exam: 'USMLE_STEP2_CK' });
    // Step 1 passed 2018-01-10: its window runs through 2025-01-10.
    it.each([
      ['alone, the day before its window ends', [step1('2018-01-10')], '2025-01-09', ['PASSED_STEP_NOT_RETAKEN']],
      ['alone, on its last day', [step1('2018-01-10')], '2025-01-10', ['PASSED_STEP_NOT_RETAKEN']],
      ['alone, the day after', [step1('2018-01-10')], '2025-01-11', []],
      [
        'with Step 2 CK passed within the window',
        [step1('2018-01-10'), ck('2020-03-01')],
        '2026-05-01',
        ['PASSED_STEP_NOT_RETAKEN'],
      ],
      [
        'with Step 2 CK passed on its last day',
        [step1('2018-01-10'), ck('2025-01-10')],
        '2026-05-01',
        ['PASSED_STEP_NOT_RETAKEN'],
      ],
      ['with Step 2 CK passed the day after it', [step1('2018-01-10'), ck('2025-01-11')], '2026-05-01', []],
      [
        'with Step 2 CK passed 7 years before, to the day',
        [step1('2018-01-10'), ck('2011-01-10')],
        '2026-05-01',
        ['PASSED_STEP_NOT_RETAKEN'],
      ],
      [
        'with Step 2 CK passed the day before that (its own window ended first)',
        [step1('2018-01-10'), ck('2011-01-09')],
        '2026-05-01',
        [],
      ],
      [
        'with Step 2 CK passed after the date judged (not yet on record then)',
        [step1('2018-01-10'), ck('2025-06-01')],
        '2025-03-01',
        [],
      ],
      [
        "after a retake, by the retake's pass",
        [step1('2010-01-10'), step1('2018-03-01')],
        '2025-03-01',
        ['PASSED_STEP_NOT_RETAKEN'],
      ],
    ])('Step 1 passed %s (%s)', (_label, exams, date, expected) => {
      expect(codes(exams, date)).toEqual(expected);
      expect(codes([...exams].reverse(), date)).toEqual(expected);
    });

    it('lets the other Step be retaken when its pass is the one that stopped counting', () => {
      expect(codes([step1('2018-01-10'), ck('2011-01-09')], '2026-05-01', 'USMLE_STEP2_CK')).toEqual([]);
      expect(codes([step1('2018-01-10'), ck('2020-03-01')], '2026-05-01', 'USMLE_STEP2_CK')).toEqual([
        'PASSED_STEP_NOT_RETAKEN',
      ]);
    });

    it('never retakes a passed Step 3 (ECFMG does not require it; no state board limit is on record)', () => {
      const step3 = attempt('2010-01-10', 'passed', { exam: 'USMLE_STEP3' });
      expect(codes([step3], '2026-05-01', 'USMLE_STEP3')).toEqual(['PASSED_STEP_NOT_RETAKEN']);
    });

    it('names the pass it refuses over and cites the USMLE rule', () => {
      const [f] = refusalsForNewAttempt(
        [step1('2018-01-10'), ck('2020-03-01')],
        'USMLE_STEP1',
        '2026-05-01',
        PATHWAY_RULES,
        TODAY,
      );
      expect(f).toMatchObject({ exam: 'USMLE_STEP1', date: '2018-01-10', rule: { id: 'usmle-passed-not-retaken' } });
    });
  });

  describe('the passed pass a retake is judged by', () => {
    it('cites the ECFMG 7-year rule as the reason it is allowed', () => {
      const pass = attempt('2018-01-10', 'passed');
      expect(passedStepRetakeReason([pass], 'USMLE_STEP1', pass, '2025-01-11', PATHWAY_RULES)).toMatchObject({
        id: 'ecfmg-seven-year-retake',
      });
      const undated = exam({ status: 'passed' });
      expect(passedStepRetakeReason([undated], 'USMLE_STEP1', undated, '2025-01-11', PATHWAY_RULES)).toBeNull();
    });
  });

  it('does not bar the other Steps when the failing Step was passed in the end, or for failures after the date', () => {
    const failedThenPassed = ['2018-01-10', '2018-06-10', '2018-12-10', '2019-06-10', '2019-12-10'].map((d) =>
      attempt(d, 'failed', { exam: 'USMLE_STEP2_CK' }),
    );
    expect(
      codes([...failedThenPassed, attempt('2020-06-10', 'passed', { exam: 'USMLE_STEP2_CK' })], '2026-05-01'),
    ).toEqual([]);
    const laterFailures = ['2022-01-10', '2022-06-10', '2022-12-10', '2024-01-20'].map((d) =>
      attempt(d, 'failed', { exam: 'USMLE_STEP2_CK' }),
    );
    expect(codes(laterFailures, '2021-09-01')).toEqual([]);
  });

  it('lets the history before a pass be recorded (the failure that came first)', () => {
    expect(codes([attempt('2025-01-10', 'passed')], '2024-06-01')).toEqual([]);
  });

  describe('the all-Steps bar: four attempts at one Step without a pass, incomplete ones included', () => {
    // Step 1: three failures and an incomplete attempt on 2024-01-20.
    const history = [
      attempt('2022-01-10'),
      attempt('2022-06-10'),
      attempt('2022-12-10'),
      attempt('2024-01-20', 'incomplete'),
    ];
    it.each([
      ['the day before the incomplete attempt', '2024-01-19', []],
      ['the day of it', '2024-01-20', []],
      ['the day after it', '2024-01-21', ['ALL_STEPS_BARRED']],
      ['years later', '2026-05-01', ['ALL_STEPS_BARRED']],
    ])('Step 2 CK booked %s (%s): %j', (_label, date, expected) => {
      expect(codes(history, date, 'USMLE_STEP2_CK')).toEqual(expected);
    });

    it('names the Step and says incomplete attempts count', () => {
      const [f] = refusalsForNewAttempt(history, 'USMLE_STEP2_CK', '2026-05-01', PATHWAY_RULES, TODAY);
      expect(f).toMatchObject({ code: 'ALL_STEPS_BARRED', exam: 'USMLE_STEP1', rule: { id: 'usmle-attempt-limit-4' } });
      expect(f.message).toContain('incomplete');
    });

    it("waits for a fourth attempt's result, and lifts for a Step passed in the end", () => {
      const pending = [...history.slice(0, 3), attempt('2024-01-20', 'result_pending')];
      expect(codes(pending, '2026-05-01', 'USMLE_STEP2_CK')).toEqual([]);
      expect(codes([...history, attempt('2024-09-01', 'passed')], '2026-05-01', 'USMLE_STEP2_CK')).toEqual([]);
    });

    it.each([
      ['the day before the limit fell to four', '2021-06-30', []],
      ['the day it did', '2021-07-01', ['ALL_STEPS_BARRED']],
    ])('four attempts before 2021, a Step 2 CK booked %s (%s): %j', (_label, date, expected) => {
      const old = ['2016-01-10', '2016-08-10', '2017-03-10']
        .map((d) => attempt(d))
        .concat(attempt('2018-04-10', 'incomplete'));
      expect(codes(old, date, 'USMLE_STEP2_CK')).toEqual(expected);
    });
  });

  it('bars every Step after four failures at one (applications from 1 July 2021)', () => {
    const fourFailures = ['2022-01-10', '2022-06-10', '2022-12-10', '2023-12-20'].map((d) =>
      attempt(d, 'failed', { exam: 'USMLE_STEP2_CK' }),
    );
    expect(codes(fourFailures, '2026-05-01', 'USMLE_STEP1')).toEqual(['ALL_STEPS_BARRED']);
  });

  it('counts incomplete attempts toward the limit of four', () => {
    const four = [
      attempt('2022-01-10', 'incomplete'),
      attempt('2022-06-10'),
      attempt('2022-12-10'),
      attempt('2024-01-20', 'incomplete'),
    ];
    // Four attempts without a pass also bar every Step: that refusal is the one named.
    expect(codes(four, '2026-05-01')).toEqual(['ALL_STEPS_BARRED']);
    const threeAndPending = [...four.slice(0, 3), attempt('2024-01-20', 'result_pending')];
    expect(codes(threeAndPending, '2026-05-01')).toEqual(['ATTEMPT_LIMIT_REACHED']);
  });

  it('judges an attempt before 1 July 2021 by the six-attempt rule of its day', () => {
    const four = ['2016-01-10', '2016-08-10', '2017-03-10', '2018-04-10'].map((d) => attempt(d, 'incomplete'));
    expect(codes(four, '2021-06-30')).toEqual([]);
    expect(codes(four, '2021-07-01')).toEqual(['ALL_STEPS_BARRED']);
  });

  describe('three attempts in 12 months', () => {
    const three = [attempt('2025-01-15'), attempt('2025-03-15'), attempt('2025-06-15')];
    it.each([
      [
        'the day before 12 months after the first of them',
        '2026-01-14',
        ['THREE_ATTEMPTS_IN_12_MONTHS', 'FOURTH_ATTEMPT_TOO_SOON_AFTER_FIRST'],
      ],
      ['12 months after it', '2026-01-15', []],
      ['the day after', '2026-01-16', []],
    ])('on %s (%s): %j', (_label, date, expected) => {
      expect(codes(three, date)).toEqual(expected);
    });

    it('names the earliest allowed date', () => {
      const [finding] = refusalsForNewAttempt(three, 'USMLE_STEP1', '2025-12-01', PATHWAY_RULES, TODAY);
      expect(finding).toMatchObject({
        code: 'THREE_ATTEMPTS_IN_12_MONTHS',
        date: '2026-01-15',
        rule: { id: 'usmle-retake-spacing' },
      });
      expect(finding.message).toContain('2026-01-15');
    });
  });

  describe('a fourth attempt: 12 months after the first, 6 after the last', () => {
    const three = [attempt('2024-01-10'), attempt('2024-03-10'), attempt('2024-11-20')];
    it.each([
      ['the day before 6 months after the last', '2025-05-19', ['FOURTH_ATTEMPT_TOO_SOON_AFTER_LAST']],
      ['6 months after the last', '2025-05-20', []],
    ])('%s (%s): %j', (_label, date, expected) => expect(codes(three, date)).toEqual(expected));

    it('on the day before 12 months after the first', () => {
      const close = [attempt('2024-06-10'), attempt('2024-06-20'), attempt('2024-06-30')];
      expect(codes(close, '2025-06-09')).toEqual([
        'THREE_ATTEMPTS_IN_12_MONTHS',
        'FOURTH_ATTEMPT_TOO_SOON_AFTER_FIRST',
      ]);
      // On the anniversary both rules let it through: the first attempt leaves the 12-month window.
      expect(codes(close, '2025-06-10')).toEqual([]);
    });
  });

  describe('a booking whose day has gone by with no result counts for the spacing', () => {
    // Two failures, and a booking on 2026-05-10 whose result is not recorded.
    const booked = (status: ExamRecord['status'] = 'scheduled') => exam({ status, scheduledDate: '2026-05-10' });
    const history = (status?: ExamRecord['status']) => [attempt('2026-01-10'), attempt('2026-03-10'), booked(status)];
    it.each([
      ['the day before the booked day', '2026-05-09', []],
      ['the booked day itself', '2026-05-10', []],
      [
        'the day after it',
        '2026-05-11',
        ['THREE_ATTEMPTS_IN_12_MONTHS', 'FOURTH_ATTEMPT_TOO_SOON_AFTER_FIRST', 'FOURTH_ATTEMPT_TOO_SOON_AFTER_LAST'],
      ],
    ])('a new booking on 2026-07-01, judged on %s (%s): %j', (_label, today, expected) => {
      expect(codes(history(), '2026-07-01', 'USMLE_STEP1', today)).toEqual(expected);
    });

    it('names the dates counted from the booked day', () => {
      const found = refusalsForNewAttempt(history(), 'USMLE_STEP1', '2026-07-01', PATHWAY_RULES, TODAY);
      expect(found.map((f) => f.date)).toEqual(['2027-01-10', '2027-01-10', '2026-11-10']);
    });

    it('stops counting once the record says otherwise (cancelled, or moved ahead)', () => {
      expect(codes(history('cancelled'), '2026-07-01')).toEqual([]);
      const moved = [
        attempt('2026-01-10'),
        attempt('2026-03-10'),
        exam({ status: 'scheduled', scheduledDate: '2026-08-10' }),
      ];
      expect(codes(moved, '2026-07-01')).toEqual([]);
    });

    it('does not count toward the attempt limit or the all-Steps bar', () => {
      const three = ['2022-01-10', '2022-06-10', '2022-12-10'].map((d) => attempt(d));
      const lapsed = exam({ status: 'scheduled', scheduledDate: '2024-01-20' });
      expect(codes([...three, lapsed], '2026-05-01')).toEqual([]);
      expect(codes([...three, lapsed], '2026-05-01', 'USMLE_STEP2_CK')).toEqual([]);
    });
  });

  it('ignores attempts after the date judged, and plans', () => {
    expect(
      codes([attempt('2027-01-01'), exam({ status: 'scheduled', scheduledDate: '2026-06-01' })], '2026-05-01'),
    ).toEqual([]);
  });
});

describe(attemptFindings.name, () => {
  const findings = (exams: ExamRecord[], today = '2026-06-01') => attemptFindings(exams, today, PATHWAY_RULES);

  it('warns when the third attempt at a Step is used', () => {
    const [f] = findings([attempt('2024-01-10'), attempt('2024-06-10'), attempt('2025-02-10')]);
    expect(f).toMatchObject({ code: 'THIRD_ATTEMPT_USED', severity: 'warning' });
    expect(f.message).toContain('Step 1');
  });

  it('blocks when all attempts are used, and bars every Step after four failures', () => {
    const four = ['2022-01-10', '2022-06-10', '2022-12-10', '2024-01-20'].map((d) => attempt(d));
    expect(findings(four).map((f) => f.code)).toEqual(['ATTEMPT_LIMIT_REACHED', 'ALL_STEPS_BARRED']);
  });

  it('bars every Step after three failures and an incomplete attempt at one', () => {
    const history = [attempt('2022-01-10'), attempt('2022-06-10'), attempt('2022-12-10')];
    history.push(attempt('2024-01-20', 'incomplete'));
    const plan = exam({ exam: 'USMLE_STEP2_CK', status: 'planned' });
    expect(findings([...history, plan]).map((f) => f.code)).toEqual(['ATTEMPT_LIMIT_REACHED', 'ALL_STEPS_BARRED']);
  });

  it('waits for the result of a last attempt before blocking', () => {
    const pending = ['2022-01-10', '2022-06-10', '2022-12-10']
      .map((d) => attempt(d))
      .concat(attempt('2024-01-20', 'result_pending'));
    expect(findings(pending).map((f) => [f.code, f.severity])).toEqual([['LAST_ATTEMPT_PENDING', 'warning']]);
  });

  it('says nothing about a passed Step, or fewer than three attempts', () => {
    expect(findings([attempt('2024-01-10'), attempt('2024-06-10'), attempt('2025-02-10', 'passed')])).toEqual([]);
    expect(findings([attempt('2024-01-10'), attempt('2024-06-10')])).toEqual([]);
  });

  it('judges each planned attempt by its date, or today when unscheduled', () => {
    const history = [attempt('2025-09-10'), attempt('2025-12-10'), attempt('2026-03-10')];
    const plan = exam({ status: 'scheduled', scheduledDate: '2026-07-01' });
    const result = findings([...history, plan]);
    expect(result.map((f) => f.code)).toEqual([
      'THIRD_ATTEMPT_USED',
      'THREE_ATTEMPTS_IN_12_MONTHS',
      'FOURTH_ATTEMPT_TOO_SOON_AFTER_FIRST',
      'FOURTH_ATTEMPT_TOO_SOON_AFTER_LAST',
    ]);
    expect(result[1].examId).toBe(plan.id);
    const unscheduled = exam({ status: 'planned' });
    expect(findings([...history, unscheduled]).map((f) => f.code)).toContain('FOURTH_ATTEMPT_TOO_SOON_AFTER_LAST');
  });

  it('does not repeat used-up limits for each plan, and leaves OET alone', () => {
    const four = ['2022-01-10', '2022-06-10', '2022-12-10', '2024-01-20'].map((d) => attempt(d));
    const result = findings([...four, exam({ status: 'planned' }), exam({ exam: 'OET_MEDICINE', status: 'planned' })]);
    expect(result.map((f) => f.code)).toEqual(['ATTEMPT_LIMIT_REACHED', 'ALL_STEPS_BARRED']);
  });

  it('orders records by test date, then booked date, then id; an undated one first', () => {
    const a = exam({ id: 'a', testDate: '2025-01-01' });
    const b = exam({ id: 'b', testDate: '2025-01-01' });
    const booked = exam({ id: 'c', scheduledDate: '2024-01-01' });
    expect([b, a, booked].sort(chronologically).map((e) => e.id)).toEqual(['c', 'a', 'b']);
    expect(chronologically(a, a)).toBe(0);
    expect(chronologically(exam({ id: 'x', scheduledDate: '2024-02-01' }), booked)).toBe(1);
  });

  it('sorts attempts by date', () => {
    expect(
      attemptsAt([attempt('2025-03-01'), attempt('2024-03-01'), attempt('2025-01-01')], 'USMLE_STEP1').map(
        (e) => e.testDate,
      ),
    ).toEqual(['2024-03-01', '2025-01-01', '2025-03-01']);
  });
});
