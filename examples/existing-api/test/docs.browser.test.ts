/**
 * The docs page of the existing app in a real browser (Debian's chromium
 * driven by playwright-core), on each framework: Authorize with
 * alice-token, then "Try it out" on GET /v1/notes answers 200; without
 * authorizing, 401. No request leaves 127.0.0.1.
 *
 * Without /usr/bin/chromium the suite is skipped, except under CI=true,
 * where it fails with a message saying what to install.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBrowserTests, useChromium } from '../../../tests/support/browser.js';
import { FRAMEWORKS, start, type Running } from '../src/server.js';

describe.runIf(runBrowserTests)('existing-api docs in headless Chromium', () => {
  const browser = useChromium();

  describe.each(FRAMEWORKS)('on %s', (framework) => {
    let server: Running;
    const requested: string[] = [];
    beforeAll(async () => {
      server = await start(framework, { port: 0 });
    });
    afterAll(async () => {
      await server?.close();
    });

    async function openDocs(): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
      context.on('request', (r) => requested.push(r.url()));
      const page = await context.newPage();
      await page.goto(`${server.url}/docs`);
      await page.locator('.information-container .title').waitFor({ timeout: 30_000 });
      return { context, page };
    }

    /** Expands GET /v1/notes, presses "Try it out" then "Execute", and returns the live response row. */
    async function tryListNotes(page: Page): Promise<Locator> {
      const op = page.locator('.opblock-get').filter({ has: page.locator('.opblock-summary-path[data-path="/v1/notes"]') });
      await op.locator('.opblock-summary').first().click();
      await op.locator('button.try-out__btn').click();
      await op.locator('button.execute').click();
      const row = op.locator('.live-responses-table tbody tr.response').first();
      await row.waitFor({ timeout: 30_000 });
      return row;
    }

    test('Authorize with alice-token, then GET /v1/notes answers 200', async () => {
      const { context, page } = await openDocs();
      try {
        await page.locator('.auth-wrapper button.authorize').click();
        const box = page.locator('.modal-ux .auth-container').filter({ has: page.locator('h4', { hasText: 'HTTPBearer' }) });
        await box.locator('input').fill('alice-token');
        await box.locator('button.authorize').click();
        await box.locator('button', { hasText: 'Logout' }).waitFor();
        await page.locator('.modal-ux button.btn-done').first().click();
        await page.locator('.modal-ux').waitFor({ state: 'detached' });

        const row = await tryListNotes(page);
        expect((await row.locator('.response-col_status').textContent())?.trim()).toBe('200');
        expect((await row.locator('.response-col_description').textContent())?.replace(/\s/g, '')).toContain('[]');
      } finally {
        await context.close();
      }
    });

    test('without authorizing, GET /v1/notes answers 401', async () => {
      const { context, page } = await openDocs();
      try {
        const row = await tryListNotes(page);
        expect((await row.locator('.response-col_status').textContent())?.trim()).toBe('401');
        expect(await row.locator('.response-col_description').textContent()).toContain('Not authenticated');
      } finally {
        await context.close();
      }
    });

    test('no request left 127.0.0.1', () => {
      expect(requested).toContain(`${server.url}/openapi.json`);
      expect(requested.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).hostname !== '127.0.0.1')).toEqual([]);
    });
  });
});
