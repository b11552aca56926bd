import escapeHtml from 'escape-html';
import { MessageLanguage } from '@lib/identity';
import { ClinicalKind, deadlineClock, EXAM_NAMES, PATHWAY_RULES } from '@lib/pathway';
import { ReminderRule } from './reminder-rules';

export interface TemplateContext {
  language: MessageLanguage;
  /** Who reads it: the IMG ('client', addressed as "you") or a staff member ('staff', told about the client by name). */
  audience: 'client' | 'staff';
  recipientName: string;
  clientName: string;
  /** Absolute link to open: the client's page for staff, the IMG's status page for the IMG. */
  link: string;
}

export interface RenderedReminder {
  /** One line, at most 150 characters. */
  subject: string;
  /** Plain-text e-mail: greeting, message, link, and a footer saying why it came. */
  text: string;
  /** The same e-mail as simple HTML; every interpolated value is escaped. */
  html: string;
  /** In-app notification title, at most 120 characters. */
  title: string;
  /** In-app notification body: the message alone, with no greeting and no link. */
  body: string;
}

type Audience = TemplateContext['audience'];

/** A reminder's data written out for one reader: dates spelled in their language, names looked up. */
interface Values {
  client: string;
  exam: string;
  kind: string;
  title: string;
  season: string;
  event: string;
  /** The event's date, written out ("Monday, December 14, 2026"). */
  date: string;
  testDate: string;
  /** A document's category, named in the language ("CV", "carta de recomendación"). */
  category: string;
  version: string;
  /** The day a window opens (SOAP's first day), written out. */
  opens: string;
  since: string;
  /** How far off the event is: "today", "tomorrow", "in 7 days". */
  when: string;
  /** The event's date with its time of day and zone when the data has its instant ("…, 9:00 p.m. ET"). */
  dateAndTime: string;
}

interface Message {
  subject: string;
  /** One or two short sentences: the in-app body, and the heart of the e-mail. */
  body: string;
}

type Template = (v: Values) => Message;

const LOCALES: Record<MessageLanguage, string> = { en: 'en-US', es: 'es-US' };

const DATE_FORMATS: Record<MessageLanguage, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat(LOCALES.en, { dateStyle: 'full', timeZone: 'UTC' }),
  es: new Intl.DateTimeFormat(LOCALES.es, { dateStyle: 'full', timeZone: 'UTC' }),
};

