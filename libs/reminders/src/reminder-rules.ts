import {
  addDays,
  CivilDate,
  civilDateOf,
  daysBetween,
  MatchSeason,
  oetRuleFor,
  PATHWAY_RULES,
  certificationStatus,
  certificationStatusReportedBy,
  matchDayPassed,
  seasonDate,
  soapUnderWay,
  sevenYearDeadline,
  PathwayRecords,
  PathwayResult,
  seasonDeadline,
} from '@lib/pathway';
import type { DocumentReminderFact } from '@lib/documents';

/** Every reminder rule, in one place; each planned reminder names the rule that made it. */
export const REMINDER_RULES = [
  'exam_upcoming',
  'eligibility_closing',
  'result_pending',
  'report_result',
  'oet_cutoff',
  'match_deadline',
  'requirements_unmet',
  'match_result_due',
  'soap_open',
  'document_review_requested',
  'document_reviewed',
  'task_due',
  'task_overdue',
  'third_attempt_used',
  'seven_year_window',
  'clinical_experience_ending',
  'no_contact',
] as const;
export type ReminderRule = (typeof REMINDER_RULES)[number];

export type Recipient = { kind: 'client' } | { kind: 'user'; userId: string };
export type Channel = 'email' | 'in_app';

/** A reminder that should exist: the reconciler makes the queue match the set of these. */
export interface PlannedReminder {
  /** Stable across runs: the same reminder always has the same key (and so the same job id). */
  dedupeKey: string;
  rule: ReminderRule;
  recipient: Recipient;
  channels: Channel[];
  dueAt: Date;
  /** When the event the reminder is about happens; none for standing conditions (overdue, no contact). */
  eventOn: CivilDate | null;
  /** What the message says, by rule (rendered in the recipient's language by the templates). */
  data: Record<string, string | number>;
}

export interface ReminderTask {
  id: string;
  title: string;
  dueDate: CivilDate | null;
  status: 'open' | 'done' | 'cancelled';
  assigneeUserId: string | null;
  assignedToClient: boolean;
}

export interface ReminderInput {
  clientId: string;
  clientStatus: 'active' | 'inactive' | 'closed';
  /** The client's own account can receive reminders; without one, they go to the case manager only. */
  clientHasAccount: boolean;
  caseManagerId: string | null;
  /** The center's IANA time zone: reminders go out at 09:00 there. */
  timeZone: string;
  records: PathwayRecords;
  pathway: PathwayResult;
  calendar: readonly MatchSeason[];
  tasks: readonly ReminderTask[];
  /** Documents awaiting review or recently reviewed (`DocumentsService.reminderFacts`). */
  documents: readonly DocumentReminderFact[];
  /** The last contact recorded in a case note, if any. */
  lastContactOn: CivilDate | null;
  now: Date;
}

/** Reminder horizons, in days before the event. */
export const HORIZONS = {
  exam: [30, 7, 1],
  eligibility: [60, 14],
  rankList: [7, 1],
  /** Exam requirements ECFMG could not verify by the rank-list deadline on the records as they are. */
  requirementsUnmet: [60, 30, 14],
  sevenYear: [180, 90, 30],
  clinicalExperienceEnding: 14,
  resultPendingAfter: 35,
  /** Days after a booked exam's day with no result recorded: the next morning. */
  reportResultAfter: 1,
  noContactAfter: 60,
  sendAtHour: 9,
  /** Nothing goes out before 08:00 or from 21:00 on, local time: a catch-up waits for 09:00. */
  civilFrom: 8,
  civilUntil: 21,
} as const;

