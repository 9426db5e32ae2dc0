/**
 * The docs page in a real browser: headless Chromium (Debian's `chromium`,
 * driven by playwright-core) opens `/docs` of the running example and uses
 * the Authorize dialog the way a person would. Every request the page makes
 * is recorded: none may leave 127.0.0.1 (Swagger UI's assets are local).
 *
 * Without /usr/bin/chromium the suite is skipped, except under CI=true,
 * where it fails with a message saying what to install.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBrowserTests, useChromium } from '../../../tests/support/browser.js';
import { FRAMEWORKS, startExample, type Example } from './helpers.js';

const SCREENSHOTS = process.env.SCREENSHOT_DIR || tmpdir();

describe.runIf(runBrowserTests)('the docs page in headless Chromium', () => {
  const browser = useChromium();

  describe.each(FRAMEWORKS)('on %s', (framework) => {
    let ex: Example;
    /** Every URL any page of this framework's contexts requested. */
    const requested: string[] = [];

    beforeAll(async () => {
      ex = await startExample(framework);
    });
    afterAll(async () => {
      await ex?.close();
    });

    /** A fresh browser context (no stored authorization) with the docs page open and rendered. */
    async function openDocs(): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
      context.on('request', (request) => requested.push(request.url()));
      const page = await context.newPage();
      await page.goto(`${ex.url}/docs`);
      await page.locator('.information-container .title').waitFor({ timeout: 30_000 });
      return { context, page };
    }

    /** Expands an operation, presses "Try it out" then "Execute", and returns its live response row. */
    async function execute(page: Page, operationId: string, tag: string): Promise<Locator> {
      const op = page.locator(`#operations-${tag}-${operationId}`);
      await op.locator('.opblock-summary').first().click();
      await op.locator('button.try-out__btn').click();
      await op.locator('button.execute').click();
      const row = op.locator('.live-responses-table tbody tr.response').first();
      await row.waitFor({ timeout: 30_000 });
      return row;
    }

    /** Opens the Authorize dialog and returns the box of one scheme. */
    async function authorizeBox(page: Page, scheme: string): Promise<Locator> {
      await page.locator('.auth-wrapper button.authorize').click();
      const box = page.locator('.modal-ux .auth-container').filter({ has: page.locator('h4', { hasText: scheme }) });
      await box.waitFor();
      return box;
    }

    async function closeDialog(page: Page): Promise<void> {
      await page.locator('.modal-ux button.btn-done').first().click();
      await page.locator('.modal-ux').waitFor({ state: 'detached' });
    }

    test('renders the page with the Authorize button and every operation', async () => {
      const { context, page } = await openDocs();
      try {
        await expect(page.title()).resolves.toBe('Todo API');
        expect(await page.locator('.auth-wrapper button.authorize').count()).toBe(1);
        await page.locator('.opblock').first().waitFor();
        expect(await page.locator('.opblock').count()).toBe(7);
        await page.screenshot({ path: join(SCREENSHOTS, `todo-api-docs-${framework}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    });

    test('(1) Authorize with the API key, then GET /v1/health answers 200 "Ok"', async () => {
      const { context, page } = await openDocs();
      try {
        const box = await authorizeBox(page, 'APIKeyHeader');
        await box.locator('input').fill('demo-api-key');
        await box.locator('button.authorize').click();
        await box.locator('button', { hasText: 'Logout' }).waitFor();
        await closeDialog(page);

        const row = await execute(page, 'health', 'v1');
        expect((await row.locator('.response-col_status').textContent())?.trim()).toBe('200');
        expect(await row.locator('.response-col_description').textContent()).toContain('"Ok"');
        await page.locator('#operations-v1-health').screenshot({ path: join(SCREENSHOTS, `todo-api-docs-${framework}-api-key.png`) });
      } finally {
        await context.close();
      }
    });

    test('(2) Authorize through the OAuth2 password flow as johndoe, then GET /users/me answers 200', async () => {
      const { context, page } = await openDocs();
      const tokenRequests: { body: string | null; status?: number }[] = [];
      page.on('response', async (response) => {
        if (new URL(response.url()).pathname === '/token') tokenRequests.push({ body: response.request().postData(), status: response.status() });
      });
      try {
        const box = await authorizeBox(page, 'OAuth2PasswordBearer');
        await box.locator('#oauth_username').fill('johndoe');
        await box.locator('#oauth_password').fill('secret');
        for (const scope of ['me', 'items']) {
          await box.locator(`label[for="${scope}-password-checkbox-OAuth2PasswordBearer"]`).click();
          expect(await box.locator(`#${scope}-password-checkbox-OAuth2PasswordBearer`).isChecked()).toBe(true);
        }
        await box.locator('button.authorize').click();
        await box.locator('button', { hasText: 'Logout' }).waitFor();
        await closeDialog(page);

        expect(tokenRequests).toHaveLength(1);
        expect(tokenRequests[0].status).toBe(200);
        const form = new URLSearchParams(tokenRequests[0].body ?? '');
        expect(form.get('grant_type')).toBe('password');
        expect(form.get('username')).toBe('johndoe');
        expect(form.get('scope')?.split(' ').sort()).toEqual(['items', 'me']);

        const row = await execute(page, 'readMe', 'users');
        expect((await row.locator('.response-col_status').textContent())?.trim()).toBe('200');
        const shown = await row.locator('.response-col_description').textContent();
        expect(shown).toContain('"username": "johndoe"');
        expect(shown).toContain('"full_name": "John Doe"');
        await page.locator('#operations-users-readMe').screenshot({ path: join(SCREENSHOTS, `todo-api-docs-${framework}-oauth2.png`) });
      } finally {
        await context.close();
      }
    });

    test('(3) with no authorization, GET /users/me shows 401', async () => {
      const { context, page } = await openDocs();
      try {
        const row = await execute(page, 'readMe', 'users');
        expect((await row.locator('.response-col_status').textContent())?.trim()).toBe('401');
        expect(await row.locator('.response-col_description').textContent()).toContain('Not authenticated');
      } finally {
        await context.close();
      }
    });

    test('no request left 127.0.0.1', () => {
      expect(requested.length).toBeGreaterThan(0);
      const outside = requested.filter((url) => {
        if (url.startsWith('data:') || url.startsWith('blob:')) return false;
        return new URL(url).hostname !== '127.0.0.1';
      });
      expect(outside).toEqual([]);
      // the page, its assets, the document and the API calls were all served here
      expect(requested).toContain(`${ex.url}/docs`);
      expect(requested).toContain(`${ex.url}/openapi.json`);
    });
  });
});
