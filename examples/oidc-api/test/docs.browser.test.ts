/**
 * The docs page in headless Chromium (Debian's chromium through
 * playwright-core), on each framework: /docs → Authorize → the provider's
 * own login page as alice → consent → "Try it out" on GET /me → 200; and
 * the read-only API key entered in the same dialog → GET /reports → 200. Swagger
 * UI reads the provider's endpoints from its discovery document, runs the
 * authorization code flow with PKCE as the public `swagger-ui` client, and
 * comes back through the locally served `oauth2-redirect.html`. No request
 * leaves 127.0.0.1.
 *
 * Without /usr/bin/chromium the suite is skipped, except under CI=true,
 * where it fails with a message saying what to install.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBrowserTests, useChromium } from '../../../tests/support/browser.js';
import type { RunningProvider } from '../src/provider.js';
import type { RunningApi } from '../src/servers/listen.js';
import { FRAMEWORKS, freePort, startApi, startTestProvider } from './helpers.js';

const SCREENSHOTS = process.env.SCREENSHOT_DIR || tmpdir();

describe.runIf(runBrowserTests)('signing in through the provider from the docs page', () => {
  const browser = useChromium();

  describe.each(FRAMEWORKS)('on %s', (framework) => {
    let idp: RunningProvider;
    let api: RunningApi;
    beforeAll(async () => {
      const port = await freePort();
      idp = await startTestProvider(`http://127.0.0.1:${port}`);
      api = await startApi(framework, { issuer: idp.issuer, port });
    });
    afterAll(async () => {
      await api?.close();
      await idp?.close();
    });

    /** "Try it out" → Execute on one GET operation; its status and body as the page shows them, and the request sent. */
    async function tryGet(page: Page, id: string, path: string) {
      const op = page.locator(`#${id}`);
      if (!(await op.locator('.opblock-body').isVisible())) await op.locator('.opblock-summary').first().click();
      if (!(await op.locator('button.execute').isVisible())) await op.locator('button.try-out__btn').click();
      // wait for this call's answer (a previous one may still be on the page), then for the page to show it
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().method() === 'GET', { timeout: 30_000 }),
        op.locator('button.execute').click(),
      ]);
      const row = op.locator('.live-responses-table tbody tr.response').first();
      await expect.poll(async () => (await row.locator('.response-col_status').textContent())?.trim(), { timeout: 30_000 }).toBe(String(response.status()));
      return {
        op,
        status: (await row.locator('.response-col_status').textContent())?.trim(),
        body: await row.locator('.response-col_description').textContent(),
        sent: await response.request().allHeaders(),
      };
    }
    const tryMe = (page: Page) => tryGet(page, 'operations-me-readMe', '/me');

    test('Authorize → login as alice → consent → Try it out on GET /me: 200', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
      const requested: string[] = [];
      const tokenForms: string[] = [];
      context.on('request', (request) => {
        requested.push(request.url());
        if (request.method() === 'POST' && request.url() === `${idp.issuer}/token`) tokenForms.push(request.postData() ?? '');
      });
      try {
        const page = await context.newPage();
        await page.goto(`${api.url}/docs`);
        await page.locator('.information-container .title').waitFor({ timeout: 30_000 });

        // Before signing in, the API answers 401.
        const before = await tryMe(page);
        expect(before.status).toBe('401');
        expect(before.body).toContain('Not authenticated');

        await page.locator('.auth-wrapper button.authorize').click();
        const box = page.locator('.modal-ux .auth-container').filter({ hasText: 'authorization_code with PKCE' });
        await box.waitFor();
        expect(await box.textContent()).toContain(`${idp.issuer}/.well-known/openid-configuration`);
        const [popup] = await Promise.all([page.waitForEvent('popup'), box.locator('button.authorize').click()]);

        // The provider's own login page.
        await popup.locator('input[name=username]').waitFor();
        expect(new URL(popup.url()).origin).toBe(idp.issuer);
        await popup.locator('input[name=username]').fill('alice');
        await popup.locator('input[name=password]').fill('wonderland');
        await popup.locator('button[type=submit]').click();
        // Consent.
        await popup.locator('h1', { hasText: 'Authorize' }).waitFor();
        expect(await popup.locator('body').textContent()).toContain('reports:write');
        await Promise.all([popup.waitForEvent('close'), popup.locator('button[type=submit]').click()]);

        await box.locator('button', { hasText: 'Logout' }).waitFor({ timeout: 30_000 });
        await page.locator('.modal-ux button.btn-done').first().click();

        // The code went back through the local redirect page and was exchanged with PKCE by the public client.
        const authorize = requested.find((url) => url.startsWith(`${idp.issuer}/auth?`));
        expect(authorize).toBeDefined();
        const query = new URL(authorize!).searchParams;
        expect(query.get('client_id')).toBe('swagger-ui');
        expect(query.get('code_challenge_method')).toBe('S256');
        expect(query.get('redirect_uri')).toBe(`${api.url}/docs/oauth2-redirect.html`);
        expect(requested.some((url) => url.startsWith(`${api.url}/docs/oauth2-redirect.html?`))).toBe(true);
        expect(tokenForms).toHaveLength(1);
        const form = new URLSearchParams(tokenForms[0]);
        expect(form.get('grant_type')).toBe('authorization_code');
        expect(form.get('client_id')).toBe('swagger-ui');
        expect(form.get('code_verifier')).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);

        const after = await tryMe(page);
        expect(after.status).toBe('200');
        expect(after.body).toContain('"sub": "alice"');
        expect(after.body).toContain('"reports:write"');
        await page.screenshot({ path: join(SCREENSHOTS, `oidc-api-docs-${framework}.png`), fullPage: true });

        const outside = requested.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).hostname !== '127.0.0.1');
        expect(outside).toEqual([]);
      } finally {
        await context.close();
      }
    });

    test('Authorize lists the API key beside the provider; with the key alone, Try it out on GET /reports: 200', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
      try {
        const page = await context.newPage();
        await page.goto(`${api.url}/docs`);
        await page.locator('.information-container .title').waitFor({ timeout: 30_000 });

        const before = await tryGet(page, 'operations-reports-listReports', '/reports');
        expect(before.status).toBe('401');

        await page.locator('.auth-wrapper button.authorize').click();
        // both schemes are offered: the provider's sign-in and the API key header
        await page.locator('.modal-ux .auth-container').filter({ hasText: 'authorization_code with PKCE' }).waitFor();
        const keyBox = page.locator('.modal-ux .auth-container').filter({ hasText: 'X-API-Key' });
        await keyBox.waitFor();
        expect(await keyBox.textContent()).toContain('ApiKey');
        await keyBox.locator('input').first().fill('reports-readonly-key');
        await keyBox.locator('button.authorize').click();
        await keyBox.locator('button', { hasText: 'Logout' }).waitFor({ timeout: 30_000 });
        await page.locator('.modal-ux button.btn-done').first().click();

        const after = await tryGet(page, 'operations-reports-listReports', '/reports');
        expect(after.sent['x-api-key']).toBe('reports-readonly-key');
        expect(after.sent.authorization).toBeUndefined();
        expect(after.status).toBe('200');
        expect(after.body).toContain('Quarterly figures');
        await page.screenshot({ path: join(SCREENSHOTS, `oidc-api-docs-api-key-${framework}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    });
  });
});
