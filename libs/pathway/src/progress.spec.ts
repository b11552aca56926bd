import { application, attempt, CALENDAR, credentials, exam, experience, OET_PASS, records } from './pathway.factories';
import { checklistOf, NextStep, nextSeason, nextStepsOf, stageOf } from './progress';
import { nextStepText } from './texts';
import { PathwayRecords } from './records';
import { certificationStatus } from './requirements';
import { PATHWAY_RULES } from './rules';
import { attemptFindings } from './attempts';

const stage = (r: PathwayRecords) => stageOf(r, certificationStatus(r, PATHWAY_RULES));
const checklist = (r: PathwayRecords, today = '2026-06-01') =>
  Object.fromEntries(
    checklistOf(
      r,
      certificationStatus(r, PATHWAY_RULES),
      attemptFindings(r.exams, today, PATHWAY_RULES),
      PATHWAY_RULES,
    ).map((i) => [i.milestone, [i.state, i.date]]),
  );
const certified = credentials({ certificateIssuedAt: '2025-12-01' });

describe(stageOf.name, () => {
  it.each([
    ['nothing recorded', records(), 'intake'],
    ['a USMLE/ECFMG identifier', records({ credentials: credentials({ usmleId: '1-234-567-8' }) }), 'credentialing'],
    ['a credentials record with nothing in it', records({ credentials: credentials() }), 'intake'],
    ['an exam planned', records({ exams: [exam()] }), 'exams'],
    ['only a cancelled exam', records({ exams: [exam({ status: 'cancelled' })] }), 'intake'],
    ['the certificate', records({ credentials: certified }), 'ecfmg_certified'],
    [
      'certificate and an observership',
      records({ credentials: certified, clinicalExperiences: [experience()] }),
      'clinical_experience',
    ],
    [
      'an observership before certification',
      records({ exams: [exam()], clinicalExperiences: [experience({ status: 'ongoing' })] }),
      'exams',
    ],
    ['a pending application', records({ credentials: certified, matchApplications: [application()] }), 'applying'],
    ['a match through SOAP', records({ matchApplications: [application({ result: 'matched_soap' })] }), 'matched'],
    [
      'an unmatched season then a match',
      records({
        matchApplications: [application({ season: 2026, result: 'unmatched' }), application({ result: 'matched' })],
      }),
      'matched',
    ],
    [
      'residency begun',
      records({ matchApplications: [application({ result: 'matched', residencyBegan: true })] }),
      'in_residency',
    ],
    [
      'an alternative career',
      records({ client: { status: 'active', careerGoal: 'alternative_career' }, exams: [exam()] }),
      'alternative_career',
    ],
    [
      'a closed record, whatever else',
      records({
        client: { status: 'closed', careerGoal: 'alternative_career' },
        matchApplications: [application({ result: 'matched' })],
      }),
      'closed',
    ],
    [
      'only an unmatched season',
      records({ credentials: certified, matchApplications: [application({ result: 'unmatched' })] }),
      'ecfmg_certified',
    ],
  ])('%s → %s', (_label, r, expected) => expect(stage(r)).toBe(expected));
});

