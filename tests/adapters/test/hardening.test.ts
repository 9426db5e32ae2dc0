/**
 * Hardening (issue 10) over real HTTP on every adapter: unauthenticated
 * requests that used to stall, bloat or crash the server.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { z } from 'zod';
import { HTTPException, Router, body, header } from '../../../packages/core/src/index.js';
import { clientIp, rateLimit } from '../../../packages/rate-limit/src/index.js';
import { harnesses, type Started } from '../src/harness.js';
import { probe, scenarioRouters } from '../src/api.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };
const BODY_LIMIT = 64 * 1024;

function extraRouter(): Router {
  const api = new Router();
  api.post('/short', { note: body(z.object({ note: z.string().max(10) })) }, ({ note }) => note);
  // Limits keyed by the client's address (127.0.0.1 for every test request) and by a header.
  const perIp = rateLimit({ name: 'per-ip', points: 2, duration: 60, key: clientIp });
  api.get('/limited', { limit: perIp }, ({ limit }) => ({ key: limit.key, remaining: limit.remaining }));
  const failures = rateLimit({ name: 'failures', points: 2, duration: 60, key: header('x-user'), count: 'failures' });
  api.get('/login', { attempts: failures, password: header('x-password') }, async ({ attempts, password }) => {
    if (password !== 'right') {
      await attempts.fail();
      throw new HTTPException(400, 'Wrong password');
    }
    return { ok: true };
  });
  return api;
}

for (const harness of harnesses) {
  describe(`${harness.name}: hardening`, () => {
    let server: Started;
    const errors: unknown[] = [];
    beforeAll(async () => {
      const p = probe(harness.sent);
      server = await harness.start({
        app: { onError: (e) => errors.push(e) },
        routers: [...scenarioRouters(p), extraRouter()],
        adapter: { bodyLimit: BODY_LIMIT },
        docs: {},
      });
    });
    afterAll(() => server.close());

    const post = async (path: string, headers: Record<string, string>, payload: string) => {
      const res = await request(server.url + path, { method: 'POST', headers, body: payload });
      return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
    };

    describe('whitespace runs cost linear time (item 1)', () => {
      test('POST /token with a scope of 16,000 url-encoded spaces between two names', async () => {
        // 16,000 spaces: over the 4,096-character scope cap, answered without splitting (OAuth 2's invalid_scope).
        const res = await post('/token', FORM, `username=alice&password=good&scope=a${'%20'.repeat(16_000)}b`);
        expect(res.status, res.text).toBe(400);
        expect(JSON.parse(res.text)).toEqual({ error: 'invalid_scope', error_description: 'scope is longer than 4096 characters' });
      });
      test('a scope of 4,000 spaces between two names (under the cap) splits in one pass', async () => {
        const res = await post('/token', FORM, `username=alice&password=good&scope=a${'%20'.repeat(4_000)}b`);
        expect(res.status, res.text).toBe(200);
        expect(JSON.parse(res.text).scopes).toEqual(['a', 'b']);
      });
      test('Authorization: Bearer a<15,000 spaces>b is read and rejected as an unknown token', async () => {
        const res = await request(`${server.url}/bearer`, { headers: { authorization: `Bearer a${' '.repeat(15_000)}b` } });
        await res.body.text();
        expect(res.statusCode).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      });
    });

    describe('error answers always serialise (item 3)', () => {
      test('a 10 KB [[[[…]]]] JSON body is a 422 json_invalid, not a 500', async () => {
        errors.length = 0;
        const res = await post('/items', JSON_TYPE, `${'['.repeat(5_000)}${']'.repeat(5_000)}`);
        expect(res.status, res.text).toBe(422);
        expect(JSON.parse(res.text).detail[0]).toMatchObject({ type: 'json_invalid', loc: ['body', 64], msg: 'JSON decode error' });
        expect(errors).toEqual([]);
      });
      test('a JSON body that is not UTF-8 is a 400, the handler not run; UTF-8 is read as sent', async () => {
        errors.length = 0;
        for (const bytes of [Buffer.from('{"title":"caf\xe9"}', 'latin1'), Buffer.from([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])]) {
          const res = await request(`${server.url}/items`, { method: 'POST', headers: JSON_TYPE, body: bytes });
          expect([res.statusCode, await res.body.json()]).toEqual([400, { detail: 'There was an error parsing the body' }]);
        }
        const res = await request(`${server.url}/items`, { method: 'POST', headers: JSON_TYPE, body: Buffer.from('{"title":"café"}', 'utf8') });
        expect([res.statusCode, ((await res.body.json()) as { title: string }).title]).toEqual([201, 'café']);
        expect(errors).toEqual([]);
      });
      test('nesting under the limit is read as usual', async () => {
        const res = await post('/items', JSON_TYPE, `{"title":"milk","x":${'['.repeat(60)}${']'.repeat(60)}}`);
        expect(res.status, res.text).toBe(201);
      });
      test('a long string is echoed cut to 256 characters, a nested value not at all', async () => {
        const res = await post('/short', JSON_TYPE, JSON.stringify({ note: 'n'.repeat(50_000) }));
        expect(res.status).toBe(422);
        expect(JSON.parse(res.text).detail[0]).toMatchObject({ type: 'too_big', loc: ['body', 'note'], input: `${'n'.repeat(256)}…` });
        const nested = await post('/short', JSON_TYPE, JSON.stringify({ note: { a: { b: { c: [1, 2, 3] } } }, other: 1 }));
        expect(nested.status).toBe(422);
        expect(JSON.parse(nested.text).detail[0]).toMatchObject({ type: 'invalid_type', loc: ['body', 'note'], input: {} });
        const missing = await post('/short', JSON_TYPE, JSON.stringify({ other: [[1]], n: 2 }));
        expect(JSON.parse(missing.text).detail[0]).toMatchObject({ type: 'missing', loc: ['body', 'note'] });
      });
    });

    describe('a credential header sent twice is a 400 invalid_request (item 7)', () => {
      const twice = (name: string, a: string, b: string) => ({ [name]: [a, b] });
      const BEARER_400 = 'Bearer error="invalid_request", error_description="The authorization header was sent more than once"';
      test.each([
        ['/bearer', twice('authorization', 'Bearer good', 'Bearer root'), BEARER_400],
        ['/bearer/optional', twice('authorization', 'Bearer good', 'Bearer root'), BEARER_400],
        ['/users/me', twice('authorization', 'Bearer nope', 'Bearer good'), BEARER_400],
        ['/basic', twice('authorization', 'Basic YTpi', 'Basic YTpj'), undefined],
        ['/basic/optional', twice('Authorization', 'Basic YTpi', 'Basic YTpi'), undefined],
        ['/key/header', twice('x-api-key', 'k1', 'k2'), undefined],
        ['/key/header/optional', twice('X-API-Key', 'k1', 'k1'), undefined],
        ['/any', twice('x-api-key', 'k1', 'k2'), undefined],
        ['/any', twice('authorization', 'Bearer a', 'Bearer b'), BEARER_400],
      ])('GET %s', async (path, headers, challenge) => {
        const res = await request(server.url + path, { headers });
        const text = await res.body.text();
        expect(res.statusCode, text).toBe(400);
        const name = Object.keys(headers)[0].toLowerCase();
        expect(JSON.parse(text)).toEqual({ detail: `The ${name} header was sent more than once` });
        expect(res.headers['www-authenticate']).toBe(challenge);
      });
      test('one line still authenticates', async () => {
        const res = await request(`${server.url}/key/header`, { headers: { 'x-api-key': 'k1' } });
        expect([res.statusCode, await res.body.json()]).toEqual([200, { key: 'k1' }]);
      });
    });

    describe("the framework's own errors on depends' routes are JSON without a stack (item 4)", () => {
      const leaks = (text: string) => /<html|<pre|\bat [\w.]+ \(|node_modules|\/work\//i.test(text);
      test.each(['/items/%ff', '/items/%E0%A4%A', '/docs/%ff', '/docs/swagger-ui%ff.css'])('GET %s', async (path) => {
        const res = await request(server.url + path);
        const text = await res.body.text();
        expect(res.statusCode, text).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, text).toBeLessThan(500);
        expect(res.headers['content-type']).toBe('application/json');
        // Fastify refuses a bad escape before any plugin code runs, with its own JSON body (FST_ERR_BAD_URL).
        if (harness.name !== 'fastify') expect(JSON.parse(text)).toHaveProperty('detail');
        expect(leaks(text), text).toBe(false);
      });
      test('GET /docs/%ff is a 400 where the framework refuses the escape itself', async () => {
        const res = await request(`${server.url}/docs/%ff`);
        const body = await res.body.json();
        if (harness.name.startsWith('express')) expect([res.statusCode, body]).toEqual([400, { detail: 'The path is not valid percent-encoding' }]);
        else if (harness.name === 'fastify') expect(res.statusCode).toBe(400);
        else expect(res.statusCode).toBe(404); // read as the literal file name "%ff", which does not exist
      });
    });

    describe('docs page and auth answers (item 8)', () => {
      test.each(['/docs', '/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css', '/docs/oauth2-redirect.html', '/docs/nope.js'])('GET %s: CSP, nosniff, X-Frame-Options', async (path) => {
        const res = await request(server.url + path);
        await res.body.text();
        const csp = String(res.headers['content-security-policy']);
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-eval');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
      });
      test('the page does not persist what is entered in Authorize', async () => {
        const html = await (await request(`${server.url}/docs`)).body.text();
        const config = JSON.parse(/<script id="depends-swagger-ui-config" type="application\/json">([^<]*)<\/script>/.exec(html)![1]);
        expect(config.persistAuthorization).toBe(false);
      });
      test.each([
        ['401 missing credential', '/bearer', {}, 401],
        ['401 rejected token', '/bearer', { authorization: 'Bearer nope' }, 401],
        ['403 missing scope', '/users/me/items', { authorization: 'Bearer good' }, 403],
        ['403 from a dependency', '/admin/stats', {}, 403],
      ])('%s: Cache-Control: no-store', async (_name, path, headers, status) => {
        const res = await request(server.url + path, { headers });
        await res.body.text();
        expect(res.statusCode).toBe(status);
        expect(res.headers['cache-control']).toBe('no-store');
      });
    });

    describe('rate limiting as a dependency (item 9)', () => {
      test("by client IP: the third request is a 429 with Retry-After and RateLimit headers", async () => {
        const first = await request(`${server.url}/limited`);
        const body = (await first.body.json()) as { key: string; remaining: number };
        expect([first.statusCode, body.remaining]).toEqual([200, 1]);
        expect(body.key).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
        expect((await (await request(`${server.url}/limited`)).body.json())).toMatchObject({ remaining: 0 });
        const refused = await request(`${server.url}/limited`);
        expect(refused.statusCode).toBe(429);
        expect(await refused.body.json()).toEqual({ detail: 'Too many requests, try again later' });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(50);
        expect(refused.headers['ratelimit-limit']).toBe('2');
        expect(refused.headers['ratelimit-remaining']).toBe('0');
        expect(refused.headers['ratelimit-reset']).toBe(refused.headers['retry-after']);
      });
      test('failures only: two wrong passwords, then even the right one waits', async () => {
        const login = (password: string) => request(`${server.url}/login`, { headers: { 'x-user': 'ann', 'x-password': password } });
        const ok = await login('right');
        expect([ok.statusCode, await ok.body.json()]).toEqual([200, { ok: true }]);
        for (let i = 0; i < 2; i++) {
          const res = await login('wrong');
          await res.body.text();
          expect(res.statusCode).toBe(400);
        }
        const refused = await login('right');
        await refused.body.text();
        expect(refused.statusCode).toBe(429);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(50);
      });
      test('documented: 429 with Retry-After on the limited routes only', async () => {
        const doc = (await (await request(`${server.url}/openapi.json`)).body.json()) as { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>> };
        expect(doc.paths['/limited'].get.responses['429'].headers).toHaveProperty('Retry-After');
        expect(doc.paths['/login'].get.responses['429'].headers).toHaveProperty('RateLimit-Limit');
        expect(doc.paths['/short'].post.responses['429']).toBeUndefined();
      });
    });

    describe('bodies are counted while they arrive (item 2)', () => {
      test('a chunked upload without Content-Length is refused with 413 long before it ends', async () => {
        const total = 64 * 1024 * 1024;
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        let sentAtAnswer = -1;
        async function* upload() {
          while (sent < total) {
            sent += chunk.length;
            yield chunk;
          }
        }
        let status = 0;
        try {
          const res = await request(`${server.url}/items`, { method: 'POST', headers: JSON_TYPE, body: Readable.from(upload()) });
          sentAtAnswer = sent;
          status = res.statusCode;
          await res.body.text();
        } catch (error) {
          // The server may close the connection once it has answered; the answer must still have come first.
          if (sentAtAnswer === -1) throw error;
        }
        expect(status).toBe(413);
        expect(sentAtAnswer).toBeLessThan(total / 4);
      });
    });
  });
}
