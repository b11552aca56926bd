import { attemptFindings, attemptsAt, refusalsForNewAttempt } from './attempts';
import { attempt, exam } from './pathway.factories';
import { ExamRecord } from './records';
import { PATHWAY_RULES } from './rules';

const codes = (exams: ExamRecord[], date: string, step: 'USMLE_STEP1' | 'USMLE_STEP2_CK' = 'USMLE_STEP1') =>
  refusalsForNewAttempt(exams, step, date, PATHWAY_RULES).map((f) => f.code);

describe(refusalsForNewAttempt.name, () => {
  it('allows a first attempt', () => {
    expect(codes([], '2026-05-01')).toEqual([]);
  });

  it('refuses a new attempt at a passed Step', () => {
    expect(codes([attempt('2025-01-10', 'passed')], '2026-05-01')).toEqual(['PASSED_STEP_NOT_RETAKEN']);
    expect(codes([exam({ status: 'passed' })], '2026-05-01')).toEqual(['PASSED_STEP_NOT_RETAKEN']);
  });

  it('lets a pass older than 7 years be taken again (the ECFMG window requires it)', () => {
    // The window's last day is 2025-01-10 (7 years after the pass); the day after, it has closed.
    expect(codes([attempt('2018-01-10', 'passed')], '2025-01-10')).toEqual(['PASSED_STEP_NOT_RETAKEN']);
    expect(codes([attempt('2018-01-10', 'passed')], '2025-01-11')).toEqual([]);
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
    expect(codes(four, '2026-05-01')).toEqual(['ATTEMPT_LIMIT_REACHED']);
  });

  it('judges an attempt before 1 July 2021 by the six-attempt rule of its day', () => {
    const four = ['2016-01-10', '2016-08-10', '2017-03-10', '2018-04-10'].map((d) => attempt(d, 'incomplete'));
    expect(codes(four, '2021-06-30')).toEqual([]);
    expect(codes(four, '2021-07-01')).toEqual(['ATTEMPT_LIMIT_REACHED']);
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
      const [finding] = refusalsForNewAttempt(three, 'USMLE_STEP1', '2025-12-01', PATHWAY_RULES);
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

  it('sorts attempts by date', () => {
    expect(
      attemptsAt([attempt('2025-03-01'), attempt('2024-03-01'), attempt('2025-01-01')], 'USMLE_STEP1').map(
        (e) => e.testDate,
      ),
    ).toEqual(['2024-03-01', '2025-01-01', '2025-03-01']);
  });
});
