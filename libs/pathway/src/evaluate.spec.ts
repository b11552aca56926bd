import { evaluatePathway } from './evaluate';
import { application, attempt, CALENDAR, credentials, exam, experience, OET_PASS, records } from './pathway.factories';
import { PathwayRecords } from './records';
import { PATHWAY_RULES } from './rules';
import { nextStepText } from './texts';

const evaluate = (r: PathwayRecords, now = '2026-06-01T15:00:00Z', timeZone?: string) =>
  evaluatePathway(r, CALENDAR, PATHWAY_RULES, new Date(now), timeZone);

describe(evaluatePathway.name, () => {
  it('walks a client from intake to the Match, one record at a time', () => {
    let r = records();
    expect(evaluate(r).stage).toBe('intake');

    r = {
      ...r,
      credentials: credentials({
        usmleId: '1-234-567-8',
        diplomaVerifiedAt: '2025-02-01',
        transcriptVerifiedAt: '2025-02-10',
        schoolListedInWorldDirectory: true,
      }),
    };
    expect(evaluate(r)).toMatchObject({ stage: 'credentialing' });

    r = { ...r, exams: [attempt('2025-06-10', 'failed'), attempt('2025-10-10', 'passed')] };
    let result = evaluate(r);
    expect(result.stage).toBe('exams');
    expect(result.checklist.find((i) => i.milestone === 'step1')).toEqual({
      milestone: 'step1',
      state: 'done',
      date: '2025-10-10',
    });

    r = {
      ...r,
      exams: [
        ...r.exams,
        attempt('2026-02-10', 'passed', { exam: 'USMLE_STEP2_CK', score: 241 }),
        attempt('2025-11-20', 'passed', { exam: 'OET_MEDICINE', oetScores: OET_PASS }),
      ],
      credentials: {
        ...r.credentials!,
        ecfmgPathway: 6,
        ecfmgPathwayStatus: 'validated',
        ecfmgPathwayCycle: 2025,
        certificateIssuedAt: '2026-04-01',
      },
    };
    result = evaluate(r);
    expect(result.stage).toBe('ecfmg_certified');
    expect(result.blockers).toEqual([]);

    r = {
      ...r,
      clinicalExperiences: [
        experience({ startDate: '2026-04-06', endDate: '2026-05-29', letterReceivedAt: '2026-05-30' }),
      ],
    };
    expect(evaluate(r).stage).toBe('clinical_experience');

    r = {
      ...r,
      matchApplications: [application({ season: 2027, erasSubmittedAt: '2026-09-03', nrmpRegisteredAt: '2026-09-16' })],
    };
    result = evaluate(r, '2026-10-01T12:00:00Z');
    expect(result.stage).toBe('applying');
    // Staff read the record's next steps about the client; the IMG's page words the same facts for them.
    expect(result.nextSteps).toEqual([
      'The client certifies their rank order list by 2027-03-03 at 9:00 p.m. ET',
      'The client applies for Step 3 and chooses an eligibility window',
    ]);
    expect(result.nextStepFacts.map((step) => nextStepText(step, 'en'))).toEqual([
      'Certify your rank order list by 2027-03-03 at 9:00 p.m. ET',
      'Apply for Step 3 and choose an eligibility window',
    ]);
    expect(result.nextStepFacts).toEqual([
      { code: 'certify_rank_list', season: 2027, date: '2027-03-03', at: '2027-03-03T21:00:00-05:00' },
      { code: 'apply_for_exam', exam: 'USMLE_STEP3' },
    ]);

    r = {
      ...r,
      matchApplications: [{ ...r.matchApplications[0], rankListCertifiedAt: '2027-02-25', result: 'matched' }],
    };
    result = evaluate(r, '2027-03-20T12:00:00Z');
    expect(result.stage).toBe('matched');
    expect(result.checklist.filter((i) => i.state === 'todo').map((i) => i.milestone)).toEqual(['step3']);
  });

  it('sorts findings into blockers and warnings, each citing its rule', () => {
    const r = records({
      exams: [
        attempt('2019-05-20', 'passed'),
        attempt('2025-03-01', 'failed', { exam: 'USMLE_STEP2_CK' }),
        attempt('2025-08-01', 'failed', { exam: 'USMLE_STEP2_CK' }),
        attempt('2026-01-05', 'failed', { exam: 'USMLE_STEP2_CK' }),
      ],
      matchApplications: [application({ season: 2027, visa: 'H-1B' })],
    });
    const result = evaluate(r, '2026-04-01T12:00:00Z');
    expect(result.warnings.map((f) => f.code)).toEqual([
      'THIRD_ATTEMPT_USED',
      'SEVEN_YEAR_WINDOW_CLOSING',
      'H1B_NEEDS_STEP3',
    ]);
    expect(result.blockers).toEqual([]);
    for (const finding of result.warnings) expect(finding.rule.source).toMatch(/^https:\/\//);
    expect(result.rulesVersion).toBe(PATHWAY_RULES.version);
  });

  it('has nothing to warn about on a closed record', () => {
    const r = records({
      client: { status: 'closed', careerGoal: 'residency' },
      exams: [attempt('2019-05-20', 'passed')],
    });
    expect(evaluate(r)).toMatchObject({ stage: 'closed', blockers: [], warnings: [], nextSteps: [] });
  });

  it('reads "today" in the center’s time zone', () => {
    const planned = records({ exams: [exam({ status: 'planned', eligibilityEnd: '2026-07-31' })] });
    // 05:30 UTC on 1 June is still 31 May in Denver (1 June in New York): 61 days before the end, no warning yet.
    expect(evaluate(planned, '2026-06-01T05:30:00Z', 'America/Denver').warnings).toEqual([]);
    expect(evaluate(planned, '2026-06-01T05:30:00Z', 'America/New_York').warnings.map((w) => w.code)).toEqual([
      'ELIGIBILITY_CLOSING_UNSCHEDULED',
    ]);
  });
});
