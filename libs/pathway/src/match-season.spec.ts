import { addDays } from './civil-date';
import { evaluatePathway } from './evaluate';
import {
  certificateBeforeResidencyFindings,
  latestApplication,
  matchDayPassed,
  matchResultFindings,
  residencyStart,
  resultsDue,
  soapFindings,
  soapUnderWay,
  soapWindow,
} from './match-season';
import { application, attempt, credentials, records } from './pathway.factories';
import { nextStepsOf, checklistOf, stageOf } from './progress';
import { MatchApplicationRecord, MatchSeason, PathwayRecords } from './records';
import { certificationStatus } from './requirements';
import { PATHWAY_RULES } from './rules';
import { findingText, nextStepText, staffNextStepText } from './texts';

const event = (key: string, at: string, estimated = false) => ({ key, label: key, at, estimated });

/**
 * The 2026 season as seeded (Match Week from Monday 16 March, Match Day Friday 20 March, residency
 * 1 July) and a 2027 season holding only its rank-list deadline and Match Day: SOAP dates and the
 * residency start missing, as a calendar an admin has not finished may be.
 */
const CALENDAR: MatchSeason[] = [
  {
    matchYear: 2026,
    events: [
      event('rank_list_deadline', '2026-03-04T21:00:00-05:00', true),
      event('match_week_starts', '2026-03-16T10:00:00-04:00'),
      event('match_day', '2026-03-20T12:00:00-04:00'),
      event('residency_starts', '2026-07-01T00:00:00-04:00'),
    ],
  },
  {
    matchYear: 2027,
    events: [
      event('rank_list_deadline', '2027-03-03T21:00:00-05:00', true),
      event('match_day', '2027-03-19T12:00:00-04:00'),
    ],
  },
];
const MATCH_DAY = '2026-03-20';

/** Step 1, Step 2 CK and Step 2 CS passed long before the 2026 rank-list deadline: SOAP-eligible. */
const examsMet = {
  exams: [attempt('2024-01-10', 'passed'), attempt('2024-06-10', 'passed', { exam: 'USMLE_STEP2_CK' })],
  credentials: credentials({ step2CsPassedAt: '2020-06-01' }),
};
const certified = credentials({ step2CsPassedAt: '2020-06-01', certificateIssuedAt: '2025-05-01' });
const withApps = (...apps: MatchApplicationRecord[]) => records({ ...examsMet, matchApplications: apps });
const codes = (r: PathwayRecords, today: string) => {
  const result = evaluatePathway(r, CALENDAR, PATHWAY_RULES, new Date(`${today}T15:00:00Z`));
  return [...result.blockers, ...result.warnings].map((f) => f.code);
};
const steps = (r: PathwayRecords, today: string) => {
  const status = certificationStatus(r, PATHWAY_RULES);
  return nextStepsOf(r, checklistOf(r, status, [], PATHWAY_RULES), CALENDAR, today, PATHWAY_RULES);
};

