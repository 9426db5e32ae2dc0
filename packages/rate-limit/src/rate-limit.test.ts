import { describe, expect, test } from 'vitest';
import { DependsApp, HTTPException, Router, depends, header, type Answer } from '@depends/core';
import { clientIp, ipOf, rateLimit, STORE_UNAVAILABLE, TOO_MANY_REQUESTS, type StoreEvent } from './index.js';
import { flakyStore } from './test/flaky-store.js';

const who = header('x-who');

function serve(router: Router) {
  const app = new DependsApp({ title: 'limits' });
  app.include(router);
  const call = (path: string, headers: Record<string, string> = {}): Promise<Answer> => app.request({ method: 'GET', url: path, headers });
  return { app, call };
}
const headersOf = (a: Answer) => Object.fromEntries(a.headers);
const json = (a: Answer) => JSON.parse(String(a.body));

describe('rateLimit: every request counts', () => {
  test('the request past the limit is a 429 with Retry-After and RateLimit headers; keys are counted apart', async () => {
    const limit = rateLimit({ name: 'each', points: 2, duration: 60, key: who });
    const router = new Router();
    router.get('/a', { limit }, ({ limit }) => ({ remaining: limit.remaining }));
    const { call } = serve(router);
    expect(json(await call('/a', { 'x-who': 'ann' }))).toEqual({ remaining: 1 });
    expect(json(await call('/a', { 'x-who': 'ann' }))).toEqual({ remaining: 0 });
    const refused = await call('/a', { 'x-who': 'ann' });
    expect(refused.status).toBe(429);
    expect(json(refused)).toEqual({ detail: TOO_MANY_REQUESTS });
    const h = headersOf(refused);
    expect(Number(h['retry-after'])).toBeGreaterThanOrEqual(59);
    expect(Number(h['retry-after'])).toBeLessThanOrEqual(60);
    expect(h).toMatchObject({ 'ratelimit-limit': '2', 'ratelimit-remaining': '0', 'ratelimit-reset': h['retry-after'] });
    expect((await call('/a', { 'x-who': 'bob' })).status).toBe(200);
  });

  test('no key (undefined or empty): not limited', async () => {
    const key = depends(() => (Math.random() < 0.5 ? undefined : ''));
    const limit = rateLimit({ name: 'none', points: 1, duration: 60, key });
    const router = new Router();
    router.get('/a', { limit }, ({ limit }) => ({ key: limit.key ?? null }));
    const { call } = serve(router);
    for (let i = 0; i < 3; i++) expect((await call('/a')).status).toBe(200);
  });

  test('blockDuration keeps a key refused after the window would have let it through', async () => {
    const limit = rateLimit({ name: 'block', points: 1, duration: 1, blockDuration: 300, key: who });
    const router = new Router();
    router.get('/a', { limit }, () => 'ok');
    const { call } = serve(router);
    await call('/a', { 'x-who': 'x' });
    const refused = await call('/a', { 'x-who': 'x' });
    expect(refused.status).toBe(429);
    expect(Number(headersOf(refused)['retry-after'])).toBeGreaterThan(290);
  });

  test('bad options fail at declaration', () => {
    expect(() => rateLimit({ name: '', points: 1, duration: 1, key: who })).toThrow(/name/);
    expect(() => rateLimit({ name: 'x', points: 0, duration: 1, key: who })).toThrow(/points/);
    expect(() => rateLimit({ name: 'x', points: 1.5, duration: 1, key: who })).toThrow(/points/);
    expect(() => rateLimit({ name: 'x', points: 1, duration: 0, key: who })).toThrow(/duration/);
  });
});

