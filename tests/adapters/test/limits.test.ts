/**
 * `@depends/rate-limit` on every framework: the login throttle refuses the
 * attacker's (user name, address) pair and only slows the user, the client
 * address being the connection's own (clients connect from 127.0.0.2 and
 * 127.0.0.3); a shared store that is down answers 503 + `Retry-After`
 * (`onStoreDown: 'refuse'`, the default) or lets requests through
 * (`'allow'`), never a 500. The real Redis outage (a `redis-server` stopped
 * and restarted under two instances) is the package's own test; here the
 * store is one that can be switched down, so that what every adapter writes
 * is checked.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Agent, request } from 'undici';
import { HTTPException, Router, depends, httpBasic } from '../../../packages/core/src/index.js';
import { STORE_UNAVAILABLE, TOO_MANY_REQUESTS, loginThrottle, rateLimit } from '../../../packages/rate-limit/src/index.js';
import { flakyStore } from '../../../packages/rate-limit/src/test/flaky-store.js';
import { harnesses, type Started } from '../src/harness.js';

const PASSWORDS: Record<string, string> = { alice: 'wonderland' };
const basic = httpBasic({ realm: 'test' });
const username = depends({ credentials: basic }, ({ credentials }) => credentials.username);

/** An undici agent whose connections come from a loopback address of their own (a client address the server sees). */
const from = (address: string) => new Agent({ localAddress: address });

describe.each(harnesses)('$name: rate limits and the login throttle', (harness) => {
  const errors: unknown[] = [];
  const flaky = flakyStore();
  const allowFlaky = flakyStore();
  const agents = { A: from('127.0.0.2'), B: from('127.0.0.3') };
  let started: Started;

  beforeAll(async () => {
    const router = new Router();
    const attempt = loginThrottle({ name: `login-${harness.name}`, username });
    router.get('/login', { credentials: basic, attempt }, async ({ credentials, attempt: a }) => {
      if (PASSWORDS[credentials.username] !== credentials.password) {
        await a.failed();
        throw new HTTPException(401, 'Incorrect username or password', { 'www-authenticate': 'Basic realm="test"' });
      }
      await a.succeeded();
      return { user: credentials.username, address: a.address, delayed: a.delayed };
    });
    const key = depends({}, () => 'everyone');
    router.get('/refusing', { limit: rateLimit({ name: `refuse-${harness.name}`, points: 100, duration: 60, key, store: flaky.store, onStoreEvent: () => {} }) }, () => ({ ok: true }));
    router.get('/allowing', { limit: rateLimit({ name: `allow-${harness.name}`, points: 100, duration: 60, key, store: allowFlaky.store, onStoreDown: 'allow', onStoreEvent: () => {} }) }, () => ({ ok: true }));
    started = await harness.start({ routers: [router], app: { onError: (e) => errors.push(e) } });
  });
  afterAll(async () => {
    await started?.close();
    await Promise.all(Object.values(agents).map((a) => a.close()));
    expect(errors).toEqual([]); // no 500 anywhere
  });

  const login = async (agent: Agent, password: string) => {
    const t0 = performance.now();
    const res = await request(`${started.url}/login`, { dispatcher: agent, headers: { authorization: `Basic ${Buffer.from(`alice:${password}`).toString('base64')}` } });
    return { status: res.statusCode, headers: res.headers, body: (await res.body.json()) as Record<string, unknown>, ms: performance.now() - t0 };
  };

  test('5 failures for alice from A refuse A (429 + Retry-After, even with the right password); alice from B logs in, held about 1 s', async () => {
    for (let i = 0; i < 5; i++) expect((await login(agents.A, `guess-${i}`)).status).toBe(401);
    const refused = await login(agents.A, 'wonderland');
    expect([refused.status, refused.body]).toEqual([429, { detail: TOO_MANY_REQUESTS }]);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(600);
    const fromB = await login(agents.B, 'wonderland');
    expect([fromB.status, fromB.body.user, fromB.body.address, fromB.body.delayed]).toEqual([200, 'alice', '127.0.0.3', 1000]);
    expect(fromB.ms).toBeGreaterThanOrEqual(990);
  });

  test('a shared store that is down: 503 + Retry-After where the limit refuses, through where it allows; back to 200 when it returns', async () => {
    const get = async (path: string) => {
      const res = await request(`${started.url}${path}`);
      return { status: res.statusCode, retryAfter: res.headers['retry-after'], body: await res.body.json() };
    };
    expect(await get('/refusing')).toMatchObject({ status: 200 });
    flaky.state.down = true;
    allowFlaky.state.down = true;
    expect(await get('/refusing')).toEqual({ status: 503, retryAfter: '5', body: { detail: STORE_UNAVAILABLE } });
    expect(await get('/allowing')).toMatchObject({ status: 200, body: { ok: true } });
    flaky.state.down = false;
    allowFlaky.state.down = false;
    expect(await get('/refusing')).toMatchObject({ status: 200, body: { ok: true } });
  });
});
