import { readFile } from 'node:fs/promises';
import { Client } from '@lib/clients';
import { PathwayRecordsService } from '@lib/pathway-records';
import { Role } from '@lib/identity';
import { parse } from 'csv-parse/sync';
import { Page } from 'playwright-core';
import { bearer, createCenter, createClient, createUser, TEST_PASSWORD, tokenFor } from '../support/identities';
import { accessibilityViolations, DESKTOP, expectVisible, PHONE, shoot, WebHarness } from './support';

/** The director's dashboard in a real browser (see ./support): its tables and CSVs against the API's own reports. */
jest.setTimeout(60_000);

interface OutcomeRow {
  group: string;
  applicants: number | string;
  matched: number | string;
  matchedSoap: number | string;
  unmatched: number | string;
  withdrawn: number | string;
  pending: number | string;
  matchRate: number | null;
}

/** The match-outcomes table's cells as the dashboard writes them (rates as "66.7%"). */
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const outcomeCells = (r: OutcomeRow) => [
  r.group,
  ...[r.applicants, r.matched, r.matchedSoap, r.unmatched, r.withdrawn, r.pending].map(String),
  r.matchRate === null ? '—' : PERCENT.format(r.matchRate),
];

/**
 * The table's body rows once they equal `expected` (a change of filter refetches, so the rows of
 * the previous filter may still show for a moment), or as they are at the deadline.
 */
async function rowsOnceEqual(page: Page, testId: string, expected: string[][]): Promise<string[][]> {
  const deadline = Date.now() + 10_000;
  let rows = await tableRows(page, testId);
  while (JSON.stringify(rows) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    rows = await tableRows(page, testId);
  }
  return rows;
}

/** The match-outcomes table holds these rows of the API's report (waiting out a refetch). */
async function expectOutcomes(page: Page, rows: OutcomeRow[]): Promise<void> {
  const expected = rows.map(outcomeCells);
  expect(await rowsOnceEqual(page, 'match-outcomes-table', expected)).toEqual(expected);
}

