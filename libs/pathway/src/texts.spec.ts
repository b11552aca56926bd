import { EXAM_NAMES, Finding, FINDING_CODES, FindingCode } from './findings';
import { NEXT_STEP_CODES, NextStep, NextStepCode } from './progress';
import { dateText, findingText, nextStepText, staffNextStepText, TEXT_LANGUAGES } from './texts';

const STEP_FACTS: Record<NextStepCode, Omit<NextStep, 'code'>> = {
  verify_credentials: {},
  await_result: { exam: 'USMLE_STEP1', date: '2026-05-20' },
  reapply_for_exam: { exam: 'USMLE_STEP2_CK', date: '2025-03-31' },
  schedule_exam: { exam: 'USMLE_STEP1', date: '2026-07-31' },
  take_exam: { exam: 'USMLE_STEP2_CK', date: '2026-09-01' },
  report_result: { exam: 'USMLE_STEP1', date: '2026-05-04' },
  plan_retake: { exam: 'USMLE_STEP1' },
  book_oet: { exam: 'OET_MEDICINE' },
  apply_for_exam: { exam: 'USMLE_STEP3' },
  apply_ecfmg_pathway: {},
  apply_ecfmg_certification: {},
  find_clinical_experience: {},
  ask_for_letter: {},
  submit_eras: { season: 2027, date: '2026-09-02' },
  register_nrmp: { season: 2027 },
  certify_rank_list: { season: 2027, date: '2027-03-03', at: '2027-03-03T21:00:00-05:00' },
  rank_list_deadline_passed: { season: 2026, date: '2026-03-04', at: '2026-03-04T21:00:00-05:00' },
  record_match_result: { season: 2026, date: '2026-03-20' },
  apply_in_soap: { season: 2026, date: '2026-03-16' },
  answer_soap_offers: { season: 2026, date: '2026-03-19' },
};

/** What a sentence must name, from its facts: the exam as written on the paperwork, the season, the date. */
function namesOf(facts: { exam?: keyof typeof EXAM_NAMES; season?: number; date?: string }, language: 'en' | 'es') {
  return [
    ...(facts.exam ? [EXAM_NAMES[facts.exam]] : []),
    ...(facts.season ? [String(facts.season)] : []),
    ...(facts.date ? [dateText(facts.date, language)] : []),
  ];
}

describe(nextStepText.name, () => {
  const table = NEXT_STEP_CODES.flatMap((code) => TEXT_LANGUAGES.map((language) => [code, language] as const));

  it.each(table)('%s has its words in %s, naming its exam, season and date', (code, language) => {
    const step: NextStep = { code, ...STEP_FACTS[code] };
    const text = nextStepText(step, language);
    expect(text.length).toBeGreaterThan(10);
    for (const name of namesOf(step, language)) expect(text).toContain(name);
  });

  it.each(NEXT_STEP_CODES)('%s reads differently in Spanish than in English', (code) => {
    const step: NextStep = { code, ...STEP_FACTS[code] };
    expect(nextStepText(step, 'es')).not.toBe(nextStepText(step, 'en'));
  });

  it.each(NEXT_STEP_CODES)(
    '%s is worded for staff too: about the client, naming its exam, season and date, never "you"',
    (code) => {
      const step: NextStep = { code, ...STEP_FACTS[code] };
      const text = staffNextStepText(step);
      expect(text).toMatch(/client/);
      expect(text).not.toMatch(/\b(you|your)\b/i);
      for (const name of namesOf(step, 'en')) expect(text).toContain(name);
      expect(text).not.toBe(nextStepText(step, 'en'));
    },
  );

  it('writes dates out in Spanish and keeps ISO dates in English, leaving out an ERAS opening already past', () => {
    expect(nextStepText({ code: 'take_exam', exam: 'USMLE_STEP1', date: '2026-12-14' }, 'es')).toBe(
      'Presente Step 1 el 14 de diciembre de 2026',
    );
    expect(nextStepText({ code: 'take_exam', exam: 'USMLE_STEP1', date: '2026-12-14' }, 'en')).toBe(
      'Take Step 1 on 2026-12-14',
    );
    expect(nextStepText({ code: 'submit_eras', season: 2027 }, 'es')).toBe(
      'Envíe su solicitud de ERAS para el Match 2027',
    );
  });
});

