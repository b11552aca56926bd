import { randomUUID } from 'node:crypto';
import { Role } from '@lib/identity';
import { seedPartnerPrograms } from '@lib/seed';
import { Page } from 'playwright-core';
import { STAGE_LABELS } from '../../apps/web/src/api/labels';
import { bearer, createCenter, createClient, createUser, TEST_PASSWORD } from '../support/identities';
import { eventually } from '../support/poll';
import { accessibilityViolations, DESKTOP, expectVisible, PHONE, shoot, WebHarness } from './support';

/** The caseload, the notes and tasks tabs, and the inbox, in a real browser (see ./support). */
jest.setTimeout(90_000);

/** More than one page of the caseload (the screen asks for 50 at a time). */
const QUIET_CLIENTS = 55;

interface ClientBody {
  stage: keyof typeof STAGE_LABELS;
  pathway: { warnings: { code: string }[]; blockers: { code: string }[] };
}

describe('the caseload, client tabs and inbox in a browser', () => {
  const web = new WebHarness();
  beforeAll(web.start, 120_000);
  afterAll(web.stop);
  beforeEach(web.reset);
  const openPage = web.openPage.bind(web);
  const signIn = web.signIn.bind(web);

  const managerOfNewCenter = () => web.managerOfNewCenter();

  async function call(token: string, method: string, path: string, body?: object) {
    const res = await fetch(`${web.baseUrl}${path}`, {
      method,
      headers: { ...bearer(token), ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
  }

  /** The input a label names (a required field's label ends in *). */
  const input = (page: Page, label: string) =>
    page.locator('input, textarea').and(page.getByLabel(new RegExp(`^${label}( \\*)?$`)));

  async function choose(page: Page, label: string, option: string): Promise<void> {
    await input(page, label).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  /** The caseload table's body rows, once their number is `count`. */
  async function expectRows(page: Page, count: number): Promise<void> {
    const rows = page.locator('tbody tr');
    await eventually(async () => ((await rows.count()) === count ? true : undefined));
  }

  it('filters narrow the caseload and survive a reload; Load more fetches the next page; a warning shows as a badge', async () => {
    const { center, manager, token } = await managerOfNewCenter();
    const tag = randomUUID().slice(0, 8);
    for (let i = 0; i < QUIET_CLIENTS; i += 1) {
      await createClient(web.data, {
        centerId: center.id,
        lastName: `Quiet${tag}-${String(i).padStart(2, '0')}`,
        caseManagerId: manager.id,
      });
    }
    const warned = await createClient(web.data, {
      centerId: center.id,
      firstName: 'Amal',
      lastName: `Warned${tag}`,
      caseManagerId: manager.id,
    });
    // Three failed Step 1 attempts: the third raises the engine's warning and moves the stage.
    for (const testDate of ['2024-01-10', '2024-06-10', '2025-02-10']) {
      const exam = await call(token, 'POST', `/api/v1/clients/${warned.id}/exams`, {
        exam: 'USMLE_STEP1',
        status: 'failed',
        testDate,
      });
      expect(exam.status).toBe(201);
    }
    const record = (await call(token, 'GET', `/api/v1/clients/${warned.id}`)).body as ClientBody;
    // The badge counts what needs attention: blockers and warnings.
    const warnings = record.pathway.warnings.length + record.pathway.blockers.length;
    expect(warnings).toBeGreaterThan(0);
    const badge = warnings === 1 ? '1 warning' : `${warnings} warnings`;
    // The stage filter must single the warned client out from the others, all still at intake.
    expect(record.stage).not.toBe('intake');
    const colleague = await createUser(web.data, { role: Role.CaseManager, centerId: center.id });
    await createClient(web.data, { centerId: center.id, lastName: `Colleague${tag}`, caseManagerId: colleague.id });
    const otherCenter = await createCenter(web.data, 'Other Center');
    await createClient(web.data, { centerId: otherCenter.id, lastName: `Elsewhere${tag}` });

    const page = await openPage(DESKTOP);
    try {
      await signIn(page, manager.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await input(page, 'Search').fill(tag);
      await page.waitForURL(new RegExp(`[?&]q=${tag}`));
      await expectRows(page, 50);
      await page.getByRole('button', { name: 'Load more' }).click();
      // Mine, the warned one and the colleague's; never another center's.
      await expectRows(page, QUIET_CLIENTS + 2);
      expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
      expect(await page.getByText(`Elsewhere${tag}`).count()).toBe(0);
      expect(await page.getByText(`Colleague${tag}`).count()).toBe(1);

      await page.getByText('Only my clients', { exact: true }).click();
      await page.waitForURL(new RegExp(`[?&]caseManager=${manager.id}`));
      await eventually(async () => ((await page.getByText(`Colleague${tag}`).count()) === 0 ? true : undefined));

      await choose(page, 'Stage', STAGE_LABELS[record.stage]);
      await page.waitForURL(new RegExp(`[?&]stage=${record.stage}`));
      await expectRows(page, 1);
      const row = page.locator('tbody tr');
      await expectVisible(row.getByText(badge, { exact: true }));
      await expectVisible(row.getByRole('link', { name: `Warned${tag}, Amal` }));
      await shoot(page, 'caseload-filtered-desktop');
      expect(await accessibilityViolations(page)).toEqual([]);
      // A filter chosen is a step Back undoes; the search as it was typed replaced its entries instead.
      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('stage') && url.searchParams.get('q') === tag);
      await page.goForward();
      await page.waitForURL(new RegExp(`[?&]stage=${record.stage}`));
      await expectRows(page, 1);

      await page.reload();
      await expectRows(page, 1);
      expect(await page.getByRole('checkbox', { name: 'Only my clients' }).isChecked()).toBe(true);
      await expectVisible(page.locator('tbody tr').getByText(badge, { exact: true }));
      expect(await input(page, 'Search').inputValue()).toBe(tag);
      expect(await input(page, 'Stage').inputValue()).toBe(STAGE_LABELS[record.stage]);

      // The menu's Caseload is the whole caseload again, the search box emptied with the URL.
      await page.getByRole('link', { name: 'Caseload', exact: true }).click();
      await page.waitForURL(/\/caseload$/);
      await eventually(async () => ((await input(page, 'Search').inputValue()) === '' ? true : undefined));
      await expectRows(page, 50);
      await page.goBack();
      await expectRows(page, 1);
      expect(await input(page, 'Search').inputValue()).toBe(tag);

      await page
        .locator('tbody tr')
        .getByRole('link', { name: `Warned${tag}, Amal` })
        .click();
      await page.waitForURL(new RegExp(`/clients/${warned.id}$`));
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }

    const phone = await openPage(PHONE);
    try {
      await signIn(phone, manager.email, TEST_PASSWORD);
      await phone.waitForURL(/\/caseload$/);
      await phone.goto(`${web.baseUrl}/caseload?q=${tag}&stage=${record.stage}`);
      // A card per client on a phone, the filters from the URL counted on the button that shows them.
      const cards = phone.getByRole('list', { name: 'Clients' }).getByRole('listitem');
      await eventually(async () => ((await cards.count()) === 1 ? true : undefined));
      await expectVisible(cards.getByText(badge, { exact: true }));
      await expectVisible(phone.getByRole('button', { name: 'Filters (1)' }));
      expect(await phone.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
      await shoot(phone, 'caseload-filtered-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('a note and a task added in their tabs show in the lists; the API’s problem shows beside the field', async () => {
    const { center, manager, token } = await managerOfNewCenter();
    const client = await createClient(web.data, { centerId: center.id, firstName: 'Nadia', caseManagerId: manager.id });
    const today = new Date().toISOString().slice(0, 10);
    // What the API says of an empty note, to find beside the field.
    const refused = await call(token, 'POST', `/api/v1/clients/${client.id}/notes`, {
      contactType: 'phone',
      contactDate: today,
      body: '',
    });
    expect(refused.status).toBe(400);
    const bodyProblem = (refused.body as { fields: { field: string; problems: string[] }[] }).fields.find(
      (f) => f.field === 'body',
    );
    expect(bodyProblem?.problems.length).toBeGreaterThan(0);

    const page = await openPage(DESKTOP);
    try {
      await signIn(page, manager.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await page.goto(`${web.baseUrl}/clients/${client.id}/notes`);
      await expectVisible(page.getByText('No notes yet', { exact: false }));

      await page.getByRole('button', { name: 'Add note' }).click();
      const noteDialog = page.getByRole('dialog', { name: 'Add a note' });
      await expectVisible(noteDialog);
      await choose(page, 'Contact', 'Phone');
      await noteDialog.getByRole('button', { name: 'Add note' }).click();
      await expectVisible(noteDialog.getByText(bodyProblem!.problems.join('; '), { exact: true }));
      expect(await input(page, 'Note').getAttribute('aria-invalid')).toBe('true');

      const body = `Called about booking Step 2 CK (${randomUUID().slice(0, 6)}).`;
      await input(page, 'Note').fill(body);
      await noteDialog.getByRole('button', { name: 'Add note' }).click();
      await noteDialog.waitFor({ state: 'detached' });
      const notes = page.getByRole('list', { name: 'Notes' });
      await expectVisible(notes.getByText(body, { exact: true }));
      const stored = (await call(token, 'GET', `/api/v1/clients/${client.id}/notes`)).body as {
        items: { body: string; contactType: string }[];
      };
      expect(stored.items).toEqual([expect.objectContaining({ body, contactType: 'phone' })]);
      await shoot(page, 'client-notes-tab');
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByRole('tab', { name: 'Tasks' }).click();
      await page.waitForURL(new RegExp(`/clients/${client.id}/tasks$`));
      await page.getByRole('button', { name: 'Add task' }).click();
      const taskDialog = page.getByRole('dialog', { name: 'Add a task' });
      await expectVisible(taskDialog);
      const title = `Request the final transcript ${randomUUID().slice(0, 6)}`;
      await input(page, 'Task').fill(title);
      await taskDialog.getByRole('button', { name: 'Add task' }).click();
      await taskDialog.waitFor({ state: 'detached' });
      const tasks = page.getByRole('list', { name: 'Tasks' });
      await expectVisible(tasks.getByText(title, { exact: true }));
      // A new task goes to the person who wrote it unless they chose someone else.
      const storedTasks = (await call(token, 'GET', `/api/v1/clients/${client.id}/tasks`)).body as {
        items: { title: string; assigneeUserId: string | null; status: string }[];
      };
      expect(storedTasks.items).toEqual([
        expect.objectContaining({ title, assigneeUserId: manager.id, status: 'open' }),
      ]);
      await shoot(page, 'client-tasks-tab');
      expect(await accessibilityViolations(page)).toEqual([]);
      // The one refused request is the empty note the test sent on purpose.
      expect(web.errors).toEqual([`400 /api/v1/clients/${client.id}/notes`]);
    } finally {
      await page.close();
    }
  });

  it('services, referrals and reminders tabs: money in a service, a service deleted after a confirmation, a referral sent then accepted, a failed reminder shown', async () => {
    const { center, manager, token } = await managerOfNewCenter();
    await seedPartnerPrograms(web.data);
    const client = await createClient(web.data, {
      centerId: center.id,
      firstName: 'Layla',
      caseManagerId: manager.id,
      consentToShare: true,
    });
    const directory = (await call(token, 'GET', '/api/v1/programs?limit=100')).body as {
      items: { id: string; name: string; location: string }[];
    };
    const program = directory.items[0];
    expect(program).toBeDefined();
    await web.data.query(
      `INSERT INTO reminder_deliveries (dedupe_key, client_id, rule, recipient_user_id, channels, status, job_id, audience,
                                        due_at, data, attempts, last_error)
       VALUES ($1, $2, 'no_contact', $3, '{email,in_app}', 'failed', 'browser', 'staff', now(), $4, 5, 'Mailbox unavailable')`,
      [`${client.id}.no_contact.${randomUUID()}`, client.id, manager.id, { since: '2026-01-15' }],
    );

    const page = await openPage(DESKTOP);
    try {
      await signIn(page, manager.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await page.goto(`${web.baseUrl}/clients/${client.id}/services`);

      await page.getByRole('button', { name: 'Add service' }).click();
      const serviceDialog = page.getByRole('dialog', { name: 'Add a service' });
      await expectVisible(serviceDialog);
      await choose(page, 'Service', 'Financial support');
      await input(page, 'Amount').fill('250');
      await serviceDialog.getByRole('button', { name: 'Add service' }).click();
      await serviceDialog.waitFor({ state: 'detached' });
      const services = page.getByRole('list', { name: 'Services' });
      await expectVisible(services.getByText('$250.00', { exact: false }));
      const stored = (await call(token, 'GET', `/api/v1/clients/${client.id}/services`)).body as {
        items: { category: string; amountCents: number; currency: string }[];
      };
      expect(stored.items).toEqual([
        expect.objectContaining({ category: 'financial_support', amountCents: 25000, currency: 'USD' }),
      ]);
      await shoot(page, 'client-services-tab');
      expect(await accessibilityViolations(page)).toEqual([]);

      await services.getByRole('button', { name: /^Delete Financial support/ }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete this service?' });
      await expectVisible(confirm);
      await confirm.getByRole('button', { name: 'Delete service' }).click();
      await expectVisible(page.getByText('No services recorded yet.'));
      const afterDelete = (await call(token, 'GET', `/api/v1/clients/${client.id}/services`)).body as {
        items: unknown[];
      };
      expect(afterDelete.items).toEqual([]);

      await page.getByRole('tab', { name: 'Referrals' }).click();
      await page.waitForURL(new RegExp(`/clients/${client.id}/referrals$`));
      await page.getByRole('button', { name: 'Refer to a program' }).click();
      const referDialog = page.getByRole('dialog', { name: 'Refer to a partner program' });
      await expectVisible(referDialog);
      await choose(page, 'Partner program', `${program.name} — ${program.location}`);
      await referDialog.getByRole('button', { name: 'Refer' }).click();
      await referDialog.waitFor({ state: 'detached' });
      const referrals = page.getByRole('list', { name: 'Referrals' });
      await expectVisible(referrals.getByText('Sent', { exact: true }));
      await referrals.getByRole('button', { name: `Update the referral to ${program.name}` }).click();
      const updateDialog = page.getByRole('dialog', { name: 'Update the referral' });
      await expectVisible(updateDialog);
      await choose(page, 'Status', 'Accepted');
      await updateDialog.getByRole('button', { name: 'Save referral' }).click();
      await updateDialog.waitFor({ state: 'detached' });
      await expectVisible(referrals.getByText('Accepted', { exact: true }));
      const referral = (await call(token, 'GET', `/api/v1/clients/${client.id}/referrals`)).body as {
        items: { programId: string; status: string }[];
      };
      expect(referral.items).toEqual([expect.objectContaining({ programId: program.id, status: 'accepted' })]);
      await shoot(page, 'client-referrals-tab');
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByRole('tab', { name: 'Reminders' }).click();
      await page.waitForURL(new RegExp(`/clients/${client.id}/reminders$`));
      const failed = page.locator('tbody tr').filter({ hasText: 'No contact for 60 days' });
      await expectVisible(failed.getByText('Failed', { exact: true }));
      // The error message is an admin's to read: a case manager sees how many attempts failed.
      await expectVisible(failed.getByText('5 attempts', { exact: true }));
      expect(await failed.getByText('Mailbox unavailable').count()).toBe(0);
      await shoot(page, 'client-reminders-tab');
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the inbox lists a task assigned to the case manager and a notification; marking read and done work', async () => {
    const { center, manager, token } = await managerOfNewCenter();
    const client = await createClient(web.data, {
      centerId: center.id,
      firstName: 'Omar',
      lastName: `Khalil-${randomUUID().slice(0, 6)}`,
      caseManagerId: manager.id,
    });
    const task = await call(token, 'POST', `/api/v1/clients/${client.id}/tasks`, {
      title: 'Book the OET Medicine sitting',
      dueDate: '2025-01-15',
      assigneeUserId: manager.id,
    });
    expect(task.status).toBe(201);
    const [{ id: deliveryId }] = await web.data.query(
      `INSERT INTO reminder_deliveries (dedupe_key, client_id, rule, recipient_user_id, channels, status, job_id, audience, due_at, data)
       VALUES ($1, $2, 'no_contact', $3, '{in_app}', 'sent', 'browser', 'staff', now(), '{}') RETURNING id`,
      [`${client.id}.no_contact.${randomUUID()}`, client.id, manager.id],
    );
    const notificationTitle = `No contact with Omar for 60 days (${randomUUID().slice(0, 6)})`;
    await web.data.query(
      `INSERT INTO notifications (user_id, delivery_id, client_id, rule, title, body, link)
       VALUES ($1, $2, $3, 'no_contact', $4, 'Get in touch with the client.', 'https://example.org/clients')`,
      [manager.id, deliveryId, client.id, notificationTitle],
    );

    const page = await openPage(DESKTOP);
    try {
      await signIn(page, manager.email, TEST_PASSWORD);
      await page.waitForURL(/\/caseload$/);
      await page.getByRole('link', { name: 'My tasks and reminders' }).click();
      await page.waitForURL(/\/inbox$/);
      // Still under the pointer: the menu entry just clicked, in its active and hovered state.

      const tasks = page.getByRole('list', { name: 'My open tasks' });
      await expectVisible(tasks.getByText('Book the OET Medicine sitting', { exact: true }));
      await expectVisible(tasks.getByRole('link', { name: `${client.lastName}, Omar` }));
      await expectVisible(tasks.getByText('Overdue', { exact: true }));
      const notifications = page.getByRole('list', { name: 'Notifications' });
      await expectVisible(notifications.getByText(notificationTitle, { exact: true }));
      expect(await page.getByTestId('unread-count').textContent()).toBe('1 unread');
      await shoot(page, 'inbox-desktop');
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByRole('button', { name: `Mark read: ${notificationTitle}` }).click();
      await page.getByTestId('unread-count').waitFor({ state: 'detached' });
      expect(await notifications.getByText(notificationTitle, { exact: true }).count()).toBe(1);
      const after = (await call(token, 'GET', '/api/v1/notifications')).body as {
        unread: number;
        items: { title: string; readAt: string | null }[];
      };
      expect(after.unread).toBe(0);
      expect(after.items.find((n) => n.title === notificationTitle)?.readAt).not.toBeNull();

      await page.getByRole('button', { name: 'Mark “Book the OET Medicine sitting” done' }).click();
      await expectVisible(page.getByText('No open tasks are assigned to you.'));
      const done = (await call(token, 'GET', `/api/v1/clients/${client.id}/tasks`)).body as {
        items: { status: string }[];
      };
      expect(done.items.map((t) => t.status)).toEqual(['done']);
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }

    const phone = await openPage(PHONE);
    try {
      await signIn(phone, manager.email, TEST_PASSWORD);
      await phone.waitForURL(/\/caseload$/);
      await phone.goto(`${web.baseUrl}/inbox`);
      await expectVisible(phone.getByText(notificationTitle, { exact: true }));
      expect(await phone.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
      await shoot(phone, 'inbox-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