/** Each body row of a table, as the text of its cells. */
async function tableRows(page: Page, testId: string): Promise<string[][]> {
  const table = page.getByTestId(testId);
  await expectVisible(table);
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

describe('the director’s dashboard in a browser', () => {
  const web = new WebHarness();
  beforeAll(web.start, 120_000);
  afterAll(web.stop);
  beforeEach(web.reset);
  const openPage = web.openPage.bind(web);
  const signIn = web.signIn.bind(web);

  /** A JSON report as the API gives it to this token. */
  async function report<T>(token: string, path: string): Promise<T> {
    const res = await fetch(`${web.baseUrl}/api/v1/reports/${path}`, { headers: bearer(token) });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }

  /**
   * A center with seven applicants: five in the 2026 Match (one each: matched, SOAP, unmatched,
   * withdrawn, pending) and two in 2025 (matched, unmatched); two of them certified after intake,
   * and a few services.
   */
  async function centerWithApplicants() {
    const center = await createCenter(web.data, 'Dashboard Center');
    const apply = async (season: number, result: string, matched: [string, string] | null = null) => {
      const client = await createClient(web.data, { centerId: center.id });
      await web.data.query(
        `INSERT INTO match_applications (client_id, season, specialties, result, matched_specialty, matched_state)
         VALUES ($1, $2, '{Family Medicine}', $3, $4, $5)`,
        [client.id, season, result, matched?.[0] ?? null, matched?.[1] ?? null],
      );
      return client.id;
    };
    const matched = await apply(2026, 'matched', ['Family Medicine', 'CO']);
    const soap = await apply(2026, 'matched_soap', ['Family Medicine', 'NY']);
    const unmatched = await apply(2026, 'unmatched');
    await apply(2026, 'withdrawn');
    await apply(2026, 'pending');
    await apply(2025, 'matched', ['Family Medicine', 'CO']);
    await apply(2025, 'unmatched');
    for (const [id, intake, certified] of [
      [matched, '2024-01-01', '2025-01-01'],
      [soap, '2024-06-01', '2025-03-01'],
    ]) {
      await web.data.query('UPDATE clients SET intake_date = $2 WHERE id = $1', [id, intake]);
      await web.data.query('INSERT INTO credential_records (client_id, certificate_issued_at) VALUES ($1, $2)', [
        id,
        certified,
      ]);
    }
    for (const [id, category, hours] of [
      [matched, 'educational_guidance', 2],
      [matched, 'exam_preparation', 10],
      [unmatched, 'educational_guidance', 1.5],
    ] as const) {
      await web.data.query(
        'INSERT INTO client_services (client_id, category, service_date, hours) VALUES ($1, $2, $3, $4)',
        [id, category, '2026-02-01', hours],
      );
    }
    // Written by SQL: store what the API's writes derive from them (stage, milestones).
    const pathway = web.app.get(PathwayRecordsService);
    for (const client of await web.data.getRepository(Client).findBy({ centerId: center.id }))
      await pathway.refreshStage(web.data.manager, client);
    return center;
  }

  it('a center director sees their center’s outcomes by season, as the API reports them, and downloads the CSV', async () => {
    const center = await centerWithApplicants();
    const director = await createUser(web.data, { role: Role.Director, centerId: center.id });
    const token = tokenFor(web.app, director);
    const bySeason = await report<{
      rows: OutcomeRow[];
      matchedSpecialties: Array<{ name: string; clients: unknown }>;
    }>(token, 'match-outcomes?groupBy=season');
    // Two clients matched in Family Medicine: a small count, which a director is shown as a bound.
    expect(bySeason.matchedSpecialties).toHaveLength(1);
    expect(typeof bySeason.matchedSpecialties[0].clients).toBe('string');
    expect(bySeason.rows.map((r) => r.group)).toEqual(['2025', '2026']);
    const pipeline = await report<{ funnel: Array<{ step: string; clients: number }> }>(token, 'pipeline');
    expect(pipeline.funnel.find((s) => s.step === 'enrolled')?.clients).toBe(7);
    const durations = await report<{ rows: Array<{ medianDays: number }> }>(token, 'milestone-durations');
    expect(durations.rows.length).toBeGreaterThan(0);

    const page = await openPage(DESKTOP);
    try {
      await signIn(page, director.email, TEST_PASSWORD);
      await page.waitForURL(/\/dashboard$/);
      await expectVisible(page.getByTestId('own-center').getByText(center.name));
      // A center's director has no center to choose: the API reports on theirs alone.
      expect(await page.getByLabel('Center', { exact: true }).count()).toBe(0);
      // (a) Within one center, outcomes group by season by default: the table holds the API's numbers.
      await expectOutcomes(page, bySeason.rows);
      expect(await tableRows(page, 'matched-specialties-table')).toEqual(
        bySeason.matchedSpecialties.map((m) => [m.name, String(m.clients)]),
      );
      await expectVisible(page.getByTestId('privacy-note'));
      const funnel = await tableRows(page, 'funnel-table');
      expect(funnel.map((cells) => Number(cells[1]))).toEqual(pipeline.funnel.map((s) => s.clients));
      expect(await tableRows(page, 'durations-table')).toHaveLength(durations.rows.length);
      await expectVisible(page.getByRole('img', { name: /Stacked bar chart of Match outcomes by season/ }));
      await shoot(page, 'dashboard-director-desktop');
      expect(await accessibilityViolations(page)).toEqual([]);

      // (b) The 2026 season, then its CSV: the file the API gives for the same filters.
      await page.getByLabel('Match season').selectOption('2026');
      await page.waitForURL(/[?&]season=2026/);
      const season2026 = await report<{ rows: OutcomeRow[] }>(token, 'match-outcomes?season=2026&groupBy=season');
      expect(season2026.rows).toHaveLength(1);
      await expectOutcomes(page, season2026.rows);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV of Match outcomes' }).click(),
      ]);
      const api = await fetch(`${web.baseUrl}/api/v1/reports/match-outcomes?season=2026&groupBy=season&format=csv`, {
        headers: bearer(token),
      });
      expect(api.status).toBe(200);
      expect(download.suggestedFilename()).toBe(
        /filename="([^"]+)"/.exec(api.headers.get('content-disposition') ?? '')?.[1],
      );
      const downloaded = parse(await readFile((await download.path())!), { bom: true }) as string[][];
      expect(downloaded).toEqual(parse(await api.text(), { bom: true }));
      const [header, ...rows] = downloaded;
      expect(header[0]).toBe('group');
      expect(rows.map((r) => [r[0], Number(r[1]), Number(r[2])])).toEqual(
        season2026.rows.map((r) => [r.group, r.applicants, r.matched]),
      );
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a network director’s season and center go in the address, and the address opens the same view', async () => {
    const center = await centerWithApplicants();
    await centerWithApplicants();
    const director = await createUser(web.data, { role: Role.Director, centerId: null });
    const token = tokenFor(web.app, director);
    const expected = await report<{ rows: OutcomeRow[] }>(
      token,
      `match-outcomes?season=2025&centerId=${center.id}&groupBy=season`,
    );
    expect(expected.rows.map((r) => [r.group, r.applicants])).toEqual([['2025', 2]]);
    const network = await report<{ rows: OutcomeRow[] }>(token, 'match-outcomes?groupBy=center');
    expect(network.rows.length).toBeGreaterThanOrEqual(2);

    const page = await openPage(DESKTOP);
    let shared: string;
    try {
      await signIn(page, director.email, TEST_PASSWORD);
      await page.waitForURL(/\/dashboard$/);
      // Across the network, by center by default: every center in the API's report.
      await expectOutcomes(page, network.rows);
      await page.getByLabel('Center', { exact: true }).selectOption(center.id);
      await page.getByLabel('Match season').selectOption('2025');
      await page.waitForURL((url) => url.searchParams.get('season') === '2025');
      shared = page.url();
      expect(new URL(shared).searchParams.get('center')).toBe(center.id);
      await expectOutcomes(page, expected.rows);
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }

    const fresh = await openPage(DESKTOP);
    try {
      await signIn(fresh, director.email, TEST_PASSWORD);
      await fresh.waitForURL(/\/dashboard$/);
      await fresh.goto(shared);
      await expectOutcomes(fresh, expected.rows);
      expect(await fresh.getByLabel('Match season').inputValue()).toBe('2025');
      expect(await fresh.getByLabel('Center', { exact: true }).inputValue()).toBe(center.id);
      await shoot(fresh, 'dashboard-network-director-shared-view');
      expect(await accessibilityViolations(fresh)).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('on a phone, the dashboard fits 375 px: charts shrink and tables scroll within themselves', async () => {
    const center = await centerWithApplicants();
    const director = await createUser(web.data, { role: Role.Director, centerId: center.id });
    const phone = await openPage(PHONE);
    try {
      await signIn(phone, director.email, TEST_PASSWORD);
      await phone.waitForURL(/\/dashboard$/);
      await expectVisible(phone.getByTestId('match-outcomes-table'));
      await expectVisible(phone.getByTestId('services-table'));
      await expectVisible(phone.getByTestId('durations-table'));
      expect(await phone.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
      await shoot(phone, 'dashboard-director-mobile');
      // Every report downloads, not only the outcomes: the pipeline's CSV is the API's.
      const [download] = await Promise.all([
        phone.waitForEvent('download'),
        phone.getByRole('button', { name: 'Download CSV of the pipeline' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('pipeline.csv');
      const api = await fetch(`${web.baseUrl}/api/v1/reports/pipeline?format=csv`, {
        headers: bearer(tokenFor(web.app, director)),
      });
      const downloaded = parse(await readFile((await download.path())!), { bom: true }) as string[][];
      expect(downloaded).toEqual(parse(await api.text(), { bom: true }));
      expect(downloaded.filter((row) => row[0] === 'funnel')).toHaveLength(9);
      expect(await accessibilityViolations(phone)).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('a center the API does not know shows each report’s error, not a blank screen', async () => {
    const director = await createUser(web.data, { role: Role.Director, centerId: null });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const refused = await fetch(`${web.baseUrl}/api/v1/reports/pipeline?centerId=${unknown}`, {
      headers: bearer(tokenFor(web.app, director)),
    });
    expect(refused.status).toBe(404);
    const { message } = (await refused.json()) as { message: string };

    const page = await openPage(DESKTOP);
    try {
      await signIn(page, director.email, TEST_PASSWORD);
      await page.waitForURL(/\/dashboard$/);
      await page.goto(`${web.baseUrl}/dashboard?center=${unknown}`);
      for (const name of ['Match outcomes', 'the pipeline', 'time to milestones', 'services'])
        await expectVisible(page.getByRole('alert').filter({ hasText: `Could not load ${name}` }));
      expect(await page.getByRole('alert').filter({ hasText: message }).count()).toBe(4);
      await shoot(page, 'dashboard-unknown-center');
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(web.errors.sort()).toEqual(
        ['match-outcomes', 'milestone-durations', 'pipeline', 'services'].map((r) => `404 /api/v1/reports/${r}`),
      );
    } finally {
      await page.close();
    }
  });
});
