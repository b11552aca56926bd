import { Browser, chromium } from 'playwright-core';

/**
 * Debian's chromium (`bash scripts/ensure-chromium.sh` installs it), as the browser tests and the
 * demo smoke drive it: headless, no sandbox (CI runs as root), nothing that reaches outside the
 * machine (its network is closed: background fetches would only fail and slow the start).
 */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A browser on a fresh profile of its own (a new temporary user data dir, removed on close). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 20_000 });
}
