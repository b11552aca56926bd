import {
  CALENDAR,
  OET_PASS,
  application,
  attempt,
  credentials,
  exam,
  records,
} from '../../pathway/src/pathway.factories';
import { MatchSeason, PathwayRecords } from '@lib/pathway';
import { civilHourFrom, nineAm, planReminders, PlannedReminder, ReminderTask } from './reminder-rules';
import { NOW, reminderInput } from './reminder.factories';

/**
 * Boundaries of each reminder rule. Every expected instant below is worked out by hand from the
 * rules (09:00 local, 23:00 event-day cutoff, civil hours 08:00–21:00, horizons in days), with the
 * zone offsets: America/New_York EST = UTC-5, EDT = UTC-4; America/Denver MST = UTC-7, MDT = UTC-6.
 */

const NY = 'America/New_York';
const DENVER = 'America/Denver';

const input = reminderInput;

const at = (iso: string) => new Date(iso);
/** The horizon segment of a series reminder's key ("30d", "7d", "1d"). */
const horizon = (p: PlannedReminder) => p.dedupeKey.split('.').slice(-2, -1)[0];
/** The exam_upcoming reminders only (a booking also plans report_result, for the morning after its day). */
const upcoming = (plan: PlannedReminder[]) => plan.filter((p) => p.rule === 'exam_upcoming');
const recipient = (p: PlannedReminder) => (p.recipient.kind === 'client' ? 'client' : p.recipient.userId);

function task(overrides: Partial<ReminderTask> & { id: string }): ReminderTask {
  return {
    title: `Task ${overrides.id}`,
    dueDate: null,
    status: 'open',
    assigneeUserId: null,
    assignedToClient: true,
    ...overrides,
  };
}

// An exam booked 2026-12-20: reminders due 2026-11-20 (30d), 2026-12-13 (7d), 2026-12-19 (1d), all in winter time.
const december20 = () => records({ exams: [exam({ id: 'e1', status: 'scheduled', scheduledDate: '2026-12-20' })] });
const examPlan = (now: Date, timeZone: string, r = december20()) =>
  upcoming(planReminders(input({ r, now, timeZone, caseManagerId: null }))).map((p) => [
    horizon(p),
    p.data.daysBefore,
    p.dueAt.toISOString(),
  ]);

describe('09:00 boundary: a reminder is planned for 09:00 local before it, and due (caught up) from it', () => {
  it.each([
    // New York, 2026-11-20 (EST): 09:00 = 14:00Z.
    [NY, '2026-11-20T13:59:00Z', '2026-11-20T14:00:00.000Z'], // 08:59: still ahead, at 09:00
    [NY, '2026-11-20T14:00:00Z', '2026-11-20T14:00:00.000Z'], // 09:00: due, now
    [NY, '2026-11-20T14:01:00Z', '2026-11-20T14:01:00.000Z'], // 09:01: due, now
    [NY, '2026-11-20T23:00:00Z', '2026-11-20T23:00:00.000Z'], // 18:00: due, now
    // Denver, the same civil date (MST): 09:00 = 16:00Z, two hours after New York.
    [DENVER, '2026-11-20T14:00:00Z', '2026-11-20T16:00:00.000Z'], // 07:00 in Denver: ahead
    [DENVER, '2026-11-20T15:59:00Z', '2026-11-20T16:00:00.000Z'], // 08:59: ahead, at 09:00
    [DENVER, '2026-11-20T16:00:00Z', '2026-11-20T16:00:00.000Z'], // 09:00: due, now
    [DENVER, '2026-11-20T16:01:00Z', '2026-11-20T16:01:00.000Z'], // 09:01: due, now
  ])('first of a series (exam 30 days ahead) in %s at %s → due %s', (zone, now, due) => {
    const later =
      zone === NY
        ? ['2026-12-13T14:00:00.000Z', '2026-12-19T14:00:00.000Z']
        : ['2026-12-13T16:00:00.000Z', '2026-12-19T16:00:00.000Z'];
    expect(examPlan(at(now), zone)).toEqual([
      ['30d', 30, due],
      ['7d', 7, later[0]],
      ['1d', 1, later[1]],
    ]);
  });

  it.each([
    // 08:59 on 2026-12-13 (the 7-day reminder's day): the 30-day one is the only one past due, so
    // it goes now (saying 7 days); the 7-day one is still ahead, at 09:00.
    [
      NY,
      '2026-12-13T13:59:00Z',
      [
        ['7d', 7, '2026-12-13T14:00:00.000Z'],
        ['1d', 1, '2026-12-19T14:00:00.000Z'],
      ],
    ],
    // 09:00: the 7-day one is due: it is the latest past due of the series and stands for the 30-day one.
    [
      NY,
      '2026-12-13T14:00:00Z',
      [
        ['7d', 7, '2026-12-13T14:00:00.000Z'],
        ['1d', 1, '2026-12-19T14:00:00.000Z'],
      ],
    ],
    [
      DENVER,
      '2026-12-13T15:59:00Z',
      [
        ['7d', 7, '2026-12-13T16:00:00.000Z'],
        ['1d', 1, '2026-12-19T16:00:00.000Z'],
      ],
    ],
    [
      DENVER,
      '2026-12-13T16:00:00Z',
      [
        ['7d', 7, '2026-12-13T16:00:00.000Z'],
        ['1d', 1, '2026-12-19T16:00:00.000Z'],
      ],
    ],
  ])('later reminder of a series in %s at %s', (zone, now, expected) => {
    expect(examPlan(at(now as string), zone as string)).toEqual(expected);
  });
});

