import fc from 'fast-check';
import { attemptFindings, latestPass, refusalsForNewAttempt } from './attempts';
import { sevenYearDeadline, sevenYearFindings } from './deadlines';
import { evaluatePathway } from './evaluate';
import { oetVerdict } from './oet';
import { attempt, CALENDAR, credentials, records } from './pathway.factories';
import { EXAM_STATUSES, EXAMS, ExamRecord, USMLE_STEPS } from './records';
import { certificationStatus } from './requirements';
import { PATHWAY_RULES } from './rules';

const TODAY = '2026-06-01';
const DATES = [
  null,
  '2015-01-10',
  '2018-01-10',
  '2021-06-30',
  '2021-07-01',
  '2023-06-01',
  '2024-02-01',
  '2026-05-10',
  '2026-07-01',
];

/** A client's exam rows, every id distinct, several of them on the same day. */
const examRows = fc
  .array(
    fc.record({
      exam: fc.constantFrom(...EXAMS),
      status: fc.constantFrom(...EXAM_STATUSES),
      testDate: fc.constantFrom(...DATES),
      scheduledDate: fc.constantFrom(...DATES),
      oet: fc.boolean(),
    }),
    { maxLength: 9 },
  )
  .map((rows) =>
    rows.map((row, i): ExamRecord =>
      attempt(row.testDate as string, row.status, {
        id: `row-${i}`,
        exam: row.exam,
        testDate: row.testDate,
        scheduledDate: row.scheduledDate,
        oetScores:
          row.exam === 'OET_MEDICINE' && row.oet ? { listening: 400, reading: 400, writing: 350, speaking: 400 } : null,
      }),
    ),
  );

/** The rows and the same rows in another order. */
const rowsTwice = examRows.chain((rows) =>
  fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
);

/** Everything the engine answers about exams, for one order of the rows. */
function answers(exams: ExamRecord[]) {
  const r = records({ exams, credentials: credentials({ ecfmgPathwayCycle: 2025 }) });
  const status = certificationStatus(r, PATHWAY_RULES);
  return {
    latestPasses: EXAMS.map((exam) => latestPass(exams, exam)?.id ?? null),
    refusals: USMLE_STEPS.flatMap((step) =>
      ['2021-07-01', '2024-02-01', '2026-07-01'].map((date) =>
        refusalsForNewAttempt(exams, step, date, PATHWAY_RULES, TODAY),
      ),
    ),
    attemptFindings: attemptFindings(exams, TODAY, PATHWAY_RULES),
    oet: oetVerdict(exams, r.credentials, PATHWAY_RULES).valid?.id ?? null,
    status,
    statusAsOf: certificationStatus(r, PATHWAY_RULES, '2024-02-01'),
    sevenYearDeadline: sevenYearDeadline(r, PATHWAY_RULES),
    sevenYearFindings: sevenYearFindings(r, status, TODAY, PATHWAY_RULES),
  };
}

describe('whatever order the records come in', () => {
  it('the exam rules give the same answer', () => {
    fc.assert(
      fc.property(rowsTwice, ([rows, shuffled]) => {
        expect(answers(shuffled)).toEqual(answers(rows));
      }),
      { numRuns: 500 },
    );
  });

  it('the whole evaluation gives the same answer', () => {
    fc.assert(
      fc.property(rowsTwice, ([rows, shuffled]) => {
        const evaluate = (exams: ExamRecord[]) =>
          evaluatePathway(records({ exams }), CALENDAR, PATHWAY_RULES, new Date(`${TODAY}T12:00:00Z`));
        expect(evaluate(shuffled)).toEqual(evaluate(rows));
      }),
      { numRuns: 300 },
    );
  });

  describe('a Step retaken after the 7-year window closed', () => {
    // Step 1 passed 2015-01-10 (window through 2022-01-10), Step 2 CK passed 2023-06-01: the Step 1
    // pass stopped counting, was retaken and passed on 2024-02-01.
    const first = attempt('2015-01-10', 'passed', { id: 'step1-2015' });
    const ck = attempt('2023-06-01', 'passed', { id: 'ck-2023', exam: 'USMLE_STEP2_CK' });
    const retake = attempt('2024-02-01', 'passed', { id: 'step1-2024' });

    it('counts the retake\'s pass, and the "window closed" blocker goes, in every order', () => {
      fc.assert(
        fc.property(fc.shuffledSubarray([first, ck, retake], { minLength: 3, maxLength: 3 }), (exams) => {
          const r = records({ exams });
          expect(latestPass(exams, 'USMLE_STEP1')?.id).toBe('step1-2024');
          expect(certificationStatus(r, PATHWAY_RULES).sevenYearBroken).toBe(false);
          expect(sevenYearDeadline(r, PATHWAY_RULES)).toBe('2030-06-01');
          const result = evaluatePathway(r, CALENDAR, PATHWAY_RULES, new Date(`${TODAY}T12:00:00Z`));
          expect(result.blockers.map((f) => f.code)).not.toContain('SEVEN_YEAR_WINDOW_CLOSED');
        }),
      );
    });

    it.each([
      ['the day before the retake', '2024-01-31', true],
      ['the day of it', '2024-02-01', false],
    ])('as the records stood %s (%s), the window is broken: %s', (_label, asOf, broken) => {
      expect(certificationStatus(records({ exams: [retake, ck, first] }), PATHWAY_RULES, asOf).sevenYearBroken).toBe(
        broken,
      );
    });

    it('was blocked before the retake', () => {
      const result = evaluatePathway(
        records({ exams: [ck, first] }),
        CALENDAR,
        PATHWAY_RULES,
        new Date(`${TODAY}T12:00:00Z`),
      );
      expect(result.blockers.map((f) => f.code)).toContain('SEVEN_YEAR_WINDOW_CLOSED');
    });
  });
});