describe('the stage follows the latest season', () => {
  const stage = (r: PathwayRecords) => stageOf(r, certificationStatus(r, PATHWAY_RULES));

  it.each([
    [
      'matched in 2025, applying for 2027',
      [application({ season: 2025, result: 'matched' }), application()],
      'applying',
    ],
    [
      'applying for 2027 listed before a 2025 match',
      [application(), application({ season: 2025, result: 'matched' })],
      'applying',
    ],
    [
      'unmatched in 2026, then matched in 2027',
      [application({ season: 2026, result: 'unmatched' }), application({ result: 'matched' })],
      'matched',
    ],
    [
      'matched in 2026, then withdrawn from 2027',
      [application({ season: 2026, result: 'matched' }), application({ result: 'withdrawn' })],
      'ecfmg_certified',
    ],
    [
      'pending in 2026 (never recorded), unmatched in 2027',
      [application({ season: 2026 }), application({ result: 'unmatched' })],
      'ecfmg_certified',
    ],
    [
      'in residency since 2025, applying again for 2027',
      [application({ season: 2025, result: 'matched', residencyBegan: true }), application()],
      'in_residency',
    ],
    ['matched through SOAP in the latest season', [application({ result: 'matched_soap' })], 'matched'],
  ])('%s → %s', (_label, apps, expected) =>
    expect(stage(records({ credentials: certified, matchApplications: apps }))).toBe(expected),
  );

  it('keeps a latest season pending after its Match Day as applying, and asks for its result', () => {
    const r = records({ credentials: certified, matchApplications: [application({ season: 2026 })] });
    expect(stage(r)).toBe('applying');
    expect(codes(r, '2026-06-01')).toContain('MATCH_RESULT_DUE');
  });

  it('marks the Match result milestone by the latest season', () => {
    const status = (r: PathwayRecords) => certificationStatus(r, PATHWAY_RULES);
    const item = (r: PathwayRecords) =>
      checklistOf(r, status(r), [], PATHWAY_RULES).find((i) => i.milestone === 'match_result')?.state;
    expect(item(withApps(application({ season: 2025, result: 'matched' }), application()))).toBe('in_progress');
    expect(item(withApps(application({ season: 2025, result: 'matched' })))).toBe('done');
    expect(
      item(
        withApps(
          application({ season: 2025, result: 'matched', residencyBegan: true }),
          application({ result: 'unmatched' }),
        ),
      ),
    ).toBe('done');
    expect(item(withApps(application({ season: 2026, result: 'matched' }), application({ result: 'unmatched' })))).toBe(
      'todo',
    );
  });

  it('takes the highest season as the latest, whatever the order', () => {
    expect(
      latestApplication(
        records({
          matchApplications: [
            application({ season: 2025 }),
            application({ season: 2027 }),
            application({ season: 2026 }),
          ],
        }),
      )?.season,
    ).toBe(2027);
    expect(latestApplication(records())).toBeUndefined();
  });
});