describe('event-day cutoff: a reminder about an event is dropped after 23:00 local on its day, or sooner if it would wait past it', () => {
  // An exam on 2026-11-20; its 1-day reminder was due 2026-11-19 09:00.
  const examDay = () => records({ exams: [exam({ id: 'e1', status: 'scheduled', scheduledDate: '2026-11-20' })] });

  it.each([
    // New York (EST): 23:00 on 2026-11-20 = 2026-11-21T04:00Z.
    // 12:00 on the exam day: the 1-day reminder goes now, saying 0 days.
    [NY, '2026-11-20T17:00:00Z', [['1d', 0, '2026-11-20T17:00:00.000Z']]],
    // 20:59: still a civil hour: it goes now.
    [NY, '2026-11-21T01:59:00Z', [['1d', 0, '2026-11-21T01:59:00.000Z']]],
    // 22:59 / 23:00: it would wait for 09:00 the next day, after the exam: dropped.
    [NY, '2026-11-21T03:59:00Z', []],
    [NY, '2026-11-21T04:00:00Z', []],
    // 23:01: the exam's day is over: dropped.
    [NY, '2026-11-21T04:01:00Z', []],
    // Denver (MST): 23:00 on 2026-11-20 = 2026-11-21T06:00Z.
    [DENVER, '2026-11-21T05:59:00Z', []],
    [DENVER, '2026-11-21T06:01:00Z', []],
    // 23:01 in New York is 21:01 in Denver: past the civil hours, and the morning is after the exam.
    [DENVER, '2026-11-21T04:01:00Z', []],
    // 20:59 in Denver: it goes now.
    [DENVER, '2026-11-21T03:59:00Z', [['1d', 0, '2026-11-21T03:59:00.000Z']]],
  ])('exam on 2026-11-20, %s, now %s', (zone, now, expected) => {
    expect(examPlan(at(now as string), zone as string, examDay())).toEqual(expected);
  });

  it.each([
    // A task due 2026-11-05: task_due (event 2026-11-05) and task_overdue (no event, due 2026-11-06 09:00).
    // 22:59 on the due day: "due today" would go out the next morning, when it is overdue: only that one.
    ['2026-11-06T03:59:00Z', ['task_overdue 2026-11-06T14:00:00.000Z']],
    // 20:59 on the due day: still a civil hour: "due today" goes now.
    ['2026-11-06T01:59:00Z', ['task_due 2026-11-06T01:59:00.000Z', 'task_overdue 2026-11-06T14:00:00.000Z']],
    ['2026-11-06T04:01:00Z', ['task_overdue 2026-11-06T14:00:00.000Z']],
  ])('task due 2026-11-05 in New York, now %s', (now, expected) => {
    const tasks = [task({ id: 't1', dueDate: '2026-11-05' })];
    expect(
      planReminders(input({ tasks, now: at(now), caseManagerId: null })).map(
        (p) => `${p.rule} ${p.dueAt.toISOString()}`,
      ),
    ).toEqual(expected);
  });
});

