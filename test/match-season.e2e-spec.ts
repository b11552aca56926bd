import { Client } from '@lib/clients';
import { Role } from '@lib/identity';
import { addDays, civilDateOf } from '@lib/pathway';
import { ReminderPlanner } from '@lib/reminders';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createClient, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

/**
 * Issue 21, the Match season through the API: stage by the latest season, a past season left
 * pending, SOAP, matched without the certificate, and the IMG's deadlines to the minute.
 * Match seasons 2055-2059 belong to this suite; their dates are set around today.
 */
describe('the Match season through the API', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let cm: Record<string, string>;
  let caseManagerId: string;
  let centerId: string;
  let day: (n: number) => string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    data = app.get(DataSource);
    const center = await createCenter(data);
    centerId = center.id;
    day = (n: number) => addDays(civilDateOf(new Date(), 'America/New_York'), n);
    const manager = await createUser(data, { role: Role.CaseManager, centerId });
    caseManagerId = manager.id;
    cm = bearer(tokenFor(app, manager));
  });
  afterAll(() => app.close());

  /** A season whose events fall at noon ET on the given days (or at the given instants). */
  const season = (year: number, events: Record<string, string>) =>
    data.query(
      `INSERT INTO match_seasons (match_year, events) VALUES ($1, $2)
       ON CONFLICT (match_year) DO UPDATE SET events = EXCLUDED.events`,
      [
        year,
        JSON.stringify(
          Object.entries(events).map(([key, at]) => ({
            key,
            label: key,
            at: at.includes('T') ? at : `${at}T12:00:00-05:00`,
            estimated: false,
          })),
        ),
      ],
    );

  /** A client of the case manager whose exam requirements ECFMG verified long ago. */
  const examsMetClient = async () => {
    const client = await createClient(data, { centerId, caseManagerId });
    await http()
      .put(`/api/v1/clients/${client.id}/credentials`)
      .set(cm)
      .send({ step2CsPassedAt: '2020-06-01', diplomaVerifiedAt: '2020-01-01', transcriptVerifiedAt: '2020-01-01' })
      .expect(200);
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
    return client.id;
  };
  const apply = async (id: string, body: object) =>
    (await http().post(`/api/v1/clients/${id}/match-applications`).set(cm).send(body).expect(201)).body.id as string;
  const record = async (id: string) => (await http().get(`/api/v1/clients/${id}`).set(cm).expect(200)).body;
  type Finding = { code: string };
  const findings = (client: { pathway: { warnings: Finding[]; blockers: Finding[] } }): Finding[] => [
    ...client.pathway.blockers,
    ...client.pathway.warnings,
  ];
  const planned = async (id: string, rule: string) =>
    (
      (await app.get(ReminderPlanner).plan(data.manager, [await data.manager.findOneByOrFail(Client, { id })])).get(
        id,
      ) ?? []
    ).filter((r) => r.rule === rule);

  it('follows the latest season: matched before and applying again reads "applying"', async () => {
    await season(2055, { rank_list_deadline: day(-40), match_week_starts: day(-30), match_day: day(-26) });
    await season(2056, { rank_list_deadline: day(60), match_week_starts: day(70), match_day: day(74) });
    const id = await examsMetClient();
    await apply(id, { season: 2055, result: 'matched', residencyBegan: false });
    expect((await record(id)).stage).toBe('matched');

    await apply(id, { season: 2056 });
    const client = await record(id);
    expect(client.stage).toBe('applying');
    // The stored stage the caseload filters on moved with it, in the same write.
    const listed = await http().get('/api/v1/clients').query({ stage: 'applying', centerId }).set(cm).expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('asks for the result of a past season left pending, to staff in their words and by reminder, until recorded', async () => {
    const id = await examsMetClient();
    const application = await apply(id, { season: 2055 });
    let client = await record(id);
    expect(client.stage).toBe('applying');
    expect(findings(client)).toContainEqual(
      expect.objectContaining({
        code: 'MATCH_RESULT_DUE',
        season: 2055,
        date: day(-26),
        rule: expect.objectContaining({ id: 'nrmp-match-result-due', source: expect.stringContaining('nrmp.org') }),
      }),
    );
    expect(client.pathway.nextSteps[0]).toBe(
      `Record the client’s 2055 Match result (Match Day was ${day(-26)}): matched, matched through SOAP, unmatched or withdrawn`,
    );
    // The morning after Match Day has gone by: due now, to the case manager (the client has no account).
    const due = await planned(id, 'match_result_due');
    expect(due).toEqual([
      expect.objectContaining({
        recipient: { kind: 'user', userId: caseManagerId },
        data: { season: 2055, date: day(-26) },
      }),
    ]);
    expect(due[0].dueAt.getTime()).toBeLessThanOrEqual(addHours(new Date(), 13).getTime());

    await http()
      .patch(`/api/v1/clients/${id}/match-applications/${application}`)
      .set(cm)
      .send({ result: 'withdrawn' })
      .expect(200);
    client = await record(id);
    expect(findings(client).map((f) => f.code)).not.toContain('MATCH_RESULT_DUE');
    expect(await planned(id, 'match_result_due')).toEqual([]);
  });

  it('gives an unmatched client the SOAP steps and dates of the season, and the IMG the same in their words', async () => {
    await season(2057, { rank_list_deadline: day(-13), match_week_starts: day(-1), match_day: day(3) });
    const id = await examsMetClient();
    await apply(id, { season: 2057, result: 'unmatched' });
    const client = await record(id);
    expect(client.pathway.nextStepFacts.slice(0, 2)).toEqual([
      { code: 'apply_in_soap', season: 2057, date: day(-1) },
      { code: 'answer_soap_offers', season: 2057, date: day(2) },
    ]);
    expect(client.pathway.nextSteps[1]).toBe(
      `The client answers SOAP offers in R3 within each offer round: SOAP of the 2057 Match ends on ${day(2)}`,
    );
    const account = await createUser(data, { role: Role.Client, centerId, clientId: id });
    const mine = (
      await http()
        .get('/api/v1/me/status')
        .set(bearer(tokenFor(app, account)))
        .expect(200)
    ).body;
    expect(mine.nextSteps[1]).toBe(
      `Answer SOAP offers in R3 within each offer round: SOAP of the 2057 Match ends on ${day(2)}`,
    );
    // Both hear of it at once by reminder, about the day SOAP ends.
    const soap = await planned(id, 'soap_open');
    expect(soap.map((r) => r.recipient.kind).sort()).toEqual(['client', 'user']);
    expect(soap[0]).toMatchObject({ eventOn: day(2), data: { season: 2057, opens: day(-1), date: day(2) } });
  });

  it('holds a client matched without the ECFMG certificate with a blocker naming the day residency starts', async () => {
    await season(2058, { match_day: day(-10), residency_starts: day(90) });
    const client = await createClient(data, { centerId, caseManagerId });
    await apply(client.id, { season: 2058, result: 'matched', visa: 'J-1' });
    let record1 = await record(client.id);
    expect(record1.stage).toBe('matched');
    expect(record1.pathway.blockers).toContainEqual(
      expect.objectContaining({
        code: 'MATCHED_NOT_CERTIFIED',
        date: day(90),
        season: 2058,
        rule: expect.objectContaining({ id: 'ecfmg-j1-needs-certificate' }),
      }),
    );
    await http()
      .put(`/api/v1/clients/${client.id}/credentials`)
      .set(cm)
      .send({ certificateIssuedAt: day(-5) })
      .expect(200);
    record1 = await record(client.id);
    expect(record1.pathway.blockers.map((f: { code: string }) => f.code)).not.toContain('MATCHED_NOT_CERTIFIED');
  });

  it("drops a Match deadline from the IMG's dates the minute after its hour, not at midnight", async () => {
    const now = Date.now();
    await season(2059, {
      nrmp_registration_deadline: new Date(now - 60_000).toISOString(),
      rank_list_deadline: new Date(now + 3_600_000).toISOString(),
      match_day: day(30),
    });
    const id = await examsMetClient();
    await apply(id, { season: 2059 });
    const account = await createUser(data, { role: Role.Client, centerId, clientId: id });
    const mine = (
      await http()
        .get('/api/v1/me/status')
        .set(bearer(tokenFor(app, account)))
        .expect(200)
    ).body;
    const labels = mine.deadlines
      .filter((d: { kind: string }) => d.kind === 'match')
      .map((d: { label: string }) => d.label);
    expect(labels.some((l: string) => /rank order list/i.test(l))).toBe(true);
    expect(labels.some((l: string) => /registration/i.test(l))).toBe(false);
  });
});

const addHours = (date: Date, hours: number) => new Date(date.getTime() + hours * 3_600_000);