describe('after Match Day, a pending season asks for its result', () => {
  const pending2026 = withApps(application({ season: 2026 }));

  it.each([
    ['the day before Match Day', addDays(MATCH_DAY, -1), false],
    ['Match Day', MATCH_DAY, false],
    ['the day after', addDays(MATCH_DAY, 1), true],
    ['a year later', '2027-03-20', true],
  ])('%s (%s): result due %s', (_label, today, due) => {
    expect(matchDayPassed(CALENDAR, 2026, today, PATHWAY_RULES)).toBe(due);
    expect(codes(pending2026, today).includes('MATCH_RESULT_DUE')).toBe(due);
    expect(steps(pending2026, today).some((s) => s.code === 'record_match_result')).toBe(due);
  });

  it('judges a season the calendar does not hold by its March, without guessing a Match Day', () => {
    expect(matchDayPassed(CALENDAR, 2024, '2024-03-31', PATHWAY_RULES)).toBe(false);
    expect(matchDayPassed(CALENDAR, 2024, '2024-04-01', PATHWAY_RULES)).toBe(true);
    const [finding] = matchResultFindings(
      withApps(application({ season: 2024 })),
      CALENDAR,
      '2024-04-01',
      PATHWAY_RULES,
    );
    expect(finding).toMatchObject({ code: 'MATCH_RESULT_DUE', season: 2024, rule: { id: 'nrmp-match-result-due' } });
    expect(finding.date).toBeUndefined();
    expect(findingText(finding, 'es', '2024-04-01')).toBe(
      'El resultado de su Match 2024 aún no está registrado: informe a su administrador de caso si obtuvo plaza (en el Match o por SOAP), si quedó sin plaza o si se retiró',
    );
    expect(finding.message).toBe(
      'The result of the 2024 Match is not recorded: record whether it matched, matched through SOAP, went unmatched or was withdrawn',
    );
  });

  it('asks for every pending season gone by, oldest first, and names Match Day', () => {
    const r = withApps(application({ season: 2026 }), application({ season: 2024 }), application({ season: 2027 }));
    expect(resultsDue(r, CALENDAR, '2026-06-01', PATHWAY_RULES)).toEqual([
      { season: 2024, matchDay: null },
      { season: 2026, matchDay: MATCH_DAY },
    ]);
    const [, finding] = matchResultFindings(r, CALENDAR, '2026-06-01', PATHWAY_RULES);
    expect(finding.message).toBe(
      'The result of the 2026 Match is not recorded (Match Day was 2026-03-20): record whether it matched, matched through SOAP, went unmatched or was withdrawn',
    );
    expect(findingText(finding, 'es', '2026-06-01')).toBe(
      'El resultado de su Match 2026 aún no está registrado (el Match Day fue el 20 de marzo de 2026): informe a su administrador de caso si obtuvo plaza (en el Match o por SOAP), si quedó sin plaza o si se retiró',
    );
    const first = steps(r, '2026-06-01').slice(0, 2);
    expect(first).toEqual([
      { code: 'record_match_result', season: 2024 },
      { code: 'record_match_result', season: 2026, date: MATCH_DAY },
    ]);
    expect(nextStepText(first[1], 'en')).toBe(
      'Tell your case manager your 2026 Match result (Match Day was 2026-03-20): matched, matched through SOAP, unmatched or withdrawn',
    );
    expect(nextStepText(first[0], 'en')).toBe(
      'Tell your case manager your 2024 Match result: matched, matched through SOAP, unmatched or withdrawn',
    );
    // Staff record it themselves.
    expect(staffNextStepText(first[0])).toBe(
      'Record the client’s 2024 Match result: matched, matched through SOAP, unmatched or withdrawn',
    );
    expect(nextStepText(first[0], 'es')).toBe(
      'Informe a su administrador de caso el resultado de su Match 2024: con plaza, con plaza por SOAP, sin plaza o retirado',
    );
  });

  it('stops asking once a result is recorded, and for a closed record', () => {
    expect(codes(withApps(application({ season: 2026, result: 'unmatched' })), '2026-06-01')).not.toContain(
      'MATCH_RESULT_DUE',
    );
    const closed = records({ ...pending2026, client: { status: 'closed', careerGoal: 'residency' } });
    expect(codes(closed, '2026-06-01')).toEqual([]);
  });

  it('no longer offers the Match steps of a season whose Match Day has gone by, but the next season’s', () => {
    const submitted = withApps(
      application({ season: 2026, erasSubmittedAt: '2025-09-05', nrmpRegisteredAt: '2025-09-20' }),
    );
    expect(steps(submitted, '2026-03-01').map((s) => [s.code, s.season])).toContainEqual(['certify_rank_list', 2026]);
    const after = steps(submitted, '2026-04-01');
    expect(after.some((s) => s.season === 2026 && s.code !== 'record_match_result')).toBe(false);
  });
});