describe('civil hours for catch-up (civilHourFrom)', () => {
  it.each([
    // New York, 2026-11-20 (EST).
    [NY, '2026-11-20T12:59:00Z', '2026-11-20T14:00:00.000Z'], // 07:59 → 09:00 the same day
    [NY, '2026-11-20T13:00:00Z', '2026-11-20T13:00:00.000Z'], // 08:00 → now
    [NY, '2026-11-21T01:59:00Z', '2026-11-21T01:59:00.000Z'], // 20:59 → now
    [NY, '2026-11-21T02:00:00Z', '2026-11-21T14:00:00.000Z'], // 21:00 → 09:00 next day
    [NY, '2026-11-21T04:59:00Z', '2026-11-21T14:00:00.000Z'], // 23:59 → 09:00 next day
    [NY, '2026-11-21T05:00:00Z', '2026-11-21T14:00:00.000Z'], // 00:00 (next day) → 09:00 that day
    // Denver, 2026-11-20 (MST).
    [DENVER, '2026-11-20T14:59:00Z', '2026-11-20T16:00:00.000Z'], // 07:59
    [DENVER, '2026-11-20T15:00:00Z', '2026-11-20T15:00:00.000Z'], // 08:00
    [DENVER, '2026-11-21T03:59:00Z', '2026-11-21T03:59:00.000Z'], // 20:59
    [DENVER, '2026-11-21T04:00:00Z', '2026-11-21T16:00:00.000Z'], // 21:00
    // Across Denver's DST changes: 14:30Z is 08:30 MDT but 07:30 MST.
    [DENVER, '2026-03-07T14:30:00Z', '2026-03-07T16:00:00.000Z'], // 07:30 MST
    [DENVER, '2026-03-08T14:30:00Z', '2026-03-08T14:30:00.000Z'], // 08:30 MDT (spring-forward day)
    [DENVER, '2026-10-31T14:30:00Z', '2026-10-31T14:30:00.000Z'], // 08:30 MDT
    [DENVER, '2026-11-01T14:30:00Z', '2026-11-01T16:00:00.000Z'], // 07:30 MST (fall-back day)
  ])('in %s, from %s → %s', (zone, now, expected) => {
    expect(civilHourFrom(at(now), zone).toISOString()).toBe(expected);
  });

  // An exam on 2026-11-27: 30d due 2026-10-28, 7d due 2026-11-20 09:00 (14:00Z), 1d due 2026-11-26 09:00.
  // Once the 7-day one is due it stands for the series; its daysBefore counts from the day it goes out.
  it.each([
    ['2026-11-20T14:00:00Z', '2026-11-20T14:00:00.000Z', 7], // 09:00 on the 20th: now, 7 days
    ['2026-11-21T01:59:00Z', '2026-11-21T01:59:00.000Z', 7], // 20:59 on the 20th: now, 7 days
    ['2026-11-21T02:00:00Z', '2026-11-21T14:00:00.000Z', 6], // 21:00 on the 20th: 09:00 on the 21st, 6 days
    ['2026-11-21T12:59:00Z', '2026-11-21T14:00:00.000Z', 6], // 07:59 on the 21st: 09:00 that day, 6 days
    ['2026-11-21T13:00:00Z', '2026-11-21T13:00:00.000Z', 6], // 08:00 on the 21st: now, 6 days
  ])('exam on 2026-11-27 caught up at %s → due %s, daysBefore %d', (now, due, daysBefore) => {
    const r = records({ exams: [exam({ id: 'e1', status: 'scheduled', scheduledDate: '2026-11-27' })] });
    expect(examPlan(at(now), NY, r)).toEqual([
      ['7d', daysBefore, due],
      ['1d', 1, '2026-11-26T14:00:00.000Z'],
    ]);
  });
});

