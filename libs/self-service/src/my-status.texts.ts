import { EXAM_NAMES, Exam, Stage, TextLanguage } from '@lib/pathway';

/** Each stage in plain words, for the IMG. Spanish: neutral Latin American, "usted". */
export const STAGE_TEXT: Record<TextLanguage, Record<Stage, string>> = {
  en: {
    intake: 'Getting started with your case manager',
    credentialing: 'Verifying your medical education',
    exams: 'Taking the USMLE and English exams',
    ecfmg_certified: 'ECFMG certified',
    clinical_experience: 'Gaining US clinical experience',
    applying: 'Applying to residency',
    matched: 'Matched to a residency program',
    in_residency: 'In residency',
    alternative_career: 'Building an alternative career in health care',
    closed: 'Your case is closed',
  },
  es: {
    intake: 'Dando los primeros pasos con su administrador de caso',
    credentialing: 'Verificando su formación médica',
    exams: 'Presentando los exámenes USMLE y de inglés',
    ecfmg_certified: 'Con la certificación de ECFMG',
    clinical_experience: 'Adquiriendo experiencia clínica en los EE. UU.',
    applying: 'Solicitando una plaza de residencia',
    matched: 'Con plaza en un programa de residencia (Match)',
    in_residency: 'En la residencia',
    alternative_career: 'Construyendo una carrera alternativa en el área de la salud',
    closed: 'Su caso está cerrado',
  },
};

/** Match dates an applicant acts on (the calendar has more), by their key in the season calendar. */
export const MATCH_EVENT_KEYS = [
  'eras_submission_opens',
  'nrmp_registration_deadline',
  'rank_list_deadline',
  'match_week_starts',
  'match_day',
] as const;
type MatchEventKey = (typeof MATCH_EVENT_KEYS)[number];

const MATCH_EVENTS: Record<TextLanguage, Record<MatchEventKey, string>> = {
  en: {
    eras_submission_opens: 'ERAS: applications can be submitted',
    nrmp_registration_deadline: 'NRMP registration deadline',
    rank_list_deadline: 'Rank order list deadline',
    match_week_starts: 'Match Week begins',
    match_day: 'Match Day',
  },
  es: {
    eras_submission_opens: 'ERAS: ya se pueden enviar solicitudes',
    nrmp_registration_deadline: 'Fecha límite de registro en el NRMP',
    rank_list_deadline: 'Fecha límite de la lista de preferencias (rank order list)',
    match_week_starts: 'Comienza la Match Week',
    match_day: 'Match Day',
  },
};

/** The label of each kind of deadline, in the reader's language; exam names stay as on the paperwork. */
export const DEADLINE_LABELS: Record<
  TextLanguage,
  {
    examDay: (exam: Exam) => string;
    eligibilityEnds: (exam: Exam) => string;
    /** `clock`: the event's time of day and zone as NRMP and ERAS state it, when the calendar gives one. */
    match: (season: number, event: MatchEventKey, clock: string | null) => string;
  }
> = {
  en: {
    examDay: (exam) => `${EXAM_NAMES[exam]} exam day`,
    eligibilityEnds: (exam) => `${EXAM_NAMES[exam]}: eligibility window ends`,
    match: (season, event, clock) => `${season} Match: ${MATCH_EVENTS.en[event]}${clock ? `, ${clock}` : ''}`,
  },
  es: {
    examDay: (exam) => `Día del examen ${EXAM_NAMES[exam]}`,
    eligibilityEnds: (exam) => `${EXAM_NAMES[exam]}: termina su período de elegibilidad`,
    match: (season, event, clock) => `Match ${season}: ${MATCH_EVENTS.es[event]}${clock ? `, a las ${clock}` : ''}`,
  },
};

/** The name of the calendar feed, as a calendar app lists it. */
export const FEED_NAME: Record<TextLanguage, string> = {
  en: 'IMG Pathways: my deadlines',
  es: 'IMG Pathways: mis fechas límite',
};