/** 09:00 on a civil date in a time zone, as an instant. */
export function nineAm(date: CivilDate, timeZone: string, hour: number = HORIZONS.sendAtHour): Date {
  const key = `${date}|${timeZone}|${hour}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    // A sweep asks for the same few hundred (date, zone) pairs over and over: remember them, boundedly.
    if (instants.size >= 50_000) instants.clear();
    instant = localHour(date, timeZone, hour);
    instants.set(key, instant);
  }
  return new Date(instant);
}
const instants = new Map<string, number>();

function localHour(date: CivilDate, timeZone: string, hour: number): number {
  const [y, m, d] = date.split('-').map(Number);
  // Guess the instant as if the zone were UTC, then correct by the zone's offset at that instant.
  const guess = Date.UTC(y, m - 1, d, hour);
  const offset = zoneOffsetMinutes(new Date(guess), timeZone);
  const instant = guess - offset * 60_000;
  // Across a DST change the offset at the real instant can differ: correct once more.
  const corrected = zoneOffsetMinutes(new Date(instant), timeZone);
  return guess - corrected * 60_000;
}

// One formatter per zone: building one costs far more than using it.
const minuteFormats = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  let format = minuteFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    minuteFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/**
 * A reminder before its due instant is fixed. `series` names the reminders that stand for one
 * another (the 30/7/1-day reminders of one exam for one person): catch-up keeps one per series.
 * A reminder alone in its series leaves it unset.
 */
type Draft = Omit<PlannedReminder, 'dueAt'> & { dueOn: CivilDate; series?: string };
/** The due date of a reminder that goes out at once, whatever the hour. */
const AT_ONCE = '0000-01-01';

/**
 * The reminders that should exist for one client now. Pure: the caller passes `now`.
 * Catch-up: of a series whose due times have passed while its event is still ahead, only the
 * latest is kept, due now; reminders about events already past are dropped.
 */
export function planReminders(input: ReminderInput): PlannedReminder[] {
  if (input.clientStatus !== 'active') return [];
  const drafts = [
    ...examReminders(input),
    ...eligibilityReminders(input),
    ...resultPendingReminders(input),
    ...reportResultReminders(input),
    ...oetCutoffReminders(input),
    ...matchReminders(input),
    ...requirementsUnmetReminders(input),
    ...matchResultReminders(input),
    ...soapReminders(input),
    ...documentReminders(input),
    ...taskReminders(input),
    ...pathwayWarningReminders(input),
    ...clinicalExperienceReminders(input),
    ...noContactReminders(input),
  ];
  return catchUp(drafts, input);
}

const staff = (input: ReminderInput): Recipient[] =>
  input.caseManagerId ? [{ kind: 'user', userId: input.caseManagerId }] : [];
const client = (input: ReminderInput): Recipient[] => (input.clientHasAccount ? [{ kind: 'client' }] : []);
const who = (r: Recipient) => (r.kind === 'client' ? 'client' : `user-${r.userId}`);
const CHANNELS: Channel[] = ['email', 'in_app'];

function series(
  input: ReminderInput,
  rule: ReminderRule,
  key: string,
  eventOn: CivilDate,
  daysBefore: readonly number[],
  recipients: Recipient[],
  data: Record<string, string | number>,
): Draft[] {
  return daysBefore.flatMap((days) =>
    recipients.map((recipient) => ({
      dedupeKey: `${input.clientId}.${rule}.${key}.${days}d.${who(recipient)}`,
      series: `${input.clientId}.${rule}.${key}.${who(recipient)}`,
      rule,
      recipient,
      channels: CHANNELS,
      dueOn: addDays(eventOn, -days),
      eventOn,
      data: { ...data, daysBefore: days },
    })),
  );
}

function examReminders(input: ReminderInput): Draft[] {
  return input.records.exams
    .filter((e) => e.status === 'scheduled' && e.scheduledDate)
    .flatMap((e) =>
      series(
        input,
        'exam_upcoming',
        `${e.id}.${e.scheduledDate}`,
        e.scheduledDate as CivilDate,
        HORIZONS.exam,
        [...client(input), ...staff(input)],
        {
          exam: e.exam,
          date: e.scheduledDate as CivilDate,
        },
      ),
    );
}

function eligibilityReminders(input: ReminderInput): Draft[] {
  return input.records.exams
    .filter((e) => e.status === 'planned' && !e.scheduledDate && (e.extensionEnd ?? e.eligibilityEnd))
    .flatMap((e) => {
      const end = (e.extensionEnd ?? e.eligibilityEnd) as CivilDate;
      return series(
        input,
        'eligibility_closing',
        `${e.id}.${end}`,
        end,
        HORIZONS.eligibility,
        [...client(input), ...staff(input)],
        { exam: e.exam, date: end },
      );
    });
}

function resultPendingReminders(input: ReminderInput): Draft[] {
  return input.records.exams
    .filter((e) => (e.status === 'taken' || e.status === 'result_pending') && e.testDate)
    .flatMap((e) =>
      staff(input).map((recipient) => ({
        dedupeKey: `${input.clientId}.result_pending.${e.id}.${who(recipient)}`,
        rule: 'result_pending' as const,
        recipient,
        channels: CHANNELS,
        dueOn: addDays(e.testDate as CivilDate, HORIZONS.resultPendingAfter),
        eventOn: null,
        data: { exam: e.exam, date: e.testDate as CivilDate },
      })),
    );
}

/**
 * A booked exam whose day has gone by with no result recorded: the morning after, the client and
 * the case manager are asked to record what happened (the result, or the new date if it moved). Until
 * they do, the engine counts the booking as an attempt for the USMLE retake spacing. One reminder
 * per booked day: moving the booking plans a new one.
 */
function reportResultReminders(input: ReminderInput): Draft[] {
  return input.records.exams
    .filter((e) => e.status === 'scheduled' && e.scheduledDate)
    .flatMap((e) =>
      [...client(input), ...staff(input)].map((recipient) => ({
        dedupeKey: `${input.clientId}.report_result.${e.id}.${e.scheduledDate}.${who(recipient)}`,
        rule: 'report_result' as const,
        recipient,
        channels: CHANNELS,
        dueOn: addDays(e.scheduledDate as CivilDate, HORIZONS.reportResultAfter),
        eventOn: null,
        data: { exam: e.exam, date: e.scheduledDate as CivilDate },
      })),
    );
}

/**
 * ECFMG counts OET Medicine for a Pathways season only when taken on or after that season's cut-off
 * (there is no two-year validity). When the client's recorded season has a published cut-off and no
 * sitting on or after it meets the rule (the engine's OET_BEFORE_CYCLE_CUTOFF), the client and the
 * case manager are told at once to book a new test: a sitting the engine still counts never raises it.
 * One reminder per season and cut-off; none once the certificate is issued.
 */
function oetCutoffReminders(input: ReminderInput): Draft[] {
  const { records } = input;
  if (records.credentials?.certificateIssuedAt) return [];
  const { rule, assumed } = oetRuleFor(records.credentials, PATHWAY_RULES);
  if (assumed || records.credentials?.ecfmgPathwayCycle == null || !rule.testedOnOrAfter) return [];
  const before = input.pathway.warnings
    .filter((f) => f.code === 'OET_BEFORE_CYCLE_CUTOFF' && f.date)
    .map((f) => f.date as CivilDate)
    .sort();
  if (before.length === 0) return [];
  const cutoff = rule.testedOnOrAfter;
  return [...client(input), ...staff(input)].map((recipient) => ({
    dedupeKey: `${input.clientId}.oet_cutoff.${rule.cycle}.${cutoff}.${who(recipient)}`,
    rule: 'oet_cutoff' as const,
    recipient,
    channels: CHANNELS,
    dueOn: AT_ONCE,
    eventOn: null,
    data: { season: rule.cycle, date: cutoff, testDate: before[before.length - 1] },
  }));
}

function matchReminders(input: ReminderInput): Draft[] {
  return input.records.matchApplications
    .filter((a) => a.result === 'pending')
    .flatMap((a) => {
      // A step already recorded needs no reminder (only while it is still true).
      const events: Array<[string, readonly number[], boolean]> = [
        ['eras_submission_opens', [0], !a.erasSubmittedAt],
        ['nrmp_registration_deadline', [7], !a.nrmpRegisteredAt],
        ['rank_list_deadline', HORIZONS.rankList, !a.rankListCertifiedAt],
        ['match_week_starts', [0], true],
      ];
      return events.flatMap(([key, days, open]) => {
        const deadline = open ? seasonDeadline(input.calendar, a.season, key) : null;
        const on = deadline?.date;
        return deadline && on
          ? series(input, 'match_deadline', `${a.season}.${key}.${on}`, on, days, [...client(input), ...staff(input)], {
              season: a.season,
              event: key,
              date: on,
              // The instant, so the message says the hour as NRMP and ERAS state it (9 p.m. ET).
              at: deadline.at,
            })
          : [];
      });
    });
}

/**
 * The exam requirements ECFMG must have verified by a season's rank-list deadline (results
 * reported, a Pathway accepted), judged as the engine judges them, on the records as they are: to
 * the IMG and the case manager 60, 30 and 14 days ahead, not only as a blocker on the page. A
 * result recorded in time removes the rest of the series at the next re-plan.
 */
function requirementsUnmetReminders(input: ReminderInput): Draft[] {
  return input.records.matchApplications
    .filter((a) => a.result === 'pending')
    .flatMap((a) => {
      const deadline = seasonDeadline(input.calendar, a.season, 'rank_list_deadline');
      if (!deadline || certificationStatusReportedBy(input.records, PATHWAY_RULES, deadline.date).examsMet) return [];
      return series(
        input,
        'requirements_unmet',
        `${a.season}.${deadline.date}`,
        deadline.date,
        HORIZONS.requirementsUnmet,
        [...client(input), ...staff(input)],
        { season: a.season, date: deadline.date, at: deadline.at },
      );
    });
}

/**
 * After Match Day the applicant knows the result and the record does not: the morning after the
 * calendar's Match Day, the IMG is asked to tell their case manager and the case manager to record
 * it (the engine's MATCH_RESULT_DUE, issue 21). Planned ahead from the calendar; for a season the
 * calendar does not hold, at once when its Match month is over (no Match Day is guessed). One per
 * season and recipient: recording the result takes it off the queue at the next re-plan.
 */
function matchResultReminders(input: ReminderInput): Draft[] {
  const today = civilDateOf(input.now, input.timeZone);
  return input.records.matchApplications
    .filter((a) => a.result === 'pending')
    .flatMap((a) => {
      const matchDay = seasonDate(input.calendar, a.season, 'match_day');
      const dueOn = matchDay
        ? addDays(matchDay, 1)
        : matchDayPassed(input.calendar, a.season, today, PATHWAY_RULES)
          ? AT_ONCE
          : null;
      if (!dueOn) return [];
      return [...client(input), ...staff(input)].map((recipient) => ({
        dedupeKey: `${input.clientId}.match_result_due.${a.season}.${who(recipient)}`,
        rule: 'match_result_due' as const,
        recipient,
        channels: CHANNELS,
        dueOn,
        eventOn: null,
        data: { season: a.season, ...(matchDay ? { date: matchDay } : {}) },
      }));
    });
}

/**
 * An unmatched client who can take part in the season's SOAP (exams verified by the rank-list
 * deadline, the engine's `soapUnderWay`) hears at once, while SOAP runs, how it works and when it
 * ends: four days leave no time for a weekly check-in. Nothing once SOAP has ended (its last day is
 * the reminder's event), nor when the calendar lacks the season's SOAP dates (the engine's
 * SOAP_DATES_NOT_IN_CALENDAR warning says so instead).
 */
function soapReminders(input: ReminderInput): Draft[] {
  const soap = soapUnderWay(input.records, input.calendar, civilDateOf(input.now, input.timeZone), PATHWAY_RULES);
  if (!soap?.window) return [];
  const { season, opens, closes } = soap.window;
  return [...client(input), ...staff(input)].map((recipient) => ({
    dedupeKey: `${input.clientId}.soap_open.${season}.${who(recipient)}`,
    rule: 'soap_open' as const,
    recipient,
    channels: CHANNELS,
    dueOn: AT_ONCE,
    eventOn: closes,
    data: { season, opens, date: closes },
  }));
}

/**
 * The review of a document reaches the other side at once (issue 17): a document the IMG uploaded
 * (or a new version of it) to the case manager, the case manager's decision to the IMG. One per
 * document, version and step; the message names the category, never the title or the comment
 * (the reader opens the app for those).
 */
function documentReminders(input: ReminderInput): Draft[] {
  return input.documents.flatMap((d): Draft[] => {
    const awaiting = d.status === 'awaiting_review';
    const recipients = awaiting ? staff(input) : client(input);
    const rule = awaiting ? ('document_review_requested' as const) : ('document_reviewed' as const);
    const step = awaiting ? 'review' : d.status;
    return recipients.map((recipient) => ({
      dedupeKey: `${input.clientId}.${rule}.${d.id}.v${d.version}.${step}.${who(recipient)}`,
      rule,
      recipient,
      channels: CHANNELS,
      dueOn: AT_ONCE,
      eventOn: null,
      data: { category: d.category, version: d.version },
    }));
  });
}

function taskReminders(input: ReminderInput): Draft[] {
  return input.tasks
    .filter((t) => t.status === 'open' && t.dueDate)
    .flatMap((t) => {
      const recipients: Recipient[] = t.assignedToClient
        ? client(input)
        : t.assigneeUserId
          ? [{ kind: 'user', userId: t.assigneeUserId }]
          : staff(input);
      const due = t.dueDate as CivilDate;
      return recipients.flatMap((recipient): Draft[] => [
        {
          dedupeKey: `${input.clientId}.task_due.${t.id}.${due}.${who(recipient)}`,
          rule: 'task_due' as const,
          recipient,
          channels: CHANNELS,
          dueOn: addDays(due, -1),
          eventOn: due,
          data: { title: t.title, date: due, daysBefore: 1 },
        },
        {
          dedupeKey: `${input.clientId}.task_overdue.${t.id}.${due}.${who(recipient)}`,
          rule: 'task_overdue' as const,
          recipient,
          channels: CHANNELS,
          dueOn: addDays(due, 1),
          eventOn: null,
          data: { title: t.title, date: due },
        },
      ]);
    });
}

function pathwayWarningReminders(input: ReminderInput): Draft[] {
  const drafts: Draft[] = [];
  for (const finding of [...input.pathway.warnings, ...input.pathway.blockers]) {
    if (finding.code === 'THIRD_ATTEMPT_USED') {
      // To the case manager at once: the next attempt is the last.
      drafts.push(
        ...staff(input).map((recipient) => ({
          dedupeKey: `${input.clientId}.third_attempt_used.${finding.exam}.${who(recipient)}`,
          rule: 'third_attempt_used' as const,
          recipient,
          channels: CHANNELS,
          dueOn: AT_ONCE,
          eventOn: null,
          data: { exam: finding.exam ?? '' },
        })),
      );
    }
  }
  drafts.push(...sevenYearReminders(input));
  return drafts;
}

/**
 * The 7-year window's reminders, planned from its deadline (not from the engine's warning, which
 * appears only once 180 days are left: the 180-day reminder must be scheduled before that).
 */
function sevenYearReminders(input: ReminderInput): Draft[] {
  const status = certificationStatus(input.records, PATHWAY_RULES);
  if (status.certified || status.sevenYearBroken || (status.step1 && status.step2ck)) return [];
  const deadline = sevenYearDeadline(input.records, PATHWAY_RULES);
  if (!deadline) return [];
  return series(
    input,
    'seven_year_window',
    deadline,
    deadline,
    HORIZONS.sevenYear,
    [...client(input), ...staff(input)],
    {
      date: deadline,
    },
  );
}

function clinicalExperienceReminders(input: ReminderInput): Draft[] {
  return input.records.clinicalExperiences
    .filter((x) => (x.status === 'ongoing' || x.status === 'planned') && x.endDate && !x.letterReceivedAt)
    .flatMap((x) =>
      series(
        input,
        'clinical_experience_ending',
        `${x.id}.${x.endDate}`,
        x.endDate as CivilDate,
        [HORIZONS.clinicalExperienceEnding],
        [...client(input), ...staff(input)],
        {
          kind: x.kind,
          date: x.endDate as CivilDate,
        },
      ),
    );
}

function noContactReminders(input: ReminderInput): Draft[] {
  if (!input.lastContactOn) return [];
  const since = input.lastContactOn;
  return staff(input).map((recipient) => ({
    dedupeKey: `${input.clientId}.no_contact.${since}.${who(recipient)}`,
    rule: 'no_contact' as const,
    recipient,
    channels: CHANNELS,
    dueOn: addDays(since, HORIZONS.noContactAfter),
    eventOn: null,
    data: { since },
  }));
}

/**
 * A past-due reminder goes out now, and says how far off its event really is now ("in 2 days",
 * not the "in 7 days" of the reminder it stands for).
 */
function caughtUp(reminder: PlannedReminder, input: ReminderInput): PlannedReminder {
  const dueAt = civilHourFrom(input.now, input.timeZone);
  const data =
    reminder.eventOn !== null && reminder.data.daysBefore !== undefined
      ? { ...reminder.data, daysBefore: daysBetween(civilDateOf(dueAt, input.timeZone), reminder.eventOn) }
      : reminder.data;
  return { ...reminder, dueAt, data };
}

/**
 * The first instant from `now` at a civil hour in the zone: `now` between 08:00 and 21:00, else
 * 09:00 next (a reminder caught up by the night's sweep, or by a late write, waits for morning).
 */
export function civilHourFrom(now: Date, timeZone: string): Date {
  const hour = new Date(now.getTime() + zoneOffsetMinutes(now, timeZone) * 60_000).getUTCHours();
  if (hour >= HORIZONS.civilFrom && hour < HORIZONS.civilUntil) return now;
  const today = civilDateOf(now, timeZone);
  return nineAm(hour >= HORIZONS.civilUntil ? addDays(today, 1) : today, timeZone);
}

/** Drops reminders about past events, and of each past-due series keeps only the latest, due now (at a civil hour). */
function catchUp(drafts: Draft[], input: ReminderInput): PlannedReminder[] {
  const now = input.now;
  const timed = drafts.map((d) => ({ ...d, dueAt: d.dueOn === AT_ONCE ? now : nineAm(d.dueOn, input.timeZone) }));
  const eventPassed = (d: (typeof timed)[number]) =>
    d.eventOn !== null && nineAm(d.eventOn, input.timeZone, 23).getTime() < now.getTime();
  const live = timed.filter((d) => !eventPassed(d));
  const pastDue = live.filter((d) => d.dueAt.getTime() <= now.getTime());
  const latestPastDue = new Map<string, (typeof timed)[number]>();
  for (const d of pastDue) {
    const series = d.series ?? d.dedupeKey;
    const kept = latestPastDue.get(series);
    if (!kept || kept.dueAt.getTime() < d.dueAt.getTime()) latestPastDue.set(series, d);
  }
  const keep = new Set([...latestPastDue.values()]);
  const upcoming = live.filter((d) => d.dueAt.getTime() > now.getTime());
  const dayOf = (instant: Date) => civilDateOf(instant, input.timeZone);
  const caught = [...keep].flatMap(({ dueOn: _dueOn, series, ...d }) => {
    const reminder = caughtUp(d, input);
    // Waiting for the morning must not carry it past its event, nor onto the day the next
    // reminder of its series goes anyway.
    if (reminder.eventOn !== null && dayOf(reminder.dueAt) > reminder.eventOn) return [];
    const next = upcoming.some(
      (u) => (u.series ?? u.dedupeKey) === (series ?? d.dedupeKey) && dayOf(u.dueAt) === dayOf(reminder.dueAt),
    );
    return next ? [] : [reminder];
  });
  return [...upcoming.map(({ dueOn: _dueOn, series: _series, ...d }) => d), ...caught].sort(
    (a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.dedupeKey < b.dedupeKey ? -1 : 1),
  );
}