describe('DST in America/Denver (MST = UTC-7, MDT = UTC-6)', () => {
  it.each([
    ['2026-03-07', '2026-03-07T16:00:00.000Z'], // MST
    ['2026-03-08', '2026-03-08T15:00:00.000Z'], // spring forward at 02:00: 09:00 is MDT
    ['2026-03-09', '2026-03-09T15:00:00.000Z'], // MDT
    ['2026-10-31', '2026-10-31T15:00:00.000Z'], // MDT
    ['2026-11-01', '2026-11-01T16:00:00.000Z'], // fall back at 02:00: 09:00 is MST
    ['2026-11-02', '2026-11-02T16:00:00.000Z'], // MST
  ])('nineAm(%s, Denver) is %s', (date, iso) => {
    expect(nineAm(date, DENVER).toISOString()).toBe(iso);
  });

  // A no-contact reminder is due 60 days after the last contact, at 09:00 in the center's zone.
  it.each([
    ['2026-01-06', '2026-03-01T12:00:00Z', '2026-03-07T16:00:00.000Z'],
    ['2026-01-07', '2026-03-01T12:00:00Z', '2026-03-08T15:00:00.000Z'],
    ['2026-01-08', '2026-03-01T12:00:00Z', '2026-03-09T15:00:00.000Z'],
    ['2026-09-01', '2026-10-01T12:00:00Z', '2026-10-31T15:00:00.000Z'],
    ['2026-09-02', '2026-10-01T12:00:00Z', '2026-11-01T16:00:00.000Z'],
    ['2026-09-03', '2026-10-01T12:00:00Z', '2026-11-02T16:00:00.000Z'],
  ])('last contact %s (now %s): no_contact due %s', (lastContactOn, now, due) => {
    const plan = planReminders(
      input({ lastContactOn, now: at(now), timeZone: DENVER, clientHasAccount: false, caseManagerId: 'cm1' }),
    );
    expect(plan.map((p) => `${p.rule} ${recipient(p)} ${p.dueAt.toISOString()}`)).toEqual([`no_contact cm1 ${due}`]);
  });
});

describe("oet_cutoff: an OET before the cut-off of the client's Pathways season, at once", () => {
  const oet = (testDate: string, scores: typeof OET_PASS = OET_PASS) =>
    exam({ id: `oet-${testDate}`, exam: 'OET_MEDICINE', status: 'passed', testDate, oetScores: scores });
  const oetPlan = (r: PathwayRecords, now: Date = NOW) =>
    planReminders(input({ r, now }))
      .filter((p) => p.rule === 'oet_cutoff')
      .map((p) => `${recipient(p)} ${p.dueAt.toISOString()} ${p.data.season} ${p.data.date} ${p.data.testDate}`);

  it.each([
    // [season, test date, reminded]: the day before, of and after each published cut-off.
    [2025, '2022-12-31', true],
    [2025, '2023-01-01', false],
    [2025, '2023-01-02', false],
    [2024, '2021-12-31', true],
    [2024, '2022-01-01', false],
    [2021, '2018-06-30', true],
    [2021, '2018-07-01', false],
  ])('%i season, OET of %s: reminded %s', (season, testDate, reminded) => {
    const r = records({ exams: [oet(testDate as string)], credentials: credentials({ ecfmgPathwayCycle: season }) });
    const cutoff = PATHWAY_RULES_CUTOFFS[season as number];
    expect(oetPlan(r)).toEqual(
      reminded
        ? [
            `client ${NOW.toISOString()} ${season} ${cutoff} ${testDate}`,
            `cm1 ${NOW.toISOString()} ${season} ${cutoff} ${testDate}`,
          ]
        : [],
    );
  });

  it('a two-year-old OET the engine still counts raises nothing (no two-year validity)', () => {
    const r = records({ exams: [oet('2023-01-01')], credentials: credentials({ ecfmgPathwayCycle: 2025 }) });
    expect(oetPlan(r, at('2027-06-01T15:00:00Z'))).toEqual([]);
  });

  it('names the latest sitting before the cut-off', () => {
    const r = records({
      exams: [oet('2021-05-01'), oet('2022-10-01')],
      credentials: credentials({ ecfmgPathwayCycle: 2025 }),
    });
    expect(oetPlan(r)[0]).toContain('2025 2023-01-01 2022-10-01');
  });

  it.each([
    [
      'the certificate is issued',
      records({
        exams: [oet('2022-12-31')],
        credentials: credentials({ ecfmgPathwayCycle: 2025, certificateIssuedAt: '2026-10-01' }),
      }),
    ],
    [
      'a later sitting meets the rule',
      records({ exams: [oet('2022-12-31'), oet('2023-02-01')], credentials: credentials({ ecfmgPathwayCycle: 2025 }) }),
    ],
    ['no Pathways season is recorded', records({ exams: [oet('2022-12-31')], credentials: credentials() })],
    [
      "the season's rule is not recorded (2027: judged by 2025's, with a warning instead)",
      records({ exams: [oet('2022-12-31')], credentials: credentials({ ecfmgPathwayCycle: 2027 }) }),
    ],
    [
      "the season's cut-off is not recorded (2022)",
      records({ exams: [oet('2015-12-31')], credentials: credentials({ ecfmgPathwayCycle: 2022 }) }),
    ],
  ])('none when %s', (_why, r) => {
    expect(oetPlan(r)).toEqual([]);
  });
});

