import { Role } from '@lib/identity';
import { addDays, civilDateOf } from '@lib/pathway';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createClient, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

/** Issue 21, items 2 and 3, through the API. Match seasons 2050-2054 belong to this suite (2055-2059 to match-season). */
describe('the rank-list deadline through the API', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let cm: Record<string, string>;
  let centerId: string;
  let day: (n: number) => string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
    const center = await createCenter(data);
    centerId = center.id;
    day = (n: number) => addDays(civilDateOf(new Date(), center.timeZone), n);
    cm = bearer(tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId })));
  });
  afterAll(() => app.close());

  const season = (year: number, events: Array<[string, string]>) =>
    data.query(
      `INSERT INTO match_seasons (match_year, events) VALUES ($1, $2)
       ON CONFLICT (match_year) DO UPDATE SET events = EXCLUDED.events`,
      [year, JSON.stringify(events.map(([key, at]) => ({ key, label: key, at, estimated: false })))],
    );
  const clientWith = async (year: number, exams: Array<[string, string, string | null, string | null]>) => {
    const client = await createClient(data, { centerId });
    await data.query(
      `INSERT INTO credential_records
         (client_id, step2_cs_passed_at, diploma_verified_at, transcript_verified_at, school_listed_in_world_directory)
       VALUES ($1, '2020-06-01', '2020-01-01', '2020-01-01', true)
       ON CONFLICT (client_id) DO UPDATE SET step2_cs_passed_at = EXCLUDED.step2_cs_passed_at,
         diploma_verified_at = EXCLUDED.diploma_verified_at, transcript_verified_at = EXCLUDED.transcript_verified_at,
         school_listed_in_world_directory = EXCLUDED.school_listed_in_world_directory`,
      [client.id],
    );
    for (const [exam, status, testDate, scheduledDate] of exams) {
      await data.query(
        `INSERT INTO exam_records (client_id, exam, status, test_date, scheduled_date) VALUES ($1, $2, $3, $4, $5)`,
        [client.id, exam, status, testDate, scheduledDate],
      );
    }
    // ERAS submitted and NRMP registered: the steps left are the exams, the rank list and what follows.
    await data.query(
      `INSERT INTO match_applications (client_id, season, result, eras_submitted_at, nrmp_registered_at)
       VALUES ($1, $2, 'pending', '2020-01-01', '2020-01-01')`,
      [client.id, year],
    );
    return (await http().get(`/api/v1/clients/${client.id}`).set(cm).expect(200)).body;
  };

  it('turns a rank-list deadline gone by into what it means, with its hour in US Eastern time', async () => {
    await season(2050, [
      ['rank_list_deadline', `${day(-5)}T21:00:00-05:00`],
      ['match_day', `${day(20)}T12:00:00-04:00`],
    ]);
    const client = await clientWith(2050, [
      ['USMLE_STEP1', 'passed', '2024-01-10', null],
      ['USMLE_STEP2_CK', 'passed', '2024-06-10', null],
    ]);
    expect(client.pathway.nextStepFacts).toContainEqual({
      code: 'rank_list_deadline_passed',
      season: 2050,
      date: day(-5),
      at: `${day(-5)}T21:00:00-05:00`,
    });
    expect(client.pathway.nextSteps.join('\n')).toContain(
      `The 2050 rank order list deadline passed on ${day(-5)} at 9:00 p.m. ET`,
    );
    expect(client.pathway.nextSteps.join('\n')).not.toContain('certifies their rank order list by');
  });

  it('judges the exam requirements by results reported by the deadline, naming the last sensible test day', async () => {
    await season(2051, [
      ['rank_list_deadline', `${day(20)}T21:00:00-05:00`],
      ['match_day', `${day(40)}T12:00:00-04:00`],
    ]);
    const client = await clientWith(2051, [
      ['USMLE_STEP1', 'passed', '2024-01-10', null],
      ['USMLE_STEP2_CK', 'scheduled', null, day(5)],
    ]);
    expect(client.pathway.warnings).toContainEqual(
      expect.objectContaining({
        code: 'RESULT_AFTER_RANK_LIST_DEADLINE',
        exam: 'USMLE_STEP2_CK',
        date: day(20 - 28),
        season: 2051,
        at: `${day(20)}T21:00:00-05:00`,
        rule: expect.objectContaining({ id: 'usmle-result-lead-time' }),
      }),
    );
    expect(client.pathway.blockers).toContainEqual(
      expect.objectContaining({ code: 'RANK_LIST_DEADLINE_REQUIREMENTS_UNMET', season: 2051 }),
    );
    expect(client.pathway.nextSteps.join('\n')).toContain(
      `The client certifies their rank order list by ${day(20)} at 9:00 p.m. ET`,
    );
  });

  it('holds a passed deadline the engine could not have verified as out of reach', async () => {
    await season(2052, [
      ['rank_list_deadline', `${day(-3)}T21:00:00-05:00`],
      ['match_day', `${day(10)}T12:00:00-04:00`],
    ]);
    // Step 2 CK sat 10 days before the deadline: its result came after it.
    const client = await clientWith(2052, [
      ['USMLE_STEP1', 'passed', '2024-01-10', null],
      ['USMLE_STEP2_CK', 'passed', day(-13), null],
    ]);
    expect(client.pathway.blockers).toContainEqual(
      expect.objectContaining({ code: 'RANK_LIST_DEADLINE_MISSED', season: 2052, date: day(-3) }),
    );
  });

  it('counts an accepted ECFMG Pathway from its acceptance date, recorded through the API', async () => {
    await season(2053, [
      ['rank_list_deadline', `${day(-3)}T21:00:00-05:00`],
      ['match_day', `${day(10)}T12:00:00-04:00`],
    ]);
    const client = await createClient(data, { centerId });
    for (const [exam, testDate] of [
      ['USMLE_STEP1', '2024-01-10'],
      ['USMLE_STEP2_CK', '2024-06-10'],
    ]) {
      await http()
        .post(`/api/v1/clients/${client.id}/exams`)
        .set(cm)
        .send({ exam, status: 'passed', testDate })
        .expect(201);
    }
    await http()
      .post(`/api/v1/clients/${client.id}/exams`)
      .set(cm)
      .send({
        exam: 'OET_MEDICINE',
        status: 'passed',
        testDate: day(-200),
        oetScores: { listening: 400, reading: 400, writing: 400, speaking: 400 },
      })
      .expect(201);
    await http().post(`/api/v1/clients/${client.id}/match-applications`).set(cm).send({ season: 2053 }).expect(201);
    const accepted = async (on: string) => {
      const saved = await http()
        .put(`/api/v1/clients/${client.id}/credentials`)
        .set(cm)
        .send({ ecfmgPathway: 1, ecfmgPathwayStatus: 'validated', ecfmgPathwayCycle: 2053, ecfmgPathwayAcceptedAt: on })
        .expect(200);
      expect(saved.body.ecfmgPathwayAcceptedAt).toBe(on);
      const body = (await http().get(`/api/v1/clients/${client.id}`).set(cm).expect(200)).body;
      return body.pathway.blockers.map((b: { code: string }) => b.code);
    };
    // Accepted the day after the deadline: too late for that Match.
    expect(await accepted(day(-2))).toContain('RANK_LIST_DEADLINE_MISSED');
    // Accepted on the deadline day: in time.
    expect(await accepted(day(-3))).not.toContain('RANK_LIST_DEADLINE_MISSED');
  });

  it('uses a result date recorded through the API instead of the usual lead time', async () => {
    await season(2054, [
      ['rank_list_deadline', `${day(-3)}T21:00:00-05:00`],
      ['match_day', `${day(10)}T12:00:00-04:00`],
    ]);
    const client = await createClient(data, { centerId });
    await http()
      .put(`/api/v1/clients/${client.id}/credentials`)
      .set(cm)
      .send({ step2CsPassedAt: '2020-06-01' })
      .expect(200);
    await http()
      .post(`/api/v1/clients/${client.id}/exams`)
      .set(cm)
      .send({ exam: 'USMLE_STEP1', status: 'passed', testDate: '2024-01-10' })
      .expect(201);
    // Sat 8 days before the deadline: by the lead time its result came too late, but it was reported in 5 days.
    const step2 = await http()
      .post(`/api/v1/clients/${client.id}/exams`)
      .set(cm)
      .send({ exam: 'USMLE_STEP2_CK', status: 'passed', testDate: day(-11), resultDate: day(-6), score: 240 })
      .expect(201);
    expect(step2.body.resultDate).toBe(day(-6));
    await http().post(`/api/v1/clients/${client.id}/match-applications`).set(cm).send({ season: 2054 }).expect(201);
    const codes = async () =>
      (await http().get(`/api/v1/clients/${client.id}`).set(cm).expect(200)).body.pathway.blockers.map(
        (b: { code: string }) => b.code,
      );
    expect(await codes()).not.toContain('RANK_LIST_DEADLINE_MISSED');
    await http()
      .patch(`/api/v1/clients/${client.id}/exams/${step2.body.id}`)
      .set(cm)
      .send({ resultDate: null })
      .expect(200);
    expect(await codes()).toContain('RANK_LIST_DEADLINE_MISSED');
    // A result date before the test day is refused.
    await http()
      .patch(`/api/v1/clients/${client.id}/exams/${step2.body.id}`)
      .set(cm)
      .send({ resultDate: day(-12) })
      .expect(400);
  });

  it('gives a case manager of another center 404', async () => {
    const other = bearer(
      tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: (await createCenter(data)).id })),
    );
    const client = await createClient(data, { centerId });
    await http().get(`/api/v1/clients/${client.id}`).set(other).expect(404);
  });
});