describe(checklistOf.name, () => {
  it('starts with everything to do, and nothing after the Match needed', () => {
    const items = checklist(records());
    expect(items.credentials_verified).toEqual(['todo', null]);
    expect(items.step1).toEqual(['todo', null]);
    expect(items.eras).toEqual(['todo', null]);
    expect(items.step3).toEqual(['not_applicable', null]);
  });

  it('marks credentials done only with diploma, transcript and the directory listing', () => {
    expect(
      checklist(records({ credentials: credentials({ diplomaVerifiedAt: '2025-02-01' }) })).credentials_verified,
    ).toEqual(['in_progress', null]);
    expect(
      checklist(records({ credentials: credentials({ transcriptVerifiedAt: '2025-02-01' }) })).credentials_verified,
    ).toEqual(['in_progress', null]);
    const verified = credentials({
      diplomaVerifiedAt: '2025-02-01',
      transcriptVerifiedAt: '2025-03-15',
      schoolListedInWorldDirectory: true,
    });
    expect(checklist(records({ credentials: verified })).credentials_verified).toEqual(['done', '2025-03-15']);
  });

  it('dates passed exams, shows scheduled ones in progress, and blocked ones blocked', () => {
    const items = checklist(
      records({
        exams: [
          attempt('2024-05-01', 'passed'),
          exam({ exam: 'USMLE_STEP2_CK', status: 'scheduled', scheduledDate: '2026-08-01' }),
        ],
      }),
    );
    expect(items.step1).toEqual(['done', '2024-05-01']);
    expect(items.step2_ck).toEqual(['in_progress', '2026-08-01']);
    const taken = checklist(records({ exams: [attempt('2026-05-20', 'result_pending', { exam: 'USMLE_STEP2_CK' })] }));
    expect(taken.step2_ck).toEqual(['in_progress', '2026-05-20']);
    const four = ['2022-01-10', '2022-06-10', '2022-12-10', '2024-01-20'].map((d) =>
      attempt(d, 'failed', { exam: 'USMLE_STEP2_CK' }),
    );
    const barred = checklist(records({ exams: four }));
    expect(barred.step2_ck).toEqual(['blocked', null]);
    expect(barred.step1).toEqual(['blocked', null]);
  });

  it('blocks every Step after four attempts without a pass, incomplete ones included (USMLE attempt limit)', () => {
    const four = ['2022-01-10', '2022-06-10', '2022-12-10', '2024-01-20'].map((d, i) =>
      attempt(d, i % 2 ? 'incomplete' : 'failed'),
    );
    const items = checklist(records({ exams: four }));
    expect(items.step1).toEqual(['blocked', null]);
    expect(items.step2_ck).toEqual(['blocked', null]);
  });

  it('follows OET and the Pathway, or neither after a Step 2 CS pass', () => {
    const oet = attempt('2024-04-01', 'passed', { exam: 'OET_MEDICINE', oetScores: OET_PASS });
    const items = checklist(records({ exams: [oet], credentials: credentials({ ecfmgPathwayStatus: 'submitted' }) }));
    expect(items.oet).toEqual(['done', '2024-04-01']);
    expect(items.ecfmg_pathway).toEqual(['in_progress', null]);
    const low = attempt('2024-04-01', 'passed', { exam: 'OET_MEDICINE', oetScores: { ...OET_PASS, writing: 250 } });
    expect(checklist(records({ exams: [low] })).oet).toEqual(['todo', null]);
    expect(checklist(records({ credentials: credentials({ ecfmgPathwayStatus: 'validated' }) })).ecfmg_pathway).toEqual(
      ['done', null],
    );
    expect(checklist(records({ credentials: credentials({ ecfmgPathwayStatus: 'rejected' }) })).ecfmg_pathway).toEqual([
      'blocked',
      null,
    ]);
    const cs = checklist(records({ credentials: credentials({ step2CsPassedAt: '2019-01-01' }) }));
    expect([cs.oet[0], cs.ecfmg_pathway[0]]).toEqual(['not_applicable', 'not_applicable']);
  });

  it('follows the certificate application, clinical experience and letters', () => {
    expect(
      checklist(records({ credentials: credentials({ certificationApplicationAt: '2025-10-01' }) })).ecfmg_certificate,
    ).toEqual(['in_progress', null]);
    expect(checklist(records({ credentials: certified })).ecfmg_certificate).toEqual(['done', '2025-12-01']);
    const ongoing = checklist(
      records({ clinicalExperiences: [experience({ status: 'ongoing', letterRequestedAt: '2026-05-01' })] }),
    );
    expect([ongoing.us_clinical_experience[0], ongoing.letters_of_recommendation[0]]).toEqual([
      'in_progress',
      'in_progress',
    ]);
    const undated = checklist(records({ clinicalExperiences: [experience({ endDate: null })] }));
    expect(undated.us_clinical_experience).toEqual(['done', null]);
    const done = checklist(
      records({
        clinicalExperiences: [
          experience({ endDate: '2025-03-28', letterReceivedAt: '2025-04-10' }),
          experience({ endDate: null }),
        ],
      }),
    );
    expect(done.us_clinical_experience).toEqual(['done', '2025-03-28']);
    expect(done.letters_of_recommendation).toEqual(['done', '2025-04-10']);
  });

  it('follows the latest application through ERAS, NRMP, the rank list and the result', () => {
    const pending = checklist(records({ matchApplications: [application({ erasSubmittedAt: '2026-09-10' })] }));
    expect(pending.eras).toEqual(['done', '2026-09-10']);
    expect(pending.nrmp).toEqual(['in_progress', null]);
    expect(pending.match_result).toEqual(['in_progress', null]);
    const matched = checklist(
      records({
        matchApplications: [
          application({
            season: 2026,
            result: 'matched',
            erasSubmittedAt: '2025-09-10',
            nrmpRegisteredAt: '2025-09-20',
            rankListCertifiedAt: '2026-02-20',
          }),
        ],
      }),
    );
    expect([matched.nrmp[0], matched.rank_list[0], matched.match_result[0]]).toEqual(['done', 'done', 'done']);
    const unmatched = checklist(records({ matchApplications: [application({ result: 'unmatched' })] }));
    expect(unmatched.match_result).toEqual(['todo', null]);
  });

  it('drops residency milestones for an alternative career', () => {
    const items = checklist(records({ client: { status: 'active', careerGoal: 'alternative_career' } }));
    expect([
      items.us_clinical_experience[0],
      items.letters_of_recommendation[0],
      items.eras[0],
      items.match_result[0],
    ]).toEqual(['not_applicable', 'not_applicable', 'not_applicable', 'not_applicable']);
  });

  it('asks for Step 3 once certified or when an H-1B is wanted, blocked before certification', () => {
    expect(checklist(records({ credentials: certified })).step3).toEqual(['todo', null]);
    const h1b = records({ matchApplications: [application({ visa: 'H-1B' })], exams: [exam({ exam: 'USMLE_STEP3' })] });
    const findings = [
      {
        code: 'STEP3_NEEDS_CERTIFICATION' as const,
        severity: 'blocker' as const,
        message: '',
        rule: PATHWAY_RULES.step3NeedsCertification,
      },
    ];
    const items = Object.fromEntries(
      checklistOf(h1b, certificationStatus(h1b, PATHWAY_RULES), findings, PATHWAY_RULES).map((i) => [
        i.milestone,
        i.state,
      ]),
    );
    expect(items.step3).toBe('blocked');
    expect(checklist(records({ exams: [attempt('2026-01-10', 'passed', { exam: 'USMLE_STEP3' })] })).step3).toEqual([
      'done',
      '2026-01-10',
    ]);
  });
});

