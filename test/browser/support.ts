import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createCenter, createUser, tokenFor } from '../support/identities';
import { createTestApp } from '../support/test-app';
import { Role } from '@lib/identity';
import { CHROMIUM, launchChromium } from './chromium';

/**
 * The web app in a real browser (Debian's chromium, driven by playwright-core): built by Vite,
 * served by the real API in-process, signed into through its own form. One `WebHarness` per test
 * file: `beforeAll(harness.start)`, `afterAll(harness.stop)`, `beforeEach(harness.reset)`.
 * `bash scripts/ensure-chromium.sh` installs the browser (`npm test` runs it first).
 */
const ROOT = resolve(__dirname, '../..');
/** TEST_WEB_ROOT: a build elsewhere (a second checkout's tests must not rebuild this one's dist/web). */
const WEB_ROOT = process.env.TEST_WEB_ROOT ?? join(ROOT, 'dist/web');
const SCREENSHOTS = join(ROOT, 'test-artifacts/screenshots');
/** Evaluated through DevTools, so the app's Content-Security-Policy (script-src 'self') stays as it is. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// An English browser whatever the machine's locale: pages before sign-in follow the browser's language.
export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 740 },
  isMobile: true,
  hasTouch: true,
  locale: 'en-US',
};
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'en-US' };

export class WebHarness {
  /** `env`: settings for this file's API only (a document store of its own, a smaller upload limit). */
  constructor(private readonly options: { env?: Record<string, string> } = {}) {}

  app!: NestFastifyApplication;
  data!: DataSource;
  baseUrl = '';
  private browser!: Browser;
  /**
   * What the page threw or logged as an error, and every response of 400 or more it saw, since the
   * last reset: a blank screen has a cause here. Chromium's own "Failed to load resource" lines are
   * left out, as the responses say which.
   */
  errors: string[] = [];

  start = async (): Promise<void> => {
    if (!existsSync(join(WEB_ROOT, 'index.html'))) {
      const build = spawnSync('npm', ['run', '-s', 'web:build'], { cwd: ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`web:build failed:\n${build.stdout}\n${build.stderr}`);
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash scripts/ensure-chromium.sh`);
    mkdirSync(SCREENSHOTS, { recursive: true });

    this.app = await createTestApp({ webRoot: WEB_ROOT, env: this.options.env });
    this.data = this.app.get(DataSource);
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    const address = this.app.getHttpAdapter().getInstance().server.address();
    if (!address || typeof address === 'string') throw new Error('the API is not listening on a TCP port');
    this.baseUrl = `http://127.0.0.1:${address.port}`;

    this.browser = await launchChromium();
  };

  stop = async (): Promise<void> => {
    await this.browser?.close();
    await this.app?.close();
  };

  reset = (): void => {
    this.errors = [];
  };

  /** A page in a context of its own (a fresh session: tokens live in memory and the tab's sessionStorage). */
  async openPage(device: BrowserContextOptions): Promise<Page> {
    const page = await this.browser.newPage({ ...device, acceptDownloads: true });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        this.errors.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) this.errors.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    return page;
  }

  /** A new center with a case manager of its own, and that case manager's access token for API calls. */
  async managerOfNewCenter() {
    const center = await createCenter(this.data);
    const manager = await createUser(this.data, { role: Role.CaseManager, centerId: center.id });
    return { center, manager, token: tokenFor(this.app, manager) };
  }

  /** Signs in through the sign-in form (from `/`, which sends a signed-out visitor there). */
  async signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${this.baseUrl}/`);
    await page.waitForURL(/\/sign-in$/);
    await page.getByLabel(/^E-mail/).fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
}

/** The page's <html lang>: what screen readers take the page's language to be. */
export const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

/** A full-page screenshot, a test artifact (test-artifacts/ is git-ignored). */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function expectVisible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 10_000 });
}

/**
 * axe-core on the page as it is now: the serious and critical violations, as "rule: target" lines
 * (none is the pass). Each screen's test calls it once the screen has its data.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // A dialog fading in or out is judged as it will stand, not mid-way (half-transparent text
    // fails contrast, a closing dialog has lost its name): let running transitions finish first.
    const page = globalThis as unknown as { document: { getAnimations(): { finished: Promise<unknown> }[] } };
    await Promise.all(page.document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
    // Runs in the page, where axe-core has just been added as a global.
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')} (${v.help})`));
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}