describe("rateLimit({ count: 'failures' })", () => {
  test('only fail() counts; at the limit the request is refused before the handler runs; reset() forgets', async () => {
    const attempts = rateLimit({ name: 'login', points: 3, duration: 900, key: who, count: 'failures' });
    let handled = 0;
    const router = new Router();
    router.get('/login', { attempts, password: header('x-password') }, async ({ attempts, password }) => {
      handled++;
      if (password !== 'right') {
        await attempts.fail();
        throw new HTTPException(400, 'Wrong password');
      }
      await attempts.reset();
      return { ok: true, remaining: attempts.remaining };
    });
    const { call } = serve(router);
    expect((await call('/login', { 'x-who': 'ann', 'x-password': 'right' })).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await call('/login', { 'x-who': 'ann', 'x-password': 'wrong' })).status).toBe(400);
    expect(json(await call('/login', { 'x-who': 'ann', 'x-password': 'right' }))).toEqual({ ok: true, remaining: 1 }); // reset after
    for (let i = 0; i < 3; i++) expect((await call('/login', { 'x-who': 'ann', 'x-password': 'wrong' })).status).toBe(400);
    const before = handled;
    const refused = await call('/login', { 'x-who': 'ann', 'x-password': 'right' });
    expect(refused.status).toBe(429);
    expect(Number(headersOf(refused)['retry-after'])).toBeGreaterThan(890);
    expect(handled).toBe(before); // refused before the handler (no password check)
    expect((await call('/login', { 'x-who': 'bob', 'x-password': 'wrong' })).status).toBe(400);
  });
});

describe('a shared store down', () => {
  test("'refuse' (default): 503 with Retry-After, never a 500; fail() refuses too, reset() does not; told once per outage", async () => {
    const { store, state } = flakyStore();
    const events: StoreEvent[] = [];
    const each = rateLimit({ name: 'each', points: 5, duration: 60, key: who, store, storeRetryAfter: 30, onStoreEvent: (e) => events.push(e) });
    const failures = rateLimit({ name: 'failures', points: 5, duration: 60, key: who, store, count: 'failures', onStoreEvent: (e) => events.push(e) });
    const router = new Router();
    router.get('/each', { each }, () => 'ok');
    router.get('/fail', { failures }, async ({ failures }) => {
      state.down = true; // the store goes between the check and the failure
      await failures.fail();
      return 'not reached';
    });
    router.get('/reset', { failures }, async ({ failures }) => {
      state.down = true;
      await failures.reset();
      return 'reset';
    });
    const { app, call } = serve(router);
    const errors: unknown[] = [];
    app.onError = (e) => errors.push(e);
    expect((await call('/each', { 'x-who': 'ann' })).status).toBe(200);
    state.down = true;
    for (let i = 0; i < 3; i++) {
      const res = await call('/each', { 'x-who': 'ann' });
      expect(res.status).toBe(503);
      expect(json(res)).toEqual({ detail: STORE_UNAVAILABLE });
      expect(headersOf(res)['retry-after']).toBe('30');
    }
    expect(each.health().store).toBe('down');
    expect(events.map((e) => [e.limit, e.store])).toEqual([['each', 'down']]);
    state.down = false;
    expect((await call('/each', { 'x-who': 'ann' })).status).toBe(200);
    expect(each.health().store).toBe('up');
    expect(events.map((e) => [e.limit, e.store])).toEqual([['each', 'down'], ['each', 'up']]);

    state.down = false;
    expect((await call('/fail', { 'x-who': 'ann' })).status).toBe(503);
    state.down = false;
    expect((await call('/reset', { 'x-who': 'ann' })).status).toBe(200);
    expect(errors).toEqual([]);
  });

  test("'allow': let through uncounted, the handler told; logged once per outage", async () => {
    const { store, state } = flakyStore();
    const events: StoreEvent[] = [];
    const limit = rateLimit({ name: 'open', points: 1, duration: 60, key: who, store, onStoreDown: 'allow', onStoreEvent: (e) => events.push(e) });
    const router = new Router();
    router.get('/a', { limit }, ({ limit }) => ({ store: limit.store, remaining: limit.remaining }));
    const { call } = serve(router);
    state.down = true;
    for (let i = 0; i < 5; i++) expect(json(await call('/a', { 'x-who': 'ann' }))).toEqual({ store: 'down', remaining: 1 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ limit: 'open', store: 'down', action: 'allow' });
    expect(events[0].reason).not.toContain('s3cret');
    state.down = false;
    expect(json(await call('/a', { 'x-who': 'ann' }))).toEqual({ store: 'up', remaining: 0 });
    expect((await call('/a', { 'x-who': 'ann' })).status).toBe(429);
  });
});