describe('SOAP for an unmatched client', () => {
  const unmatched2026 = withApps(application({ season: 2026, result: 'unmatched' }));

  it('runs from Monday of Match Week to Thursday, the day before Match Day', () => {
    expect(soapWindow(CALENDAR, 2026)).toEqual({ season: 2026, opens: '2026-03-16', closes: '2026-03-19' });
    expect(soapWindow(CALENDAR, 2027)).toBeNull();
  });

  it.each([
    ['before Match Week (a result recorded early)', '2026-03-13', true],
    ['Monday of Match Week', '2026-03-16', true],
    ['Thursday, the last SOAP day', '2026-03-19', true],
    ['Match Day', MATCH_DAY, false],
    ['the day after Match Day', '2026-03-21', false],
  ])('%s (%s): SOAP steps %s', (_label, today, shown) => {
    const soap = steps(unmatched2026, today).filter(
      (s) => s.code === 'apply_in_soap' || s.code === 'answer_soap_offers',
    );
    expect(soap).toEqual(
      shown
        ? [
            { code: 'apply_in_soap', season: 2026, date: '2026-03-16' },
            { code: 'answer_soap_offers', season: 2026, date: '2026-03-19' },
          ]
        : [],
    );
  });

  it('words both SOAP steps with their dates, in English and Spanish', () => {
    const [apply, answer] = steps(unmatched2026, '2026-03-16');
    expect(nextStepText(apply, 'en')).toBe(
      'SOAP of the 2026 Match: apply through ERAS to programs on the List of Unfilled Programs in R3 (from 2026-03-16)',
    );
    expect(nextStepText(answer, 'en')).toBe(
      'Answer SOAP offers in R3 within each offer round: SOAP of the 2026 Match ends on 2026-03-19',
    );
    expect(nextStepText(answer, 'es')).toBe(
      'Responda en R3 las ofertas del SOAP dentro de cada ronda: el SOAP del Match 2026 termina el 19 de marzo de 2026',
    );
  });

  it('is not offered when the exam requirements were unmet on the rank-list deadline, or the season is not the latest', () => {
    const late = records({
      matchApplications: [application({ season: 2026, result: 'unmatched' })],
      exams: [attempt('2024-01-10', 'passed'), attempt('2026-03-10', 'passed', { exam: 'USMLE_STEP2_CK' })],
      credentials: credentials({ step2CsPassedAt: '2020-06-01' }),
    });
    expect(soapUnderWay(late, CALENDAR, '2026-03-16', PATHWAY_RULES)).toBeNull();
    const reapplying = withApps(application({ season: 2026, result: 'unmatched' }), application({ season: 2027 }));
    expect(soapUnderWay(reapplying, CALENDAR, '2026-03-16', PATHWAY_RULES)).toBeNull();
    expect(
      soapUnderWay(withApps(application({ season: 2026, result: 'withdrawn' })), CALENDAR, '2026-03-16', PATHWAY_RULES),
    ).toBeNull();
  });

  it.each([
    ['in March of the Match year', '2027-03-31', ['SOAP_DATES_NOT_IN_CALENDAR']],
    ['once March is over', '2027-04-01', []],
  ])('says the SOAP dates are not in the calendar rather than invent them, %s', (_label, today, expected) => {
    const unmatched2027 = withApps(application({ season: 2027, result: 'unmatched' }));
    expect(soapFindings(unmatched2027, CALENDAR, today, PATHWAY_RULES).map((f) => f.code)).toEqual(expected);
    expect(steps(unmatched2027, today).some((s) => s.code === 'apply_in_soap')).toBe(false);
  });

  it('names the season in the missing-dates warning, in both languages', () => {
    const [finding] = soapFindings(
      withApps(application({ season: 2027, result: 'unmatched' })),
      CALENDAR,
      '2027-03-16',
      PATHWAY_RULES,
    );
    expect(finding).toMatchObject({
      season: 2027,
      rule: { id: 'nrmp-soap', source: 'https://www.nrmp.org/residency-applicants/soap/' },
    });
    expect(finding.message).toContain('The SOAP dates of the 2027 Match are not in the Match calendar');
    expect(findingText(finding, 'es', '2027-03-16')).toContain(
      'Las fechas del SOAP del Match 2027 no están en el calendario',
    );
    expect(
      soapFindings(withApps(application({ season: 2026, result: 'unmatched' })), CALENDAR, '2026-03-16', PATHWAY_RULES),
    ).toEqual([]);
  });
});

