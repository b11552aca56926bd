import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from './chromium';

/**
 * `node -r @swc-node/register test/browser/demo-homes.ts <base URL> <email=path>...`: signs in to a
 * running demo through the web app's own form, once per login, and checks each lands on its own
 * home screen with its heading shown. scripts/demo-smoke.sh runs it against `npm run demo`.
 */
const PASSWORD = 'pathways-demo-2026';
const SCREENSHOTS = resolve(__dirname, '../../test-artifacts/screenshots');

async function main(): Promise<void> {
  const [base, ...pairs] = process.argv.slice(2);
  if (!base || pairs.length === 0) throw new Error('usage: demo-homes.ts <base URL> <email=path>...');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await launchChromium();
  const failures: string[] = [];
  try {
    for (const pair of pairs) {
      const [email, home] = pair.split('=');
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      page.setDefaultTimeout(15_000);
      try {
        await page.goto(`${base}/`);
        await page.getByLabel(/^E-mail/).fill(email);
        await page.getByLabel(/^Password/).fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL((url) => url.pathname === home);
        await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible' });
        await page.screenshot({
          path: join(SCREENSHOTS, `demo-home-${home.replace(/\W+/g, '-')}.png`),
          fullPage: true,
        });
        console.log(`demo homes: ${email} lands on ${home}`);
      } catch (error) {
        failures.push(
          `${email} did not land on ${home} (at ${page.url()}): ${(error as Error).message.split('\n')[0]}`,
        );
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  if (failures.length > 0) throw new Error(failures.join('\n'));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
