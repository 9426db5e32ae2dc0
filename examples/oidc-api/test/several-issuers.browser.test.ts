/**
 * The docs page of the Reports API trusting two providers, in headless
 * Chromium, on each framework: Authorize offers one sign-in per provider
 * (one openIdConnect scheme each, at its discovery document); signing in
 * through the second provider — its own login page — makes "Try it out" on
 * GET /me answer 200 with that provider's token. No request leaves
 * 127.0.0.1.
 *
 * Without /usr/bin/chromium the suite is skipped, except under CI=true,
 * where it fails with a message saying what to install.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBrowserTests, useChromium } from '../../../tests/support/browser.js';
import { DEMO_USER, type RunningProvider } from '../src/provider.js';
import type { RunningApi } from '../src/servers/listen.js';
import { FRAMEWORKS, freePort, payloadOf, startApi, startTestProvider } from './helpers.js';

describe.runIf(runBrowserTests)('signing in through either of two providers from the docs page', () => {
  const browser = useChromium();

  describe.each(FRAMEWORKS)('on %s', (framework) => {
    let one: RunningProvider;
    let two: RunningProvider;
    let api: RunningApi;
    beforeAll(async () => {
      const port = await freePort();
      [one, two] = await Promise.all([startTestProvider(`http://127.0.0.1:${port}`), startTestProvider(`http://127.0.0.1:${port}`)]);
      api = await startApi(framework, { issuer: one.issuer, moreIssuers: [two.issuer], port });
    });
    afterAll(async () => {
      await api?.close();
      await Promise.all([one?.close(), two?.close()]);
    });

    /** "Try it out" → Execute on GET /me; the status and body as the page shows them, and the request sent. */
    async function tryMe(page: Page) {
      const op = page.locator('#operations-me-readMe');
      if (!(await op.locator('.opblock-body').isVisible())) await op.locator('.opblock-summary').first().click();
      if (!(await op.locator('button.execute').isVisible())) await op.locator('button.try-out__btn').click();
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/me' && r.request().method() === 'GET', { timeout: 30_000 }),
        op.locator('button.execute').click(),
      ]);
      const row = op.locator('.live-responses-table tbody tr.response').first();
      await expect.poll(async () => (await row.locator('.response-col_status').textContent())?.trim(), { timeout: 30_000 }).toBe(String(response.status()));
      return { status: (await row.locator('.response-col_status').textContent())?.trim(), body: await row.locator('.response-col_description').textContent(), sent: await response.request().allHeaders() };
    }

    test("Authorize lists both providers; signing in through the second one's own page → GET /me 200 with its token", async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
      const requested: string[] = [];
      context.on('request', (request) => requested.push(request.url()));
      try {
        const page = await context.newPage();
        await page.goto(`${api.url}/docs`);
        await page.locator('.information-container .title').waitFor({ timeout: 30_000 });
        expect((await tryMe(page)).status).toBe('401');

        await page.locator('.auth-wrapper button.authorize').click();
        const pkce = page.locator('.modal-ux .auth-container').filter({ hasText: 'authorization_code with PKCE' });
        const boxOf = (idp: RunningProvider) => pkce.filter({ hasText: idp.discoveryUrl });
        // one sign-in per provider, each read from its own discovery document
        await boxOf(one).waitFor({ timeout: 30_000 });
        await boxOf(two).waitFor({ timeout: 30_000 });
        expect(await pkce.count()).toBe(2);

        const box = boxOf(two);
        const [popup] = await Promise.all([page.waitForEvent('popup'), box.locator('button.authorize').click()]);
        await popup.locator('input[name=username]').waitFor();
        expect(new URL(popup.url()).origin).toBe(two.issuer); // the second provider's own login page
        await popup.locator('input[name=username]').fill(DEMO_USER.username);
        await popup.locator('input[name=password]').fill(DEMO_USER.password);
        await popup.locator('button[type=submit]').click();
        await popup.locator('h1', { hasText: 'Authorize' }).waitFor();
        await Promise.all([popup.waitForEvent('close'), popup.locator('button[type=submit]').click()]);
        await box.locator('button', { hasText: 'Logout' }).waitFor({ timeout: 30_000 });
        await page.locator('.modal-ux button.btn-done').first().click();

        const after = await tryMe(page);
        expect(after.status).toBe('200');
        expect(after.body).toContain('"sub": "alice"');
        const token = String(after.sent.authorization).replace(/^Bearer /, '');
        expect(payloadOf(token).iss).toBe(two.issuer);
        expect(requested.some((url) => url.startsWith(`${two.issuer}/auth?`))).toBe(true);
        expect(requested.some((url) => url.startsWith(`${one.issuer}/auth`))).toBe(false);
        const outside = requested.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).hostname !== '127.0.0.1');
        expect(outside).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
