import { Client } from '@lib/clients';
import { Role } from '@lib/identity';
import { ReminderPlanner } from '@lib/reminders';
import { seedMatchSeasons } from '@lib/seed';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

describe('the pathway through the API', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let cm: Record<string, string>;
  let center: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
    await seedMatchSeasons(data);
    center = (await createCenter(data)).id;
    cm = bearer(tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: center })));
  });
  afterAll(() => app.close());

  const enroll = async () =>
    (
      await http()
        .post('/api/v1/clients')
        .set(cm)
        .send({ firstName: 'Nadia', lastName: `Karimi ${Math.random().toString(36).slice(2, 8)}` })
        .expect(201)
    ).body.id as string;
  const record = async (id: string) => (await http().get(`/api/v1/clients/${id}`).set(cm).expect(200)).body;
  const milestone = (client: { pathway: { checklist: Array<{ milestone: string; state: string }> } }, name: string) =>
    client.pathway.checklist.find((i) => i.milestone === name)?.state;
  const exam = (id: string, body: object) => http().post(`/api/v1/clients/${id}/exams`).set(cm).send(body);

  it('walks a client from intake to matched, the stage and checklist following each record', async () => {
    const id = await enroll();
    let client = await record(id);
    expect(client.stage).toBe('intake');
    expect(client.pathway).toMatchObject({ stage: 'intake', rulesVersion: expect.any(String) });
    // Staff read next steps about the client.
    expect(client.pathway.nextSteps[0]).toContain('verify the client’s diploma');

    await http()
      .put(`/api/v1/clients/${id}/credentials`)
      .set(cm)
      .send({
        usmleId: '1-234-567-8',
        diplomaVerifiedAt: '2025-02-01',
        transcriptVerifiedAt: '2025-02-10',
        schoolListedInWorldDirectory: true,
      })
      .expect(200);
    client = await record(id);
    expect(client.stage).toBe('credentialing');
    expect(milestone(client, 'credentials_verified')).toBe('done');

    await exam(id, { exam: 'USMLE_STEP1', status: 'failed', testDate: '2025-04-10' }).expect(201);
    await exam(id, { exam: 'USMLE_STEP1', status: 'passed', testDate: '2025-09-10' }).expect(201);
    client = await record(id);
    expect(client.stage).toBe('exams');
    expect(milestone(client, 'step1')).toBe('done');

    await exam(id, { exam: 'USMLE_STEP2_CK', status: 'passed', testDate: '2026-01-15', score: 241 }).expect(201);
    await exam(id, {
      exam: 'OET_MEDICINE',
      status: 'passed',
      testDate: '2025-11-20',
      oetScores: { listening: 380, reading: 360, writing: 320, speaking: 370 },
    }).expect(201);
    await http()
      .put(`/api/v1/clients/${id}/credentials`)
      .set(cm)
      .send({
        ecfmgPathway: 6,
        ecfmgPathwayStatus: 'validated',
        ecfmgPathwayCycle: 2025,
        certificateIssuedAt: '2026-04-01',
      })
      .expect(200);
    client = await record(id);
    expect(client.stage).toBe('ecfmg_certified');
    expect(['oet', 'ecfmg_pathway', 'ecfmg_certificate'].map((m) => milestone(client, m))).toEqual([
      'done',
      'done',
      'done',
    ]);

    await http()
      .post(`/api/v1/clients/${id}/clinical-experiences`)
      .set(cm)
      .send({
        kind: 'observership',
        institution: 'Denver Health',
        startDate: '2026-04-06',
        endDate: '2026-05-29',
        status: 'completed',
        letterReceivedAt: '2026-06-01',
      })
      .expect(201);
    expect((await record(id)).stage).toBe('clinical_experience');

    const application = (
      await http()
        .post(`/api/v1/clients/${id}/match-applications`)
        .set(cm)
        .send({ season: 2027, specialties: ['Family Medicine'], erasSubmittedAt: '2026-09-03', visa: 'J-1' })
        .expect(201)
    ).body;
    expect((await record(id)).stage).toBe('applying');
    await http().post(`/api/v1/clients/${id}/match-applications`).set(cm).send({ season: 2027 }).expect(409);

    await http()
      .patch(`/api/v1/clients/${id}/match-applications/${application.id}`)
      .set(cm)
      .send({
        nrmpRegisteredAt: '2026-09-20',
        rankListCertifiedAt: '2027-02-25',
        result: 'matched',
        matchedProgram: 'Example Family Medicine Residency',
        matchedState: 'CO',
      })
      .expect(200);
    client = await record(id);
    expect(client.stage).toBe('matched');
    expect(milestone(client, 'match_result')).toBe('done');

    const listed = await http()
      .get('/api/v1/clients')
      .query({ stage: 'matched', centerId: center })
      .set(cm)
      .expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const notApplying = await http()
      .get('/api/v1/clients')
      .query({ stage: 'applying', centerId: center })
      .set(cm)
      .expect(200);
    expect(notApplying.body.items.map((c: { id: string }) => c.id)).not.toContain(id);

    const timeline = (await http().get(`/api/v1/clients/${id}/timeline`).set(cm).query({ limit: 100 }).expect(200)).body
      .items;
    const kinds = timeline.map((i: { kind: string }) => i.kind);
    expect(kinds.filter((k: string) => k === 'exam')).toHaveLength(4);
    expect(kinds).toEqual(expect.arrayContaining(['clinical_experience', 'match_application', 'intake']));
    expect(timeline.find((i: { kind: string }) => i.kind === 'match_application').details).toMatchObject({
      season: 2027,
      result: 'matched',
    });
  });

  it('refuses what the rules forbid with 422 naming the rule and its source', async () => {
    const id = await enroll();
    // Four attempts, the last one awaiting its result: the limit is reached, the bar not yet.
    for (const [testDate, status] of [
      ['2022-01-10', 'failed'],
      ['2022-06-10', 'failed'],
      ['2022-12-10', 'incomplete'],
      ['2024-01-20', 'result_pending'],
    ]) {
      await exam(id, { exam: 'USMLE_STEP2_CK', status, testDate }).expect(201);
    }
    const fifth = await exam(id, { exam: 'USMLE_STEP2_CK', status: 'scheduled', scheduledDate: '2026-12-01' }).expect(
      422,
    );
    expect(fifth.body).toMatchObject({
      code: 'ATTEMPT_LIMIT_REACHED',
      rule: { source: expect.stringMatching(/^https:/) },
    });

    // Three failures and an incomplete attempt: no Step may be taken (incomplete attempts count).
    const incomplete = await enroll();
    for (const [testDate, status] of [
      ['2022-01-10', 'failed'],
      ['2022-06-10', 'failed'],
      ['2022-12-10', 'failed'],
      ['2024-01-20', 'incomplete'],
    ]) {
      await exam(incomplete, { exam: 'USMLE_STEP1', status, testDate }).expect(201);
    }
    const ck = await exam(incomplete, {
      exam: 'USMLE_STEP2_CK',
      status: 'scheduled',
      scheduledDate: '2026-12-01',
    }).expect(422);
    expect(ck.body).toMatchObject({ code: 'ALL_STEPS_BARRED', rule: { id: 'usmle-attempt-limit-4' } });
    const barredNow = await record(incomplete);
    expect(barredNow.pathway.blockers.map((f: { code: string }) => f.code)).toContain('ALL_STEPS_BARRED');
    expect(milestone(barredNow, 'step2_ck')).toBe('blocked');

    await exam(id, { exam: 'USMLE_STEP2_CK', status: 'failed', testDate: '2024-03-01' }).expect(422);
    const barred = await enroll();
    for (const testDate of ['2022-01-10', '2022-06-10', '2022-12-10', '2024-01-20']) {
      await exam(barred, { exam: 'USMLE_STEP2_CK', status: 'failed', testDate }).expect(201);
    }
    const anyStep = await exam(barred, {
      exam: 'USMLE_STEP1',
      status: 'scheduled',
      scheduledDate: '2026-12-01',
    }).expect(422);
    expect(anyStep.body.code).toBe('ALL_STEPS_BARRED');

    const other = await enroll();
    await exam(other, { exam: 'USMLE_STEP1', status: 'passed', testDate: '2025-05-01' }).expect(201);
    const retake = await exam(other, { exam: 'USMLE_STEP1', status: 'scheduled', scheduledDate: '2026-12-01' }).expect(
      422,
    );
    expect(retake.body.code).toBe('PASSED_STEP_NOT_RETAKEN');
    // A Step 1 pass whose ECFMG 7-year window closed with no Step 2 CK pass in it may be retaken.
    const stale = await enroll();
    await exam(stale, { exam: 'USMLE_STEP1', status: 'passed', testDate: '2018-01-10' }).expect(201);
    await exam(stale, { exam: 'USMLE_STEP1', status: 'scheduled', scheduledDate: '2026-12-01' }).expect(201);
    const early = await exam(other, {
      exam: 'USMLE_STEP2_CK',
      status: 'scheduled',
      eligibilityStart: '2026-12-01',
      eligibilityEnd: '2027-02-28',
      scheduledDate: '2026-11-15',
    }).expect(422);
    expect(early.body.code).toBe('TEST_DATE_BEFORE_ELIGIBILITY');
    const scored = await exam(other, {
      exam: 'USMLE_STEP1',
      status: 'failed',
      testDate: '2024-03-01',
      score: 190,
    }).expect(422);
    expect(scored.body.code).toBe('STEP1_IS_PASS_FAIL');

    const rows = await data.query('SELECT count(*)::int AS n FROM exam_records WHERE client_id = $1', [other]);
    expect(rows[0].n).toBe(1);
  });

  it('judges by the latest pass, whatever the order the records were written in (issue 21, item 4)', async () => {
    const id = await enroll();
    const codes = async () => {
      const client = await record(id);
      return [...client.pathway.blockers, ...client.pathway.warnings].map((f: { code: string }) => f.code);
    };
    await exam(id, { exam: 'USMLE_STEP1', status: 'passed', testDate: '2015-01-10' }).expect(201);
    await exam(id, { exam: 'USMLE_STEP2_CK', status: 'passed', testDate: '2023-06-01' }).expect(201);
    // Step 2 CK passed more than 7 years after Step 1: the first pass no longer counts.
    expect(await codes()).toContain('SEVEN_YEAR_WINDOW_CLOSED');
    // The retake USMLE allows for that window, written after the old pass: the blocker goes.
    await exam(id, { exam: 'USMLE_STEP1', status: 'passed', testDate: '2024-03-01' }).expect(201);
    expect(await codes()).not.toContain('SEVEN_YEAR_WINDOW_CLOSED');
    expect(milestone(await record(id), 'step1')).toBe('done');
  });

  it('accepts what the rules only warn about, flags it, and counts it on the caseload', async () => {
    const id = await enroll();
    for (const testDate of ['2024-01-10', '2024-06-10', '2025-02-10']) {
      await exam(id, { exam: 'USMLE_STEP1', status: 'failed', testDate }).expect(201);
    }
    const client = await record(id);
    expect(client.pathway.warnings.map((w: { code: string }) => w.code)).toContain('THIRD_ATTEMPT_USED');
    // The caseload's badge: the count stored by the same write, without evaluating the list.
    const caseload = await http().get('/api/v1/clients').query({ q: client.lastName }).set(cm).expect(200);
    expect(caseload.body.items).toEqual([
      expect.objectContaining({ id, warningCount: client.pathway.warnings.length + client.pathway.blockers.length }),
    ]);
    expect(caseload.body.items[0].warningCount).toBeGreaterThan(0);
    const quiet = await record(await enroll());
    expect(quiet.warningCount).toBe(0);

    // Findings move with the calendar too: the daily sweep (which plans every client) puts a
    // stale count right without a write.
    await data.query(`UPDATE clients SET warning_count = 0 WHERE id = $1`, [id]);
    await app.get(ReminderPlanner).plan(data.manager, [await data.manager.findOneByOrFail(Client, { id })]);
    const [stored] = await data.query(`SELECT warning_count FROM clients WHERE id = $1`, [id]);
    expect(stored.warning_count).toBe(caseload.body.items[0].warningCount);
  });

  it("judges OET Medicine by its Pathways season's cut-off, and asks to revalidate a Pathway of another season", async () => {
    const id = await enroll();
    const codes = (c: { pathway: { warnings: Array<{ code: string }> } }) => c.pathway.warnings.map((w) => w.code);
    await exam(id, {
      exam: 'OET_MEDICINE',
      status: 'passed',
      testDate: '2022-12-31',
      oetScores: { listening: 380, reading: 360, writing: 320, speaking: 370 },
    }).expect(201);
    const pathway = { ecfmgPathway: 1, ecfmgPathwayStatus: 'validated', ecfmgPathwayCycle: 2025 };
    await http().put(`/api/v1/clients/${id}/credentials`).set(cm).send(pathway).expect(200);
    await http().post(`/api/v1/clients/${id}/match-applications`).set(cm).send({ season: 2041 }).expect(201);
    let client = await record(id);
    // The day before the 2025 season's cut-off (2023-01-01): the sitting does not count for that season.
    expect(client.pathway.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'OET_BEFORE_CYCLE_CUTOFF',
          season: 2025,
          rule: expect.objectContaining({ id: 'oet-2025' }),
        }),
        expect.objectContaining({
          code: 'PATHWAY_REVALIDATION_NEEDED',
          season: 2041,
          rule: expect.objectContaining({
            id: 'ecfmg-pathway-revalidation',
            source: expect.stringContaining('ecfmg.org'),
          }),
        }),
      ]),
    );
    expect(milestone(client, 'oet')).not.toBe('done');

    // The planner plans the reminder at once, for the client's case manager (the client has no account here).
    const plans = await app
      .get(ReminderPlanner)
      .plan(data.manager, [await data.manager.findOneByOrFail(Client, { id })]);
    const reminders = plans.get(id) ?? [];
    expect(reminders.filter((r: { rule: string }) => r.rule === 'oet_cutoff')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ season: 2025, date: '2023-01-01', testDate: '2022-12-31' }),
      }),
    ]);

    // The cut-off day itself counts; once certified through the Pathway, the certificate is time-limited.
    await exam(id, {
      exam: 'OET_MEDICINE',
      status: 'passed',
      testDate: '2023-01-01',
      oetScores: { listening: 380, reading: 360, writing: 320, speaking: 370 },
    }).expect(201);
    client = await record(id);
    expect(codes(client)).not.toContain('OET_BEFORE_CYCLE_CUTOFF');
    expect(milestone(client, 'oet')).toBe('done');
    await http()
      .put(`/api/v1/clients/${id}/credentials`)
      .set(cm)
      .send({ ...pathway, certificateIssuedAt: '2025-03-01' })
      .expect(200);
    client = await record(id);
    expect(codes(client)).toContain('CERTIFICATE_TIME_LIMITED');
    expect(codes(client)).not.toContain('PATHWAY_REVALIDATION_NEEDED');
  });

  it('stores the stage from the first day for an alternative career', async () => {
    const res = await http()
      .post('/api/v1/clients')
      .set(cm)
      .send({
        firstName: 'Omar',
        lastName: 'Khalil Alt',
        careerGoal: 'alternative_career',
        alternativeCareer: 'public_health',
      })
      .expect(201);
    expect(res.body.stage).toBe('alternative_career');
    const listed = await http()
      .get('/api/v1/clients')
      .query({ stage: 'alternative_career', centerId: center })
      .set(cm)
      .expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(res.body.id);
  });

  it('moves the stage when the record is closed, in the same change', async () => {
    const id = await enroll();
    await http()
      .patch(`/api/v1/clients/${id}`)
      .set(cm)
      .set('If-Match', '"1"')
      .send({ status: 'closed', closedReason: 'Moved away' })
      .expect(200);
    expect((await record(id)).stage).toBe('closed');
  });

  it('refuses bad pathway input with the field named', async () => {
    const id = await enroll();
    const field = async (res: request.Test) => (await res.expect(400)).body.fields[0].field;
    expect(await field(exam(id, { exam: 'USMLE_STEP1', status: 'failed' }))).toBe('testDate');
    expect(await field(exam(id, { exam: 'USMLE_STEP1', status: 'passed', testDate: '2099-01-01' }))).toBe('testDate');
    expect(
      await field(exam(id, { exam: 'USMLE_STEP1', eligibilityStart: '2026-05-01', eligibilityEnd: '2026-04-01' })),
    ).toBe('eligibilityEnd');
    expect(
      await field(
        http()
          .post(`/api/v1/clients/${id}/match-applications`)
          .set(cm)
          .send({ season: 2026, result: 'unmatched', residencyBegan: true }),
      ),
    ).toBe('residencyBegan');
    const wrong = await exam(id, { exam: 'USMLE_STEP4' }).expect(400);
    expect(wrong.body.fields[0].field).toBe('exam');
    const oet = await exam(id, { exam: 'OET_MEDICINE', score: 350 }).expect(400);
    expect(oet.body.fields[0].field).toBe('score');
    await http()
      .post(`/api/v1/clients/${id}/clinical-experiences`)
      .set(cm)
      .send({ kind: 'observership', institution: 'X Hospital', startDate: '2026-05-01', endDate: '2026-04-01' })
      .expect(400);
    await http().put('/api/v1/match-seasons/abc').set(cm).send({ events: [] }).expect(403);
  });

  it('serves the seeded Match calendar, every date flagged confirmed or estimated', async () => {
    const seasons = (await http().get('/api/v1/match-seasons').set(cm).expect(200)).body;
    expect(seasons.map((s: { matchYear: number }) => s.matchYear)).toEqual(expect.arrayContaining([2026, 2027]));
    const s2026 = (await http().get('/api/v1/match-seasons/2026').set(cm).expect(200)).body;
    expect(s2026.events.find((e: { key: string }) => e.key === 'match_day')).toMatchObject({
      at: '2026-03-20T12:00:00-04:00',
      estimated: false,
    });
    // 2100 is the last year the API takes and no suite writes it (their own seasons are 2060-2099, and the
    // test database is shared by every suite of a run), so it stays a season nobody has put in.
    await http().get('/api/v1/match-seasons/2100').set(cm).expect(404);
    await http().get('/api/v1/match-seasons/1999').set(cm).expect(400);
    await http().get('/api/v1/match-seasons/2101').set(cm).expect(400);
    await http().get('/api/v1/match-seasons/next').set(cm).expect(400);
  });

  it('lets an admin correct the calendar, refusing dates no clock can read', async () => {
    const admin = bearer(tokenFor(app, await createUser(data, { role: Role.Admin })));
    const event = { key: 'rank_list_deadline', label: 'Rank order list certification deadline', estimated: true };
    for (const at of [
      '2028-03-01T21-05:00',
      '2027-W09-3T21:00:00Z',
      '2027-02-30T21:00:00-05:00',
      '2027-13-01T21:00:00-05:00',
    ]) {
      const res = await http()
        .put('/api/v1/match-seasons/2028')
        .set(admin)
        .send({ events: [{ ...event, at }] })
        .expect(400);
      expect(res.body.fields[0].field).toBe('events.0.at');
    }
    await http().put('/api/v1/match-seasons/0').set(admin).send({ events: [] }).expect(400);
    const saved = await http()
      .put('/api/v1/match-seasons/2028')
      .set(admin)
      .send({ events: [{ ...event, at: '2028-03-01T21:00:00-05:00' }] })
      .expect(200);
    expect(saved.body.events[0].at).toBe('2028-03-01T21:00:00-05:00');
    const [audit] = await data.query(
      `SELECT entity_id FROM audit_log WHERE entity_type = 'match_season' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.entity_id).toBe('2028');
  });
});