/** The published cut-offs the table above expects, by season. */
const PATHWAY_RULES_CUTOFFS: Record<number, string> = { 2021: '2018-07-01', 2024: '2022-01-01', 2025: '2023-01-01' };

describe('match_deadline: the Match dates of the season applied for', () => {
  // CALENDAR 2027: ERAS opens 2026-09-02 (09:00 EDT), rank list 2027-03-03 (21:00 EST); no NRMP or Match Week keys.
  const BEFORE_ERAS = at('2026-08-01T15:00:00Z');
  /** CALENDAR with the 2027 NRMP registration deadline and Match Week added. */
  const FULL: MatchSeason[] = CALENDAR.map((s) =>
    s.matchYear === 2027
      ? {
          ...s,
          events: [
            ...s.events,
            // 23:59 EST on 2027-01-30 is 04:59Z on the 31st: the civil date is New York's, the 30th.
            {
              key: 'nrmp_registration_deadline',
              label: 'NRMP registration deadline',
              at: '2027-01-30T23:59:00-05:00',
              estimated: true,
            },
            { key: 'match_week_starts', label: 'Match Week', at: '2027-03-15T10:00:00-04:00', estimated: true },
          ],
        }
      : s,
  );
  const matchPlan = (calendar: MatchSeason[], app = application({ season: 2027 }), now = BEFORE_ERAS) =>
    planReminders(input({ r: records({ matchApplications: [app] }), calendar, now, caseManagerId: null }))
      .filter((p) => p.rule === 'match_deadline')
      .map((p) => `${p.rule} ${p.data.event} ${p.data.daysBefore} ${p.data.date} ${p.dueAt.toISOString()}`);

  const ERAS = 'match_deadline eras_submission_opens 0 2026-09-02 2026-09-02T13:00:00.000Z';
  const NRMP = 'match_deadline nrmp_registration_deadline 7 2027-01-30 2027-01-23T14:00:00.000Z';
  const RANK7 = 'match_deadline rank_list_deadline 7 2027-03-03 2027-02-24T14:00:00.000Z';
  const RANK1 = 'match_deadline rank_list_deadline 1 2027-03-03 2027-03-02T14:00:00.000Z';
  const WEEK = 'match_deadline match_week_starts 0 2027-03-15 2027-03-15T13:00:00.000Z';

  it.each([
    ['pending, nothing recorded', {}, [ERAS, RANK7, RANK1]],
    ['ERAS submitted', { erasSubmittedAt: '2026-08-01' }, [RANK7, RANK1]],
    ['NRMP registered (no NRMP date in CALENDAR anyway)', { nrmpRegisteredAt: '2026-08-01' }, [ERAS, RANK7, RANK1]],
    ['rank list certified', { rankListCertifiedAt: '2026-08-01' }, [ERAS]],
    ['matched', { result: 'matched' as const }, []],
    ['matched in SOAP', { result: 'matched_soap' as const }, []],
    ['unmatched', { result: 'unmatched' as const }, []],
    ['withdrawn', { result: 'withdrawn' as const }, []],
  ])('factories CALENDAR, 2027 application %s', (_what, overrides, expected) => {
    expect(matchPlan(CALENDAR, application({ season: 2027, ...overrides }))).toEqual(expected);
  });

  it.each([
    ['pending, nothing recorded', {}, [ERAS, NRMP, RANK7, RANK1, WEEK]],
    ['ERAS submitted', { erasSubmittedAt: '2026-08-01' }, [NRMP, RANK7, RANK1, WEEK]],
    ['NRMP registered', { nrmpRegisteredAt: '2026-08-01' }, [ERAS, RANK7, RANK1, WEEK]],
    ['rank list certified', { rankListCertifiedAt: '2026-08-01' }, [ERAS, NRMP, WEEK]],
    [
      'everything recorded (Match Week still comes)',
      { erasSubmittedAt: '2026-08-01', nrmpRegisteredAt: '2026-08-01', rankListCertifiedAt: '2026-08-01' },
      [WEEK],
    ],
    ['matched', { result: 'matched' as const }, []],
    ['withdrawn', { result: 'withdrawn' as const }, []],
  ])('calendar with NRMP and Match Week keys, 2027 application %s', (_what, overrides, expected) => {
    expect(matchPlan(FULL, application({ season: 2027, ...overrides }))).toEqual(expected);
  });

  it.each([
    // The 2026 season's dates (ERAS 2025-09-03, rank list 2026-03-04) are all past by 2026-08-01.
    ['season 2026, after its dates', application({ season: 2026 }), BEFORE_ERAS, []],
    // A season the calendar does not hold: no dates, no reminders.
    ['season 2028, not in the calendar', application({ season: 2028 }), BEFORE_ERAS, []],
    // 2026-09-02 10:00 EDT: ERAS opens today (its reminder is due, now); the rank list is ahead.
    [
      'season 2027, on ERAS opening day',
      application({ season: 2027 }),
      at('2026-09-02T14:00:00Z'),
      [
        'match_deadline eras_submission_opens 0 2026-09-02 2026-09-02T14:00:00.000Z',
        'match_deadline rank_list_deadline 7 2027-03-03 2027-02-24T14:00:00.000Z',
        'match_deadline rank_list_deadline 1 2027-03-03 2027-03-02T14:00:00.000Z',
      ],
    ],
  ])('%s', (_what, app, now, expected) => {
    expect(matchPlan(CALENDAR, app, now)).toEqual(expected);
  });
});