describe('matched without the ECFMG certificate', () => {
  const matched = (overrides: Partial<MatchApplicationRecord> = {}) =>
    withApps(application({ season: 2026, result: 'matched', ...overrides }));
  const findings = (r: PathwayRecords, today: string) =>
    certificateBeforeResidencyFindings(r, certificationStatus(r, PATHWAY_RULES), CALENDAR, today, PATHWAY_RULES);

  it.each([
    [
      'Match Day',
      MATCH_DAY,
      'Matched in the 2026 Match without the ECFMG certificate: it is needed before residency starts on 2026-07-01',
    ],
    [
      'the day before residency starts',
      '2026-06-30',
      'Matched in the 2026 Match without the ECFMG certificate: it is needed before residency starts on 2026-07-01',
    ],
    [
      'the day residency starts',
      '2026-07-01',
      'Matched in the 2026 Match without the ECFMG certificate: it is needed before residency starts on 2026-07-01',
    ],
    [
      'the day after',
      '2026-07-02',
      'Residency from the 2026 Match was to start on 2026-07-01 and no ECFMG certificate is recorded: training cannot start without it',
    ],
  ])('is a blocker dated on residency start, %s (%s)', (_label, today, message) => {
    const [finding] = findings(matched(), today);
    expect(finding).toMatchObject({
      code: 'MATCHED_NOT_CERTIFIED',
      severity: 'blocker',
      date: '2026-07-01',
      season: 2026,
      message,
      rule: { id: 'ecfmg-certificate-before-residency' },
    });
  });

  it('names the J-1 and cites ECFMG’s sponsorship for a J-1, in both languages', () => {
    const [ahead] = findings(matched({ visa: 'J-1', result: 'matched_soap' }), '2026-06-30');
    expect(ahead.rule.id).toBe('ecfmg-j1-needs-certificate');
    expect(ahead.message).toBe(
      'Matched in the 2026 Match without the ECFMG certificate: it is needed before residency starts on 2026-07-01, and for the J-1 visa ECFMG sponsors',
    );
    expect(findingText(ahead, 'es', '2026-06-30')).toBe(
      'Obtuvo plaza en el Match 2026 sin el certificado de ECFMG: lo necesita antes de que comience la residencia, el 1 de julio de 2026, y para la visa J-1 que patrocina ECFMG',
    );
    const [gone] = findings(matched({ visa: 'J-1' }), '2026-07-02');
    expect(gone.message).toContain(', nor ECFMG sponsor the J-1 visa');
    expect(findingText(gone, 'es', '2026-07-02')).toBe(
      'Su residencia del Match 2026 debía comenzar el 1 de julio de 2026 y no hay un certificado de ECFMG registrado: sin él no puede comenzar, ni ECFMG puede patrocinar su visa J-1',
    );
    const [plain] = findings(matched(), '2026-07-02');
    expect(findingText(plain, 'es', '2026-07-02')).toBe(
      'Su residencia del Match 2026 debía comenzar el 1 de julio de 2026 y no hay un certificado de ECFMG registrado: sin él no puede comenzar',
    );
  });

  it('takes 1 July of the Match year when the calendar has no residency start', () => {
    expect(residencyStart(CALENDAR, 2027, PATHWAY_RULES)).toBe('2027-07-01');
    expect(findings(withApps(application({ season: 2027, result: 'matched' })), '2027-04-01')[0].date).toBe(
      '2027-07-01',
    );
  });

  it('is silent once certified, in residency, for an earlier match, or without a match', () => {
    expect(
      findings(
        records({ credentials: certified, matchApplications: [application({ season: 2026, result: 'matched' })] }),
        '2026-06-01',
      ),
    ).toEqual([]);
    expect(findings(matched({ residencyBegan: true }), '2026-07-02')).toEqual([]);
    expect(
      findings(withApps(application({ season: 2025, result: 'matched' }), application({ season: 2027 })), '2026-06-01'),
    ).toEqual([]);
    expect(findings(withApps(application({ season: 2026, result: 'unmatched' })), '2026-06-01')).toEqual([]);
    expect(findings(records(), '2026-06-01')).toEqual([]);
  });

  it('reaches the engine’s blockers', () => {
    expect(codes(matched(), '2026-04-01')).toContain('MATCHED_NOT_CERTIFIED');
  });
});
