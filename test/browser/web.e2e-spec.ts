import { Role } from '@lib/identity';
import { bearer, createCenter, createClient, createUser, TEST_PASSWORD, tokenFor } from '../support/identities';
import type { Page } from 'playwright-core';
import { ACCOUNT_MESSAGES } from '../../apps/web/src/i18n/account-messages';
import { accessibilityViolations, DESKTOP, expectVisible, htmlLang, PHONE, shoot, WebHarness } from './support';

/** Signing in, and each role's first screen, in a real browser (see ./support). */
jest.setTimeout(30_000);

describe('the web app in a browser', () => {
  const web = new WebHarness();
  beforeAll(web.start, 120_000);
  afterAll(web.stop);
  beforeEach(web.reset);
  const openPage = web.openPage.bind(web);
  const signIn = web.signIn.bind(web);

  it('an IMG signs in on a phone and sees their stage, as /me/status gives it', async () => {
    const center = await createCenter(web.data);
    const client = await createClient(web.data, { centerId: center.id, firstName: 'Nadia' });
    const account = await createUser(web.data, { role: Role.Client, centerId: center.id, clientId: client.id });
    const statusRes = await fetch(`${web.baseUrl}/api/v1/me/status`, { headers: bearer(tokenFor(web.app, account)) });
    expect(statusRes.status).toBe(200);
    const status = (await statusRes.json()) as { stageText: string; firstName: string };
    expect(status.stageText).toBeTruthy();

    const phone = await openPage(PHONE);
    try {
      await signIn(phone, account.email, TEST_PASSWORD);
      await phone.waitForURL(/\/status$/);
      await expectVisible(phone.getByTestId('stage'));
      expect((await phone.getByTestId('stage').textContent())?.trim()).toBe(status.stageText);
      await expectVisible(phone.getByText(`Hello, ${status.firstName}`));
      // One column on a phone: nothing wider than the screen.
      expect(await phone.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
      await shoot(phone, 'img-status-mobile');
      expect(await accessibilityViolations(phone)).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('a case manager signs in on a desktop and sees their center’s clients, and no other center’s', async () => {
    const center = await createCenter(web.data);
    const other = await createCenter(web.data, 'Other Center');
    const manager = await createUser(web.data, { role: Role.CaseManager, centerId: center.id });
    const suffix = center.slug.slice(-8);
    const ours = await createClient(web.data, {
      centerId: center.id,
      firstName: 'Amal',
      lastName: `Haddad${suffix}`,
      caseManagerId: manager.id,
    });
    const theirs = await createClient(web.data, { centerId: other.id, firstName: 'Omar', lastName: `Khalil${suffix}` });

    const desktop = await openPage(DESKTOP);
    try {
      await signIn(desktop, manager.email, TEST_PASSWORD);
      await desktop.waitForURL(/\/caseload$/);
      await expectVisible(desktop.getByRole('cell', { name: `${ours.lastName}, ${ours.firstName}` }));
      expect(await desktop.getByText(theirs.lastName).count()).toBe(0);
      await shoot(desktop, 'caseload-desktop');
      expect(await accessibilityViolations(desktop)).toEqual([]);
      expect(web.errors).toEqual([]);
    } finally {
      await desktop.close();
    }
  });

  it('a wrong password is told on the sign-in page in the browser’s language, and the switch changes it', async () => {
    const center = await createCenter(web.data);
    const manager = await createUser(web.data, { role: Role.CaseManager, centerId: center.id });
    const refused = await fetch(`${web.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: manager.email, password: 'not the password' }),
    });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe('INVALID_CREDENTIALS');
    const alertText = async (page: Page) => {
      const alert = page.getByRole('alert');
      await expectVisible(alert);
      return alert.textContent();
    };

    // A browser set to Spanish: the pages before sign-in are in Spanish from the first one.
    const page = await openPage({ ...DESKTOP, locale: 'es-US' });
    try {
      await page.goto(`${web.baseUrl}/`);
      await page.waitForURL(/\/sign-in$/);
      await expectVisible(page.getByRole('heading', { name: ACCOUNT_MESSAGES.es.signInTitle }));
      expect(await htmlLang(page)).toBe('es');
      await page.getByLabel(/^Correo electrónico/).fill(manager.email);
      await page.getByLabel(/^Contraseña/).fill('not the password either');
      await page.getByRole('button', { name: 'Iniciar sesión' }).click();
      expect(await alertText(page)).toContain(ACCOUNT_MESSAGES.es.wrongCredentials);
      expect(page.url()).toMatch(/\/sign-in$/);
      await shoot(page, 'sign-in-wrong-password-es');
      expect(await accessibilityViolations(page)).toEqual([]);

      // English chosen on the switch: the words change at once, and the device keeps the choice.
      await page.getByText('EN', { exact: true }).click();
      await expectVisible(page.getByRole('heading', { name: ACCOUNT_MESSAGES.en.signInTitle }));
      expect(await alertText(page)).toContain(ACCOUNT_MESSAGES.en.wrongCredentials);
      expect(await htmlLang(page)).toBe('en');
      await page.reload();
      await expectVisible(page.getByRole('heading', { name: ACCOUNT_MESSAGES.en.signInTitle }));
      await shoot(page, 'sign-in-wrong-password');

      // Back to Spanish, then signed in as staff: staff screens are English, and so is <html lang>.
      await page.getByText('ES', { exact: true }).click();
      await expectVisible(page.getByRole('heading', { name: ACCOUNT_MESSAGES.es.signInTitle }));
      await page.getByLabel(/^Correo electrónico/).fill(manager.email);
      await page.getByLabel(/^Contraseña/).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Iniciar sesión' }).click();
      await page.waitForURL(/\/caseload$/);
      expect(await htmlLang(page)).toBe('en');
      expect(web.errors).toEqual(['401 /api/v1/auth/login']);
    } finally {
      await page.close();
    }
  });

  it('an empty sign-in form is told what is missing without asking the API', async () => {
    const page = await openPage(PHONE);
    try {
      await page.goto(`${web.baseUrl}/sign-in`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expectVisible(page.getByText(ACCOUNT_MESSAGES.en.required).first());
      // One beside each field, the e-mail's tied to its input.
      expect(await page.getByText(ACCOUNT_MESSAGES.en.required).count()).toBe(2);
      expect(await page.getByLabel(/^E-mail/).getAttribute('aria-invalid')).toBe('true');
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a page opened signed out is where signing in leads', async () => {
    const center = await createCenter(web.data);
    const manager = await createUser(web.data, { role: Role.CaseManager, centerId: center.id });
    const client = await createClient(web.data, { centerId: center.id, firstName: 'Samir' });

    const page = await openPage(DESKTOP);
    try {
      await page.goto(`${web.baseUrl}/clients/${client.id}/notes`);
      await page.waitForURL((url) => url.pathname === '/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/clients/${client.id}/notes`);
      await page.getByLabel(/^E-mail/).fill(manager.email);
      await page.getByLabel(/^Password/).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === `/clients/${client.id}/notes`);
      await expectVisible(page.getByRole('heading', { name: new RegExp(client.lastName) }));
      expect(web.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