describe('same rule, same date, same person: different series, both kept by catch-up', () => {
  it.each([
    // 2026-11-04 10:00 EST: both task_due reminders (due 2026-11-04 09:00) are past due; the tasks are due tomorrow.
    [
      '2026-11-04T15:00:00Z',
      [
        'c1.task_due.t1.2026-11-05.client 2026-11-04T15:00:00.000Z 1',
        'c1.task_due.t2.2026-11-05.client 2026-11-04T15:00:00.000Z 1',
        'c1.task_overdue.t1.2026-11-05.client 2026-11-06T14:00:00.000Z undefined',
        'c1.task_overdue.t2.2026-11-05.client 2026-11-06T14:00:00.000Z undefined',
      ],
    ],
    // 2026-11-06 10:00 EST: both are overdue (task_due dropped after 23:00 on the 5th).
    [
      '2026-11-06T15:00:00Z',
      [
        'c1.task_overdue.t1.2026-11-05.client 2026-11-06T15:00:00.000Z undefined',
        'c1.task_overdue.t2.2026-11-05.client 2026-11-06T15:00:00.000Z undefined',
      ],
    ],
  ])('two open tasks due 2026-11-05, now %s', (now, expected) => {
    const tasks = [task({ id: 't1', dueDate: '2026-11-05' }), task({ id: 't2', dueDate: '2026-11-05' })];
    expect(
      planReminders(input({ tasks, now: at(now), caseManagerId: null })).map(
        (p) => `${p.dedupeKey} ${p.dueAt.toISOString()} ${p.data.daysBefore}`,
      ),
    ).toEqual(expected);
  });

  it.each([
    // 2026-11-19 10:00 EST: every reminder of both exams is past due; each exam keeps its 1-day one, now.
    [
      '2026-11-19T15:00:00Z',
      [
        'c1.exam_upcoming.e1.2026-11-20.1d.client 2026-11-19T15:00:00.000Z 1',
        'c1.exam_upcoming.e1.2026-11-20.1d.user-cm1 2026-11-19T15:00:00.000Z 1',
        'c1.exam_upcoming.e2.2026-11-20.1d.client 2026-11-19T15:00:00.000Z 1',
        'c1.exam_upcoming.e2.2026-11-20.1d.user-cm1 2026-11-19T15:00:00.000Z 1',
      ],
    ],
    // 2026-11-14 10:00 EST: the 30- and 7-day ones are past due (7-day kept, 6 days ahead); the 1-day ones are ahead.
    [
      '2026-11-14T15:00:00Z',
      [
        'c1.exam_upcoming.e1.2026-11-20.7d.client 2026-11-14T15:00:00.000Z 6',
        'c1.exam_upcoming.e1.2026-11-20.7d.user-cm1 2026-11-14T15:00:00.000Z 6',
        'c1.exam_upcoming.e2.2026-11-20.7d.client 2026-11-14T15:00:00.000Z 6',
        'c1.exam_upcoming.e2.2026-11-20.7d.user-cm1 2026-11-14T15:00:00.000Z 6',
        'c1.exam_upcoming.e1.2026-11-20.1d.client 2026-11-19T14:00:00.000Z 1',
        'c1.exam_upcoming.e1.2026-11-20.1d.user-cm1 2026-11-19T14:00:00.000Z 1',
        'c1.exam_upcoming.e2.2026-11-20.1d.client 2026-11-19T14:00:00.000Z 1',
        'c1.exam_upcoming.e2.2026-11-20.1d.user-cm1 2026-11-19T14:00:00.000Z 1',
      ],
    ],
  ])('two exams booked on 2026-11-20, now %s', (now, expected) => {
    const r = records({
      exams: [
        exam({ id: 'e1', exam: 'USMLE_STEP1', status: 'scheduled', scheduledDate: '2026-11-20' }),
        exam({ id: 'e2', exam: 'USMLE_STEP2_CK', status: 'scheduled', scheduledDate: '2026-11-20' }),
      ],
    });
    expect(
      upcoming(planReminders(input({ r, now: at(now) }))).map(
        (p) => `${p.dedupeKey} ${p.dueAt.toISOString()} ${p.data.daysBefore}`,
      ),
    ).toEqual(expected);
  });
});

