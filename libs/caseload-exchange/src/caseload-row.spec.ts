import { Cell } from './caseload-cells';
import { CaseloadColumn, EXAMPLE_ROW } from './caseload-columns';
import { readCaseloadRow } from './caseload-row';

const cellsOf = (values: Partial<Record<CaseloadColumn, Cell>>) =>
  new Map(Object.entries(values) as Array<[CaseloadColumn, Cell]>);
const example = (changes: Partial<Record<CaseloadColumn, Cell>> = {}) => cellsOf({ ...EXAMPLE_ROW, ...changes });
const problemsOf = (changes: Partial<Record<CaseloadColumn, Cell>>) =>
  readCaseloadRow(7, example(changes)).problems.map((p) => [p.column, p.problem]);

describe(readCaseloadRow.name, () => {
  it("reads the template's example row as the client, its exams, certificate and Match application", () => {
    const { client, problems } = readCaseloadRow(2, example());
    expect(problems).toEqual([]);
    expect(client).toMatchObject({
      row: 2,
      client: {
        firstName: 'Amina',
        lastName: 'Haddad',
        countryOfTraining: 'SY',
        graduationYear: 2012,
        careerGoal: 'residency',
      },
      caseManagerEmail: 'jordan.lee@wbc.example.org',
      certificateIssuedAt: '2025-06-20',
      matchApplication: { season: 2026, result: 'matched', matchedSpecialty: 'Family Medicine', matchedState: 'CO' },
    });
    expect(client?.exams).toEqual([
      { exam: 'USMLE_STEP1', status: 'passed', testDate: '2024-03-18' },
      { exam: 'USMLE_STEP2_CK', status: 'passed', testDate: '2024-11-02', score: 238 },
      {
        exam: 'OET_MEDICINE',
        status: 'passed',
        testDate: '2025-02-08',
        oetScores: { listening: 380, reading: 360, writing: 320, speaking: 370 },
      },
    ]);
  });

  it('reports every problem of the row at once, each on its column, with the value as typed', () => {
    const { client, problems } = readCaseloadRow(
      9,
      example({
        date_of_birth: '31/12/1988',
        step2ck_score: '301',
        country_of_training: 'Syria',
        email: 'not-an-email',
      }),
    );
    expect(client).toBeNull();
    expect(problems.map((p) => [p.row, p.column, p.value])).toEqual(
      expect.arrayContaining([
        [9, 'date_of_birth', '31/12/1988'],
        [9, 'step2ck_score', '301'],
        [9, 'country_of_training', 'Syria'],
        [9, 'email', 'not-an-email'],
      ]),
    );
  });

  it('refuses a Step 1 score after the pass/fail change, naming the rule date', () => {
    expect(problemsOf({ step1_result: '245', step1_date: '2023-05-01' })).toEqual([
      ['step1_result', 'Step 1 taken on or after 2022-01-26 is reported pass/fail: write passed or failed'],
    ]);
  });

  it('asks for the day of a result, the result of a score, all four OET sub-scores, and the season of a Match result', () => {
    expect(problemsOf({ step3_result: 'passed' })).toEqual([
      ['step3_date', 'a result needs the day the exam was taken'],
    ]);
    expect(problemsOf({ step2ck_result: '', step2ck_date: '', step2ck_score: '230' })).toEqual([
      ['step2ck_score', 'a score needs the result and the day it was taken'],
    ]);
    expect(problemsOf({ oet_speaking: '' })).toEqual([['oet_speaking', 'an OET sitting needs all four sub-scores']]);
    expect(problemsOf({ match_season: '' })).toEqual([
      ['match_season', 'a Match result needs its season (the Match year)'],
    ]);
  });

  it('takes results as people write them, and an OET sitting below the minimum as failed', () => {
    const { client } = readCaseloadRow(
      3,
      example({ step1_result: 'Pass', step2ck_result: 'FAIL', oet_writing: '250' }),
    );
    expect(client?.exams.map((e) => [e.exam, e.status])).toEqual([
      ['USMLE_STEP1', 'passed'],
      ['USMLE_STEP2_CK', 'failed'],
      ['OET_MEDICINE', 'failed'],
    ]);
  });

  it('leaves blank cells out, as an API client would', () => {
    const { client, problems } = readCaseloadRow(4, cellsOf({ first_name: 'Luis', last_name: 'Pérez' }));
    expect(problems).toEqual([]);
    expect(client).toEqual({
      row: 4,
      client: { firstName: 'Luis', lastName: 'Pérez' },
      caseManagerEmail: null,
      exams: [],
      certificateIssuedAt: null,
      matchApplication: null,
    });
  });
});