const WHEN: Record<MessageLanguage, (days: number) => string> = {
  en: (days) => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`),
  es: (days) => (days === 0 ? 'hoy' : days === 1 ? 'mañana' : `dentro de ${days} días`),
};
/** For data without a usable day count (never produced by the rules, but never "in NaN days"). */
const SOON: Record<MessageLanguage, string> = { en: 'soon', es: 'pronto' };

const CLINICAL_KIND_NAMES: Record<MessageLanguage, Record<ClinicalKind, string>> = {
  en: {
    observership: 'observership',
    externship: 'externship',
    clinical_rotation: 'clinical rotation',
    preceptorship: 'preceptorship',
    research: 'research placement',
    volunteer: 'volunteer placement',
  },
  es: {
    observership: 'observership',
    externship: 'externship',
    clinical_rotation: 'rotación clínica',
    preceptorship: 'preceptorship',
    research: 'estancia de investigación',
    volunteer: 'voluntariado',
  },
};

/** The Match calendar events the rules remind of (keys of the season calendar). */
type MatchEvent = 'eras_submission_opens' | 'nrmp_registration_deadline' | 'rank_list_deadline' | 'match_week_starts';

/** A sentence about a Match calendar event, without its date or final stop. */
const MATCH_EVENTS: Record<MessageLanguage, Record<MatchEvent, (v: Values) => string>> = {
  en: {
    eras_submission_opens: (v) => `ERAS submission for the ${v.season} Match opens ${v.when}`,
    nrmp_registration_deadline: (v) => `The NRMP registration deadline for the ${v.season} Match is ${v.when}`,
    rank_list_deadline: (v) => `The rank order list certification deadline for the ${v.season} Match is ${v.when}`,
    match_week_starts: (v) => `The ${v.season} Match Week begins ${v.when}`,
  },
  es: {
    eras_submission_opens: (v) => `El envío de solicitudes en ERAS para el Match ${v.season} se abre ${v.when}`,
    nrmp_registration_deadline: (v) => `La fecha límite de registro en el NRMP para el Match ${v.season} es ${v.when}`,
    rank_list_deadline: (v) =>
      `La fecha límite para certificar la lista de preferencias (rank order list) del Match ${v.season} es ${v.when}`,
    match_week_starts: (v) => `La Match Week ${v.season} comienza ${v.when}`,
  },
};

function matchEvent(v: Values, language: MessageLanguage): string {
  const sentence = MATCH_EVENTS[language][v.event as MatchEvent];
  if (sentence) return sentence(v);
  const name = v.event.replace(/_/g, ' ');
  return language === 'es' ? `Match ${v.season}, «${name}»: ${v.when}` : `${v.season} Match, "${name}": ${v.when}`;
}

/**
 * Every rule's message, by language and reader. A rule added to REMINDER_RULES without its
 * messages does not compile. Staff-only rules still have client wording, so a misrouted
 * reminder reads sensibly rather than talking to the IMG about themselves by name.
 */
const TEMPLATES: Record<ReminderRule, Record<MessageLanguage, Record<Audience, Template>>> = {
  exam_upcoming: {
    en: {
      client: (v) => ({
        subject: `Your ${v.exam} is ${v.when}`,
        body: `Your ${v.exam} is ${v.when} (${v.date}). Check your appointment confirmation and bring the ID it asks for.`,
      }),
      staff: (v) => ({
        subject: `${v.client}'s ${v.exam} is ${v.when}`,
        body: `${v.client}'s ${v.exam} is ${v.when} (${v.date}).`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `Su examen ${v.exam} es ${v.when}`,
        body: `Su examen ${v.exam} es ${v.when} (${v.date}). Revise la confirmación de su cita y lleve la identificación que le piden.`,
      }),
      staff: (v) => ({
        subject: `El examen ${v.exam} de ${v.client} es ${v.when}`,
        body: `El examen ${v.exam} de ${v.client} es ${v.when} (${v.date}).`,
      }),
    },
  },
  eligibility_closing: {
    en: {
      client: (v) => ({
        subject: `Book your ${v.exam} test day: your eligibility period ends ${v.when}`,
        body: `Your ${v.exam} eligibility period ends ${v.when} (${v.date}) and no test day is booked yet. Book one now, or ask for an extension if you cannot test by then.`,
      }),
      staff: (v) => ({
        subject: `${v.client}'s ${v.exam} eligibility period ends ${v.when}`,
        body: `${v.client}'s ${v.exam} eligibility period ends ${v.when} (${v.date}) and no test day is booked. Help them book one or ask for an extension.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `Reserve la fecha de su examen ${v.exam}: su período de elegibilidad termina ${v.when}`,
        body: `Su período de elegibilidad para el examen ${v.exam} termina ${v.when} (${v.date}) y aún no tiene fecha reservada. Reserve una ahora o pida una extensión si no puede presentarlo antes.`,
      }),
      staff: (v) => ({
        subject: `El período de elegibilidad de ${v.client} para el examen ${v.exam} termina ${v.when}`,
        body: `El período de elegibilidad de ${v.client} para el examen ${v.exam} termina ${v.when} (${v.date}) y no hay fecha de examen reservada. Ayúdele a reservarla o a pedir una extensión.`,
      }),
    },
  },
  result_pending: {
    en: {
      client: (v) => ({
        subject: `Is your ${v.exam} result in?`,
        body: `You took ${v.exam} on ${v.date}, and we have no result recorded yet. Let us know as soon as you have it.`,
      }),
      staff: (v) => ({
        subject: `Record ${v.client}'s ${v.exam} result`,
        body: `${v.client} took ${v.exam} on ${v.date}, and five weeks later no result is recorded. Ask for it and record it.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `¿Ya tiene el resultado de su examen ${v.exam}?`,
        body: `Presentó el examen ${v.exam} el ${v.date}, y aún no tenemos su resultado registrado. Avísenos en cuanto lo tenga.`,
      }),
      staff: (v) => ({
        subject: `Registre el resultado del examen ${v.exam} de ${v.client}`,
        body: `${v.client} presentó el examen ${v.exam} el ${v.date}, y cinco semanas después no hay resultado registrado. Pídaselo y regístrelo.`,
      }),
    },
  },
  report_result: {
    en: {
      client: (v) => ({
        subject: `How did your ${v.exam} go?`,
        body: `Your ${v.exam} was booked for ${v.date}, and nothing is recorded since. Tell us how it went: that you took it (and the result, once you have it), or the new date if it moved. Until then it counts as an attempt when your next test day is planned.`,
      }),
      staff: (v) => ({
        subject: `Record what happened to ${v.client}'s ${v.exam}`,
        body: `${v.client}'s ${v.exam} was booked for ${v.date}, and nothing is recorded since. Record that it was taken (and its result), cancelled, or its new date. Until then it counts as an attempt for the USMLE retake spacing.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `¿Cómo le fue en su examen ${v.exam}?`,
        body: `Su examen ${v.exam} estaba programado para el ${v.date}, y desde entonces no se ha registrado nada. Avísenos cómo le fue: si lo presentó (y el resultado, cuando lo tenga) o la nueva fecha si cambió. Mientras tanto, cuenta como un intento al planificar su próxima fecha de examen.`,
      }),
      staff: (v) => ({
        subject: `Registre qué pasó con el examen ${v.exam} de ${v.client}`,
        body: `El examen ${v.exam} de ${v.client} estaba programado para el ${v.date}, y desde entonces no se ha registrado nada. Registre si lo presentó (y su resultado), si se canceló o su nueva fecha. Mientras tanto, cuenta como un intento para el espaciado entre intentos del USMLE.`,
      }),
    },
  },
  oet_cutoff: {
    en: {
      client: (v) => ({
        subject: `Your OET Medicine does not count for the ${v.season} Pathways season`,
        body: `For the ${v.season} Pathways season, ECFMG counts only OET Medicine taken on or after ${v.date}. Your OET Medicine of ${v.testDate} is before that date, so it does not count: book a new OET Medicine test.`,
      }),
      staff: (v) => ({
        subject: `${v.client}'s OET Medicine does not count for the ${v.season} Pathways season`,
        body: `For the ${v.season} Pathways season, ECFMG counts only OET Medicine taken on or after ${v.date}. ${v.client}'s OET Medicine of ${v.testDate} is before that date and does not count: plan a new OET Medicine test.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `Su OET Medicine no cuenta para la temporada ${v.season} de los Pathways`,
        body: `Para la temporada ${v.season} de los Pathways, ECFMG solo acepta el OET Medicine presentado a partir del ${v.date}. Su OET Medicine del ${v.testDate} es anterior a esa fecha y no cuenta: reserve un nuevo examen OET Medicine.`,
      }),
      staff: (v) => ({
        subject: `El OET Medicine de ${v.client} no cuenta para la temporada ${v.season} de los Pathways`,
        body: `Para la temporada ${v.season} de los Pathways, ECFMG solo acepta el OET Medicine presentado a partir del ${v.date}. El OET Medicine de ${v.client} del ${v.testDate} es anterior a esa fecha y no cuenta: planifique un nuevo examen OET Medicine.`,
      }),
    },
  },
  match_deadline: {
    en: {
      client: (v) => ({ subject: matchEvent(v, 'en'), body: `${matchEvent(v, 'en')} (${v.dateAndTime}).` }),
      staff: (v) => ({
        subject: `${matchEvent(v, 'en')} (${v.client})`,
        body: `${matchEvent(v, 'en')} (${v.dateAndTime}). ${v.client} has a pending application in this Match.`,
      }),
    },
    es: {
      client: (v) => ({ subject: matchEvent(v, 'es'), body: `${matchEvent(v, 'es')} (${v.dateAndTime}).` }),
      staff: (v) => ({
        subject: `${matchEvent(v, 'es')} (${v.client})`,
        body: `${matchEvent(v, 'es')} (${v.dateAndTime}). ${v.client} tiene una solicitud pendiente en este Match.`,
      }),
    },
  },
  requirements_unmet: {
    en: {
      client: (v) => ({
        subject: `Your exam requirements are not met for the ${v.season} Match`,
        body: `ECFMG must have your exam results (and your Pathway) verified by the ${v.season} rank order list deadline (${v.dateAndTime}, ${v.when}) for you to take part in that Match and its SOAP, and they are not yet. Talk to your case manager about what is missing and when its result can arrive.`,
      }),
      staff: (v) => ({
        subject: `${v.client}: exam requirements not met for the ${v.season} Match`,
        body: `ECFMG must have verified ${v.client}'s exam requirements by the ${v.season} rank order list deadline (${v.dateAndTime}, ${v.when}), and on the records they are not: a result is missing or would arrive too late. Check the client's pathway for what is missing and the last test day in time.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `Sus requisitos de examen no se cumplen para el Match ${v.season}`,
        body: `ECFMG debe haber verificado sus resultados de examen (y su Pathway) antes de la fecha límite de la lista de preferencias del Match ${v.season} (${v.dateAndTime}, ${v.when}) para que usted participe en ese Match y en su SOAP, y todavía no es así. Hable con su administrador de casos sobre lo que falta y cuándo puede llegar su resultado.`,
      }),
      staff: (v) => ({
        subject: `${v.client}: requisitos de examen no cumplidos para el Match ${v.season}`,
        body: `ECFMG debe haber verificado los requisitos de examen de ${v.client} antes de la fecha límite de la lista de preferencias del Match ${v.season} (${v.dateAndTime}, ${v.when}), y según los registros no es así: falta un resultado o llegaría tarde. Revise en el pathway del cliente qué falta y el último día de examen a tiempo.`,
      }),
    },
  },
  match_result_due: {
    en: {
      client: (v) => ({
        subject: `Tell us your ${v.season} Match result`,
        body: `Your ${v.season} Match result is not recorded yet${v.date ? ` (Match Day was ${v.date})` : ''}. Tell your case manager whether you matched, matched through SOAP, went unmatched or withdrew, so your plan can follow.`,
      }),
      staff: (v) => ({
        subject: `Record ${v.client}'s ${v.season} Match result`,
        body: `${v.client}'s ${v.season} Match result is not recorded${v.date ? ` (Match Day was ${v.date})` : ''}: the application is still pending. Record whether it matched, matched through SOAP, went unmatched or was withdrawn: the stage, the reports and the next steps follow the result.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `Infórmenos su resultado del Match ${v.season}`,
        body: `Su resultado del Match ${v.season} aún no está registrado${v.date ? ` (el Match Day fue el ${v.date})` : ''}. Informe a su administrador de caso si obtuvo plaza, si la obtuvo por SOAP, si quedó sin plaza o si se retiró, para que su plan siga adelante.`,
      }),
      staff: (v) => ({
        subject: `Registre el resultado del Match ${v.season} de ${v.client}`,
        body: `El resultado del Match ${v.season} de ${v.client} aún no está registrado${v.date ? ` (el Match Day fue el ${v.date})` : ''}: la solicitud sigue pendiente. Registre si obtuvo plaza, si la obtuvo por SOAP, si quedó sin plaza o si se retiró: la etapa, los informes y los próximos pasos dependen del resultado.`,
      }),
    },
  },
  soap_open: {
    en: {
      client: (v) => ({
        subject: `SOAP of the ${v.season} Match: until ${v.date}`,
        body: `SOAP of the ${v.season} Match runs from ${v.opens} to ${v.date}. Apply through ERAS to programs on the List of Unfilled Programs, and answer offers in R3 within each round. Contact your case manager today.`,
      }),
      staff: (v) => ({
        subject: `${v.client} is unmatched: SOAP of the ${v.season} Match until ${v.date}`,
        body: `SOAP of the ${v.season} Match runs from ${v.opens} to ${v.date}, and ${v.client} is recorded unmatched and can take part: applications through ERAS to programs on the List of Unfilled Programs, offers answered in R3 within each round. Get in touch today.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `SOAP del Match ${v.season}: hasta el ${v.date}`,
        body: `El SOAP del Match ${v.season} va del ${v.opens} al ${v.date}. Envíe solicitudes por ERAS a los programas de la List of Unfilled Programs y responda las ofertas en R3 dentro de cada ronda. Contacte hoy a su administrador de caso.`,
      }),
      staff: (v) => ({
        subject: `${v.client} quedó sin plaza: SOAP del Match ${v.season} hasta el ${v.date}`,
        body: `El SOAP del Match ${v.season} va del ${v.opens} al ${v.date}, y ${v.client} figura sin plaza y puede participar: solicitudes por ERAS a los programas de la List of Unfilled Programs y ofertas respondidas en R3 dentro de cada ronda. Contáctele hoy.`,
      }),
    },
  },
  document_review_requested: {
    en: {
      client: (v) => ({
        subject: `Your ${v.category} is with your case manager`,
        body: `Your case manager has version ${v.version} of your ${v.category} to review. You will hear when it is reviewed.`,
      }),
      staff: (v) => ({
        subject: `${v.client} sent their ${v.category} for review`,
        body: `${v.client} uploaded version ${v.version} of their ${v.category}. Review it: approve it, or ask for changes with a comment.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `Su ${v.category} está con su administrador de caso`,
        body: `La versión ${v.version} de su ${v.category} espera la revisión de su administrador de caso. Le avisaremos cuando esté revisada.`,
      }),
      staff: (v) => ({
        subject: `${v.client} envió su ${v.category} para revisión`,
        body: `${v.client} subió la versión ${v.version} de su ${v.category}. Revísela: apruébela o pida cambios con un comentario.`,
      }),
    },
  },
  document_reviewed: {
    en: {
      client: (v) => ({
        subject: `Your ${v.category} was reviewed`,
        body: `Version ${v.version} of your ${v.category} was reviewed by your case manager. Open My documents to see the decision and read their comment.`,
      }),
      staff: (v) => ({
        subject: `${v.client}'s ${v.category} was reviewed`,
        body: `Version ${v.version} of ${v.client}'s ${v.category} was reviewed. The decision and the comment are on the client's Documents tab.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `Su ${v.category} fue revisado`,
        body: `Su administrador de caso revisó la versión ${v.version} de su ${v.category}. Abra Mis documentos para ver la decisión y leer su comentario.`,
      }),
      staff: (v) => ({
        subject: `El ${v.category} de ${v.client} fue revisado`,
        body: `La versión ${v.version} del ${v.category} de ${v.client} fue revisada. La decisión y el comentario están en la pestaña Documentos del cliente.`,
      }),
    },
  },
  task_due: {
    en: {
      client: (v) => ({
        subject: `Task due ${v.when}: ${v.title}`,
        body: `Your task "${v.title}" is due ${v.when} (${v.date}).`,
      }),
      staff: (v) => ({
        subject: `Task due ${v.when} for ${v.client}: ${v.title}`,
        body: `The task "${v.title}" for ${v.client} is due ${v.when} (${v.date}).`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `Tarea que vence ${v.when}: ${v.title}`,
        body: `Su tarea «${v.title}» vence ${v.when} (${v.date}).`,
      }),
      staff: (v) => ({
        subject: `Tarea que vence ${v.when} del caso de ${v.client}: ${v.title}`,
        body: `La tarea «${v.title}» del caso de ${v.client} vence ${v.when} (${v.date}).`,
      }),
    },
  },
  task_overdue: {
    en: {
      client: (v) => ({
        subject: `Overdue task: ${v.title}`,
        body: `Your task "${v.title}" was due on ${v.date}, and is still open. Complete it, or let us know if it no longer applies.`,
      }),
      staff: (v) => ({
        subject: `Overdue task for ${v.client}: ${v.title}`,
        body: `The task "${v.title}" for ${v.client} was due on ${v.date}, and is still open. Close it or give it a new due date.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `Tarea vencida: ${v.title}`,
        body: `Su tarea «${v.title}» vencía el ${v.date}, y sigue abierta. Complétela o avísenos si ya no aplica.`,
      }),
      staff: (v) => ({
        subject: `Tarea vencida del caso de ${v.client}: ${v.title}`,
        body: `La tarea «${v.title}» del caso de ${v.client} vencía el ${v.date}, y sigue abierta. Ciérrela o póngale una nueva fecha límite.`,
      }),
    },
  },
  third_attempt_used: {
    en: {
      client: (v) => ({
        subject: `You have used three attempts at ${v.exam}`,
        body: `You have used three attempts at ${v.exam}: the next one is the last allowed. Talk to your case manager before you book it.`,
      }),
      staff: (v) => ({
        subject: `${v.client} has used three attempts at ${v.exam}`,
        body: `${v.client} has used three attempts at ${v.exam}: the next one is the last allowed. Plan it with them before they book it.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `Ha usado tres intentos del examen ${v.exam}`,
        body: `Ha usado tres intentos del examen ${v.exam}: el siguiente es el último permitido. Hable con su administrador de caso antes de reservarlo.`,
      }),
      staff: (v) => ({
        subject: `${v.client} ha usado tres intentos del examen ${v.exam}`,
        body: `${v.client} ha usado tres intentos del examen ${v.exam}: el siguiente es el último permitido. Planifiquen juntos ese intento antes de reservarlo.`,
      }),
    },
  },
  seven_year_window: {
    en: {
      client: (v) => ({
        subject: `Your ECFMG seven-year window closes ${v.when}`,
        body: `Your ECFMG seven-year window closes ${v.when} (${v.date}). Pass both Step 1 and Step 2 CK by then, or your first pass stops counting toward certification.`,
      }),
      staff: (v) => ({
        subject: `${v.client}'s ECFMG seven-year window closes ${v.when}`,
        body: `${v.client}'s ECFMG seven-year window closes ${v.when} (${v.date}). Both Step 1 and Step 2 CK must be passed by then, or the first pass stops counting toward certification.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `Su plazo de siete años de la ECFMG se cierra ${v.when}`,
        body: `Su plazo de siete años de la ECFMG se cierra ${v.when} (${v.date}). Apruebe el Step 1 y el Step 2 CK antes de esa fecha o su primer aprobado dejará de contar para la certificación.`,
      }),
      staff: (v) => ({
        subject: `El plazo de siete años de la ECFMG de ${v.client} se cierra ${v.when}`,
        body: `El plazo de siete años de la ECFMG de ${v.client} se cierra ${v.when} (${v.date}). Debe aprobar el Step 1 y el Step 2 CK antes de esa fecha o su primer aprobado dejará de contar para la certificación.`,
      }),
    },
  },
  clinical_experience_ending: {
    en: {
      client: (v) => ({
        subject: `Your ${v.kind} ends ${v.when}: ask for your letter of recommendation now`,
        body: `Your ${v.kind} ends ${v.when} (${v.date}). Ask your supervisor for a letter of recommendation now, while your work is fresh in their mind.`,
      }),
      staff: (v) => ({
        subject: `${v.client}'s ${v.kind} ends ${v.when}`,
        body: `${v.client}'s ${v.kind} ends ${v.when} (${v.date}) and no letter of recommendation is recorded. Remind them to ask their supervisor for it now.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: `Su ${v.kind} termina ${v.when}: pida ya su carta de recomendación`,
        body: `Su ${v.kind} termina ${v.when} (${v.date}). Pida ahora a su supervisor una carta de recomendación, mientras tiene su trabajo presente.`,
      }),
      staff: (v) => ({
        subject: `${v.client} termina su ${v.kind} ${v.when}`,
        body: `${v.client} termina su ${v.kind} ${v.when} (${v.date}) y no hay carta de recomendación registrada. Recuérdele que se la pida ya a su supervisor.`,
      }),
    },
  },
  no_contact: {
    en: {
      client: (v) => ({
        subject: "Let's catch up",
        body: `We have not been in touch since ${v.since}. Reply or book a check-in so we can keep your plan up to date.`,
      }),
      staff: (v) => ({
        subject: `No contact with ${v.client} since ${v.since}`,
        body: `No contact with ${v.client} has been recorded since ${v.since}. Get in touch and record it in a case note.`,
      }),
    },
    es: {
      client: (v) => ({
        subject: '¿Hablamos?',
        body: `No hemos tenido contacto desde el ${v.since}. Respóndanos o agende una cita para mantener su plan al día.`,
      }),
      staff: (v) => ({
        subject: `Sin contacto con ${v.client} desde el ${v.since}`,
        body: `No hay contacto registrado con ${v.client} desde el ${v.since}. Póngase en contacto y regístrelo en una nota del caso.`,
      }),
    },
  },
};

/** What surrounds every message in an e-mail: greeting, link, and why the reader got it. */
const EMAIL: Record<
  MessageLanguage,
  {
    greeting: (name: string) => string;
    linkLabel: Record<Audience, (client: string) => string>;
    footer: Record<Audience, (client: string) => string>;
  }
> = {
  en: {
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    linkLabel: {
      client: () => 'See your status',
      staff: (client) => `Open ${client}'s page`,
    },
    footer: {
      client: () =>
        'You are getting this reminder because you have an IMG Pathways account. You can choose which reminders you get in your preferences in the app.',
      staff: (client) =>
        `You are getting this reminder because you work on ${client}'s case in IMG Pathways. You can choose which reminders you get in your preferences in the app.`,
    },
  },
  es: {
    greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
    linkLabel: {
      client: () => 'Consulte su estado',
      staff: (client) => `Abra la ficha de ${client}`,
    },
    footer: {
      client: () =>
        'Recibe este recordatorio porque tiene una cuenta en IMG Pathways. Puede elegir qué recordatorios recibe en sus preferencias, dentro de la aplicación.',
      staff: (client) =>
        `Recibe este recordatorio porque trabaja en el caso de ${client} en IMG Pathways. Puede elegir qué recordatorios recibe en sus preferencias, dentro de la aplicación.`,
    },
  },
};

/** Document categories as the messages name them (the reminders never say a document's title). */
const DOCUMENT_CATEGORY_NAMES: Record<MessageLanguage, Record<string, string>> = {
  en: {
    diploma: 'diploma',
    transcript: 'transcript',
    medical_license: 'medical license',
    usmle_score_report: 'USMLE score report',
    oet_score_report: 'OET score report',
    ecfmg_certificate: 'ECFMG certificate',
    letter_of_recommendation: 'letter of recommendation',
    cv: 'CV',
    personal_statement: 'personal statement',
    mspe: 'MSPE',
    identity: 'identity document',
    immigration: 'immigration document',
    consent: 'consent form',
    other: 'document',
  },
  es: {
    diploma: 'título',
    transcript: 'certificado de notas',
    medical_license: 'licencia médica',
    usmle_score_report: 'informe de resultados del USMLE',
    oet_score_report: 'informe de resultados del OET',
    ecfmg_certificate: 'certificado de la ECFMG',
    letter_of_recommendation: 'carta de recomendación',
    cv: 'CV',
    personal_statement: 'declaración personal',
    mspe: 'MSPE',
    identity: 'documento de identidad',
    immigration: 'documento migratorio',
    consent: 'formulario de consentimiento',
    other: 'documento',
  },
};

const SUBJECT_MAX = 150;
const TITLE_MAX = 120;

/** A civil date (`YYYY-MM-DD`) written out in the language; anything unparseable is shown as given. */
function formatDate(value: string | number | undefined, language: MessageLanguage): string {
  if (value === undefined || value === '') return '';
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? String(value) : DATE_FORMATS[language].format(date);
}

/** A date with the time of day of `at` (an instant), as NRMP and ERAS state it in US Eastern time. */
function dateAndTime(date: string, at: string | number | undefined, language: MessageLanguage): string {
  const instant = at === undefined ? NaN : new Date(at).getTime();
  if (!date || Number.isNaN(instant)) return date;
  const clock = deadlineClock({ date, at: String(at) }, PATHWAY_RULES, language);
  return language === 'es' ? `${date}, a las ${clock}` : `${date}, ${clock}`;
}

function valuesOf(data: Record<string, string | number>, context: TemplateContext): Values {
  const { language } = context;
  const text = (key: string) => (data[key] === undefined ? '' : String(data[key]));
  const days = data.daysBefore === undefined || data.daysBefore === '' ? NaN : Number(data.daysBefore);
  const exam = text('exam');
  const kind = text('kind');
  const date = formatDate(data.date, language);
  return {
    client: context.clientName,
    exam: EXAM_NAMES[exam] ?? (exam || 'USMLE'),
    kind: CLINICAL_KIND_NAMES[language][kind as ClinicalKind] ?? kind.replace(/_/g, ' '),
    title: text('title'),
    season: text('season'),
    event: text('event'),
    date,
    dateAndTime: dateAndTime(date, data.at, language),
    testDate: formatDate(data.testDate, language),
    opens: formatDate(data.opens, language),
    category: DOCUMENT_CATEGORY_NAMES[language][text('category')] ?? text('category').replace(/_/g, ' '),
    version: text('version'),
    since: formatDate(data.since, language),
    when: Number.isInteger(days) && days >= 0 ? WHEN[language](days) : SOON[language],
  };
}

/** One line (titles are typed by users and may hold line breaks), shortened to `max` characters. */
function oneLine(value: string, max: number): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** The e-mail and in-app texts of a planned reminder, in the reader's language. */
export function renderReminder(
  rule: ReminderRule,
  data: Record<string, string | number>,
  context: TemplateContext,
): RenderedReminder {
  const template = TEMPLATES[rule]?.[context.language]?.[context.audience];
  if (!template) {
    throw new Error(
      `No reminder template for rule "${rule}" in language "${context.language}" for audience "${context.audience}"`,
    );
  }
  const { subject, body } = template(valuesOf(data, context));
  const email = EMAIL[context.language];
  const greeting = email.greeting(context.recipientName.trim());
  const linkLabel = email.linkLabel[context.audience](context.clientName);
  const footer = email.footer[context.audience](context.clientName);

  const text = [greeting, body, `${linkLabel}: ${context.link}`, footer].join('\n\n') + '\n';
  const paragraph = (value: string) => `<p>${escapeHtml(value)}</p>`;
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${context.language}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(oneLine(subject, SUBJECT_MAX))}</title></head>`,
    '<body>',
    paragraph(greeting),
    paragraph(body),
    `<p><a href="${escapeHtml(context.link)}">${escapeHtml(linkLabel)}</a></p>`,
    `<p><small>${escapeHtml(footer)}</small></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');

  return { subject: oneLine(subject, SUBJECT_MAX), text, html, title: oneLine(subject, TITLE_MAX), body };
}
