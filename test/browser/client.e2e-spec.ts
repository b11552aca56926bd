import { randomUUID } from 'node:crypto';
import { Role } from '@lib/identity';
import { Page } from 'playwright-core';
import { eventually } from '../support/poll';
import { bearer, createClient, createUser, TEST_PASSWORD, tokenFor } from '../support/identities';
import { accessibilityViolations, DESKTOP, expectVisible, PHONE, shoot, WebHarness } from './support';

/** The client page, its Exams tab and edit form, and the intake form, in a real browser (see ./support). */
jest.setTimeout(60_000);

interface PathwayBody {
  checklist: { milestone: string; state: string; date: string | null }[];
  warnings: { code: string; message: string }[];
  nextSteps: string[];
}

/** A civil date `days` from today (UTC), `years` years back. */
function civilDate(years: number, days: number): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + years);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('the client page and the intake form in a browser', () => {
  const web = new WebHarness();
  beforeAll(web.start, 120_000);
  afterAll(web.stop);
  beforeEach(web.reset);
  const openPage = web.openPage.bind(web);
  const signIn = web.signIn.bind(web);

  const managerOfNewCenter = () => web.managerOfNewCenter();

  async function pathwayOf(clientId: string, token: string): Promise<PathwayBody> {
    const res = await fetch(`${web.baseUrl}/api/v1/clients/${clientId}`, { headers: bearer(token) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { pathway: PathwayBody }).pathway;
  }

  /** The input a label names (a select's list is named by its label too; a required one's label ends in *). */
  const input = (page: Page, label: string) =>
    page.locator('input').and(page.getByLabel(new RegExp(`^${label}( \\*)?$`)));

  /** Picks an option of a Mantine Select by the field's label. */
  async function choose(page: Page, label: string, option: string): Promise<void> {
    await input(page, label).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Types a date into a date field and moves on (closing its calendar). */
  async function typeDate(page: Page, label: string, date: string): Promise<void> {
    const field = input(page, label);
    await field.fill(date);
    await field.press('Tab');
  }

  async function addExam(page: Page, status: string, testDate: string): Promise<void> {
    await page.getByRole('button', { name: 'Add exam attempt' }).click();
    const form = page.getByRole('form', { name: 'Add exam attempt' });
    await expectVisible(form);
    await choose(page, 'Status', status);
    await typeDate(page, 'Test date', testDate);
    await form.getByRole('button', { name: 'Add attempt' }).click();
  }

  it('a case manager enrolls a client, records a failed then a passed Step 1: the checklist and the warnings follow', async () => {
    const { manager, token } = await managerOfNewCenter();
    const lastName = `Haddad-${randomUUID().slice(0, 8)}`;
    // A pass just under 7 years ago starts ECFMG's 7-year window for Step 2 CK, which closes
    // within the engine's 180-day warning: the pass itself raises the warning. One failed
    // attempt alone raises none (the third attempt is the first the rules warn about).
    const passedOn = civilDate(-7, 90);
    const failedOn = civilDate(-7, -90);

    const page = await openPage(DESKTOP);
    try {
      await signIn(page, manager.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New client' }).click();
      await page.waitForURL(/\/clients\/new$/);
      await page.getByRole('textbox', { name: 'First name' }).fill('Amina');
      await page.getByRole('textbox', { name: 'Last name' }).fill(lastName);
      await page.getByRole('textbox', { name: 'E-mail' }).fill(`${lastName.toLowerCase()}@test.example.org`);
      await choose(page, 'Country of medical training', 'Syria');
      await shoot(page, 'intake-form');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Enroll client' }).click();

      await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
      const clientId = page.url().split('/').pop() as string;
      await expectVisible(page.getByRole('heading', { level: 1, name: `Amina ${lastName}` }));
      const step1 = page.getByTestId('milestone-step1');
      await expectVisible(step1);
      expect(await step1.getAttribute('data-state')).toBe('todo');

      await addExam(page, 'Failed', failedOn);
      await expectVisible(page.getByRole('cell', { name: failedOn, exact: true }));
      const afterFailure = await pathwayOf(clientId, token);
      expect(afterFailure.warnings).toEqual([]);
      // The header shows the engine's next steps once the failure is in.
      await expectVisible(page.getByTestId('next-steps').getByText(afterFailure.nextSteps[0]));
      expect(await step1.getAttribute('data-state')).not.toBe('done');
      expect(await page.getByTestId('pathway-warnings').count()).toBe(0);

      await addExam(page, 'Passed', passedOn);
      await page.locator('[data-testid="milestone-step1"][data-state="done"]').waitFor();
      expect(await step1.textContent()).toContain(passedOn);
      const afterPass = await pathwayOf(clientId, token);
      expect(afterPass.checklist.find((i) => i.milestone === 'step1')).toEqual({
        milestone: 'step1',
        state: 'done',
        date: passedOn,
      });
      const closing = afterPass.warnings.find((w) => w.code === 'SEVEN_YEAR_WINDOW_CLOSING');
      expect(closing).toBeDefined();
      await expectVisible(page.getByTestId('pathway-warnings').getByText(closing!.message));
      await shoot(page, 'client-exams-tab');
      expect(await accessibilityViolations(page)).toEqual([]);

      // A passed Step is not taken again: the API refuses, and the form names the rule.
      const retakeOn = civilDate(0, 30);
      const retake = await fetch(`${web.baseUrl}/api/v1/clients/${clientId}/exams`, {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ exam: 'USMLE_STEP1', status: 'scheduled', testDate: retakeOn }),
      });
      expect(retake.status).toBe(422);
      const { code, message } = (await retake.json()) as { code: string; message: string };
      expect(code).toBe('PASSED_STEP_NOT_RETAKEN');
      await addExam(page, 'Scheduled', retakeOn);
      const refusal = page.getByTestId('exam-refusal');
      await expectVisible(refusal);
      expect(await refusal.textContent()).toContain(message);
      expect(await refusal.getByRole('link', { name: 'the rule' }).getAttribute('href')).toMatch(/^https:\/\//);
      expect(web.errors).toEqual([`422 /api/v1/clients/${clientId}/exams`]);
    } finally {
      await page.close();
    }
  });

  it('back on the caseload after recording an exam, the client’s row already shows what it changed', async () => {
    const { center, manager, token } = await managerOfNewCenter();
    const lastName = `Rahimi-${randomUUID().slice(0, 8)}`;
    const client = await createClient(web.data, { centerId: center.id, caseManagerId: manager.id, lastName });
    const page = await openPage(DESKTOP);
    try {
      await signIn(page, manager.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await input(page, 'Search').fill(lastName);
      await page.waitForURL((url) => url.searchParams.get('q') === lastName);
      const row = page.locator('tbody tr').filter({ hasText: lastName });
      await expectVisible(row);
      expect(await row.getByText(/warnings?$/).count()).toBe(0);

      await row.getByRole('link').first().click();
      await page.waitForURL(new RegExp(`/clients/${client.id}`));
      // A pass just under 7 years ago: the 7-year window for Step 2 CK closes soon, a warning.
      await addExam(page, 'Passed', civilDate(-7, 90));
      await page.locator('[data-testid="milestone-step1"][data-state="done"]').waitFor();
      expect((await pathwayOf(client.id, token)).warnings).toHaveLength(1);

      // Back to the list as it was (the same search, still in the cache): not its cached row.
      while (!new URL(page.url()).searchParams.has('q')) await page.goBack();
      await expectVisible(row.getByText('1 warning', { exact: true }));
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an exam result the IMG reported is marked as theirs until the case manager verifies it', async () => {
    const { center, manager, token } = await managerOfNewCenter();
    const client = await createClient(web.data, { centerId: center.id, caseManagerId: manager.id });
    const account = await createUser(web.data, { role: Role.Client, centerId: center.id, clientId: client.id });
    const reported = await fetch(`${web.baseUrl}/api/v1/me/exams`, {
      method: 'POST',
      headers: { ...bearer(tokenFor(web.app, account)), 'Content-Type': 'application/json' },
      body: JSON.stringify({ exam: 'USMLE_STEP2_CK', status: 'passed', testDate: civilDate(0, -14), score: 241 }),
    });
    expect(reported.status).toBe(201);
    const { id: examId, verified } = (await reported.json()) as { id: string; verified: boolean };
    expect(verified).toBe(false);

    const page = await openPage(DESKTOP);
    try {
      await signIn(page, manager.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await page.goto(`${web.baseUrl}/clients/${client.id}/exams`);
      const table = page.getByTestId('exams-table');
      await expectVisible(table.getByText('Reported by the client'));
      await table.getByRole('button', { name: 'Verify the USMLE Step 2 CK the client reported' }).click();
      await table.getByText('Reported by the client').waitFor({ state: 'detached' });
      const exams = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}/exams`, { headers: bearer(token) });
      const { items } = (await exams.json()) as { items: { id: string; verified: boolean }[] };
      expect(items.find((e) => e.id === examId)?.verified).toBe(true);
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a note is edited and then deleted from its card, each button named after the note', async () => {
    const { center, manager, token } = await managerOfNewCenter();
    const client = await createClient(web.data, { centerId: center.id, caseManagerId: manager.id });
    const contactDate = civilDate(0, -3);
    const created = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}/notes`, {
      method: 'POST',
      headers: { ...bearer(token), 'Content-Type': 'application/json' },
      body: JSON.stringify({ contactType: 'phone', contactDate, body: 'Talked about Step 1 dates' }),
    });
    expect(created.status).toBe(201);
    const notes = async () => {
      const res = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}/notes`, { headers: bearer(token) });
      return ((await res.json()) as { items: { body: string }[] }).items.map((n) => n.body);
    };

    const page = await openPage(DESKTOP);
    try {
      await signIn(page, manager.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await page.goto(`${web.baseUrl}/clients/${client.id}/notes`);
      await page.getByRole('button', { name: `Edit the note of ${contactDate}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit note' });
      await dialog.getByLabel(/^Note/).fill('Talked about Step 1 dates; booking in March');
      await dialog.getByRole('button', { name: 'Save note' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await notes()).toEqual(['Talked about Step 1 dates; booking in March']);

      await page.getByRole('button', { name: `Delete the note of ${contactDate}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete this note?' });
      await expectVisible(confirm.getByText('will be removed from the client’s record'));
      expect(await accessibilityViolations(page)).toEqual([]);
      await confirm.getByRole('button', { name: 'Delete note' }).click();
      await page.getByRole('button', { name: `Edit the note of ${contactDate}` }).waitFor({ state: 'detached' });
      expect(await notes()).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the tabs are links: each opens from its URL, and the arrow keys move between them', async () => {
    const { center, manager } = await managerOfNewCenter();
    const client = await createClient(web.data, { centerId: center.id, caseManagerId: manager.id });
    const page = await openPage(PHONE);
    try {
      await signIn(page, manager.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await page.goto(`${web.baseUrl}/clients/${client.id}/credentials`);
      const credentials = page.getByRole('tab', { name: 'Credentials' });
      await expectVisible(credentials);
      expect(await credentials.getAttribute('aria-selected')).toBe('true');
      await credentials.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(new RegExp(`/clients/${client.id}/clinical-experience$`));
      await expectVisible(page.getByRole('tab', { name: 'Clinical experience', selected: true }));
      expect(await credentials.getAttribute('aria-selected')).toBe('false');
      // One column on a phone: nothing wider than the screen.
      expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
      await shoot(page, 'client-page-phone');
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('credentials, a clinical experience and a Match application recorded in their tabs move the checklist', async () => {
    const { center, manager, token } = await managerOfNewCenter();
    const client = await createClient(web.data, { centerId: center.id, caseManagerId: manager.id });
    const [diplomaOn, transcriptOn] = [civilDate(0, -60), civilDate(0, -30)];
    const [startOn, endOn, letterOn] = [civilDate(0, -120), civilDate(0, -40), civilDate(0, -20)];
    const erasOn = civilDate(0, -10);
    const page = await openPage(DESKTOP);
    const milestone = (name: string, state: string) =>
      page.locator(`[data-testid="milestone-${name}"][data-state="${state}"]`);
    try {
      await signIn(page, manager.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await page.goto(`${web.baseUrl}/clients/${client.id}/credentials`);

      const credentials = page.getByRole('form', { name: 'Credentials' });
      await expectVisible(credentials);
      await typeDate(page, 'Diploma verified', diplomaOn);
      await typeDate(page, 'Final transcript verified', transcriptOn);
      await choose(page, 'School listed in the World Directory of Medical Schools', 'Yes');
      await shoot(page, 'client-credentials-tab');
      expect(await accessibilityViolations(page)).toEqual([]);
      await credentials.getByRole('button', { name: 'Save credentials' }).click();
      await milestone('credentials_verified', 'done').waitFor();
      await expectVisible(credentials.getByRole('status'));
      expect(await accessibilityViolations(page)).toEqual([]);
      // Verified on the later of the two verifications.
      expect(await milestone('credentials_verified', 'done').textContent()).toContain(transcriptOn);

      await page.getByRole('tab', { name: 'Clinical experience' }).click();
      await page.waitForURL(/\/clinical-experience$/);
      await page.getByRole('button', { name: 'Add clinical experience' }).click();
      const experience = page.getByRole('form', { name: 'Add clinical experience' });
      await expectVisible(experience);
      await choose(page, 'Status', 'Completed');
      await experience.getByRole('textbox', { name: 'Institution' }).fill('Denver Health Medical Center');
      // The end before the start first: the API's problem goes beside the end date.
      await typeDate(page, 'Start date', endOn);
      await typeDate(page, 'End date', startOn);
      await experience.getByRole('button', { name: 'Add experience' }).click();
      const endDate = input(page, 'End date');
      await page.locator('input[aria-invalid="true"]').first().waitFor();
      expect(await endDate.getAttribute('aria-invalid')).toBe('true');
      await typeDate(page, 'Start date', startOn);
      await typeDate(page, 'End date', endOn);
      await typeDate(page, 'Received', letterOn);
      await shoot(page, 'client-clinical-experience-form');
      expect(await accessibilityViolations(page)).toEqual([]);
      await experience.getByRole('button', { name: 'Add experience' }).click();
      await expectVisible(page.getByRole('cell', { name: 'Denver Health Medical Center', exact: true }));
      await milestone('us_clinical_experience', 'done').waitFor();
      await milestone('letters_of_recommendation', 'done').waitFor();
      expect(await milestone('letters_of_recommendation', 'done').textContent()).toContain(letterOn);

      await page.getByRole('tab', { name: 'Match applications' }).click();
      await page.waitForURL(/\/match-applications$/);
      await page.getByRole('button', { name: 'Add Match application' }).click();
      const application = page.getByRole('form', { name: 'Add Match application' });
      await typeDate(page, 'ERAS submitted', erasOn);
      await application.getByRole('button', { name: 'Add application' }).click();
      await expectVisible(page.getByRole('cell', { name: erasOn, exact: true }));
      await milestone('eras', 'done').waitFor();
      const res = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}`, { headers: bearer(token) });
      expect(((await res.json()) as { stage: string }).stage).toBe('applying');
      expect(await page.getByTestId('client-stage').textContent()).toBe('Applying');

      // A second application for the same season: the API's refusal is shown in the form.
      await page.getByRole('button', { name: 'Add Match application' }).click();
      const second = page.getByRole('form', { name: 'Add Match application' });
      await second.getByRole('button', { name: 'Add application' }).click();
      await expectVisible(second.getByRole('alert'));
      const listed = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}/match-applications`, {
        headers: bearer(token),
      });
      const [{ season }] = ((await listed.json()) as { items: { season: number }[] }).items;
      const again = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}/match-applications`, {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ season, result: 'pending' }),
      });
      expect(again.status).toBe(409);
      const { message } = (await again.json()) as { message: string };
      expect(await second.getByRole('alert').textContent()).toContain(message);
      await shoot(page, 'client-match-applications-tab');
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(web.errors).toEqual([
        `400 /api/v1/clients/${client.id}/clinical-experiences`,
        `409 /api/v1/clients/${client.id}/match-applications`,
      ]);
    } finally {
      await page.close();
    }
  });

  it('enrolling someone with the e-mail of an existing client warns with the candidate, and can go ahead', async () => {
    const { center, manager } = await managerOfNewCenter();
    const email = `twice-${randomUUID()}@test.example.org`;
    const existing = await createClient(web.data, { centerId: center.id, email });
    // On a phone: the intake form is one column, as wide as the screen.
    const page = await openPage(PHONE);
    try {
      await signIn(page, manager.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await page.goto(`${web.baseUrl}/clients/new`);
      await page.getByRole('textbox', { name: 'First name' }).fill('Someone');
      await page.getByRole('textbox', { name: 'Last name' }).fill('Else');
      await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
      await page.getByRole('button', { name: 'Enroll client' }).click();

      const warning = page.getByTestId('duplicate-warning');
      await expectVisible(warning);
      expect(await warning.textContent()).toContain('same e-mail');
      expect(await warning.getByRole('link', { name: 'open their record' }).getAttribute('href')).toBe(
        `/clients/${existing.id}`,
      );
      expect(page.url()).toMatch(/\/clients\/new$/);
      expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
      await shoot(page, 'intake-duplicate-warning-phone');
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(web.errors).toEqual(['409 /api/v1/clients']);

      await warning.getByRole('button', { name: 'Not the same person: enroll anyway' }).click();
      await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
      expect(page.url()).not.toContain(existing.id);
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Someone Else' }));
    } finally {
      await page.close();
    }
  });

  it('saving details someone else changed meanwhile says so, and Reload shows their change', async () => {
    const { center, manager, token } = await managerOfNewCenter();
    const client = await createClient(web.data, { centerId: center.id, caseManagerId: manager.id });
    const page = await openPage(DESKTOP);
    try {
      await signIn(page, manager.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await page.goto(`${web.baseUrl}/clients/${client.id}`);
      await page.getByRole('button', { name: 'Edit details' }).click();
      const form = page.getByRole('form', { name: 'Edit client details' });
      await expectVisible(form);
      await shoot(page, 'client-edit-form');
      expect(await accessibilityViolations(page)).toEqual([]);

      // Another case manager saves first.
      const read = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}`, { headers: bearer(token) });
      const theirs = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}`, {
        method: 'PATCH',
        headers: { ...bearer(token), 'Content-Type': 'application/json', 'If-Match': read.headers.get('etag') ?? '' },
        body: JSON.stringify({ medicalSchool: 'University of Aleppo' }),
      });
      expect(theirs.status).toBe(200);

      await form.getByRole('textbox', { name: 'Phone' }).fill('+1 303 555 0199');
      await form.getByRole('button', { name: 'Save changes' }).click();
      const alert = form.getByRole('alert');
      await expectVisible(alert);
      expect(await alert.textContent()).toContain('Someone else changed this client');
      expect(web.errors).toEqual([`412 /api/v1/clients/${client.id}`]);

      await alert.getByRole('button', { name: 'Reload' }).click();
      const medicalSchool = form.getByRole('textbox', { name: 'Medical school' });
      // The form starts again from the client as it now is, with the other person's change.
      await eventually(async () => ((await medicalSchool.inputValue()) === 'University of Aleppo' ? true : undefined));
      expect(await form.getByRole('alert').count()).toBe(0);

      // Made again on the version now read, the change saves, and the header shows it.
      await form.getByRole('textbox', { name: 'Phone' }).fill('+1 303 555 0199');
      await form.getByRole('button', { name: 'Save changes' }).click();
      // The form closes once the client is read again (the save, then the refetch).
      await form.waitFor({ state: 'detached', timeout: 20_000 });
      await expectVisible(page.getByRole('link', { name: '+1 303 555 0199' }));
      const saved = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}`, { headers: bearer(token) });
      expect(await saved.json()).toMatchObject({ phone: '+1 303 555 0199', medicalSchool: 'University of Aleppo' });
      expect(web.errors).toEqual([`412 /api/v1/clients/${client.id}`]);
    } finally {
      await page.close();
    }
  });

  it('a value the API refuses shows its problem beside the field', async () => {
    const { center, manager, token } = await managerOfNewCenter();
    const client = await createClient(web.data, { centerId: center.id, caseManagerId: manager.id });
    const badPhone = 'call me';
    const refused = await fetch(`${web.baseUrl}/api/v1/clients/${client.id}`, {
      method: 'PATCH',
      headers: { ...bearer(token), 'Content-Type': 'application/json', 'If-Match': '"999"' },
      body: JSON.stringify({ phone: badPhone }),
    });
    expect(refused.status).toBe(400);
    const { fields } = (await refused.json()) as { fields: { field: string; problems: string[] }[] };
    const problem = fields.find((f) => f.field === 'phone')?.problems[0];
    expect(problem).toBeTruthy();

    const page = await openPage(DESKTOP);
    try {
      await signIn(page, manager.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await page.goto(`${web.baseUrl}/clients/${client.id}`);
      await page.getByRole('button', { name: 'Edit details' }).click();
      const form = page.getByRole('form', { name: 'Edit client details' });
      const phone = form.getByRole('textbox', { name: 'Phone' });
      await phone.fill(badPhone);
      await form.getByRole('button', { name: 'Save changes' }).click();
      await page.locator('input[aria-invalid="true"]').first().waitFor();
      expect(await phone.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await phone.getAttribute('aria-describedby')) ?? '';
      const descriptions = await Promise.all(
        describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
      );
      expect(descriptions).toContain(problem);
      // Beside the field, and not repeated above the form.
      expect(await form.getByRole('alert').count()).toBe(0);
      await shoot(page, 'client-edit-field-problem');
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(web.errors).toEqual([`400 /api/v1/clients/${client.id}`]);
    } finally {
      await page.close();
    }
  });

  it('a director reads the client page without the controls for changing it', async () => {
    const { center, manager } = await managerOfNewCenter();
    const client = await createClient(web.data, { centerId: center.id, caseManagerId: manager.id });
    const director = await createUser(web.data, { role: Role.Director, centerId: center.id });
    const page = await openPage(DESKTOP);
    try {
      await signIn(page, director.email, TEST_PASSWORD);
      await page.waitForURL(/\/dashboard$/);
      await page.goto(`${web.baseUrl}/clients/${client.id}/credentials`);
      await expectVisible(page.getByRole('heading', { level: 1, name: `${client.firstName} ${client.lastName}` }));
      await expectVisible(page.getByRole('form', { name: 'Credentials' }));
      expect(await input(page, 'Diploma verified').isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Save credentials' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Edit details' }).count()).toBe(0);
      await page.getByRole('tab', { name: 'Exams' }).click();
      await expectVisible(page.getByText('No exam recorded yet.'));
      expect(await page.getByRole('button', { name: 'Add exam attempt' }).count()).toBe(0);
      await shoot(page, 'client-page-director');
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a case manager of another center opening the client by URL is told it is not in their center', async () => {
    const { center } = await managerOfNewCenter();
    const client = await createClient(web.data, { centerId: center.id });
    const { manager: outsider } = await managerOfNewCenter();
    const page = await openPage(DESKTOP);
    try {
      await signIn(page, outsider.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await page.goto(`${web.baseUrl}/clients/${client.id}/exams`);
      const alert = page.getByRole('alert');
      await expectVisible(alert);
      expect(await alert.textContent()).toContain('Client not found');
      expect(await page.getByText(client.lastName).count()).toBe(0);
      await shoot(page, 'client-not-found');
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(web.errors).toEqual([`404 /api/v1/clients/${client.id}`]);
    } finally {
      await page.close();
    }
  });
});
