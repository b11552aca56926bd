import { CLINICAL_KINDS, EXAM_NAMES, EXAMS } from '@lib/pathway';
import { REMINDER_RULES, ReminderRule } from './reminder-rules';
import { MESSAGE_LANGUAGES, MessageLanguage } from '@lib/identity';
import { renderReminder, TemplateContext } from './reminder-templates';

const AUDIENCES = ['client', 'staff'] as const;
const LINK = 'https://pathways.example.org/clients/c1';

function context(language: MessageLanguage, audience: TemplateContext['audience']): TemplateContext {
  return {
    language,
    audience,
    recipientName: audience === 'client' ? 'Ana López' : 'Marta Ruiz',
    clientName: 'Ana López',
    link: LINK,
  };
}

/** Data as the rules produce it; every event on Monday 14 December 2026. */
const DATA: Record<ReminderRule, Record<string, string | number>> = {
  exam_upcoming: { exam: 'USMLE_STEP1', date: '2026-12-14', daysBefore: 7 },
  eligibility_closing: { exam: 'USMLE_STEP2_CK', date: '2026-12-14', daysBefore: 14 },
  result_pending: { exam: 'USMLE_STEP1', date: '2026-12-14' },
  report_result: { exam: 'USMLE_STEP2_CK', date: '2026-12-14' },
  oet_cutoff: { season: 2025, date: '2026-12-14', testDate: '2024-12-14' },
  match_deadline: { season: 2027, event: 'rank_list_deadline', date: '2026-12-14', daysBefore: 7 },
  requirements_unmet: { season: 2027, date: '2026-12-14', at: '2026-12-14T21:00:00-05:00', daysBefore: 30 },
  match_result_due: { season: 2027, date: '2026-12-14' },
  soap_open: { season: 2027, opens: '2026-12-10', date: '2026-12-14' },
  document_review_requested: { category: 'personal_statement', version: 2 },
  document_reviewed: { category: 'cv', version: 3 },
  task_due: { title: 'Upload the MSPE', date: '2026-12-14', daysBefore: 1 },
  task_overdue: { title: 'Upload the MSPE', date: '2026-12-14' },
  third_attempt_used: { exam: 'USMLE_STEP2_CK' },
  seven_year_window: { date: '2026-12-14', daysBefore: 90 },
  clinical_experience_ending: { kind: 'clinical_rotation', date: '2026-12-14', daysBefore: 14 },
  no_contact: { since: '2026-12-14' },
};

const DATE: Record<MessageLanguage, string> = { en: 'Monday, December 14, 2026', es: 'lunes, 14 de diciembre de 2026' };

/** A phrase each rule's message must hold, in each language. */
const PHRASES: Record<ReminderRule, Record<MessageLanguage, string>> = {
  exam_upcoming: { en: 'Step 1 is in 7 days', es: 'examen Step 1' },
  eligibility_closing: { en: 'Step 2 CK eligibility period', es: 'período de elegibilidad' },
  result_pending: { en: 'result', es: 'resultado' },
  report_result: { en: 'Step 2 CK was booked for', es: 'examen Step 2 CK' },
  oet_cutoff: { en: 'Saturday, December 14, 2024', es: 'sábado, 14 de diciembre de 2024' },
  match_deadline: { en: 'rank order list certification deadline', es: 'lista de preferencias' },
  requirements_unmet: { en: 'rank order list deadline', es: 'lista de preferencias del Match 2027' },
  match_result_due: { en: '2027 Match result', es: 'resultado del Match 2027' },
  soap_open: { en: 'SOAP of the 2027 Match runs from Thursday, December 10, 2026', es: 'SOAP del Match 2027' },
  document_review_requested: { en: 'version 2 of', es: 'versión 2 de su declaración personal' },
  document_reviewed: { en: 'Version 3', es: 'versión 3' },
  task_due: { en: 'due tomorrow', es: 'vence mañana' },
  task_overdue: { en: 'still open', es: 'sigue abierta' },
  third_attempt_used: { en: 'three attempts at Step 2 CK', es: 'tres intentos del examen Step 2 CK' },
  seven_year_window: { en: 'seven-year window', es: 'plazo de siete años' },
  clinical_experience_ending: { en: 'clinical rotation', es: 'rotación clínica' },
  no_contact: { en: 'since', es: 'desde' },
};

/** Words only "tú" uses: the possessives, the pronouns and the second-person verbs of these messages. */
const TU_FORMS =
  /\b(tu|tus|te|ti|tienes|puedes|recibes|trabajas|has|presentaste|consulta|abre|revisa|reserva|pide|aprueba|avísanos|respóndenos|ponte|ayúdale|recuérdale)\b/i;

/** Rules about something that happened now, not on a date: a third attempt, a document's review. */
const UNDATED: readonly ReminderRule[] = ['third_attempt_used', 'document_review_requested', 'document_reviewed'];
const DATED: readonly ReminderRule[] = REMINDER_RULES.filter((rule) => !UNDATED.includes(rule));
const CASES = REMINDER_RULES.flatMap((rule) =>
  MESSAGE_LANGUAGES.flatMap((language) => AUDIENCES.map((audience) => [rule, language, audience] as const)),
);

