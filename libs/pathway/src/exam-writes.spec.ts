import { refusalsForExamWrite } from './exam-writes';
import { attempt, exam } from './pathway.factories';
import { PATHWAY_RULES } from './rules';

const TODAY = '2026-06-01';
const refusals = (
  existing: Parameters<typeof refusalsForExamWrite>[0],
  record: Parameters<typeof refusalsForExamWrite>[1],
  rules = PATHWAY_RULES,
  today = TODAY,
) => refusalsForExamWrite(existing, record, rules, today).map((f) => f.code);

describe(refusalsForExamWrite.name, () => {
  const window = { eligibilityStart: '2026-02-01', eligibilityEnd: '2026-04-30' };

  it.each([
    ['the day before the window opens', '2026-01-31', ['TEST_DATE_BEFORE_ELIGIBILITY']],
    ['the day it opens', '2026-02-01', []],
    ['the day it closes', '2026-04-30', []],
    ['the day after it closes', '2026-05-01', ['TEST_DATE_AFTER_ELIGIBILITY']],
  ])('judges a test %s (%s)', (_label, date, expected) => {
    expect(refusals([], exam({ ...window, status: 'scheduled', scheduledDate: date }), PATHWAY_RULES)).toEqual(
      expected,
    );
  });

  it('lets an extension move the end of the window', () => {
    expect(
      refusals(
        [],
        exam({ ...window, extensionEnd: '2026-07-31', status: 'scheduled', scheduledDate: '2026-07-15' }),
        PATHWAY_RULES,
      ),
    ).toEqual([]);
  });

  it('prefers the test date to the scheduled date, and ignores cancelled records', () => {
    expect(
      refusals(
        [],
        exam({ ...window, status: 'failed', scheduledDate: '2026-03-01', testDate: '2026-05-10' }),
        PATHWAY_RULES,
      ),
    ).toEqual(['TEST_DATE_AFTER_ELIGIBILITY']);
    expect(refusals([], exam({ ...window, status: 'cancelled', scheduledDate: '2026-06-01' }), PATHWAY_RULES)).toEqual(
      [],
    );
  });

  it('refuses a fifth attempt and a new attempt at a passed Step, but not the edit of the passed one itself', () => {
    const four = ['2022-01-10', '2022-06-10', '2022-12-10'].map((d) => attempt(d, 'incomplete'));
    four.push(attempt('2024-01-20', 'result_pending'));
    expect(refusals(four, exam({ status: 'scheduled', scheduledDate: '2026-05-01' }), PATHWAY_RULES)).toEqual([
      'ATTEMPT_LIMIT_REACHED',
    ]);
    const pass = attempt('2025-01-10', 'passed');
    expect(refusals([pass], exam({ status: 'scheduled', scheduledDate: '2026-05-01' }), PATHWAY_RULES)).toEqual([
      'PASSED_STEP_NOT_RETAKEN',
    ]);
    expect(refusals([pass], { ...pass, verified: false }, PATHWAY_RULES)).toEqual([]);
  });

  it('refuses any Step after three failures and an incomplete attempt at one (the all-Steps bar)', () => {
    const history = [
      attempt('2022-01-10'),
      attempt('2022-06-10'),
      attempt('2022-12-10'),
      attempt('2024-01-20', 'incomplete'),
    ];
    expect(
      refusals(history, exam({ exam: 'USMLE_STEP2_CK', status: 'scheduled', scheduledDate: '2026-07-01' })),
    ).toEqual(['ALL_STEPS_BARRED']);
    expect(refusals(history, exam({ exam: 'USMLE_STEP2_CK' }))).toEqual(['ALL_STEPS_BARRED']);
  });

  it.each([
    ['the day before the booked day', '2026-05-09', []],
    ['the booked day', '2026-05-10', []],
    [
      'the day after it',
      '2026-05-11',
      ['THREE_ATTEMPTS_IN_12_MONTHS', 'FOURTH_ATTEMPT_TOO_SOON_AFTER_FIRST', 'FOURTH_ATTEMPT_TOO_SOON_AFTER_LAST'],
    ],
  ])('spaces a new booking from one whose day went by with no result, judged %s (%s)', (_label, today, expected) => {
    const history = [
      attempt('2026-01-10'),
      attempt('2026-03-10'),
      exam({ status: 'scheduled', scheduledDate: '2026-05-10' }),
    ];
    expect(refusals(history, exam({ status: 'scheduled', scheduledDate: '2026-07-01' }), PATHWAY_RULES, today)).toEqual(
      expected,
    );
  });

  it('refuses a retake of a passed Step unless the ECFMG 7-year window made the pass stop counting', () => {
    const step1 = attempt('2018-01-10', 'passed');
    const retake = exam({ status: 'scheduled', scheduledDate: '2026-07-01' });
    expect(refusals([step1], retake)).toEqual([]);
    expect(refusals([step1, attempt('2020-03-01', 'passed', { exam: 'USMLE_STEP2_CK' })], retake)).toEqual([
      'PASSED_STEP_NOT_RETAKEN',
    ]);
  });

  it.each([
    ['the day before Step 1 became pass/fail', '2022-01-25', []],
    ['the day it did', '2022-01-26', ['STEP1_IS_PASS_FAIL']],
    ['after', '2023-06-01', ['STEP1_IS_PASS_FAIL']],
  ])('judges a Step 1 score from %s (%s)', (_label, testDate, expected) => {
    expect(refusals([], attempt(testDate, 'passed', { score: 231 }), PATHWAY_RULES)).toEqual(expected);
  });

  it('lets Step 2 CK carry its score, and OET skip the attempt rules', () => {
    expect(
      refusals([], attempt('2025-05-01', 'passed', { exam: 'USMLE_STEP2_CK', score: 245 }), PATHWAY_RULES),
    ).toEqual([]);
    const oets = ['2024-01-10', '2024-02-10', '2024-03-10', '2024-04-10'].map((d) =>
      attempt(d, 'failed', { exam: 'OET_MEDICINE' }),
    );
    expect(refusals(oets, attempt('2024-05-10', 'failed', { exam: 'OET_MEDICINE' }), PATHWAY_RULES)).toEqual([]);
  });

  it('judges an undated plan as of today', () => {
    expect(refusals([], exam(), PATHWAY_RULES)).toEqual([]);
    // A planned Step 1 today would be pass/fail: no score.
    expect(refusals([], exam({ score: 220 }), PATHWAY_RULES)).toEqual(['STEP1_IS_PASS_FAIL']);
    expect(refusals([attempt('2025-01-10', 'passed')], exam(), PATHWAY_RULES)).toEqual(['PASSED_STEP_NOT_RETAKEN']);
    // A taken record with no date is left to input validation.
    expect(refusals([], exam({ status: 'failed', score: 220 }), PATHWAY_RULES)).toEqual([]);
  });

  it('checks the score against the scheduled date when there is no test date yet', () => {
    expect(refusals([], exam({ status: 'scheduled', scheduledDate: '2026-09-01', score: 200 }), PATHWAY_RULES)).toEqual(
      ['STEP1_IS_PASS_FAIL'],
    );
  });
});