describe(nextStepsOf.name, () => {
  const steps = (r: PathwayRecords, today = '2026-06-01') => {
    const status = certificationStatus(r, PATHWAY_RULES);
    return nextStepsOf(
      r,
      checklistOf(r, status, attemptFindings(r.exams, today, PATHWAY_RULES), PATHWAY_RULES),
      CALENDAR,
      today,
    ).map((step) => nextStepText(step, 'en'));
  };

  it('starts at the beginning of the road, five at a time', () => {
    expect(steps(records())).toEqual([
      'Have ECFMG verify your diploma and final medical school transcript with your school',
      'Apply for Step 1 and choose an eligibility window',
      'Apply for Step 2 CK and choose an eligibility window',
      'Book OET Medicine',
      'Apply for an ECFMG Pathway (clinical and communication skills)',
    ]);
  });

  it('waits for a pending result, and asks to apply again once a window has closed', () => {
    const pending = records({ exams: [attempt('2026-05-20', 'result_pending')] });
    expect(steps(pending)).toContain('Wait for your Step 1 result (taken on 2026-05-20)');
    const expired = records({
      exams: [exam({ status: 'planned', eligibilityStart: '2025-01-01', eligibilityEnd: '2025-03-31' })],
    });
    expect(steps(expired)).toContain('Apply for Step 1 again: your eligibility window closed on 2025-03-31');
  });

  it('follows the season of the application under way, and starts over after an unmatched one', () => {
    const ready = credentials({
      diplomaVerifiedAt: '2025-01-01',
      transcriptVerifiedAt: '2025-01-01',
      schoolListedInWorldDirectory: true,
      step2CsPassedAt: '2020-01-01',
    });
    const base = {
      credentials: ready,
      exams: [attempt('2024-01-10', 'passed'), attempt('2025-01-10', 'passed', { exam: 'USMLE_STEP2_CK' })],
      clinicalExperiences: [experience({ letterReceivedAt: '2025-04-01' })],
    };
    const applying2027 = records({ ...base, matchApplications: [application({ season: 2027 })] });
    expect(steps(applying2027, '2026-01-15').join(' ')).toContain('2027 Match');
    expect(steps(applying2027, '2026-01-15').join(' ')).not.toContain('2026 Match');
    const unmatched = records({
      ...base,
      matchApplications: [
        application({
          season: 2026,
          result: 'unmatched',
          erasSubmittedAt: '2025-09-05',
          nrmpRegisteredAt: '2025-09-20',
          rankListCertifiedAt: '2026-02-20',
        }),
      ],
    });
    expect(checklist(unmatched).eras).toEqual(['todo', null]);
    expect(steps(unmatched, '2026-06-01').join(' ')).toContain('Submit your ERAS application for the 2027 Match');
  });

  it('names the eligibility window, the scheduled date, or a retake', () => {
    const r = records({
      credentials: credentials({
        diplomaVerifiedAt: '2025-01-01',
        transcriptVerifiedAt: '2025-01-01',
        schoolListedInWorldDirectory: true,
      }),
      exams: [
        exam({ status: 'planned', eligibilityStart: '2026-05-01', eligibilityEnd: '2026-07-31' }),
        exam({ exam: 'USMLE_STEP2_CK', status: 'scheduled', scheduledDate: '2026-09-01' }),
        attempt('2026-02-01', 'failed', { exam: 'OET_MEDICINE' }),
      ],
    });
    expect(steps(r).slice(0, 3)).toEqual([
      'Schedule Step 1 before your eligibility window closes on 2026-07-31',
      'Take Step 2 CK on 2026-09-01',
      'Book OET Medicine',
    ]);
    const retake = records({ exams: [attempt('2026-02-01', 'failed')] });
    expect(steps(retake)).toContain('Plan your next Step 1 attempt with your case manager');
  });

  it('asks for the result of an exam whose booked date has gone by, not to take it on that day', () => {
    const booked = records({ exams: [exam({ status: 'scheduled', scheduledDate: '2026-06-01' })] });
    expect(steps(booked, '2026-06-01')).toContain('Take Step 1 on 2026-06-01');
    const past = steps(booked, '2026-06-02');
    expect(past).toContain(
      'Report how Step 1 went (it was booked for 2026-06-01): the result, or the new date if it moved',
    );
    expect(past.join(' ')).not.toContain('Take Step 1');
  });

  it('after the exams: certification, clinical experience, the letter, and the Match under way with its dates', () => {
    const r = records({
      credentials: credentials({
        diplomaVerifiedAt: '2025-01-01',
        transcriptVerifiedAt: '2025-01-01',
        schoolListedInWorldDirectory: true,
        step2CsPassedAt: '2020-01-01',
      }),
      exams: [attempt('2024-01-10', 'passed'), attempt('2025-01-10', 'passed', { exam: 'USMLE_STEP2_CK' })],
      clinicalExperiences: [experience()],
    });
    expect(steps(r)).toEqual([
      'Apply for ECFMG certification',
      'Ask your clinical supervisor for a letter of recommendation',
      'Submit your ERAS application for the 2027 Match (from 2026-09-02)',
      'Register with NRMP for the 2027 Match',
      'Certify your rank order list by 2027-03-03 at 9:00 p.m. ET',
    ]);
    expect(steps(r, '2026-10-01')[2]).toBe('Submit your ERAS application for the 2027 Match');
  });

  it('asks for Step 3 when it is the last thing left, and nothing for a closed record', () => {
    const r = records({
      credentials: credentials({
        ...certified,
        diplomaVerifiedAt: '2025-01-01',
        transcriptVerifiedAt: '2025-01-01',
        schoolListedInWorldDirectory: true,
        step2CsPassedAt: '2020-01-01',
      }),
      exams: [attempt('2024-01-10', 'passed'), attempt('2025-01-10', 'passed', { exam: 'USMLE_STEP2_CK' })],
      clinicalExperiences: [experience({ letterReceivedAt: '2025-04-01' })],
      matchApplications: [
        application({
          season: 2026,
          result: 'matched',
          erasSubmittedAt: '2025-09-05',
          nrmpRegisteredAt: '2025-09-20',
          rankListCertifiedAt: '2026-02-20',
        }),
      ],
    });
    expect(steps(r, '2027-04-01')).toEqual(['Apply for Step 3 and choose an eligibility window']);
    expect(steps(records({ client: { status: 'closed', careerGoal: 'residency' } }))).toEqual([]);
  });

  it('leaves out the Match until Step 1 and Step 2 CK are passed, unless an application is under way', () => {
    const midExams = records({ exams: [attempt('2024-01-10', 'passed')] });
    expect(steps(midExams).some((s) => s.includes('Match'))).toBe(false);
    const ready = credentials({
      diplomaVerifiedAt: '2025-01-01',
      transcriptVerifiedAt: '2025-01-01',
      schoolListedInWorldDirectory: true,
      step2CsPassedAt: '2020-01-01',
    });
    const base = {
      credentials: ready,
      exams: [attempt('2024-01-10', 'passed')],
      clinicalExperiences: [experience({ letterReceivedAt: '2025-04-01' })],
    };
    expect(steps(records(base)).some((s) => s.includes('Match'))).toBe(false);
    const applying = records({ ...base, matchApplications: [application({ season: 2027 })] });
    expect(steps(applying, '2026-06-01').join(' ')).toContain('2027 Match');
  });

  it('leaves out the Match for an alternative career, or when no season is ahead', () => {
    const alt = records({ client: { status: 'active', careerGoal: 'alternative_career' } });
    expect(steps(alt).some((s) => s.includes('Match'))).toBe(false);
    const late = records({
      credentials: credentials({
        diplomaVerifiedAt: '2025-01-01',
        transcriptVerifiedAt: '2025-01-01',
        schoolListedInWorldDirectory: true,
        step2CsPassedAt: '2020-01-01',
      }),
      exams: [attempt('2024-01-10', 'passed'), attempt('2025-01-10', 'passed', { exam: 'USMLE_STEP2_CK' })],
    });
    expect(steps(late, '2028-01-01').some((s) => s.includes('Match'))).toBe(false);
  });
});

