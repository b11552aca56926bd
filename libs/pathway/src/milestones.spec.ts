import { reportMilestones } from './milestones';
import { application, attempt, credentials, experience, records } from './pathway.factories';

describe(reportMilestones.name, () => {
  it('an empty record reaches nothing', () => {
    expect(reportMilestones(records())).toEqual({
      credentialsVerified: false,
      step1Passed: false,
      step2CkPassed: false,
      oetPassed: false,
      certifiedOn: null,
      usClinicalExperience: false,
      applied: false,
      firstApplicationOn: null,
      matchedSeason: null,
    });
  });

  it.each([
    [{ diplomaVerifiedAt: '2024-01-02', transcriptVerifiedAt: '2024-01-03', schoolListedInWorldDirectory: true }, true],
    [{ diplomaVerifiedAt: '2024-01-02', transcriptVerifiedAt: null, schoolListedInWorldDirectory: true }, false],
    [
      { diplomaVerifiedAt: '2024-01-02', transcriptVerifiedAt: '2024-01-03', schoolListedInWorldDirectory: false },
      false,
    ],
  ])('credentials verified only with diploma, transcript and the listed school (%o)', (given, expected) => {
    expect(reportMilestones(records({ credentials: credentials(given) })).credentialsVerified).toBe(expected);
  });

  it('counts a pass only when it is verified, and only for its own exam', () => {
    const milestones = reportMilestones(
      records({
        exams: [
          attempt('2024-03-01', 'passed', { exam: 'USMLE_STEP1' }),
          attempt('2024-09-01', 'passed', { exam: 'USMLE_STEP2_CK', verified: false }),
          attempt('2024-10-01', 'failed', { exam: 'OET_MEDICINE' }),
        ],
      }),
    );
    expect(milestones).toMatchObject({ step1Passed: true, step2CkPassed: false, oetPassed: false });
  });

  it('counts US clinical kinds that started, not research, plans or cancellations', () => {
    const reached = (kind: string, status: string) =>
      reportMilestones(records({ clinicalExperiences: [experience({ kind, status } as never)] })).usClinicalExperience;
    expect(reached('observership', 'completed')).toBe(true);
    expect(reached('externship', 'ongoing')).toBe(true);
    expect(reached('research', 'completed')).toBe(false);
    expect(reached('observership', 'planned')).toBe(false);
    expect(reached('clinical_rotation', 'cancelled')).toBe(false);
  });

  it('an application counts once submitted or decided; the first submission and the earliest match are kept', () => {
    const milestones = reportMilestones(
      records({
        matchApplications: [
          application({ season: 2026, erasSubmittedAt: '2025-09-20', result: 'matched_soap' }),
          application({ season: 2025, erasSubmittedAt: '2024-09-15', result: 'unmatched' }),
          application({ season: 2027, erasSubmittedAt: null, result: 'matched' }),
        ],
      }),
    );
    expect(milestones).toMatchObject({ applied: true, firstApplicationOn: '2024-09-15', matchedSeason: 2026 });
  });

  it('a pending application with no ERAS date is not yet an application', () => {
    const milestones = reportMilestones(
      records({ matchApplications: [application({ season: 2027, erasSubmittedAt: null, result: 'pending' })] }),
    );
    expect(milestones).toMatchObject({ applied: false, firstApplicationOn: null, matchedSeason: null });
  });

  it('keeps the certificate date', () => {
    expect(
      reportMilestones(records({ credentials: credentials({ certificateIssuedAt: '2025-05-05' }) })).certifiedOn,
    ).toBe('2025-05-05');
  });
});