describe('seven_year_window: 7 years after the first passed Step, until both are passed', () => {
  const sevenPlan = (r: PathwayRecords) =>
    planReminders(input({ r, caseManagerId: null })).map(
      (p) => `${p.rule} ${p.data.daysBefore} ${p.data.date} ${p.dueAt.toISOString()}`,
    );
  // Today is 2026-11-01 (NOW is 10:00 EST).
  // Step 1 passed 2020-05-20 → window closes 2027-05-20, 200 days from today:
  // 180 days before = 2026-11-21 (EST), 90 = 2027-02-19 (EST), 30 = 2027-04-20 (EDT). All ahead.
  const AHEAD_200 = [
    'seven_year_window 180 2027-05-20 2026-11-21T14:00:00.000Z',
    'seven_year_window 90 2027-05-20 2027-02-19T14:00:00.000Z',
    'seven_year_window 30 2027-05-20 2027-04-20T13:00:00.000Z',
  ];

  it.each([
    ['Step 1 passed 2020-05-20 (200 days left)', [attempt('2020-05-20', 'passed')], AHEAD_200],
    [
      'Step 2 CK passed 2020-05-20 only (200 days left)',
      [attempt('2020-05-20', 'passed', { exam: 'USMLE_STEP2_CK' })],
      AHEAD_200,
    ],
    [
      'Step 1 passed 2020-05-20, Step 2 CK failed',
      [attempt('2020-05-20', 'passed'), attempt('2026-06-01', 'failed', { exam: 'USMLE_STEP2_CK' })],
      AHEAD_200,
    ],
    // Step 1 passed 2020-04-30 → closes 2027-04-30, 180 days from today: the 180-day reminder was due
    // 09:00 today (14:00Z) and goes now; 90 days before = 2027-01-30 (EST), 30 = 2027-03-31 (EDT).
    [
      'Step 1 passed 2020-04-30 (180 days left)',
      [attempt('2020-04-30', 'passed')],
      [
        'seven_year_window 180 2027-04-30 2026-11-01T15:00:00.000Z',
        'seven_year_window 90 2027-04-30 2027-01-30T14:00:00.000Z',
        'seven_year_window 30 2027-04-30 2027-03-31T13:00:00.000Z',
      ],
    ],
    [
      'Step 1 and Step 2 CK passed',
      [attempt('2020-05-20', 'passed'), attempt('2022-03-01', 'passed', { exam: 'USMLE_STEP2_CK' })],
      [],
    ],
    ['no Step passed', [attempt('2020-05-20', 'failed')], []],
  ])('%s', (_what, exams, expected) => {
    expect(sevenPlan(records({ exams }))).toEqual(expected);
  });

  it('plans nothing once the certificate is issued', () => {
    const r = records({
      exams: [attempt('2020-05-20', 'passed')],
      credentials: credentials({ certificateIssuedAt: '2026-10-01' }),
    });
    expect(sevenPlan(r)).toEqual([]);
  });
});