describe(findingText.name, () => {
  const finding = (code: FindingCode, extra: Partial<Finding> = {}): Finding => ({
    code,
    severity: 'warning',
    message: `English message of ${code}`,
    rule: { id: 'rule', effectiveFrom: '2021-07-01', source: 'https://example.org' },
    exam: 'USMLE_STEP1',
    date: '2026-08-15',
    season: 2027,
    ...extra,
  });

  it.each(FINDING_CODES)('%s has a Spanish sentence of its own', (code) => {
    const text = findingText(finding(code), 'es', '2026-06-01');
    expect(text).not.toBe(`English message of ${code}`);
    expect(text.length).toBeGreaterThan(20);
    // Every other code's sentence differs: no two findings share words by copy and paste.
    const others = FINDING_CODES.filter((c) => c !== code).map((c) => findingText(finding(c), 'es', '2026-06-01'));
    expect(others).not.toContain(text);
  });

  it('names the exam and spells the date out where the finding has them', () => {
    const dated = FINDING_CODES.filter((code) => findingText(finding(code), 'es', '2026-06-01').includes('2026'));
    expect(dated).toEqual(
      expect.arrayContaining([
        'ELIGIBILITY_CLOSING_UNSCHEDULED',
        'SEVEN_YEAR_WINDOW_CLOSING',
        'THREE_ATTEMPTS_IN_12_MONTHS',
      ]),
    );
    expect(findingText(finding('ELIGIBILITY_CLOSING_UNSCHEDULED'), 'es', '2026-06-01')).toBe(
      'Programe Step 1 antes de que termine su período de elegibilidad, el 15 de agosto de 2026',
    );
  });

  it('tells a rank-list deadline ahead from one gone by, with its hour in US Eastern time', () => {
    const at = '2026-08-15T21:00:00-04:00';
    const ahead = findingText(finding('RANK_LIST_DEADLINE_REQUIREMENTS_UNMET', { at }), 'es', '2026-08-01');
    const gone = findingText(finding('RANK_LIST_DEADLINE_MISSED', { at }), 'es', '2026-09-01');
    expect(ahead).toMatch(/^Haga que ECFMG .* 15 de agosto de 2026 a las 21:00 \(hora del Este\) .*Match 2027/);
    expect(gone).toMatch(
      /no había verificado .*Match 2027 \(15 de agosto de 2026 a las 21:00 \(hora del Este\)\): el Match 2027 y su SOAP ya no son posibles/,
    );
    // Without its instant, the day alone.
    expect(findingText(finding('RANK_LIST_DEADLINE_MISSED'), 'es', '2026-09-01')).toContain('(15 de agosto de 2026)');
  });

  it('names the last test day with a result in time, and the deadline when the finding has it', () => {
    const late = finding('RESULT_AFTER_RANK_LIST_DEADLINE', { date: '2027-02-03', at: '2027-03-03T21:00:00-05:00' });
    expect(findingText(late, 'es', '2027-01-10')).toBe(
      'El resultado de su Step 1 llegaría después de la fecha límite de la lista de preferencias del Match 2027 (3 de marzo de 2027 a las 21:00 (hora del Este)): la última fecha de examen con resultado a tiempo es el 3 de febrero de 2027',
    );
    expect(findingText({ ...late, at: undefined }, 'es', '2027-01-10')).toContain('Match 2027: la última');
  });

  it('gives a deadline its time of day and zone in both languages', () => {
    const step: NextStep = {
      code: 'certify_rank_list',
      season: 2027,
      date: '2027-03-03',
      at: '2027-03-03T21:00:00-05:00',
    };
    expect(nextStepText(step, 'en')).toBe('Certify your rank order list by 2027-03-03 at 9:00 p.m. ET');
    expect(nextStepText(step, 'es')).toBe(
      'Certifique su lista de preferencias (rank order list) a más tardar el 3 de marzo de 2027 a las 21:00 (hora del Este)',
    );
    // Morning and noon hours, and the day as US Eastern time reads it (02:30 UTC is still the day before in ET).
    expect(nextStepText({ ...step, at: '2027-03-04T02:30:00Z' }, 'en')).toBe(
      'Certify your rank order list by 2027-03-03 at 9:30 p.m. ET',
    );
    expect(nextStepText({ ...step, at: '2027-03-03T12:00:00-05:00' }, 'en')).toContain('12:00 p.m. ET');
    expect(nextStepText({ ...step, at: '2027-03-03T00:05:00-05:00' }, 'en')).toContain('12:05 a.m. ET');
    expect(nextStepText({ ...step, at: undefined }, 'en')).toBe('Certify your rank order list by 2027-03-03');
  });

  it('turns a rank-list deadline gone by into what it means', () => {
    const step: NextStep = { code: 'rank_list_deadline_passed', ...STEP_FACTS.rank_list_deadline_passed };
    expect(nextStepText(step, 'en')).toBe(
      'The 2026 rank order list deadline passed on 2026-03-04 at 9:00 p.m. ET with no certified list recorded: if it was certified, record the date; if not, the 2026 Match is out of reach, and SOAP in Match Week is open only to registered applicants whose exams ECFMG verified in time',
    );
    expect(nextStepText(step, 'es')).toContain('pasó el 4 de marzo de 2026 a las 21:00 (hora del Este)');
  });

  it('is the rule’s own message in English', () => {
    expect(findingText(finding('H1B_NEEDS_STEP3'), 'en', '2026-06-01')).toBe('English message of H1B_NEEDS_STEP3');
  });
});