describe(renderReminder.name, () => {
  describe.each(CASES)('%s in %s for the %s', (rule, language, audience) => {
    const out = renderReminder(rule, DATA[rule], context(language, audience));
    const fields = Object.entries(out);

    it('fills every field, with no undefined, NaN or [object …] in any', () => {
      expect(Object.keys(out).sort()).toEqual(['body', 'html', 'subject', 'text', 'title']);
      for (const [, value] of fields) {
        expect(value.trim()).not.toBe('');
        expect(value).not.toMatch(/undefined|NaN|\[object/);
      }
    });

    it('keeps the subject and title to one short line', () => {
      expect(out.subject).not.toContain('\n');
      expect(out.subject.length).toBeLessThanOrEqual(150);
      expect(out.title).not.toContain('\n');
      expect(out.title.length).toBeLessThanOrEqual(120);
    });

    it('says what the rule is about, in the language', () => {
      expect(out.body).toContain(PHRASES[rule][language]);
      expect(out.text).toContain(PHRASES[rule][language]);
    });

    if (DATED.includes(rule)) {
      it('writes the date out in the language', () => {
        expect(out.body).toContain(DATE[language]);
        expect(out.text).toContain(DATE[language]);
        expect(out.html).toContain(DATE[language]);
      });
    }

    if (language === 'es') {
      // The app and the engine's sentences say "usted"; an e-mail in "tú" would read as another voice.
      it('addresses the reader as "usted", never "tú"', () => {
        expect(out.text).not.toMatch(TU_FORMS);
        expect(out.text).toMatch(/\b(su|sus|usted|le|recibe|puede)\b/i);
      });
    }

    it('names the client to staff, and speaks to the IMG without naming them', () => {
      if (audience === 'staff') expect(out.body).toContain('Ana López');
      else expect(out.body).not.toContain('Ana López');
    });

    it('writes an e-mail with a greeting, the link and a footer about preferences', () => {
      expect(out.text.startsWith(language === 'es' ? 'Hola, ' : 'Hello ')).toBe(true);
      expect(out.text).toContain(audience === 'staff' ? 'Marta Ruiz' : 'Ana López');
      expect(out.text).toContain(LINK);
      expect(out.text).toContain(language === 'es' ? 'preferencias' : 'preferences');
      expect(out.body).not.toContain(LINK);
      expect(out.html).toMatch(new RegExp(`^<!DOCTYPE html>\\s*<html lang="${language}">`));
      expect(out.html).toContain(`<a href="${LINK}">`);
      expect(out.html).toContain('<p>');
    });
  });

  it.each(REMINDER_RULES.flatMap((rule) => AUDIENCES.map((audience) => [rule, audience] as const)))(
    '%s for the %s differs in Spanish from English',
    (rule, audience) => {
      const en = renderReminder(rule, DATA[rule], context('en', audience));
      const es = renderReminder(rule, DATA[rule], context('es', audience));
      expect(es.subject).not.toBe(en.subject);
      expect(es.body).not.toBe(en.body);
      expect(es.text).not.toBe(en.text);
      if (DATED.includes(rule)) expect(es.text).toContain('diciembre');
      expect(en.text).not.toContain('diciembre');
    },
  );

  it.each([
    ['en', 'due today'],
    ['es', 'vence hoy'],
  ] as const)('a task reminder caught up on its due day says today (%s)', (language, phrase) => {
    const out = renderReminder(
      'task_due',
      { title: 'Sign the form', date: '2026-12-14', daysBefore: 0 },
      context(language, 'client'),
    );
    expect(out.body).toContain(phrase);
    expect(out.subject).not.toMatch(/tomorrow|mañana/);
  });

  describe('a task title typed by a user', () => {
    const title = '<script>alert(1)</script> & "x"';
    it.each(
      (['task_due', 'task_overdue'] as const).flatMap((rule) =>
        MESSAGE_LANGUAGES.flatMap((language) => AUDIENCES.map((audience) => [rule, language, audience] as const)),
      ),
    )('%s in %s for the %s is escaped in html and verbatim in text', (rule, language, audience) => {
      const out = renderReminder(rule, { title, date: '2026-12-14' }, context(language, audience));
      expect(out.html).not.toContain('<script>');
      expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
      expect(out.text).toContain(title);
      expect(out.body).toContain(title);
      expect(out.subject).toContain(title);
    });

    it('with line breaks and hundreds of characters still makes a one-line subject and title', () => {
      const long = `Line one\nline two ${'x'.repeat(300)}`;
      const out = renderReminder('task_overdue', { title: long, date: '2026-12-14' }, context('en', 'staff'));
      expect(out.subject).not.toContain('\n');
      expect(out.subject.length).toBeLessThanOrEqual(150);
      expect(out.subject.endsWith('…')).toBe(true);
      expect(out.title.length).toBeLessThanOrEqual(120);
      expect(out.text).toContain(long);
    });
  });

  it('escapes the client name and the link in html', () => {
    const out = renderReminder('no_contact', DATA.no_contact, {
      ...context('en', 'staff'),
      clientName: 'Ana <b>López</b>',
      link: 'https://pathways.example.org/c?a=1&b="2"',
    });
    expect(out.html).not.toContain('<b>');
    expect(out.html).toContain('Ana &lt;b&gt;López&lt;/b&gt;');
    expect(out.html).toContain('<a href="https://pathways.example.org/c?a=1&amp;b=&quot;2&quot;">');
    expect(out.text).toContain('Ana <b>López</b>');
  });

  it.each([
    ['en', 1, 'tomorrow'],
    ['es', 1, 'mañana'],
    ['en', 7, 'in 7 days'],
    ['es', 7, 'dentro de 7 días'],
    ['en', 30, 'in 30 days'],
    ['es', 30, 'dentro de 30 días'],
  ] as const)('in %s, an exam %i day(s) ahead is "%s"', (language, daysBefore, phrase) => {
    const out = renderReminder('exam_upcoming', { ...DATA.exam_upcoming, daysBefore }, context(language, 'client'));
    expect(out.subject).toContain(phrase);
    expect(out.body).toContain(phrase);
  });

  it.each([
    ['eras_submission_opens', 0, 'en', 'ERAS submission for the 2027 Match opens today'],
    ['eras_submission_opens', 0, 'es', 'El envío de solicitudes en ERAS para el Match 2027 se abre hoy'],
    ['nrmp_registration_deadline', 7, 'en', 'NRMP registration deadline for the 2027 Match is in 7 days'],
    [
      'nrmp_registration_deadline',
      7,
      'es',
      'fecha límite de registro en el NRMP para el Match 2027 es dentro de 7 días',
    ],
    ['rank_list_deadline', 1, 'en', 'rank order list certification deadline for the 2027 Match is tomorrow'],
    ['rank_list_deadline', 1, 'es', 'certificar la lista de preferencias (rank order list) del Match 2027 es mañana'],
    ['match_week_starts', 0, 'en', '2027 Match Week begins today'],
    ['match_week_starts', 0, 'es', 'La Match Week 2027 comienza hoy'],
  ] as const)('names the Match event %s (%i days ahead) in %s', (event, daysBefore, language, phrase) => {
    const data = { season: 2027, event, date: '2026-12-14', daysBefore };
    for (const audience of AUDIENCES) {
      const out = renderReminder('match_deadline', data, context(language, audience));
      expect(out.subject).toContain(phrase);
      expect(out.body).toContain(phrase);
      expect(out.body).not.toContain(event);
    }
  });

  it.each(EXAMS.flatMap((exam) => MESSAGE_LANGUAGES.map((language) => [exam, language] as const)))(
    'names %s by its display name in %s',
    (exam, language) => {
      const out = renderReminder('exam_upcoming', { ...DATA.exam_upcoming, exam }, context(language, 'client'));
      expect(out.body).toContain(EXAM_NAMES[exam]);
      expect(out.body).not.toContain(exam);
    },
  );

  it.each(CLINICAL_KINDS.flatMap((kind) => MESSAGE_LANGUAGES.map((language) => [kind, language] as const)))(
    'names the clinical experience %s in words in %s',
    (kind, language) => {
      const data = { ...DATA.clinical_experience_ending, kind };
      for (const audience of AUDIENCES) {
        const out = renderReminder('clinical_experience_ending', data, context(language, audience));
        expect(out.body).not.toContain('_');
        expect(out.body).toContain(language === 'es' ? 'carta de recomendación' : 'letter of recommendation');
      }
    },
  );

  it('refuses a rule it has no template for', () => {
    expect(() => renderReminder('no_such_rule' as ReminderRule, {}, context('en', 'staff'))).toThrow(/no_such_rule/);
  });
});

describe('match_deadline with its instant', () => {
  it.each([
    ['en', 'client', '(Wednesday, March 3, 2027, 9:00 p.m. ET).'],
    ['en', 'staff', '(Wednesday, March 3, 2027, 9:00 p.m. ET). Ana has'],
    ['es', 'client', '(miércoles, 3 de marzo de 2027, a las 21:00 (hora del Este)).'],
    ['es', 'staff', '(miércoles, 3 de marzo de 2027, a las 21:00 (hora del Este)). Ana tiene'],
  ] as const)('in %s for the %s says the hour and zone NRMP states', (language, audience, expected) => {
    const data = {
      season: 2027,
      event: 'rank_list_deadline',
      date: '2027-03-03',
      at: '2027-03-03T21:00:00-05:00',
      daysBefore: 1,
    };
    const out = renderReminder('match_deadline', data, { ...context(language, audience), clientName: 'Ana' });
    expect(out.body).toContain(expected);
  });

  it('shows the day alone when the instant is missing or unreadable', () => {
    const data = { season: 2027, event: 'rank_list_deadline', date: '2027-03-03', daysBefore: 1 };
    expect(renderReminder('match_deadline', data, context('en', 'client')).body).toContain(
      '(Wednesday, March 3, 2027).',
    );
    expect(renderReminder('match_deadline', { ...data, at: 'soon' }, context('en', 'client')).body).toContain(
      '(Wednesday, March 3, 2027).',
    );
  });
});