describe("report_result: the morning after a booked exam's day, until the record says what happened", () => {
  // Booked for 2026-11-20: the request is due 2026-11-21 09:00 local.
  const booked = () => records({ exams: [exam({ id: 'e1', status: 'scheduled', scheduledDate: '2026-11-20' })] });
  const reportPlan = (now: string, timeZone: string) =>
    planReminders(input({ r: booked(), now: at(now), timeZone, caseManagerId: null }))
      .filter((p) => p.rule === 'report_result')
      .map((p) => p.dueAt.toISOString());

  it.each([
    // New York (EST): 09:00 on 2026-11-21 = 14:00Z.
    [NY, '2026-11-20T17:00:00Z', '2026-11-21T14:00:00.000Z'], // the booked day itself: ahead
    [NY, '2026-11-21T13:59:00Z', '2026-11-21T14:00:00.000Z'], // 08:59 the day after: ahead, at 09:00
    [NY, '2026-11-21T14:00:00Z', '2026-11-21T14:00:00.000Z'], // 09:00: due, now
    [NY, '2026-11-21T14:01:00Z', '2026-11-21T14:01:00.000Z'], // 09:01: due, now
    // Weeks later, nothing recorded: still due, now (a standing request, not an event gone by).
    [NY, '2026-12-15T15:00:00Z', '2026-12-15T15:00:00.000Z'],
    // Denver (MST): 09:00 = 16:00Z.
    [DENVER, '2026-11-21T15:59:00Z', '2026-11-21T16:00:00.000Z'],
    [DENVER, '2026-11-21T16:00:00Z', '2026-11-21T16:00:00.000Z'],
  ])('in %s, now %s → due %s', (zone, now, due) => {
    expect(reportPlan(now, zone)).toEqual([due]);
  });
});

describe('eligibility_closing: 60 and 14 days before the window (or its extension) ends', () => {
  const eligibilityPlan = (overrides: Parameters<typeof exam>[0]) =>
    planReminders(
      input({
        r: records({ exams: [exam({ id: 'e1', eligibilityStart: '2026-09-01', ...overrides })] }),
        caseManagerId: null,
      }),
    ).map((p) => `${p.rule} ${p.data.daysBefore} ${p.data.date} ${p.dueAt.toISOString()}`);

  it.each([
    // Ends 2027-01-31: 60 days before = 2026-12-02, 14 days before = 2027-01-17 (EST, 14:00Z).
    [
      'planned, window ends 2027-01-31',
      { status: 'planned' as const, eligibilityEnd: '2027-01-31' },
      [
        'eligibility_closing 60 2027-01-31 2026-12-02T14:00:00.000Z',
        'eligibility_closing 14 2027-01-31 2027-01-17T14:00:00.000Z',
      ],
    ],
    // Extension to 2027-04-30: 60 days before = 2027-03-01 (EST), 14 days before = 2027-04-16 (EDT).
    [
      'planned, extended to 2027-04-30',
      { status: 'planned' as const, eligibilityEnd: '2027-01-31', extensionEnd: '2027-04-30' },
      [
        'eligibility_closing 60 2027-04-30 2027-03-01T14:00:00.000Z',
        'eligibility_closing 14 2027-04-30 2027-04-16T13:00:00.000Z',
      ],
    ],
    // Ends 2026-11-10: both past due (2026-09-11, 2026-10-27); the 14-day one goes now, 9 days ahead.
    [
      'planned, window ends in 9 days',
      { status: 'planned' as const, eligibilityEnd: '2026-11-10' },
      ['eligibility_closing 9 2026-11-10 2026-11-01T15:00:00.000Z'],
    ],
    // Scheduled: the exam's own reminders instead (30/7/1 days before 2027-01-10, all EST), and
    // the morning after it, the request to record what happened.
    [
      'scheduled for 2027-01-10',
      { status: 'scheduled' as const, eligibilityEnd: '2027-01-31', scheduledDate: '2027-01-10' },
      [
        'exam_upcoming 30 2027-01-10 2026-12-11T14:00:00.000Z',
        'exam_upcoming 7 2027-01-10 2027-01-03T14:00:00.000Z',
        'exam_upcoming 1 2027-01-10 2027-01-09T14:00:00.000Z',
        'report_result undefined 2027-01-10 2027-01-11T14:00:00.000Z',
      ],
    ],
    // Still 'planned' but a date is set: not unscheduled, so no eligibility reminder.
    [
      'planned with a scheduled date',
      { status: 'planned' as const, eligibilityEnd: '2027-01-31', scheduledDate: '2027-01-10' },
      [],
    ],
    ['planned, no window recorded', { status: 'planned' as const }, []],
  ])('%s', (_what, overrides, expected) => {
    expect(eligibilityPlan(overrides)).toEqual(expected);
  });
});
