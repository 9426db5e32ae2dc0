/**
 * One document, the app's own, in a real browser (Chromium through
 * playwright-core): a `@hono/zod-openapi` app whose routes declare their
 * request body and responses, a depends guard in front of them, and
 * `d.docs(app, { base })`. On the docs page, Authorize takes the bearer
 * token (depends' scheme) and "Try it out" on the app's POST sends the
 * body the app's document declares, with the token: the app's handler
 * answers 201. Without Chromium it is skipped on a developer's machine and
 * fails under `CI=true`.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { depends, errorBody, httpBearer, refuse, invalidToken } from '@depends/core';
import { createDepends } from './index.js';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(chromium);
const required = process.env.CI === 'true';

const Note = z.object({ id: z.string(), text: z.string(), owner: z.string() }).openapi('Note');
const NewNote = z.object({ text: z.string().min(1).openapi({ example: 'buy milk' }) }).openapi('NewNote');
const AppError = z.object({ message: z.string() }).openapi('AppError');

test.runIf(required)('Chromium is installed for the browser tests (CI)', () => {
  expect(available, `no browser at ${chromium}: install Debian's chromium`).toBe(true);
});

describe.skipIf(!available && !required)('@hono/zod-openapi and a guard: one document, Try it out in a browser', () => {
  const seen: { authorization?: string; body: unknown }[] = [];
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    const user = depends({ auth: httpBearer() }, ({ auth }) => (auth.credentials === 'secret-token' ? { name: 'alice' } : refuse(invalidToken())));
    const app = new OpenAPIHono();
    const d = createDepends({ errorBody: errorBody(AppError, (problem) => ({ message: problem.detail })) });
    const auth = d.guard({ user });
    app.use(auth);
    app.openapi(
      createRoute({
        method: 'post',
        path: '/notes',
        summary: 'Add a note',
        request: { body: { required: true, content: { 'application/json': { schema: NewNote } } } },
        responses: { 201: { description: 'Added', content: { 'application/json': { schema: Note } } } },
      }),
      (c) => {
        const note = c.req.valid('json');
        seen.push({ authorization: c.req.header('authorization'), body: note });
        return c.json({ id: '1', text: note.text, owner: auth.values(c).user.name }, 201);
      },
    );
    d.docs(app, { base: () => app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Notes (zod-openapi)', version: '1.0.0' } }) });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('Authorize with the bearer token, then Try it out on the app\'s POST sends its declared body with the token: 201 from the app\'s handler', async () => {
    const { chromium: browserType } = await import('playwright-core');
    const browser = await browserType.launch({ executablePath: chromium, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/docs`);
      await page.locator('.information-container .title').waitFor({ timeout: 30_000 });
      expect(await page.locator('.information-container .title').textContent()).toContain('Notes (zod-openapi)');
      // depends' scheme: the Authorize button
      await page.locator('.auth-wrapper button.authorize').click();
      const box = page.locator('.modal-ux .auth-container').filter({ has: page.locator('h4', { hasText: 'HTTPBearer' }) });
      await box.locator('input').fill('secret-token');
      await box.locator('button.authorize').click();
      await box.locator('button', { hasText: 'Logout' }).waitFor();
      await page.locator('.modal-ux button.btn-done').first().click();
      await page.locator('.modal-ux').waitFor({ state: 'detached' });
      // the app's operation, its body as the app declares it
      const op = page.locator('.opblock-post').first();
      await op.locator('.opblock-summary').first().click();
      await op.locator('button.try-out__btn').click();
      const editor = op.locator('textarea.body-param__text');
      expect(JSON.parse(await editor.inputValue())).toEqual({ text: 'buy milk' });
      const call = page.waitForResponse((r) => r.url() === `${origin}/notes`);
      await op.locator('button.execute').click();
      expect((await call).status()).toBe(201);
      expect(seen.at(-1)).toEqual({ authorization: 'Bearer secret-token', body: { text: 'buy milk' } });
      const row = op.locator('.live-responses-table tbody tr.response').first();
      expect((await row.locator('.response-col_status').textContent())?.trim()).toBe('201');
      // the same operation refused without the token: the app's { message } shape, the documented 401
      await page.locator('.auth-wrapper button.authorize').click();
      await box.locator('button', { hasText: 'Logout' }).click();
      await page.locator('.modal-ux button.btn-close, .modal-ux .close-modal').first().click();
      const refused = page.waitForResponse((r) => r.url() === `${origin}/notes`);
      await op.locator('button.execute').click();
      const answer = await refused;
      expect([answer.status(), answer.headers()['www-authenticate'], await answer.json()]).toEqual([401, 'Bearer', { message: 'Not authenticated' }]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
