/**
 * Debian's Chromium for the browser tests of the examples, driven by
 * playwright-core: where it is (`/usr/bin/chromium`, or `CHROMIUM_PATH`),
 * whether a suite runs, and the launch every suite makes. Without the
 * browser a suite is skipped on a developer's machine; under `CI=true` it
 * runs and fails with a message saying what to install — never a skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Where the browser is: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Whether it is there. */
export const chromiumAvailable = existsSync(CHROMIUM);
/** Under CI a missing browser is a failure, never a skip. */
export const browserRequired = process.env.CI === 'true';
/** Whether a browser suite runs: with the browser, or under CI (where {@link launchChromium} then fails). */
export const runBrowserTests = chromiumAvailable || browserRequired;

/**
 * Launches headless Chromium (a fresh, temporary profile of its own: no
 * sandbox, GPU, background networking, component updates or sync). Throws,
 * saying what to install, when the browser is missing — the suite fails.
 *
 * @example
 * ```ts
 * const browser = await launchChromium()
 * const page = await (await browser.newContext()).newPage()
 * await browser.close()
 * ```
 */
export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable) {
    throw new Error(`Chromium not found at ${CHROMIUM}. The browser tests run in CI and must not be skipped there: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The browser of one suite: launched before its tests ({@link launchChromium}:
 * a missing browser fails them) and closed after; call it in the suite's
 * `describe`, where `beforeAll` would go.
 *
 * @example
 * ```ts
 * describe.runIf(runBrowserTests)('the docs page in headless Chromium', () => {
 *   const browser = useChromium()
 *   test('…', async () => {
 *     const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } })
 *   })
 * })
 * ```
 */
export function useChromium(): Pick<Browser, 'newContext'> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return { newContext: (options) => browser!.newContext(options) };
}
