import { CivilDate, civilDateOf } from './civil-date';
import { EXAM_NAMES, Finding, FindingCode } from './findings';
import { deadlineClock } from './deadlines';
import { NextStep, NextStepCode } from './progress';
import { Exam } from './records';
import { PATHWAY_RULES } from './rules';

/** The languages the engine's sentences are written in. */
export const TEXT_LANGUAGES = ['en', 'es'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

const SPANISH_DATE = new Intl.DateTimeFormat('es-US', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * A civil date for a sentence: ISO in English (as staff have always read it), written out in
 * Spanish ("14 de diciembre de 2026"), where a bare 2026-12-14 reads oddly.
 */
export function dateText(date: CivilDate, language: TextLanguage): string {
  return language === 'en' ? date : SPANISH_DATE.format(new Date(`${date}T00:00:00Z`));
}

/**
 * A deadline's day with its time of day and zone as NRMP and ERAS state it, when the facts carry
 * its instant ("2027-03-03 at 9:00 p.m. ET"; "3 de marzo de 2027 a las 21:00 (hora del Este)").
 */
function deadlineText(facts: { date?: CivilDate; at?: string }, language: TextLanguage): string {
  if (!facts.at) return dateText(facts.date as CivilDate, language);
  const day = dateText(civilDateOf(new Date(facts.at), PATHWAY_RULES.rankListDeadline.timeZone), language);
  const clock = deadlineClock({ date: day, at: facts.at }, PATHWAY_RULES, language);
  return language === 'en' ? `${day} at ${clock}` : `${day} a las ${clock}`;
}

/** Exam names stay as the USMLE and OET write them, in every language: they are the names on the paperwork. */
const exam = (value: { exam?: Exam }) => EXAM_NAMES[value.exam as Exam];

type Sentence<T> = (facts: T, on: (date: CivilDate | undefined) => string) => string;

/**
 * Every next step in every language. A code added to NEXT_STEP_CODES without its words here
 * does not compile. Spanish: neutral Latin American, "usted", exam and program names untranslated.
 */
const NEXT_STEP_TEXTS: Record<TextLanguage, Record<NextStepCode, Sentence<NextStep>>> = {
  en: {
    verify_credentials: () => 'Have ECFMG verify your diploma and final medical school transcript with your school',
    await_result: (s, on) => `Wait for your ${exam(s)} result (taken on ${on(s.date)})`,
    reapply_for_exam: (s, on) => `Apply for ${exam(s)} again: your eligibility window closed on ${on(s.date)}`,
    schedule_exam: (s, on) => `Schedule ${exam(s)} before your eligibility window closes on ${on(s.date)}`,
    take_exam: (s, on) => `Take ${exam(s)} on ${on(s.date)}`,
    report_result: (s, on) =>
      `Report how ${exam(s)} went (it was booked for ${on(s.date)}): the result, or the new date if it moved`,
    plan_retake: (s) => `Plan your next ${exam(s)} attempt with your case manager`,
    book_oet: () => 'Book OET Medicine',
    apply_for_exam: (s) => `Apply for ${exam(s)} and choose an eligibility window`,
    apply_ecfmg_pathway: () => 'Apply for an ECFMG Pathway (clinical and communication skills)',
    apply_ecfmg_certification: () => 'Apply for ECFMG certification',
    find_clinical_experience: () => 'Find US clinical experience: an observership, externship or clinical rotation',
    ask_for_letter: () => 'Ask your clinical supervisor for a letter of recommendation',
    submit_eras: (s, on) =>
      `Submit your ERAS application for the ${s.season} Match${s.date ? ` (from ${on(s.date)})` : ''}`,
    register_nrmp: (s) => `Register with NRMP for the ${s.season} Match`,
    certify_rank_list: (s) => `Certify your rank order list by ${deadlineText(s, 'en')}`,
    rank_list_deadline_passed: (s) =>
      `The ${s.season} rank order list deadline passed on ${deadlineText(s, 'en')} with no certified list recorded: if it was certified, record the date; if not, the ${s.season} Match is out of reach, and SOAP in Match Week is open only to registered applicants whose exams ECFMG verified in time`,
    record_match_result: (s, on) =>
      `Tell your case manager your ${s.season} Match result${s.date ? ` (Match Day was ${on(s.date)})` : ''}: matched, matched through SOAP, unmatched or withdrawn`,
    apply_in_soap: (s, on) =>
      `SOAP of the ${s.season} Match: apply through ERAS to programs on the List of Unfilled Programs in R3 (from ${on(s.date)})`,
    answer_soap_offers: (s, on) =>
      `Answer SOAP offers in R3 within each offer round: SOAP of the ${s.season} Match ends on ${on(s.date)}`,
  },
  es: {
    verify_credentials: () =>
      'Solicite que ECFMG verifique con su facultad de medicina su diploma y su certificado final de calificaciones',
    await_result: (s, on) => `Espere su resultado de ${exam(s)} (presentado el ${on(s.date)})`,
    reapply_for_exam: (s, on) => `Vuelva a solicitar ${exam(s)}: su período de elegibilidad terminó el ${on(s.date)}`,
    schedule_exam: (s, on) => `Programe ${exam(s)} antes de que termine su período de elegibilidad, el ${on(s.date)}`,
    take_exam: (s, on) => `Presente ${exam(s)} el ${on(s.date)}`,
    report_result: (s, on) =>
      `Informe cómo le fue en ${exam(s)} (estaba programado para el ${on(s.date)}): el resultado, o la nueva fecha si cambió`,
    plan_retake: (s) => `Planifique con su administrador de caso su próximo intento de ${exam(s)}`,
    book_oet: () => 'Reserve una fecha para OET Medicine',
    apply_for_exam: (s) => `Solicite ${exam(s)} y elija un período de elegibilidad`,
    apply_ecfmg_pathway: () => 'Solicite un ECFMG Pathway (habilidades clínicas y de comunicación)',
    apply_ecfmg_certification: () => 'Solicite la certificación de ECFMG',
    find_clinical_experience: () =>
      'Busque experiencia clínica en los EE. UU.: un observership, un externship o una rotación clínica',
    ask_for_letter: () => 'Pida una carta de recomendación a su supervisor clínico',
    submit_eras: (s, on) =>
      `Envíe su solicitud de ERAS para el Match ${s.season}${s.date ? ` (a partir del ${on(s.date)})` : ''}`,
    register_nrmp: (s) => `Regístrese en el NRMP para el Match ${s.season}`,
    certify_rank_list: (s) =>
      `Certifique su lista de preferencias (rank order list) a más tardar el ${deadlineText(s, 'es')}`,
    rank_list_deadline_passed: (s) =>
      `La fecha límite de la lista de preferencias del Match ${s.season} pasó el ${deadlineText(s, 'es')} sin una lista certificada registrada: si la certificó, informe la fecha; si no, el Match ${s.season} ya no es posible, y el SOAP de la Match Week solo está abierto a quienes se registraron y tenían sus exámenes verificados por ECFMG a tiempo`,
    record_match_result: (s, on) =>
      `Informe a su administrador de caso el resultado de su Match ${s.season}${s.date ? ` (el Match Day fue el ${on(s.date)})` : ''}: con plaza, con plaza por SOAP, sin plaza o retirado`,
    apply_in_soap: (s, on) =>
      `SOAP del Match ${s.season}: envíe solicitudes por ERAS a los programas de la List of Unfilled Programs en R3 (a partir del ${on(s.date)})`,
    answer_soap_offers: (s, on) =>
      `Responda en R3 las ofertas del SOAP dentro de cada ronda: el SOAP del Match ${s.season} termina el ${on(s.date)}`,
  },
};

export function nextStepText(step: NextStep, language: TextLanguage): string {
  return NEXT_STEP_TEXTS[language][step.code](step, (date) => dateText(date as CivilDate, language));
}

/**
 * Every next step as staff read it on the client's record: in English, about the client and what
 * the case manager does with them (the IMG's own words above say "your" and "your case manager").
 */
const STAFF_NEXT_STEP_TEXTS: Record<NextStepCode, Sentence<NextStep>> = {
  verify_credentials: () =>
    'Have ECFMG verify the client’s diploma and final medical school transcript with their school',
  await_result: (s, on) => `Wait for the client’s ${exam(s)} result (taken on ${on(s.date)}), then record it`,
  reapply_for_exam: (s, on) =>
    `The client’s ${exam(s)} eligibility window closed on ${on(s.date)}: help them apply again`,
  schedule_exam: (s, on) =>
    `Help the client schedule ${exam(s)} before their eligibility window closes on ${on(s.date)}`,
  take_exam: (s, on) => `The client takes ${exam(s)} on ${on(s.date)}`,
  report_result: (s, on) =>
    `Record how the client’s ${exam(s)} went (it was booked for ${on(s.date)}): the result, or the new date if it moved`,
  plan_retake: (s) => `Plan the client’s next ${exam(s)} attempt with them`,
  book_oet: () => 'The client books OET Medicine',
  apply_for_exam: (s) => `The client applies for ${exam(s)} and chooses an eligibility window`,
  apply_ecfmg_pathway: () => 'The client applies for an ECFMG Pathway (clinical and communication skills)',
  apply_ecfmg_certification: () => 'The client applies for ECFMG certification',
  find_clinical_experience: () =>
    'Help the client find US clinical experience: an observership, externship or clinical rotation',
  ask_for_letter: () => 'The client asks their clinical supervisor for a letter of recommendation',
  submit_eras: (s, on) =>
    `The client submits their ERAS application for the ${s.season} Match${s.date ? ` (from ${on(s.date)})` : ''}`,
  register_nrmp: (s) => `The client registers with NRMP for the ${s.season} Match`,
  certify_rank_list: (s) => `The client certifies their rank order list by ${deadlineText(s, 'en')}`,
  rank_list_deadline_passed: (s) =>
    `The ${s.season} rank order list deadline passed on ${deadlineText(s, 'en')} with no certified list recorded: if the client certified it, record the date; if not, the ${s.season} Match is out of reach, and SOAP in Match Week is open only to registered applicants whose exams ECFMG verified in time`,
  record_match_result: (s, on) =>
    `Record the client’s ${s.season} Match result${s.date ? ` (Match Day was ${on(s.date)})` : ''}: matched, matched through SOAP, unmatched or withdrawn`,
  apply_in_soap: (s, on) =>
    `SOAP of the ${s.season} Match: the client applies through ERAS to programs on the List of Unfilled Programs in R3 (from ${on(s.date)})`,
  answer_soap_offers: (s, on) =>
    `The client answers SOAP offers in R3 within each offer round: SOAP of the ${s.season} Match ends on ${on(s.date)}`,
};

export function staffNextStepText(step: NextStep): string {
  return STAFF_NEXT_STEP_TEXTS[step.code](step, (date) => dateText(date as CivilDate, 'en'));
}

type FindingSentence = (finding: Finding, on: (date: CivilDate | undefined) => string, today: CivilDate) => string;

/**
 * What each finding says to the IMG in Spanish, from its exam, date and season. The English is
 * the finding's own message, written by the rule that found it (and read by staff too).
 */
const SPANISH_FINDINGS: Record<FindingCode, FindingSentence> = {
  THIRD_ATTEMPT_USED: (f) => `Ya usó su tercer intento de ${exam(f)}: el próximo será el último permitido`,
  ATTEMPT_LIMIT_REACHED: (f) => `Ya usó todos los intentos permitidos de ${exam(f)}`,
  LAST_ATTEMPT_PENDING: (f) => `Su último intento permitido de ${exam(f)} está a la espera del resultado`,
  ALL_STEPS_BARRED: (f) =>
    `Agotó los intentos permitidos de ${exam(f)} sin aprobarlo (los incompletos también cuentan): ya no puede presentar ningún Step del USMLE`,
  THREE_ATTEMPTS_IN_12_MONTHS: (f, on) =>
    `Ya alcanzó el máximo de intentos de ${exam(f)} en 12 meses: el próximo podrá ser a partir del ${on(f.date)}`,
  FOURTH_ATTEMPT_TOO_SOON_AFTER_FIRST: (f, on) =>
    `Un cuarto intento de ${exam(f)} (o posterior) debe ser al menos 12 meses después del primero: a partir del ${on(f.date)}`,
  FOURTH_ATTEMPT_TOO_SOON_AFTER_LAST: (f, on) =>
    `Un cuarto intento de ${exam(f)} (o posterior) debe ser al menos 6 meses después del más reciente: a partir del ${on(f.date)}`,
  PASSED_STEP_NOT_RETAKEN: (f) =>
    `Ya aprobó ${exam(f)}: un Step aprobado solo se vuelve a presentar para cumplir un plazo (el de 7 años de ECFMG), y ninguno se aplica en su caso`,
  STEP1_IS_PASS_FAIL: (f, on) =>
    `Desde el ${on(f.date)}, ${exam(f)} solo se califica como aprobado o reprobado: no registre un puntaje`,
  TEST_DATE_BEFORE_ELIGIBILITY: (f, on) =>
    `La fecha de ${exam(f)} es anterior al inicio de su período de elegibilidad, el ${on(f.date)}`,
  TEST_DATE_AFTER_ELIGIBILITY: (f, on) =>
    `La fecha de ${exam(f)} es posterior al cierre de su período de elegibilidad, el ${on(f.date)}`,
  ELIGIBILITY_CLOSING_UNSCHEDULED: (f, on) =>
    `Programe ${exam(f)} antes de que termine su período de elegibilidad, el ${on(f.date)}`,
  ELIGIBILITY_EXPIRED: (f, on) =>
    `Su período de elegibilidad para ${exam(f)} terminó el ${on(f.date)} sin que presentara el examen: vuelva a solicitarlo`,
  OET_BEFORE_CYCLE_CUTOFF: (f, on) =>
    `Su ${exam(f)} del ${on(f.date)} es anterior a la fecha mínima de su ciclo de ECFMG Pathways: debe presentarlo de nuevo`,
  OET_BELOW_THRESHOLD: (f, on) =>
    `Su ${exam(f)} del ${on(f.date)} no alcanzó el puntaje mínimo en todas las secciones, que deben alcanzarse en una misma sesión`,
  OET_CYCLE_RULE_ASSUMED: (f) =>
    `La regla de ECFMG para OET Medicine (fecha mínima del examen) de la temporada ${f.season} de los Pathways no está registrada: su administrador de caso la confirmará con ECFMG`,
  PATHWAY_REVALIDATION_NEEDED: (f) =>
    `Su ECFMG Pathway fue aceptado para otra temporada y su solicitud en curso es para el Match ${f.season}: confirme con ECFMG que sigue siendo válido para ${f.season} y, si está vencido o por vencer, solicite la revalidación (Pathways Revalidation)`,
  CERTIFICATE_TIME_LIMITED: (f, on) =>
    f.date
      ? `Su certificado de ECFMG, obtenido por un Pathway, puede vencer hasta que complete 12 meses de residencia acreditada por ACGME (a partir del ${on(f.date)} si su formación no se interrumpe); entonces pasa a ser permanente`
      : 'Su certificado de ECFMG, obtenido por un Pathway, puede vencer: pasa a ser permanente solo después de 12 meses de residencia acreditada por ACGME; revise su fecha de vencimiento y revalídelo si vence antes de empezar',
  SEVEN_YEAR_WINDOW_CLOSING: (f, on) =>
    `Apruebe ${exam(f)} a más tardar el ${on(f.date)}: ese día se cierra su plazo de 7 años de ECFMG`,
  SEVEN_YEAR_WINDOW_CLOSED: (f, on) =>
    `Su plazo de 7 años de ECFMG se cerró el ${on(f.date)}: los exámenes aprobados antes ya no cuentan para la certificación`,
  RANK_LIST_DEADLINE_REQUIREMENTS_UNMET: (f) =>
    `Haga que ECFMG verifique los requisitos de exámenes a más tardar el ${deadlineText(f, 'es')} (fecha límite de la lista de preferencias del Match ${f.season}) para participar en ese Match: los resultados deben estar publicados para entonces, no basta con haber presentado los exámenes`,
  RANK_LIST_DEADLINE_MISSED: (f) =>
    `ECFMG no había verificado los requisitos de exámenes en la fecha límite de la lista de preferencias del Match ${f.season} (${deadlineText(f, 'es')}): el Match ${f.season} y su SOAP ya no son posibles; informe el resultado de su solicitud cuando el NRMP lo confirme`,
  RESULT_AFTER_RANK_LIST_DEADLINE: (f) =>
    `El resultado de su ${exam(f)} llegaría después de la fecha límite de la lista de preferencias del Match ${f.season}${f.at ? ` (${deadlineText({ at: f.at }, 'es')})` : ''}: la última fecha de examen con resultado a tiempo es el ${dateText(f.date as CivilDate, 'es')}`,
  STEP3_NEEDS_CERTIFICATION: () => 'Step 3 solo puede presentarse después de obtener la certificación de ECFMG',
  H1B_NEEDS_STEP3: () =>
    'Una visa H-1B para la residencia requiere haber aprobado Step 3; la J-1 (patrocinada por ECFMG) no lo requiere',
  MATCH_RESULT_DUE: (f, on) =>
    `El resultado de su Match ${f.season} aún no está registrado${f.date ? ` (el Match Day fue el ${on(f.date)})` : ''}: informe a su administrador de caso si obtuvo plaza (en el Match o por SOAP), si quedó sin plaza o si se retiró`,
  SOAP_DATES_NOT_IN_CALENDAR: (f) =>
    `Las fechas del SOAP del Match ${f.season} no están en el calendario del Match: consúltelas en nrmp.org (el SOAP va del lunes al jueves de la Match Week)`,
  MATCHED_NOT_CERTIFIED: (f, on, today) => {
    const j1 = f.rule.id === PATHWAY_RULES.j1NeedsCertificate.id;
    return (f.date as CivilDate) < today
      ? `Su residencia del Match ${f.season} debía comenzar el ${on(f.date)} y no hay un certificado de ECFMG registrado: sin él no puede comenzar${j1 ? ', ni ECFMG puede patrocinar su visa J-1' : ''}`
      : `Obtuvo plaza en el Match ${f.season} sin el certificado de ECFMG: lo necesita antes de que comience la residencia, el ${on(f.date)}${j1 ? ', y para la visa J-1 que patrocina ECFMG' : ''}`;
  },
};

/** A finding's sentence in the language; `today` tells a deadline ahead from one gone by. */
export function findingText(finding: Finding, language: TextLanguage, today: CivilDate): string {
  if (language === 'en') return finding.message;
  return SPANISH_FINDINGS[finding.code](finding, (date) => dateText(date as CivilDate, language), today);
}
