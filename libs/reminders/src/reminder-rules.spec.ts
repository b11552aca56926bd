import { application, attempt, credentials, exam, experience, records } from '../../pathway/src/pathway.factories';
import { evaluatePathway, PATHWAY_RULES } from '@lib/pathway';
import { nineAm, planReminders, ReminderInput } from './reminder-rules';
import { NOW, reminderInput } from './reminder.factories';

const input = reminderInput;
const summary = (i: ReminderInput) =>
  planReminders(i).map((p) => `${p.rule} ${p.recipient.kind} ${p.dueAt.toISOString()}`);

describe(nineAm.name, () => {
  it.each([
    ['2026-11-20', 'America/New_York', '2026-11-20T14:00:00.000Z'],
    ['2026-11-20', 'America/Denver', '2026-11-20T16:00:00.000Z'],
    ['2026-07-01', 'America/Denver', '2026-07-01T15:00:00.000Z'],
    ['2026-03-08', 'America/Denver', '2026-03-08T15:00:00.000Z'],
    ['2026-03-07', 'America/Denver', '2026-03-07T16:00:00.000Z'],
  ])('09:00 on %s in %s is %s', (date, zone, iso) => expect(nineAm(date, zone).toISOString()).toBe(iso));
});

describe(planReminders.name, () => {
  it('plans an exam 30, 7 and 1 days ahead, for the client and the case manager, at 09:00 in the center’s zone', () => {
    const r = records({ exams: [exam({ id: 'e1', status: 'scheduled', scheduledDate: '2026-12-20' })] });
    const plan = planReminders(input({ r })).filter((p) => p.rule === 'exam_upcoming');
    expect(plan.map((p) => [p.data.daysBefore, p.recipient.kind, p.dueAt.toISOString()])).toEqual([
      [30, 'client', '2026-11-20T14:00:00.000Z'],
      [30, 'user', '2026-11-20T14:00:00.000Z'],
      [7, 'client', '2026-12-13T14:00:00.000Z'],
      [7, 'user', '2026-12-13T14:00:00.000Z'],
      [1, 'client', '2026-12-19T14:00:00.000Z'],
      [1, 'user', '2026-12-19T14:00:00.000Z'],
    ]);
    expect(new Set(plan.map((p) => p.dedupeKey)).size).toBe(6);
    expect(
      planReminders(input({ r }))
        .filter((p) => p.rule === 'exam_upcoming')
        .map((p) => p.dedupeKey),
    ).toEqual(plan.map((p) => p.dedupeKey));
  });

  it('sends the same reminder two hours later in Denver than in New York', () => {
    const r = records({ exams: [exam({ id: 'e1', status: 'scheduled', scheduledDate: '2026-12-20' })] });
    const ny = planReminders(input({ r }))[0].dueAt.getTime();
    const denver = planReminders(input({ r, timeZone: 'America/Denver' }))[0].dueAt.getTime();
    expect(denver - ny).toBe(2 * 3_600_000);
  });

  it('catches up: of the past-due reminders of an event still ahead only the latest goes, now', () => {
    const r = records({ exams: [exam({ id: 'e1', status: 'scheduled', scheduledDate: '2026-11-03' })] });
    const plan = planReminders(input({ r, clientHasAccount: true, caseManagerId: null })).filter(
      (p) => p.rule === 'exam_upcoming',
    );
    // The 7-day reminder stands in for the missed ones, and says how far off the exam really is.
    expect(plan.map((p) => [p.dedupeKey.split('.')[4], p.data.daysBefore, p.dueAt.toISOString()])).toEqual([
      ['7d', 2, NOW.toISOString()],
      ['1d', 1, '2026-11-02T14:00:00.000Z'],
    ]);
  });

  it('plans nothing about an event already past, nor for a client who is not active', () => {
    const r = records({ exams: [exam({ id: 'e1', status: 'scheduled', scheduledDate: '2026-10-20' })] });
    // Only the request to record what happened to the booking (see report_result).
    expect(planReminders(input({ r })).map((p) => p.rule)).toEqual(['report_result', 'report_result']);
    const ahead = records({ exams: [exam({ id: 'e1', status: 'scheduled', scheduledDate: '2026-12-20' })] });
    expect(planReminders(input({ r: ahead, clientStatus: 'inactive' }))).toEqual([]);
  });

  it('moves with a rescheduled exam: the keys name the date', () => {
    const before = planReminders(
      input({ r: records({ exams: [exam({ id: 'e1', status: 'scheduled', scheduledDate: '2026-12-20' })] }) }),
    );
    const after = planReminders(
      input({ r: records({ exams: [exam({ id: 'e1', status: 'scheduled', scheduledDate: '2027-01-10' })] }) }),
    );
    expect(after.some((p) => before.some((b) => b.dedupeKey === p.dedupeKey))).toBe(false);
  });

  it('warns of an eligibility window closing with no exam scheduled (60 and 14 days)', () => {
    const r = records({
      exams: [exam({ id: 'e2', status: 'planned', eligibilityStart: '2026-10-01', eligibilityEnd: '2027-02-28' })],
    });
    expect(summary(input({ r, caseManagerId: null }))).toEqual([
      'eligibility_closing client 2026-12-30T14:00:00.000Z',
      'eligibility_closing client 2027-02-14T14:00:00.000Z',
    ]);
  });

  it('asks the client and the case manager, the morning after a booked day, to record what happened', () => {
    const booked = (scheduledDate: string, status: 'scheduled' | 'taken' | 'cancelled' = 'scheduled') =>
      records({ exams: [exam({ id: 'e4', status, scheduledDate })] });
    const reportResult = (r: ReturnType<typeof records>, over: Partial<ReminderInput> = {}) =>
      planReminders(input({ r, ...over }))
        .filter((p) => p.rule === 'report_result')
        .map((p) => `${p.recipient.kind} ${p.dueAt.toISOString()} ${p.data.exam} ${p.data.date}`);
    expect(reportResult(booked('2026-12-20'))).toEqual([
      'client 2026-12-21T14:00:00.000Z USMLE_STEP1 2026-12-20',
      'user 2026-12-21T14:00:00.000Z USMLE_STEP1 2026-12-20',
    ]);
    // A day gone by weeks ago: now (10:00 in New York), once.
    expect(reportResult(booked('2026-10-20'))).toEqual([
      `client ${NOW.toISOString()} USMLE_STEP1 2026-10-20`,
      `user ${NOW.toISOString()} USMLE_STEP1 2026-10-20`,
    ]);
    expect(reportResult(booked('2026-12-20'), { clientHasAccount: false })).toEqual([
      'user 2026-12-21T14:00:00.000Z USMLE_STEP1 2026-12-20',
    ]);
    // Recorded as sat or cancelled: nothing to ask.
    expect(reportResult(booked('2026-10-20', 'taken'))).toEqual([]);
    expect(reportResult(booked('2026-10-20', 'cancelled'))).toEqual([]);
    // Moved: the reminder of the old day is replaced by one for the new day.
    const keys = (r: ReturnType<typeof records>) =>
      planReminders(input({ r }))
        .filter((p) => p.rule === 'report_result')
        .map((p) => p.dedupeKey);
    expect(keys(booked('2026-12-20'))).not.toEqual(keys(booked('2027-01-10')));
  });

  it('asks the case manager to record a result still pending 5 weeks after the test', () => {
    const r = records({ exams: [attempt('2026-10-01', 'result_pending', { id: 'e3' })] });
    expect(summary(input({ r, clientHasAccount: false }))).toEqual(['result_pending user 2026-11-05T14:00:00.000Z']);
  });

  it('reminds of the Match dates of the season applied for, only while the application is pending', () => {
    const r = records({ matchApplications: [application({ season: 2027 })] });
    const plan = planReminders(input({ r, caseManagerId: null })).filter((p) => p.rule === 'match_deadline');
    expect(plan.map((p) => `${p.data.event} ${p.data.daysBefore}`)).toEqual([
      'rank_list_deadline 7',
      'rank_list_deadline 1',
    ]);
    expect(
      planReminders(input({ r: records({ matchApplications: [application({ season: 2027, result: 'withdrawn' })] }) })),
    ).toEqual([]);
  });

  describe('exam requirements unmet for the rank-list deadline (2027-03-03, 9 p.m. ET)', () => {
    const pending = application({ season: 2027 });
    const met = (step2ckOn: string) =>
      records({
        exams: [
          attempt('2024-05-10', 'passed', { id: 's1', exam: 'USMLE_STEP1' }),
          attempt(step2ckOn, 'passed', { id: 's2', exam: 'USMLE_STEP2_CK' }),
        ],
        credentials: credentials({ step2CsPassedAt: '2021-01-15' }),
        matchApplications: [pending],
      });
    const unmet = (r: ReturnType<typeof records>, now = NOW) =>
      planReminders(input({ r, now })).filter((p) => p.rule === 'requirements_unmet');

    it('reminds the IMG and the case manager 60, 30 and 14 days ahead, at 09:00, naming the hour', () => {
      const plan = unmet(records({ matchApplications: [pending] }));
      expect(plan.map((p) => [p.data.daysBefore, p.recipient.kind, p.dueAt.toISOString()])).toEqual([
        [60, 'client', '2027-01-02T14:00:00.000Z'],
        [60, 'user', '2027-01-02T14:00:00.000Z'],
        [30, 'client', '2027-02-01T14:00:00.000Z'],
        [30, 'user', '2027-02-01T14:00:00.000Z'],
        [14, 'client', '2027-02-17T14:00:00.000Z'],
        [14, 'user', '2027-02-17T14:00:00.000Z'],
      ]);
      expect(plan[0].data).toMatchObject({ season: 2027, date: '2027-03-03', at: '2027-03-03T21:00:00-05:00' });
    });

    // A pass counts from its usual report day (test day + 28): 2027-02-03 is reported on the deadline day.
    it.each([
      ['2027-02-02', 0],
      ['2027-02-03', 0],
      ['2027-02-04', 6],
    ])('Step 2 CK passed on %s: %i reminders', (day, count) => {
      expect(unmet(met(day))).toHaveLength(count);
    });

    it('none for an application no longer pending, or a season without a rank-list deadline', () => {
      expect(unmet(records({ matchApplications: [application({ season: 2027, result: 'withdrawn' })] }))).toEqual([]);
      expect(unmet(records({ matchApplications: [application({ season: 2031 })] }))).toEqual([]);
    });
  });

  describe('after Match Day and in SOAP (issue 21)', () => {
    const event = (key: string, at: string) => ({ key, label: key, at, estimated: false });
    // The 2026 season with Match Week (Monday 16 March, 10 a.m. ET) and Match Day (Friday 20 March).
    const calendar = [
      {
        matchYear: 2026,
        events: [
          event('rank_list_deadline', '2026-03-04T21:00:00-05:00'),
          event('match_week_starts', '2026-03-16T10:00:00-04:00'),
          event('match_day', '2026-03-20T12:00:00-04:00'),
        ],
      },
    ];
    const examsMet = {
      exams: [
        attempt('2024-01-10', 'passed', { id: 's1' }),
        attempt('2024-06-10', 'passed', { id: 's2', exam: 'USMLE_STEP2_CK' }),
      ],
      credentials: credentials({ step2CsPassedAt: '2020-06-01' }),
    };
    const at = (iso: string) => new Date(iso);
    const plan = (r: ReturnType<typeof records>, now: Date, rule: string) =>
      planReminders(input({ r, now, calendar, pathway: evaluatePathway(r, calendar, PATHWAY_RULES, now) })).filter(
        (p) => p.rule === rule,
      );

    it('asks for the result of a pending season the morning after Match Day, planned ahead', () => {
      const r = records({ ...examsMet, matchApplications: [application({ season: 2026 })] });
      const due = plan(r, at('2026-03-10T15:00:00Z'), 'match_result_due');
      expect(due.map((p) => [p.recipient.kind, p.dueAt.toISOString()])).toEqual([
        ['client', '2026-03-21T13:00:00.000Z'],
        ['user', '2026-03-21T13:00:00.000Z'],
      ]);
      expect(due[0].data).toEqual({ season: 2026, date: '2026-03-20' });
      // A result recorded takes it away.
      const decided = records({ ...examsMet, matchApplications: [application({ season: 2026, result: 'matched' })] });
      expect(plan(decided, at('2026-03-10T15:00:00Z'), 'match_result_due')).toEqual([]);
    });

    it('for a season the calendar does not hold: nothing in its Match month, at once after it', () => {
      const r = records({ ...examsMet, matchApplications: [application({ season: 2025 })] });
      expect(plan(r, at('2025-03-31T15:00:00Z'), 'match_result_due')).toEqual([]);
      const due = plan(r, at('2025-04-01T15:00:00Z'), 'match_result_due');
      expect(due.map((p) => p.dueAt.toISOString())).toEqual(['2025-04-01T15:00:00.000Z', '2025-04-01T15:00:00.000Z']);
      expect(due[0].data).toEqual({ season: 2025 });
    });

    it.each([
      ['on the Monday SOAP opens', '2026-03-16T18:00:00Z', 2],
      ['on its last day, Thursday', '2026-03-19T18:00:00Z', 2],
      ['on Match Day, when SOAP is over', '2026-03-20T18:00:00Z', 0],
    ])('tells an unmatched client and the case manager about SOAP at once: %s', (_when, now, count) => {
      const r = records({ ...examsMet, matchApplications: [application({ season: 2026, result: 'unmatched' })] });
      const soap = plan(r, at(now), 'soap_open');
      expect(soap).toHaveLength(count);
      if (count) {
        expect(soap[0].dueAt.toISOString()).toBe(now.replace('Z', '.000Z'));
        expect(soap[0].data).toEqual({ season: 2026, opens: '2026-03-16', date: '2026-03-19' });
      }
    });

    it('no SOAP reminder for a client whose exams ECFMG could not verify by the rank-list deadline', () => {
      const late = records({
        exams: [attempt('2024-01-10', 'passed'), attempt('2026-02-20', 'passed', { exam: 'USMLE_STEP2_CK' })],
        credentials: credentials({ step2CsPassedAt: '2020-06-01' }),
        matchApplications: [application({ season: 2026, result: 'unmatched' })],
      });
      expect(plan(late, at('2026-03-16T18:00:00Z'), 'soap_open')).toEqual([]);
    });
  });

  it('tells the case manager of a document awaiting review, and the IMG of the decision, at once, per version', () => {
    const documents = [
      { id: 'd1', category: 'cv' as const, version: 2, status: 'awaiting_review' as const },
      { id: 'd2', category: 'personal_statement' as const, version: 1, status: 'changes_requested' as const },
    ];
    const plan = planReminders(input({ documents })).filter((p) => p.rule.startsWith('document_'));
    expect(plan.map((p) => [p.rule, p.recipient.kind, p.dueAt.toISOString(), p.data])).toEqual([
      ['document_review_requested', 'user', NOW.toISOString(), { category: 'cv', version: 2 }],
      ['document_reviewed', 'client', NOW.toISOString(), { category: 'personal_statement', version: 1 }],
    ]);
    // The next version is news again: a new key.
    const next = planReminders(input({ documents: [{ ...documents[0], version: 3 }] })).filter(
      (p) => p.rule === 'document_review_requested',
    );
    expect(next[0].dedupeKey).not.toBe(plan[0].dedupeKey);
    // No account: the IMG is not told; no case manager: nobody is.
    expect(
      planReminders(input({ documents, clientHasAccount: false, caseManagerId: null })).filter((p) =>
        p.rule.startsWith('document_'),
      ),
    ).toEqual([]);
  });

  it('reminds of a task the day before and the day after its due date, to its assignee', () => {
    const tasks = [
      {
        id: 't1',
        title: 'Book OET',
        dueDate: '2026-11-10',
        status: 'open' as const,
        assigneeUserId: 'u9',
        assignedToClient: false,
      },
      {
        id: 't2',
        title: 'Send CV',
        dueDate: '2026-11-12',
        status: 'open' as const,
        assigneeUserId: null,
        assignedToClient: true,
      },
      {
        id: 't3',
        title: 'Done',
        dueDate: '2026-11-12',
        status: 'done' as const,
        assigneeUserId: 'u9',
        assignedToClient: false,
      },
    ];
    const plan = planReminders(input({ tasks }));
    expect(
      plan.map(
        (p) =>
          `${p.rule} ${p.recipient.kind === 'user' ? p.recipient.userId : 'client'} ${p.dueAt.toISOString().slice(0, 10)}`,
      ),
    ).toEqual([
      'task_due u9 2026-11-09',
      'task_due client 2026-11-11',
      'task_overdue u9 2026-11-11',
      'task_overdue client 2026-11-13',
    ]);
    expect(planReminders(input({ tasks: [{ ...tasks[1] }], clientHasAccount: false }))).toEqual([]);
    expect(
      planReminders(input({ tasks: [{ ...tasks[0], assigneeUserId: null }] })).every(
        (p) => p.recipient.kind === 'user' && p.recipient.userId === 'cm1',
      ),
    ).toBe(true);
  });

  it('tells the case manager at once when a third attempt is used', () => {
    const r = records({ exams: [attempt('2025-01-10'), attempt('2025-06-10'), attempt('2026-02-10')] });
    expect(summary(input({ r, clientHasAccount: false }))).toEqual([`third_attempt_used user ${NOW.toISOString()}`]);
  });

  it('warns ahead of the 7-year window closing, and of a clinical experience ending without its letter', () => {
    const r = records({
      exams: [attempt('2019-12-01', 'passed')],
      clinicalExperiences: [experience({ id: 'x1', status: 'ongoing', endDate: '2026-12-15' })],
    });
    const rules = planReminders(input({ r, caseManagerId: null })).map(
      (p) => `${p.rule} ${p.dueAt.toISOString().slice(0, 10)}`,
    );
    // Step 1 passed 2019-12-01: the window closes 2026-12-01; its 30-day reminder (due 09:00 today) went by at 14:00Z, so it goes now.
    expect(rules).toEqual(['seven_year_window 2026-11-01', 'clinical_experience_ending 2026-12-01']);
  });

  it('asks the case manager to get in touch after 60 days without contact', () => {
    expect(summary(input({ lastContactOn: '2026-10-01', clientHasAccount: false }))).toEqual([
      'no_contact user 2026-11-30T14:00:00.000Z',
    ]);
    expect(summary(input({ lastContactOn: '2026-08-01', clientHasAccount: false }))).toEqual([
      `no_contact user ${NOW.toISOString()}`,
    ]);
  });
});
