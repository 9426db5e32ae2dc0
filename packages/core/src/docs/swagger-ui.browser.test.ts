/**
 * The docs page in a real browser (Chromium through playwright-core): the
 * page loads from local assets only, under the Content-Security-Policy the
 * docs routes send; the Authorize button's OAuth2 password flow posts
 * the form to the document's relative `tokenUrl`; "Try it out" then sends
 * `Authorization: Bearer …`; the token is not kept in localStorage by
 * default, and survives a reload only with `persistAuthorization: true`;
 * a document whose server is taken from the request is tried from the
 * page's own address (a proxy may have shown the API another host). Without
 * Chromium it is skipped on a developer's machine and fails under `CI=true`.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DependsApp } from '../app/app.js';
import { Router } from '../router/router.js';
import { oauth2PasswordBearer, oauth2PasswordForm } from '../security/index.js';
import type { Answer } from '../response/reply.js';
import { matchPath } from '../router/paths.js';
import { docsRoutes } from './index.js';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(chromium);

function buildApp(): DependsApp {
  const oauth2Scheme = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { me: 'Read yourself' } });
  const router = new Router();
  router.post('/token', { form: oauth2PasswordForm }, function login({ form }) {
    return { access_token: `tok-${form.username}-${form.password.length}`, token_type: 'bearer' };
  });
  router.get('/users/me', { token: oauth2Scheme }, function read_users_me({ token }) {
    return { token };
  });
  const app = new DependsApp({ title: 'Browser test' });
  app.include(router);
  return app;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const required = process.env.CI === 'true';

test.runIf(required)('Chromium is installed for the browser tests (CI)', () => {
  expect(available, `no browser at ${chromium}: install Debian's chromium`).toBe(true);
});

describe.skipIf(!available && !required)('Swagger UI in a browser', () => {
  const app = buildApp();
  const seen: { method: string; path: string; authorization?: string; contentType?: string; body: string }[] = [];
  const answers = new Map<string, Answer>();
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = await readText(req);
      seen.push({ method: req.method ?? 'GET', path: url.pathname, authorization: req.headers.authorization, contentType: req.headers['content-type'], body });
      // The docs routes as every adapter serves them (their headers: CSP, nosniff, X-Frame-Options):
      // /docs with the defaults, /kept with persistAuthorization turned on.
      const docs = docsRoutes(() => app.openapi(), {});
      const kept = docsRoutes(() => app.openapi(), { docsPath: '/kept', persistAuthorization: true });
      // /proxied: the document's server comes from the request, and the request came through a proxy that changed its Host
      const proxied = docsRoutes({ document: (at) => app.openapi(at), serversFromRequest: true }, { openapiPath: '/proxied.json', docsPath: '/proxied' });
      for (const r of [...docs, ...kept, ...proxied]) {
        const params = matchPath(r.path, url.pathname);
        if (params) {
          const answer = r.answer(params, { origin: 'http://internal.invalid:9' });
          answers.set(url.pathname, answer);
          res.writeHead(answer.status, Object.fromEntries(answer.headers));
          res.end(answer.body);
          return;
        }
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const answer = await app.request({ method: req.method, url: req.url, headers, bodyText: body });
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('Authorize (password flow) then Try it out sends the bearer token under the docs CSP; kept across a reload only when persistAuthorization is on', async () => {
    const { chromium: browserType } = await import('playwright-core');
    const browser = await browserType.launch({ executablePath: chromium, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const outside: string[] = [];
      const cspErrors: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) outside.push(r.url());
      });
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
      });
      const authorize = async (docs: string) => {
        await page.goto(`${origin}${docs}`);
        await page.locator('.swagger-ui .btn.authorize').click({ timeout: 30_000 });
        await page.locator('#oauth_username').fill('johndoe');
        await page.locator('#oauth_password').fill('secret');
        const token = page.waitForResponse((r) => r.url() === `${origin}/token`);
        await page.locator('.auth-btn-wrapper .btn.modal-btn.auth.authorize').click();
        expect((await token).status()).toBe(200);
        await page.locator('.auth-btn-wrapper .btn-done').click();
      };
      const tryMe = async (opened = false) => {
        if (!opened) await page.locator('#operations-default-read_users_me_users_me_get .opblock-summary').click({ timeout: 30_000 });
        await page.locator('.try-out__btn').click();
        const call = page.waitForResponse((r) => r.url() === `${origin}/users/me`);
        await page.locator('.execute').click();
        return (await call).status();
      };

      // Defaults: the token is used, but nothing is written to localStorage and a reload forgets it.
      await authorize('/docs');
      expect(await tryMe()).toBe(200);
      expect(seen.filter((s) => s.path === '/users/me').at(-1)?.authorization).toBe('Bearer tok-johndoe-6');
      expect(await page.evaluate(() => localStorage.getItem('authorized'))).toBeNull();
      await page.goto(`${origin}/docs`);
      expect(await tryMe()).toBe(401);
      expect(seen.filter((s) => s.path === '/users/me').at(-1)?.authorization).toBeUndefined();

      const tokenRequest = seen.find((s) => s.path === '/token')!;
      expect(tokenRequest.method).toBe('POST');
      expect(tokenRequest.contentType).toMatch(/^application\/x-www-form-urlencoded/);
      expect(new URLSearchParams(tokenRequest.body).get('grant_type')).toBe('password');
      expect(new URLSearchParams(tokenRequest.body).get('username')).toBe('johndoe');

      // persistAuthorization: true (opt-in): on a fresh load of the page the token is still used.
      await authorize('/kept');
      await page.goto(`${origin}/kept`);
      expect(await tryMe()).toBe(200);
      expect(seen.filter((s) => s.path === '/users/me').at(-1)?.authorization).toBe('Bearer tok-johndoe-6');

      // The page and its assets were served with depends' security headers.
      for (const path of ['/docs', '/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css', '/kept']) {
        const headers = Object.fromEntries(answers.get(path)!.headers);
        expect(headers['content-security-policy'], path).toContain("script-src 'self'");
        expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
        expect(headers['x-content-type-options'], path).toBe('nosniff');
        expect(headers['x-frame-options'], path).toBe('DENY');
      }
      expect(outside).toEqual([]);
      expect(cspErrors).toEqual([]);
      const assetsLoaded = new Set(seen.filter((s) => s.path.startsWith('/docs/')).map((s) => s.path));
      expect(assetsLoaded).toContain('/docs/swagger-ui-bundle.js');
      expect(assetsLoaded).toContain('/docs/swagger-ui.css');
    } finally {
      await browser.close();
    }
  }, 120_000);

  test('a server taken from the request (a proxy in between changed the host): Try it out goes to the page\'s own origin', async () => {
    const { chromium: browserType } = await import('playwright-core');
    const browser = await browserType.launch({ executablePath: chromium, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const elsewhere: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) elsewhere.push(r.url());
      });
      await page.goto(`${origin}/proxied`);
      await page.locator('#operations-default-read_users_me_users_me_get .opblock-summary').click({ timeout: 30_000 });
      await page.locator('.try-out__btn').click();
      const call = page.waitForResponse((r) => r.url() === `${origin}/users/me`);
      await page.locator('.execute').click();
      expect((await call).status()).toBe(401);
      // the document said otherwise: what the API saw of the request
      expect(JSON.parse(answers.get('/proxied.json')!.body as string).servers).toEqual([{ url: 'http://internal.invalid:9' }]);
      expect(await page.locator('.servers select').inputValue()).toBe(origin);
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
