import { Client } from '@lib/clients';
import { PathwayRecordsService } from '@lib/pathway-records';
import { recreateDatabase } from '@lib/database';
import { productDataSource } from '@app/cli';
import { Role } from '@lib/identity';
import { seedPartnerPrograms } from '@lib/seed';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createClient, createUser, tokenFor } from './support/identities';
import { createTestApp } from './support/test-app';

/**
 * A database of this suite's own: network-wide counts (and the partner directory, which other
 * suites add programs to) must hold exactly the fixture below. Every expected figure is counted by
 * hand from that fixture.
 */
const DATABASE_URL = process.env.DATABASE_URL!.replace(/\/[^/]+$/, '/img_pathways_reports_test');

describe('outcome reports for program directors', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  const tokens: Record<'admin' | 'directorA' | 'caseManagerB', string> = {} as never;
  const names = { A: '', B: '' };
  let centerA: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    await recreateDatabase(DATABASE_URL);
    const setup = await productDataSource({ url: DATABASE_URL, poolSize: 1 }).initialize();
    await setup.runMigrations({ transaction: 'each' });
    await seedPartnerPrograms(setup);
    await setup.destroy();
    app = await createTestApp({ env: { DATABASE_URL } });
    data = app.get(DataSource);

    const a = await createCenter(data, 'Center A');
    const b = await createCenter(data, 'Center B');
    // A name a spreadsheet would run as a formula: the CSV must neutralize it.
    await data.query(`UPDATE centers SET name = '=HYPERLINK("http://evil.example")' WHERE id = $1`, [b.id]);
    centerA = a.id;
    names.A = a.name;
    names.B = '=HYPERLINK("http://evil.example")';
    tokens.admin = tokenFor(app, await createUser(data, { role: Role.Admin }));
    tokens.directorA = tokenFor(app, await createUser(data, { role: Role.Director, centerId: a.id }));
    tokens.caseManagerB = tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: b.id }));

    const apply = async (
      centerId: string,
      country: string,
      season: number,
      result: string,
      specialties: string[],
      matched: [string, string] | null = null,
    ) => {
      const client = await createClient(data, { centerId });
      ids.push(client.id);
      await data.query('UPDATE clients SET country_of_training = $2 WHERE id = $1', [client.id, country]);
      await data.query(
        `INSERT INTO match_applications (client_id, season, specialties, result, matched_specialty, matched_state)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [client.id, season, specialties, result, matched?.[0] ?? null, matched?.[1] ?? null],
      );
      return client.id;
    };
    const ids: string[] = [];
    const c1 = await apply(a.id, 'SY', 2026, 'matched', ['Family Medicine'], ['Family Medicine', 'CO']);
    const c2 = await apply(a.id, 'SY', 2026, 'matched_soap', ['Internal Medicine'], ['Internal Medicine', 'PA']);
    const c3 = await apply(a.id, 'NG', 2026, 'unmatched', ['Family Medicine']);
    const c4 = await apply(a.id, 'NG', 2026, 'withdrawn', ['Pediatrics']);
    await apply(a.id, 'IN', 2026, 'pending', []);
    const c6 = await apply(a.id, 'IN', 2025, 'matched', ['Family Medicine'], ['Family Medicine', 'CO']);

    // Milestones of c1, c2 and c6 (the others keep the fixture's intake, 2026-01-15).
    await data.query(
      `INSERT INTO match_seasons (match_year, events) VALUES
         (2025, '[{"key": "match_day", "label": "Match Day", "at": "2025-03-21T12:00:00-04:00", "estimated": false}]'),
         (2026, '[{"key": "match_day", "label": "Match Day", "at": "2026-03-20T12:00:00-04:00", "estimated": false}]')`,
    );
    const milestones: Array<[string, string, string, string]> = [
      [c1, '2024-01-01', '2025-01-01', '2025-09-01'],
      [c2, '2025-01-01', '2025-07-01', '2025-09-15'],
      [c6, '2023-01-01', '2024-01-01', '2024-09-01'],
    ];
    for (const [id, intake, certified, eras] of milestones) {
      await data.query('UPDATE clients SET intake_date = $2 WHERE id = $1', [id, intake]);
      await data.query('INSERT INTO credential_records (client_id, certificate_issued_at) VALUES ($1, $2)', [
        id,
        certified,
      ]);
      await data.query('UPDATE match_applications SET eras_submitted_at = $2 WHERE client_id = $1', [id, eras]);
    }
    // c1 went all the way; c2 passed Step 1 only.
    await data.query(
      `UPDATE credential_records SET diploma_verified_at = '2024-02-01', transcript_verified_at = '2024-02-10',
              school_listed_in_world_directory = true WHERE client_id = $1`,
      [c1],
    );
    for (const exam of ['USMLE_STEP1', 'USMLE_STEP2_CK', 'OET_MEDICINE']) {
      await data.query(
        `INSERT INTO exam_records (client_id, exam, status, test_date) VALUES ($1, $2, 'passed', '2024-06-01')`,
        [c1, exam],
      );
    }
    await data.query(
      `INSERT INTO exam_records (client_id, exam, status, test_date) VALUES ($1, 'USMLE_STEP1', 'passed', '2025-04-01')`,
      [c2],
    );
    await data.query(
      `INSERT INTO clinical_experiences (client_id, kind, institution, status) VALUES ($1, 'observership', 'Denver Health', 'completed')`,
      [c1],
    );
    // Services in 2026, and one in 2025 that a 2026 range leaves out.
    const service = (id: string, category: string, date: string, hours: number | null, cents: number | null = null) =>
      data.query(
        `INSERT INTO client_services (client_id, category, service_date, hours, amount_cents, currency) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, category, date, hours, cents, cents === null ? null : 'USD'],
      );
    await service(c1, 'educational_guidance', '2026-02-01', 2);
    await service(c1, 'exam_preparation', '2026-02-10', 10);
    await service(c2, 'educational_guidance', '2026-03-01', 1);
    await service(c3, 'financial_support', '2026-03-05', null, 50000);
    await service(c4, 'exam_preparation', '2025-12-01', 4);
    await apply(b.id, 'SY', 2026, 'matched', ['Family Medicine', 'Internal Medicine'], ['Family Medicine', 'NY']);
    await apply(b.id, 'MX', 2026, 'unmatched', ['Psychiatry']);
    // The records above went in by SQL: store what the API's writes derive from them (stage, milestones).
    const pathway = app.get(PathwayRecordsService);
    for (const client of await data.getRepository(Client).find()) await pathway.refreshStage(data.manager, client);
  });
  afterAll(() => app.close());

  const outcomes = (token: string, query: string) =>
    http().get(`/api/v1/reports/match-outcomes?${query}`).set(bearer(token));
  const row = (group: string, counts: number[], matchRate: number | null, matchedElsewhere = 0) => {
    const [applicants, matched, matchedSoap, unmatched, withdrawn, pending] = counts;
    return { group, applicants, matched, matchedSoap, matchedElsewhere, unmatched, withdrawn, pending, matchRate };
  };
  const byGroup = (rows: Array<{ group: string }>) => Object.fromEntries(rows.map((r) => [r.group, r]));

  it('match outcomes by center for the network: counts of clients, and the rate over those with a result', async () => {
    const res = await outcomes(tokens.admin, 'season=2026&groupBy=center').expect(200);
    expect(byGroup(res.body.rows)).toEqual({
      [names.A]: row(names.A, [5, 1, 1, 1, 1, 1], 0.667),
      [names.B]: row(names.B, [2, 1, 0, 1, 0, 0], 0.5),
    });
    expect(res.body.matchedSpecialties).toEqual([
      { name: 'Family Medicine', clients: 2 },
      { name: 'Internal Medicine', clients: 1 },
    ]);
    expect(res.body.matchedStates).toEqual([
      { name: 'CO', clients: 1 },
      { name: 'NY', clients: 1 },
      { name: 'PA', clients: 1 },
    ]);
  });

  it('by specialty (a client counts under each specialty applied to, matched where they matched), by country and by season', async () => {
    const specialty = await outcomes(tokens.admin, 'season=2026&groupBy=specialty').expect(200);
    expect(byGroup(specialty.body.rows)).toEqual({
      'Family Medicine': row('Family Medicine', [3, 2, 0, 1, 0, 0], 0.667),
      // c2 matched (SOAP) in Internal Medicine; c7 applied to it too but matched in Family Medicine.
      'Internal Medicine': row('Internal Medicine', [2, 0, 1, 0, 0, 0], 0.5, 1),
      Pediatrics: row('Pediatrics', [1, 0, 0, 0, 1, 0], null),
      Psychiatry: row('Psychiatry', [1, 0, 0, 1, 0, 0], 0),
      '(none given)': row('(none given)', [1, 0, 0, 0, 0, 1], null),
    });
    const country = await outcomes(tokens.admin, 'season=2026&groupBy=country').expect(200);
    expect(byGroup(country.body.rows)).toEqual({
      IN: row('IN', [1, 0, 0, 0, 0, 1], null),
      MX: row('MX', [1, 0, 0, 1, 0, 0], 0),
      NG: row('NG', [2, 0, 0, 1, 1, 0], 0),
      SY: row('SY', [3, 2, 1, 0, 0, 0], 1),
    });
    const season = await outcomes(tokens.admin, 'groupBy=season').expect(200);
    expect(byGroup(season.body.rows)).toEqual({
      '2025': row('2025', [1, 1, 0, 0, 0, 0], 1),
      '2026': row('2026', [7, 2, 1, 2, 1, 1], 0.6),
    });
    // No season: each client once, by their latest application (c6's is 2025's match).
    const latest = await outcomes(tokens.admin, 'groupBy=center').expect(200);
    expect(byGroup(latest.body.rows)).toEqual({
      [names.A]: row(names.A, [6, 2, 1, 1, 1, 1], 0.75),
      [names.B]: row(names.B, [2, 1, 0, 1, 0, 0], 0.5),
    });
  });

  it('a center director sees their own center only, with small counts hidden by country and specialty', async () => {
    const own = await outcomes(tokens.directorA, 'season=2026').expect(200);
    expect(own.body.rows).toEqual([row(names.A, [5, 1, 1, 1, 1, 1], 0.667)]);
    expect(own.body.matchedSpecialties).toEqual([
      { name: 'Family Medicine', clients: '<5' },
      { name: 'Internal Medicine', clients: '<5' },
    ]);
    // Center A's matches only (center B's client matched in NY).
    expect(own.body.matchedStates).toEqual([
      { name: 'CO', clients: '<5' },
      { name: 'PA', clients: '<5' },
    ]);
    const country = await outcomes(tokens.directorA, 'season=2026&groupBy=country').expect(200);
    expect(byGroup(country.body.rows)).toEqual({
      IN: {
        group: 'IN',
        applicants: '<5',
        matched: 0,
        matchedSoap: 0,
        matchedElsewhere: 0,
        unmatched: 0,
        withdrawn: 0,
        pending: '<5',
        matchRate: null,
      },
      NG: {
        group: 'NG',
        applicants: '<5',
        matched: 0,
        matchedSoap: 0,
        matchedElsewhere: 0,
        unmatched: '<5',
        withdrawn: '<5',
        pending: 0,
        matchRate: null,
      },
      SY: {
        group: 'SY',
        applicants: '<5',
        matched: '<5',
        matchedSoap: '<5',
        matchedElsewhere: 0,
        unmatched: 0,
        withdrawn: 0,
        pending: 0,
        matchRate: null,
      },
    });
    // Another center is out of their scope: as if it did not exist.
    await outcomes(tokens.caseManagerB, `season=2026&centerId=${centerA}`).expect(404);
    await outcomes(tokens.directorA, `season=2026&centerId=${centerA}`).expect(200);
  });

  it('answers CSV with ?format=csv or Accept: text/csv: a header row, quoted UTF-8 fields, formulas neutralized', async () => {
    const res = await outcomes(tokens.admin, 'season=2026&groupBy=center&format=csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="match-outcomes-2026-by-center.csv"');
    expect(res.text.startsWith('\uFEFF"group"')).toBe(true);
    const rows: string[][] = parse(res.text, { bom: true });
    expect(rows[0]).toEqual([
      'group',
      'applicants',
      'matched',
      'matched_soap',
      'matched_elsewhere',
      'unmatched',
      'withdrawn',
      'pending',
      'match_rate',
    ]);
    expect(rows.slice(1).sort()).toEqual(
      [
        [names.A, '5', '1', '1', '0', '1', '1', '1', '0.667'],
        [`'${names.B}`, '2', '1', '0', '0', '1', '0', '0', '0.5'],
      ].sort(),
    );
    const negotiated = await http()
      .get('/api/v1/reports/match-outcomes?season=2026')
      .set(bearer(tokens.admin))
      .set('Accept', 'text/csv')
      .expect(200);
    expect(negotiated.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bad = await outcomes(tokens.admin, 'groupBy=planet&season=1800').expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['groupBy', 'season']);
  });

  it('pipeline: clients by stage and status per center, and the funnel of a cohort by intake date', async () => {
    const network = await http().get('/api/v1/reports/pipeline').set(bearer(tokens.admin)).expect(200);
    expect(network.body.byStatus).toEqual(
      expect.arrayContaining([
        { center: names.A, value: 'active', clients: 6 },
        { center: names.B, value: 'active', clients: 2 },
      ]),
    );
    const res = await http()
      .get('/api/v1/reports/pipeline?intakeFrom=2024-01-01&intakeTo=2025-12-31')
      .set(bearer(tokens.directorA))
      .expect(200);
    // Stages as the engine set them: c1, c2 and c6 matched; c5's application is pending; c3 and c4
    // (unmatched, withdrawn, nothing else recorded) are back at intake.
    expect(res.body.byStage).toEqual([
      { center: names.A, value: 'applying', clients: 1 },
      { center: names.A, value: 'intake', clients: 2 },
      { center: names.A, value: 'matched', clients: 3 },
    ]);
    expect(
      Object.fromEntries(res.body.funnel.map((f: { step: string; clients: number }) => [f.step, f.clients])),
    ).toEqual({
      enrolled: 2,
      credentials_verified: 1,
      step1_passed: 2,
      step2_ck_passed: 1,
      oet_passed: 1,
      ecfmg_certified: 2,
      us_clinical_experience: 1,
      applied: 2,
      matched: 2,
    });
    const bad = await http()
      .get('/api/v1/reports/pipeline?intakeFrom=2024-02-30')
      .set(bearer(tokens.admin))
      .expect(400);
    expect(bad.body.fields[0].field).toBe('intakeFrom');
  });

  it('milestone durations: median and quartiles of days from intake, over the clients who reached each', async () => {
    const res = await http().get('/api/v1/reports/milestone-durations').set(bearer(tokens.directorA)).expect(200);
    // Days from intake: certified 366, 181, 365; first application 609, 257, 609; matched (Match Day) 809, 443, 810.
    expect(res.body.rows).toEqual([
      { center: names.A, milestone: 'ecfmg_certified', clients: 3, medianDays: 365, p25Days: 273, p75Days: 365.5 },
      {
        center: names.A,
        milestone: 'first_match_application',
        clients: 3,
        medianDays: 609,
        p25Days: 433,
        p75Days: 609,
      },
      { center: names.A, milestone: 'matched', clients: 3, medianDays: 809, p25Days: 626, p75Days: 809.5 },
    ]);
  });

  it('services: clients, services, hours and amounts per category over a range, and the mixes clients received', async () => {
    const res = await http()
      .get('/api/v1/reports/services?from=2026-01-01&to=2026-12-31')
      .set(bearer(tokens.directorA))
      .expect(200);
    const used = Object.fromEntries(res.body.categories.map((c: { category: string }) => [c.category, c]));
    expect(Object.keys(used)).toHaveLength(8);
    expect(used.educational_guidance).toEqual({
      category: 'educational_guidance',
      clients: 2,
      services: 2,
      hours: 3,
      amountCents: {},
    });
    expect(used.exam_preparation).toEqual({
      category: 'exam_preparation',
      clients: 1,
      services: 1,
      hours: 10,
      amountCents: {},
    });
    // Money given to people is theirs: a director reads that there was some, not how much.
    expect(used.financial_support).toEqual({
      category: 'financial_support',
      clients: 1,
      services: 1,
      hours: 0,
      amountCents: null,
    });
    expect(used.mentoring).toEqual({ category: 'mentoring', clients: 0, services: 0, hours: 0, amountCents: {} });
    expect(res.body.combinations).toHaveLength(3);
    expect(res.body.combinations).toEqual(
      expect.arrayContaining([
        { categories: ['educational_guidance', 'exam_preparation'], clients: 1 },
        { categories: ['educational_guidance'], clients: 1 },
        { categories: ['financial_support'], clients: 1 },
      ]),
    );
    // The network's report (read without the clients table): center B has no services, so the same
    // figures; an admin reads the amount.
    const network = await http()
      .get('/api/v1/reports/services?from=2026-01-01&to=2026-12-31')
      .set(bearer(tokens.admin))
      .expect(200);
    expect(network.body).toEqual({
      ...res.body,
      categories: res.body.categories.map((c: { category: string }) =>
        c.category === 'financial_support' ? { ...c, amountCents: { USD: 50000 } } : c,
      ),
    });
    const all = await http().get('/api/v1/reports/services').set(bearer(tokens.admin)).expect(200);
    expect(all.body.categories.find((c: { category: string }) => c.category === 'exam_preparation')).toMatchObject({
      clients: 2,
      services: 2,
      hours: 14,
    });
    const csv = await http()
      .get('/api/v1/reports/services?from=2026-01-01&format=csv')
      .set(bearer(tokens.directorA))
      .expect(200);
    expect(parse(csv.text, { bom: true })).toContainEqual(['financial_support', '1', '1', '0', 'withheld']);
    const backwards = await http()
      .get('/api/v1/reports/services?from=2026-12-31&to=2026-01-01')
      .set(bearer(tokens.admin))
      .expect(400);
    expect(backwards.body.fields).toEqual([{ field: 'to', problems: ['to must be on or after from'] }]);
  });

  it('programs coverage reproduces the 2024 scoping review on the seeded directory', async () => {
    const res = await http().get('/api/v1/reports/programs-coverage').set(bearer(tokens.directorA)).expect(200);
    const services = Object.fromEntries(
      res.body.services.map((s: { service: string; programs: number }) => [s.service, s.programs]),
    );
    expect(res.body.programs).toBe(17);
    expect(services).toMatchObject({
      educationalGuidance: 16,
      clinicalExperience: 7,
      englishCourses: 4,
      financialSupport: 2,
    });
    expect(res.body.limitedToOneArea).toBe(13);
    expect(res.body.states).toEqual(expect.arrayContaining([{ state: 'CO', programs: expect.any(Number) }]));
    const csv = await http().get('/api/v1/reports/programs-coverage?format=csv').set(bearer(tokens.admin)).expect(200);
    const rows: string[][] = parse(csv.text, { bom: true });
    expect(rows).toContainEqual(['service:educationalGuidance', '16', '17']);
    expect(rows).toContainEqual(['limited_to_one_area', '13', '17']);
  });

  // Last: it adds a client to center A, which the counts above do not expect.
  it('the funnel follows the records as the API writes them (each write stores the milestones)', async () => {
    const manager = tokenFor(app, await createUser(data, { role: Role.CaseManager, centerId: centerA }));
    const client = await createClient(data, { centerId: centerA });
    const funnel = async () => {
      const res = await http().get('/api/v1/reports/pipeline').set(bearer(tokens.directorA)).expect(200);
      return Object.fromEntries(res.body.funnel.map((f: { step: string; clients: number }) => [f.step, f.clients]));
    };
    const before = await funnel();
    await http()
      .post(`/api/v1/clients/${client.id}/exams`)
      .set(bearer(manager))
      .send({ exam: 'USMLE_STEP1', status: 'passed', testDate: '2025-09-10' })
      .expect(201);
    const after = await funnel();
    expect(after.step1_passed).toBe(before.step1_passed + 1);
    expect(after.step2_ck_passed).toBe(before.step2_ck_passed);
  });

  it('reads the reports from a read replica when DATABASE_READ_URLS names one, and nothing else', async () => {
    // An API whose primary is the shared test database and whose "replica" is this suite's own:
    // its reports must answer this suite's figures, while logins and users stay on the primary.
    // This app's answer first: passport keeps one 'jwt' strategy per process, the last app's.
    const here = await http().get('/api/v1/reports/pipeline').set(bearer(tokens.admin)).expect(200);
    const primary = process.env.DATABASE_URL!;
    const replicated = await createTestApp({ env: { DATABASE_URL: primary, DATABASE_READ_URLS: DATABASE_URL } });
    try {
      const primaryData = replicated.get(DataSource);
      const admin = tokenFor(replicated, await createUser(primaryData, { role: Role.Admin }));
      const viaReplica = await request(replicated.getHttpServer())
        .get('/api/v1/reports/pipeline')
        .set(bearer(admin))
        .expect(200);
      expect(viaReplica.body.byStatus).toEqual(here.body.byStatus);
      expect(viaReplica.body.byStatus.map((r: { center: string }) => r.center)).toContain(names.A);
      // The same user's own record (GET /me) comes from the primary, where the user exists.
      await request(replicated.getHttpServer()).get('/api/v1/me').set(bearer(admin)).expect(200);
    } finally {
      await replicated.close();
    }
  });
});
