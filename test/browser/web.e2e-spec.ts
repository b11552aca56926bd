import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Role } from '@lib/identity';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, BrowserContextOptions, chromium, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { bearer, createCenter, createClient, createUser, TEST_PASSWORD, tokenFor } from '../support/identities';
import { createTestApp } from '../support/test-app';

/**
 * The web app in a real browser (Debian's chromium, driven by playwright-core): built by Vite,
 * served by the real API in-process, signed into through its own form.
 * `bash scripts/ensure-chromium.sh` installs the browser (`npm test` runs it first).
 */
const ROOT = resolve(__dirname, '../..');
const WEB_ROOT = join(ROOT, 'dist/web');
const SCREENSHOTS = join(ROOT, 'test-artifacts/screenshots');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

jest.setTimeout(30_000);

describe('the web app in a browser', () => {
  let app: NestFastifyApplication;
  let data: DataSource;
  let baseUrl: string;
  let browser: Browser;
  /**
   * What the page threw or logged as an error, and every response of 400 or more it saw, per test: a
   * blank screen has a cause here. Chromium's own "Failed to load resource" lines are left out, as
   * the responses say which (its /favicon.ico request, a 404 as the app ships no icon, is one it
   * does not report to Playwright).
   */
  let browserErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(WEB_ROOT, 'index.html'))) {
      const build = spawnSync('npm', ['run', '-s', 'web:build'], { cwd: ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`web:build failed:\n${build.stdout}\n${build.stderr}`);
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash scripts/ensure-chromium.sh`);
    mkdirSync(SCREENSHOTS, { recursive: true });

    app = await createTestApp({ webRoot: WEB_ROOT });
    data = app.get(DataSource);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpAdapter().getInstance().server.address();
    if (!address || typeof address === 'string') throw new Error('the API is not listening on a TCP port');
    baseUrl = `http://127.0.0.1:${address.port}`;

    // `launch` starts chromium on a fresh profile of its own (a new temporary user data dir, removed on close).
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      timeout: 20_000,
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  beforeEach(() => {
    browserErrors = [];
  });

  /** A page in a context of its own (a fresh session: tokens live in memory and the tab's sessionStorage). */
  async function openPage(device: BrowserContextOptions): Promise<Page> {
    const page = await browser.newPage(device);
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => browserErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        browserErrors.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) browserErrors.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    return page;
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/sign-in$/);
    await page.getByLabel(/^E-mail/).fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('an IMG signs in on a phone and sees their stage, as /me/status gives it', async () => {
    const center = await createCenter(data);
    const client = await createClient(data, { centerId: center.id, firstName: 'Nadia' });
    const account = await createUser(data, { role: Role.Client, centerId: center.id, clientId: client.id });
    const statusRes = await fetch(`${baseUrl}/api/v1/me/status`, { headers: bearer(tokenFor(app, account)) });
    expect(statusRes.status).toBe(200);
    const status = (await statusRes.json()) as { stageText: string; firstName: string };
    expect(status.stageText).toBeTruthy();

    const phone = await openPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    try {
      await signIn(phone, account.email, TEST_PASSWORD);
      await phone.waitForURL(/\/status$/);
      await expectVisible(phone.getByTestId('stage'));
      expect((await phone.getByTestId('stage').textContent())?.trim()).toBe(status.stageText);
      await expectVisible(phone.getByText(`Hello, ${status.firstName}`));
      // One column on a phone: nothing wider than the screen.
      expect(await phone.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
      await shoot(phone, 'img-status-mobile');
      expect(browserErrors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('a case manager signs in on a desktop and sees their center’s clients, and no other center’s', async () => {
    const center = await createCenter(data);
    const other = await createCenter(data, 'Other Center');
    const manager = await createUser(data, { role: Role.CaseManager, centerId: center.id });
    const suffix = center.slug.slice(-8);
    const ours = await createClient(data, {
      centerId: center.id,
      firstName: 'Amal',
      lastName: `Haddad${suffix}`,
      caseManagerId: manager.id,
    });
    const theirs = await createClient(data, { centerId: other.id, firstName: 'Omar', lastName: `Khalil${suffix}` });

    const desktop = await openPage({ viewport: { width: 1280, height: 800 } });
    try {
      await signIn(desktop, manager.email, TEST_PASSWORD);
      await desktop.waitForURL(/\/caseload$/);
      await expectVisible(desktop.getByRole('cell', { name: `${ours.lastName}, ${ours.firstName}` }));
      expect(await desktop.getByText(theirs.lastName).count()).toBe(0);
      await shoot(desktop, 'caseload-desktop');
      expect(browserErrors).toEqual([]);
    } finally {
      await desktop.close();
    }
  });

  it('a wrong password shows the API’s message on the sign-in page', async () => {
    const center = await createCenter(data);
    const manager = await createUser(data, { role: Role.CaseManager, centerId: center.id });
    const refused = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: manager.email, password: 'not the password' }),
    });
    expect(refused.status).toBe(401);
    const { message } = (await refused.json()) as { message: string };
    expect(message).toBeTruthy();

    const page = await openPage({ viewport: { width: 1280, height: 800 } });
    try {
      await signIn(page, manager.email, 'not the password either');
      const alert = page.getByRole('alert');
      await expectVisible(alert);
      expect(await alert.textContent()).toContain(message);
      expect(page.url()).toMatch(/\/sign-in$/);
      await expectVisible(page.getByLabel(/^E-mail/));
      await shoot(page, 'sign-in-wrong-password');
      expect(browserErrors).toEqual(['401 /api/v1/auth/login']);
    } finally {
      await page.close();
    }
  });
});

async function expectVisible(locator: ReturnType<Page['getByText']>): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 10_000 });
}
