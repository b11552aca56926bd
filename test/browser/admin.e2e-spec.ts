import { randomUUID } from 'node:crypto';
import { Role } from '@lib/identity';
import { INestApplicationContext } from '@nestjs/common';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { Page } from 'playwright-core';
import { bearer, createCenter, createClient, createUser, TEST_PASSWORD, tokenFor } from '../support/identities';
import { eventually } from '../support/poll';
import { SmtpSink } from '../support/smtp-sink';
import { startWorker } from '../support/test-app';
import { ACCOUNT_MESSAGES } from '../../apps/web/src/i18n/account-messages';
import { accessibilityViolations, DESKTOP, expectVisible, htmlLang, PHONE, shoot, WebHarness } from './support';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The admin's screens and the account pages reached from e-mails, in a real browser (see ./support). */
jest.setTimeout(90_000);

describe('administration and account pages in a browser', () => {
  const web = new WebHarness();
  // Invitation and reset e-mails are queued by the API and sent by a worker, as in production.
  const smtp = new SmtpSink();
  let worker: INestApplicationContext;
  beforeAll(async () => {
    await web.start();
    worker = await startWorker({ SMTP_URL: await smtp.start() });
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await web.stop();
    await smtp.stop();
  });
  beforeEach(web.reset);

  const admin = () => createUser(web.data, { role: Role.Admin });
  const adminToken = async () => tokenFor(web.app, await admin());
  const api = async (path: string, token: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${web.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...bearer(token), 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> };
  };

  /** The link in the first e-mail to `address`, on this test's server (the API writes its PUBLIC_URL). */
  async function linkMailedTo(address: string, path: string): Promise<string> {
    const mail = await smtp.waitFor(address, 1, 10_000);
    const link = new RegExp(`https?://\\S+(${path}\\?token=[A-Za-z0-9_-]+)`).exec(mail.text ?? '');
    if (!link) throw new Error(`no ${path} link in: ${mail.text}`);
    return `${web.baseUrl}${link[1]}`;
  }

  async function signInAsAdmin(page: Page): Promise<void> {
    const account = await admin();
    await web.signIn(page, account.email, TEST_PASSWORD);
    await page.waitForURL(/\/admin$/);
    await expectVisible(page.getByRole('heading', { name: 'Administration' }));
  }

  it('an admin creates a center and invites a case manager, who chooses a password and lands on their caseload', async () => {
    const suffix = randomUUID().slice(0, 8);
    const centerName = `Lakeside Welcome Back ${suffix}`;
    const inviteeEmail = `jordan-${suffix}@test.example.org`;
    // What the API says of a state it does not know, to find beside the field.
    const refused = await api('/api/v1/centers', await adminToken(), {
      method: 'POST',
      body: {
        name: centerName,
        hostInstitution: 'Lakeside College',
        city: 'Chicago',
        state: 'ZZ',
        timeZone: 'America/Chicago',
      },
    });
    expect(refused.status).toBe(400);
    const stateProblem = (refused.body.fields as { field: string; problems: string[] }[])
      .filter((f) => f.field === 'state')
      .flatMap((f) => f.problems)
      .join('; ');
    expect(stateProblem).not.toBe('');

    let centerId = '';
    const page = await web.openPage(DESKTOP);
    try {
      await signInAsAdmin(page);
      await expectVisible(page.getByRole('tab', { name: 'Centers', selected: true }));
      await page.getByRole('button', { name: 'New center' }).click();
      const form = page.getByRole('dialog', { name: 'New center' });
      await form.getByLabel('Name').fill(centerName);
      await form.getByLabel('Host institution').fill('Lakeside College');
      await form.getByLabel('City').fill('Chicago');
      await form.getByLabel('State').fill('zz');
      await form.getByLabel('Time zone').fill('America/Chic');
      await page.getByRole('option', { name: 'America/Chicago' }).click();
      await form.getByRole('button', { name: 'Create center' }).click();
      await expectVisible(form.getByText(stateProblem));
      expect(await form.getByLabel('State').getAttribute('aria-invalid')).toBe('true');
      await shoot(page, 'admin-center-form-refused');
      expect(await accessibilityViolations(page)).toEqual([]);

      await form.getByLabel('State').fill('IL');
      await form.getByRole('button', { name: 'Create center' }).click();
      await expectVisible(page.getByRole('rowheader', { name: new RegExp(centerName) }));
      const [center] = await web.data.query(`SELECT id, slug, state, time_zone FROM centers WHERE name = $1`, [
        centerName,
      ]);
      expect(center).toMatchObject({ state: 'IL', time_zone: 'America/Chicago' });
      expect(center.slug).toContain(suffix);
      centerId = center.id;
      await shoot(page, 'admin-centers');
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByRole('button', { name: `Edit ${centerName}` }).click();
      const edit = page.getByRole('dialog', { name: `Edit ${centerName}` });
      expect(await edit.getByLabel('Time zone').inputValue()).toBe('America/Chicago');
      await edit.getByLabel('City').fill('Evanston');
      await edit.getByRole('button', { name: 'Save center' }).click();
      await expectVisible(page.getByRole('cell', { name: 'Evanston, IL' }));
      const [edited] = await web.data.query(`SELECT city, slug, time_zone FROM centers WHERE id = $1`, [center.id]);
      expect(edited).toEqual({ city: 'Evanston', slug: center.slug, time_zone: 'America/Chicago' });

      await page.getByRole('tab', { name: 'Users and invitations' }).click();
      await page.waitForURL(/\/admin\/users$/);
      await expectVisible(page.getByRole('table', { name: 'Users' }));
      await page.getByRole('button', { name: 'Invite a user' }).click();
      const invite = page.getByRole('dialog', { name: 'Invite a user' });
      await invite.getByLabel('E-mail').fill(inviteeEmail);
      await invite.getByLabel('Name').fill('Jordan Lee');
      expect(await invite.getByLabel('Role').inputValue()).toBe('Case manager');
      await invite.getByLabel('Center').fill(centerName.slice(0, -3));
      await page.getByRole('option', { name: centerName }).click();
      await shoot(page, 'admin-invite-form');
      expect(await accessibilityViolations(page)).toEqual([]);
      await invite.getByRole('button', { name: 'Send invitation' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: inviteeEmail }));

      // The suites share one database: among hundreds of users the invitee may not be on the first
      // page, so an admin searches for them (one letter searches nothing yet; the search is in the URL).
      const search = page.getByRole('searchbox', { name: 'Search' });
      await search.fill('j');
      await expectVisible(page.getByText('Type at least 2 characters'));
      await search.fill(inviteeEmail);
      await page.waitForURL((url) => url.searchParams.get('q') === inviteeEmail);
      const row = page.getByTestId(`user-${inviteeEmail}`);
      await expectVisible(row.getByText('Invitation pending'));
      // Only them: the list may still be settling from the unsearched first page, so ask until it is.
      const rows = page.getByRole('table', { name: 'Users', exact: true }).locator('tbody tr');
      await eventually(async () => ((await rows.count()) === 1 ? true : undefined), 5_000);
      expect(await row.getByRole('cell').nth(1).textContent()).toBe(centerName);
      await shoot(page, 'admin-users');
      expect(await accessibilityViolations(page)).toEqual([]);
      // Narrowed to the new center instead, as an admin would too (the filter is in the URL).
      await page.goto(`${web.baseUrl}/admin/users?center=${centerId}`);
      await expectVisible(row.getByText('Invitation pending'));
      expect(await search.inputValue()).toBe('');
      expect(web.errors).toEqual(['400 /api/v1/centers']);
    } finally {
      await page.close();
    }

    // The invitee, on their own phone, follows the e-mail's link.
    web.reset();
    const link = await linkMailedTo(inviteeEmail, '/accept-invite');
    const phone = await web.openPage(PHONE);
    try {
      await phone.goto(link);
      await expectVisible(phone.getByRole('heading', { name: 'Welcome to IMG Pathways' }));
      expect(await phone.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
      await shoot(phone, 'accept-invite-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);

      await phone.getByLabel(/^New password(?! again)/).fill(TEST_PASSWORD);
      await phone.getByLabel('New password again').fill(TEST_PASSWORD);
      await phone.getByRole('button', { name: 'Set my password and sign in' }).click();
      await phone.waitForURL(/\/caseload$/);
      const [invitee] = await web.data.query(`SELECT center_id, role, password_hash FROM users WHERE email = $1`, [
        inviteeEmail,
      ]);
      expect(invitee).toMatchObject({ center_id: centerId, role: 'case_manager' });
      expect(invitee.password_hash).not.toBeNull();
      expect(web.errors).toEqual([]);
    } finally {
      await phone.close();
    }

    // The link works once: opened again, it says so rather than offering a form that cannot work.
    web.reset();
    const again = await web.openPage(PHONE);
    try {
      await again.goto(link);
      await again.getByLabel(/^New password(?! again)/).fill(`${TEST_PASSWORD} again`);
      await again.getByLabel('New password again').fill(`${TEST_PASSWORD} again`);
      await again.getByRole('button', { name: 'Set my password and sign in' }).click();
      await expectVisible(again.getByRole('alert').filter({ hasText: 'This link no longer works' }));
      expect(again.url()).toContain('/accept-invite');
      await shoot(again, 'accept-invite-used-link');
      expect(await accessibilityViolations(again)).toEqual([]);
      expect(web.errors).toEqual(['401 /api/v1/auth/accept-invite']);
    } finally {
      await again.close();
    }
  });

  it('an admin changes a case manager’s role, deactivates and reactivates them', async () => {
    const center = await createCenter(web.data);
    const manager = await createUser(web.data, { role: Role.CaseManager, centerId: center.id });
    const page = await web.openPage(DESKTOP);
    try {
      await signInAsAdmin(page);
      await page.goto(`${web.baseUrl}/admin/users`);
      await page.getByRole('combobox', { name: 'Center' }).fill(center.name);
      await page.getByRole('option', { name: center.name }).click();
      // The filter is in the address, so the view can be shared.
      await page.waitForURL(new RegExp(`/admin/users\\?center=${center.id}$`));
      const row = page.getByTestId(`user-${manager.email}`);
      await expectVisible(row.getByText('Active', { exact: true }));

      await row.getByRole('button', { name: `Edit ${manager.displayName}` }).click();
      const edit = page.getByRole('dialog', { name: `Edit ${manager.displayName}` });
      await edit.getByLabel('Role').click();
      await page.getByRole('option', { name: 'Director' }).click();
      await shoot(page, 'admin-edit-user');
      expect(await accessibilityViolations(page)).toEqual([]);
      await edit.getByRole('button', { name: 'Save user' }).click();
      await expectVisible(row.getByRole('cell', { name: 'Director' }));
      // Gone, not fading out: a dialog mid-transition has lost its name, and axe below would count it.
      await edit.waitFor({ state: 'detached' });
      const token = await adminToken();
      expect((await api(`/api/v1/users/${manager.id}`, token)).body).toMatchObject({
        role: 'director',
        centerId: center.id,
      });

      await row.getByRole('button', { name: `Deactivate ${manager.displayName}` }).click();
      const confirm = page.getByRole('dialog', { name: `Deactivate ${manager.displayName}?` });
      await expectVisible(confirm.getByText(manager.email, { exact: false }));
      expect(await accessibilityViolations(page)).toEqual([]);
      await confirm.getByRole('button', { name: 'Deactivate' }).click();
      await expectVisible(row.getByText('Deactivated', { exact: true }));
      expect((await api(`/api/v1/users/${manager.id}`, token)).body.active).toBe(false);

      await row.getByRole('button', { name: `Reactivate ${manager.displayName}` }).click();
      await expectVisible(row.getByRole('button', { name: `Deactivate ${manager.displayName}` }));
      expect((await api(`/api/v1/users/${manager.id}`, token)).body.active).toBe(true);
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an admin sees a failed delivery with its error and retries it', async () => {
    const center = await createCenter(web.data);
    const client = await createClient(web.data, { centerId: center.id, firstName: 'Samir' });
    const account = await createUser(web.data, { role: Role.Client, centerId: center.id, clientId: client.id });
    const dedupeKey = `exam_upcoming.${client.id}.${randomUUID()}.2d.client`;
    const lastError = `451 Mailbox busy, try again later (${randomUUID().slice(0, 8)})`;
    // The state the worker leaves after its last refused attempt.
    const [{ id }] = await web.data.query(
      `INSERT INTO reminder_deliveries (dedupe_key, client_id, rule, recipient_user_id, channels, status, attempts, job_id, audience, due_at, data, last_error)
       VALUES ($1, $2, 'exam_upcoming', $3, '{email,in_app}', 'failed', 3, 'reminder.' || $1, 'client', now(), '{}', $4)
       RETURNING id`,
      [dedupeKey, client.id, account.id, lastError],
    );

    const page = await web.openPage(DESKTOP);
    try {
      await signInAsAdmin(page);
      await page.getByRole('tab', { name: 'Failed deliveries' }).click();
      await page.waitForURL(/\/admin\/deliveries$/);
      const row = page.getByTestId(`delivery-${id}`);
      await expectVisible(row.getByText(lastError));
      await expectVisible(row.getByText(`${account.displayName} (IMG)`));
      expect(await row.getByRole('cell').nth(1).textContent()).toBe('3');
      await shoot(page, 'admin-failed-deliveries');
      expect(await accessibilityViolations(page)).toEqual([]);

      await row.getByRole('button', { name: /^Retry/ }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: 'Queued again' }));
      await row.waitFor({ state: 'detached' });
      const [delivery] = await web.data.query(`SELECT status FROM reminder_deliveries WHERE id = $1`, [id]);
      expect(delivery.status).not.toBe('failed');
      const failed = await api('/api/v1/admin/deliveries?status=failed&limit=100', await adminToken());
      expect((failed.body.items as { id: string }[]).map((d) => d.id)).not.toContain(id);
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an admin opens the queue dashboard in a new tab, signed in by a cookie the API sets first', async () => {
    const page = await web.openPage(DESKTOP);
    try {
      await signInAsAdmin(page);
      const [dashboard] = await Promise.all([
        page.waitForEvent('popup'),
        page.getByRole('button', { name: 'Open the queue dashboard' }).click(),
      ]);
      const loaded = await dashboard.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/admin/queues'));
      expect(loaded.status()).toBe(200);
      await dashboard.waitForURL(/\/admin\/queues/);
      // Without the cookie the same address is refused: the tab got in by the session just made.
      expect((await fetch(`${web.baseUrl}/admin/queues`)).status).toBe(401);
      await dashboard.close();
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the admin sections fit a phone’s width', async () => {
    const page = await web.openPage(PHONE);
    try {
      await signInAsAdmin(page);
      for (const tab of ['Centers', 'Users and invitations', 'Match season calendar', 'Failed deliveries']) {
        await page.getByRole('tab', { name: tab }).click();
        const panel = page.getByRole('tabpanel', { name: tab });
        await expectVisible(panel);
        await panel
          .getByLabel(/^Loading/)
          .first()
          .waitFor({ state: 'detached' });
        // Tables scroll in their own box; the page itself never scrolls sideways.
        expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
      }
      await page.getByRole('tab', { name: 'Users and invitations' }).click();
      await expectVisible(page.getByRole('table', { name: 'Users' }));
      await shoot(page, 'admin-users-mobile');
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an admin moves a Match date through the calendar, then adds the next season from it; the API gives both', async () => {
    // A season of its own, far off, so no other test's calendar is touched.
    const year = 2090 + Math.floor(Math.random() * 9);
    await web.data.query('DELETE FROM match_seasons WHERE match_year = $1', [year + 1]);
    const token = await adminToken();
    const arranged = await api(`/api/v1/match-seasons/${year}`, token, {
      method: 'PUT',
      body: {
        events: [
          {
            key: 'rank_list_deadline',
            label: 'Rank order list certification deadline',
            at: `${year}-03-03T21:00:00-05:00`,
            estimated: true,
          },
          { key: 'match_day', label: 'Match Day', at: `${year}-03-20T12:00:00-04:00`, estimated: false },
        ],
      },
    });
    expect(arranged.status).toBe(200);

    const page = await web.openPage(DESKTOP);
    try {
      await signInAsAdmin(page);
      await page.goto(`${web.baseUrl}/admin/match-seasons?year=${year}`);
      const rankList = page.getByRole('group', { name: /Rank order list certification deadline/ });
      await expectVisible(rankList.getByText('Estimated', { exact: true }));
      expect(
        await page
          .getByRole('group', { name: /Match Day/ })
          .getByText('Estimated', { exact: true })
          .count(),
      ).toBe(0);
      await shoot(page, 'admin-match-seasons');
      expect(await accessibilityViolations(page)).toEqual([]);

      await rankList.getByLabel('Date and time (Eastern)').click();
      await page.getByRole('button', { name: `10 March ${year}` }).click();
      await shoot(page, 'admin-match-seasons-picker');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Confirm Rank order list certification deadline' }).click();
      await rankList.getByLabel(/^Estimated/).uncheck();
      await page.getByRole('button', { name: `Save the ${year} calendar` }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: 'Calendar saved' }));

      const season = await api(`/api/v1/match-seasons/${year}`, token);
      const events = season.body.events as { key: string; at: string; estimated: boolean }[];
      const moved = events.find((e) => e.key === 'rank_list_deadline');
      // The same 21:00 Eastern, a week later (its offset is Eastern's on that day).
      expect(new Date(moved?.at ?? '').getTime()).toBe(dayjs.tz(`${year}-03-10 21:00`, 'America/New_York').valueOf());
      expect(moved?.estimated).toBe(false);
      expect(events.find((e) => e.key === 'match_day')).toEqual({
        key: 'match_day',
        label: 'Match Day',
        at: `${year}-03-20T12:00:00-04:00`,
        estimated: false,
      });

      await page.getByRole('button', { name: 'New season' }).click();
      const form = page.getByRole('dialog', { name: 'New Match season' });
      await form.getByLabel('Match year').fill(String(year + 1));
      await shoot(page, 'admin-new-season');
      expect(await accessibilityViolations(page)).toEqual([]);
      await form.getByRole('button', { name: 'Add the season' }).click();
      await page.waitForURL(new RegExp(`year=${year + 1}$`));
      await expectVisible(page.getByRole('button', { name: `Save the ${year + 1} calendar` }));
      const next = await api(`/api/v1/match-seasons/${year + 1}`, token);
      expect(next.status).toBe(200);
      const copied = next.body.events as { key: string; at: string; estimated: boolean }[];
      // Each event a year on, at the same Eastern time, and an estimate until a calendar confirms it.
      expect(copied.map((e) => [e.key, new Date(e.at).getTime(), e.estimated])).toEqual([
        ['rank_list_deadline', dayjs.tz(`${year + 1}-03-10 21:00`, 'America/New_York').valueOf(), true],
        ['match_day', dayjs.tz(`${year + 1}-03-20 12:00`, 'America/New_York').valueOf(), true],
      ]);
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an IMG whose record is in Spanish gets a Spanish invitation, chooses a password on a Spanish page and lands on their status in Spanish', async () => {
    const { center, token } = await web.managerOfNewCenter();
    const client = await createClient(web.data, { centerId: center.id, firstName: 'Lucía' });
    await web.data.query(`UPDATE clients SET preferred_language = 'es' WHERE id = $1`, [client.id]);
    expect((await api(`/api/v1/clients/${client.id}/account`, token, { method: 'POST', body: {} })).status).toBe(201);
    const mail = await smtp.waitFor(client.email as string, 1, 10_000);
    expect(mail.subject).toBe('Invitación a IMG Pathways');
    const link = /https?:\/\/\S+(\/accept-invite\?token=[A-Za-z0-9_-]+&lang=es)/.exec(mail.text ?? '');
    expect(link).not.toBeNull();

    // A phone set to English: the link's language wins.
    const phone = await web.openPage(PHONE);
    try {
      await phone.goto(`${web.baseUrl}${link?.[1]}`);
      const es = ACCOUNT_MESSAGES.es;
      await expectVisible(phone.getByRole('heading', { name: es.inviteTitle }));
      expect(await htmlLang(phone)).toBe('es');
      await shoot(phone, 'accept-invite-es-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);
      await phone.getByLabel(new RegExp(`^${es.newPassword}`)).fill(TEST_PASSWORD);
      await phone.getByLabel(new RegExp(`^${es.newPasswordAgain}`)).fill(TEST_PASSWORD);
      await phone.getByRole('button', { name: es.inviteSubmit }).click();
      await phone.waitForURL(/\/status$/);
      await expectVisible(phone.getByRole('heading', { name: 'Próximos pasos' }));
      expect(await htmlLang(phone)).toBe('es');
      expect(web.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('forgot-password answers the same whether or not the address has an account; the e-mailed link sets a new password', async () => {
    const center = await createCenter(web.data);
    const manager = await createUser(web.data, { role: Role.CaseManager, centerId: center.id });
    const stranger = `nobody-${randomUUID()}@test.example.org`;
    const neutral = async (email: string): Promise<string> => {
      const page = await web.openPage(PHONE);
      try {
        await page.goto(`${web.baseUrl}/forgot-password`);
        await page.getByLabel('E-mail').fill(email);
        await page.getByRole('button', { name: 'Send me a link' }).click();
        const answer = page.getByRole('status').filter({ hasText: 'Check your e-mail' });
        await expectVisible(answer);
        expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
        await shoot(page, 'forgot-password-sent');
        expect(await accessibilityViolations(page)).toEqual([]);
        return ((await answer.textContent()) ?? '').replace(email, 'ADDRESS');
      } finally {
        await page.close();
      }
    };
    expect(await neutral(stranger)).toBe(await neutral(manager.email));

    const page = await web.openPage(DESKTOP);
    try {
      const link = await linkMailedTo(manager.email, '/reset-password');
      await page.goto(link);
      await expectVisible(page.getByRole('heading', { name: 'Choose a new password' }));
      const choose = async (password: string) => {
        await page.getByLabel(/^New password(?! again)/).fill(password);
        await page.getByLabel('New password again').fill(password);
        await page.getByRole('button', { name: 'Set my new password and sign in' }).click();
      };
      // Too short: the page knows the API's minimum and says so before sending anything.
      await choose('short');
      await expectVisible(page.getByText(ACCOUNT_MESSAGES.en.passwordTooShort));
      expect(web.errors).toEqual([]);
      // The e-mail address itself: only the API knows it, refuses it, and the page says why beside the field.
      await choose(manager.email);
      await expectVisible(page.getByText(ACCOUNT_MESSAGES.en.passwordIsEmail));
      expect(web.errors).toEqual(['400 /api/v1/auth/reset-password']);
      await shoot(page, 'reset-password-refused');
      expect(await accessibilityViolations(page)).toEqual([]);

      const renewed = `${TEST_PASSWORD} renewed`;
      await choose(renewed);
      await page.waitForURL(/\/caseload$/);
      const login = await fetch(`${web.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: manager.email, password: renewed }),
      });
      expect(login.status).toBe(200);
      expect(web.errors).toEqual(['400 /api/v1/auth/reset-password']);
    } finally {
      await page.close();
    }
    expect(smtp.to(stranger)).toHaveLength(0);
  });
});