describe(nextSeason.name, () => {
  it.each([
    ['2025-10-01', 2026],
    ['2026-03-04', 2026],
    ['2026-03-05', 2027],
    ['2027-03-04', null],
  ])('on %s the season under way is %s', (today, expected) => expect(nextSeason(CALENDAR, today)).toBe(expected));
});

describe('a rank-list deadline gone by (issue 21, item 3)', () => {
  // The 2026 deadline in the factories' calendar: 4 March 2026, 9 p.m. ET (02:00 UTC on the 5th); Match Day 20 March.
  const applying = records({
    credentials: credentials({ step2CsPassedAt: '2020-01-01' }),
    exams: [attempt('2024-01-10', 'passed'), attempt('2025-01-10', 'passed', { exam: 'USMLE_STEP2_CK' })],
    matchApplications: [application({ season: 2026, erasSubmittedAt: '2025-09-10', nrmpRegisteredAt: '2025-09-20' })],
  });
  const rankStep = (today: string, now?: Date, r = applying) =>
    nextStepsOf(
      r,
      checklistOf(r, certificationStatus(r, PATHWAY_RULES), [], PATHWAY_RULES),
      CALENDAR,
      today,
      PATHWAY_RULES,
      now,
    ).find((s) => s.code === 'certify_rank_list' || s.code === 'rank_list_deadline_passed');

  it.each([
    ['the day before', '2026-03-03', undefined, 'certify_rank_list'],
    ['the day of', '2026-03-04', undefined, 'certify_rank_list'],
    ['the day after', '2026-03-05', undefined, 'rank_list_deadline_passed'],
    ['10 March, the issue’s example', '2026-03-10', undefined, 'rank_list_deadline_passed'],
    ['a minute before 9 p.m. ET', '2026-03-04', new Date('2026-03-05T01:59:00Z'), 'certify_rank_list'],
    ['a minute after 9 p.m. ET', '2026-03-04', new Date('2026-03-05T02:01:00Z'), 'rank_list_deadline_passed'],
  ])('%s (%s %s): %s', (_label, today, now, code) => {
    expect(rankStep(today, now)).toEqual({
      code,
      season: 2026,
      date: '2026-03-04',
      at: '2026-03-04T21:00:00-05:00',
    });
  });

  it('says what a passed deadline means, not a date to meet', () => {
    const step = rankStep('2026-03-10') as NextStep;
    expect(nextStepText(step, 'en')).toContain('deadline passed on 2026-03-04 at 9:00 p.m. ET');
    expect(nextStepText(step, 'en')).not.toContain('Certify your rank order list by');
  });

  it('asks no more to submit ERAS or register with NRMP for a Match whose rank-list deadline has gone by', () => {
    const late = records({ ...applying, matchApplications: [application({ season: 2026 })] });
    const codes = (today: string, now?: Date) =>
      nextStepsOf(
        late,
        checklistOf(late, certificationStatus(late, PATHWAY_RULES), [], PATHWAY_RULES),
        CALENDAR,
        today,
        PATHWAY_RULES,
        now,
      ).map((s) => s.code);
    expect(codes('2026-03-04', new Date('2026-03-05T01:59:00Z'))).toEqual(
      expect.arrayContaining(['submit_eras', 'register_nrmp']),
    );
    const after = codes('2026-03-04', new Date('2026-03-05T02:01:00Z'));
    expect(after).toContain('rank_list_deadline_passed');
    expect(after).not.toContain('submit_eras');
    expect(after).not.toContain('register_nrmp');
  });

  it('asks nothing once the rank list is certified', () => {
    const certified = records({
      ...applying,
      matchApplications: [application({ season: 2026, rankListCertifiedAt: '2026-02-20' })],
    });
    expect(rankStep('2026-03-10', undefined, certified)).toBeUndefined();
  });

  it.each([
    ['a minute before 9 p.m. ET', '2027-03-04T01:59:00Z', 2027],
    ['a minute after 9 p.m. ET', '2027-03-04T02:01:00Z', null],
  ])('the next season, on the 2027 deadline day %s: %s', (_label, instant, expected) => {
    expect(nextSeason(CALENDAR, '2027-03-03', new Date(instant))).toBe(expected);
  });
});