describe('OpenAPI', () => {
  test('503 is documented where a shared store may be down and the limit refuses then', () => {
    const router = new Router();
    router.get('/refuse', { limit: rateLimit({ name: 'r', points: 1, duration: 1, key: who, store: flakyStore().store }) }, () => 'ok');
    router.get('/allow', { limit: rateLimit({ name: 'a', points: 1, duration: 1, key: who, store: flakyStore().store, onStoreDown: 'allow' }) }, () => 'ok');
    router.get('/memory', { limit: rateLimit({ name: 'm', points: 1, duration: 1, key: who }) }, () => 'ok');
    const { app } = serve(router);
    const doc = app.openapi();
    expect(doc.paths['/refuse'].get!.responses['503']).toMatchObject({ description: 'Service Unavailable', headers: { 'Retry-After': { schema: { type: 'integer' } } } });
    expect(doc.paths['/allow'].get!.responses['503']).toBeUndefined();
    expect(doc.paths['/memory'].get!.responses['503']).toBeUndefined();
  });

  test('a limited route documents 429 with Retry-After (required) and the RateLimit headers', () => {
    const router = new Router();
    router.get('/a', { limit: rateLimit({ name: 'doc', points: 1, duration: 1, key: clientIp }) }, () => 'ok');
    router.get('/b', {}, () => 'ok');
    const { app } = serve(router);
    const doc = app.openapi();
    const tooMany = doc.paths['/a'].get!.responses['429'];
    expect(tooMany.description).toBe('Too Many Requests');
    expect(tooMany.headers).toMatchObject({
      'Retry-After': { required: true, schema: { type: 'integer', minimum: 0 } },
      'RateLimit-Limit': { schema: { type: 'integer' } },
      'RateLimit-Remaining': { schema: { type: 'integer' } },
      'RateLimit-Reset': { schema: { type: 'integer' } },
    });
    expect(doc.paths['/b'].get!.responses['429']).toBeUndefined();
  });
});

describe('ipOf', () => {
  test("the framework's ip first, then the socket's peer address", () => {
    expect(ipOf({ ip: '10.0.0.1', socket: { remoteAddress: '127.0.0.1' } })).toBe('10.0.0.1'); // Express req / Fastify request
    expect(ipOf({ socket: { remoteAddress: '::1' } })).toBe('::1'); // Node request
    expect(ipOf({ req: { socket: { remoteAddress: '::1' } } })).toBe('::1'); // Koa ctx without ip
    expect(ipOf({ env: { incoming: { socket: { remoteAddress: '127.0.0.2' } } } })).toBe('127.0.0.2'); // Hono on node-server
    expect(ipOf({ env: {} })).toBeUndefined();
    expect(ipOf(undefined)).toBeUndefined();
  });

  test("Hono on Bun and Deno: the peer the runtime gives (its server or handler info as Hono's env), never a header", () => {
    // the shapes of Bun's Server.requestIP() and Deno's ServeHandlerInfo (the runtime suite asks the real ones)
    const raw = new Request('http://127.0.0.1/', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    const bun = { requestIP(this: unknown, request: Request) { return this === bun && request === raw ? { address: '10.1.1.1', family: 'IPv4', port: 5000 } : null; } };
    expect(ipOf({ env: bun, req: { raw } })).toBe('10.1.1.1');
    expect(ipOf({ env: { requestIP: () => null }, req: { raw } })).toBeUndefined();
    expect(ipOf({ env: { requestIP: () => { throw new TypeError('closed'); } }, req: { raw } })).toBeUndefined();
    expect(ipOf({ env: { remoteAddr: { transport: 'tcp', hostname: '10.2.2.2', port: 5000 } }, req: { raw } })).toBe('10.2.2.2');
    expect(ipOf({ env: { remoteAddr: { transport: 'unix', path: '/tmp/s' } }, req: { raw } })).toBeUndefined();
    expect(ipOf({ req: { raw } })).toBeUndefined(); // Workers: no address, and the header is not read
  });
});
