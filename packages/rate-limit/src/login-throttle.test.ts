/**
 * loginThrottle over real HTTP (Express on 127.0.0.1, a trusted loopback
 * proxy telling the client address in X-Forwarded-For): an attacker's
 * failures refuse the attacker's (user, address) pair, not the user; the
 * user name attacked from everywhere is slowed, boundedly, never refused.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { DependsApp, HTTPException, Router, depends, httpBasic } from '@depends/core';
import { loginThrottle, slowDownDelay, STORE_UNAVAILABLE, TOO_MANY_REQUESTS, type LoginThrottleOptions, type StoreEvent } from './index.js';
import { flakyStore } from './test/flaky-store.js';
import { serve, type Served } from './test/http.js';

const PASSWORDS: Record<string, string> = { alice: 'wonderland', bob: 'builder' };
const basic = httpBasic({ realm: 'test' });
const username = depends({ credentials: basic }, ({ credentials }) => credentials.username);

let server: Served | undefined;
afterEach(async () => {
  expect(server?.errors ?? []).toEqual([]); // no 500 in any test
  await server?.close();
  server = undefined;
});

/** A Basic-protected route throttled by `loginThrottle(options)`; the handler reports what the throttle told it. */
async function start(options: Partial<LoginThrottleOptions> = {}) {
  const throttle = loginThrottle({ name: 'login', username, ...options });
  const router = new Router();
  let checked = 0;
  router.get('/login', { credentials: basic, attempt: throttle }, async ({ credentials, attempt }) => {
    checked++;
    if (PASSWORDS[credentials.username] !== credentials.password) {
      await attempt.failed();
      throw new HTTPException(401, 'Incorrect username or password', { 'www-authenticate': 'Basic realm="test"' });
    }
    await attempt.succeeded();
    return { user: credentials.username, counted: attempt.username, address: attempt.address, delayed: attempt.delayed, store: attempt.store };
  });
  server = await serve(router);
  const login = (from: string, user: string, password: string) => server!.call('/login', { from, basic: [user, password] });
  return { throttle, login, checked: () => checked };
}

const expect429 = (res: { status: number; headers: Record<string, unknown>; body: unknown }, window = 900) => {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({ detail: TOO_MANY_REQUESTS });
  const wait = Number(res.headers['retry-after']);
  expect(wait).toBeGreaterThan(window - 120);
  expect(wait).toBeLessThanOrEqual(window);
};

describe('loginThrottle: the attacker is refused, the user is not', { timeout: 30_000 }, () => {
  test('5 failures for alice from A: A is refused (429, even with the right password); alice from B logs in, delayed 1 s, at most 8 s', async () => {
    const { login, checked } = await start();
    for (let i = 0; i < 5; i++) expect((await login('203.0.113.7', 'alice', `guess-${i}`)).status).toBe(401);
    const before = checked();
    expect429(await login('203.0.113.7', 'alice', 'wonderland'));
    expect(checked()).toBe(before); // refused before the password is checked

    const fromB = await login('198.51.100.23', 'alice', 'wonderland');
    expect(fromB.status).toBe(200);
    expect(fromB.body).toMatchObject({ user: 'alice', counted: 'alice', address: '198.51.100.23', delayed: 1000 });
    expect(fromB.ms).toBeGreaterThanOrEqual(995); // the delay is there (timers never fire early)…
    expect(fromB.body.delayed).toBeLessThanOrEqual(8000); // …and bounded
    expect((await login('198.51.100.23', 'bob', 'builder')).body).toMatchObject({ delayed: 0 }); // other users are not slowed
  });

  test('casing and surrounding spaces are one user name', async () => {
    const { login } = await start();
    for (const name of ['Alice', 'ALICE', ' alice', 'alice ', 'aLiCe']) expect((await login('203.0.113.8', name, 'x')).status).toBe(401);
    expect429(await login('203.0.113.8', 'alice', 'wonderland'));
    const other = await login('198.51.100.24', 'alice', 'wonderland');
    expect(other.status).toBe(200);
    expect(other.body.delayed).toBe(1000); // the user-wide count saw all five
  });

  test('a normalize option the app compares with: here names are case-sensitive', async () => {
    const { login } = await start({ normalize: (name) => name.trim() });
    for (let i = 0; i < 5; i++) expect((await login('203.0.113.9', 'ALICE', 'x')).status).toBe(401);
    const res = await login('203.0.113.9', 'alice', 'wonderland');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ counted: 'alice', delayed: 0 });
  });

  test('IPv6: the addresses of one /64 are one client; another /64 is another', async () => {
    const { login } = await start();
    for (let i = 1; i <= 5; i++) expect((await login(`2001:db8:1:2::${i.toString(16)}`, 'alice', 'x')).status).toBe(401);
    expect429(await login('2001:db8:1:2:ffff:ffff:ffff:ffff', 'alice', 'wonderland'));
    const elsewhere = await login('2001:db8:1:3::1', 'alice', 'wonderland');
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.address).toBe('2001:db8:1:3:0:0:0:0/64');
  });

  test('ipv6Prefix: 128 counts each IPv6 address apart', async () => {
    const { login } = await start({ ipv6Prefix: 128 });
    for (let i = 1; i <= 5; i++) expect((await login(`2001:db8:1:2::${i}`, 'bob', 'x')).status).toBe(401);
    expect((await login('2001:db8:1:2::6', 'bob', 'builder')).status).toBe(200);
  });

  test('a success clears the pair: 4 failures, success, 4 failures, success — never refused', async () => {
    const { login } = await start({ perUser: { failures: 5, duration: 900, delay: 10, maxDelay: 40 } });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect((await login('192.0.2.1', 'bob', 'x')).status).toBe(401);
      expect((await login('192.0.2.1', 'bob', 'builder')).status).toBe(200);
    }
    expect((await login('192.0.2.1', 'bob', 'x')).status).toBe(401); // the 9th failure, the pair's 1st since the success
    const res = await login('192.0.2.1', 'bob', 'builder');
    expect(res.status).toBe(200);
    expect(res.body.delayed).toBe(40); // the user-wide count stands (9 failures): slowed, capped
  });

  test('the slow-down doubles with each failure from anywhere, is capped, and never refuses', async () => {
    const { login } = await start({ perUser: { failures: 2, duration: 900, delay: 20, maxDelay: 80 } });
    const delays: number[] = [];
    for (let i = 1; i <= 7; i++) {
      const res = await login(`10.0.0.${i}`, 'alice', 'x'); // a new address each time: no pair or address limit is reached
      expect(res.status).toBe(401);
      const ok = await login(`10.1.0.${i}`, 'alice', 'wonderland');
      expect(ok.status).toBe(200);
      delays.push(ok.body.delayed);
    }
    expect(delays).toEqual([0, 20, 40, 80, 80, 80, 80]);
    expect([4, 5, 6, 50].map((n) => slowDownDelay(n, { failures: 5, duration: 900 }))).toEqual([0, 1000, 2000, 8000]);
  });

  test('per address: 20 failures with any user names refuse that address, for every name', async () => {
    const { login } = await start({ perUser: { failures: 100, duration: 900 } });
    for (let i = 0; i < 20; i++) expect((await login('198.51.100.99', `user-${i}`, 'x')).status).toBe(401);
    expect429(await login('198.51.100.99', 'bob', 'builder'));
    expect((await login('198.51.100.98', 'bob', 'builder')).status).toBe(200);
  });
});

describe('loginThrottle while its store is down', { timeout: 30_000 }, () => {
  test("default 'refuse': 503 with Retry-After before the password is checked; logged once, without the URL's password; back to normal after", async () => {
    const { store, state } = flakyStore();
    const events: StoreEvent[] = [];
    const { login, checked, throttle } = await start({ store, onStoreEvent: (e) => events.push(e) });
    expect((await login('203.0.113.1', 'alice', 'x')).status).toBe(401);
    state.down = true;
    for (let i = 0; i < 3; i++) {
      const res = await login('203.0.113.1', 'alice', 'wonderland');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ detail: STORE_UNAVAILABLE });
      expect(res.headers['retry-after']).toBe('5');
    }
    expect(checked()).toBe(1);
    expect(throttle.health().store).toBe('down');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ limit: 'login', store: 'down', action: 'refuse' });
    expect(events[0].reason).toContain('redis://***@127.0.0.1');
    expect(JSON.stringify(events)).not.toMatch(/s3cret|alice|wonderland|203\.0\.113/);

    state.down = false;
    expect((await login('203.0.113.1', 'alice', 'wonderland')).status).toBe(200);
    expect(throttle.health().store).toBe('up');
    expect(events.map((e) => e.store)).toEqual(['down', 'up']);
  });

  test("'allow': attempts go through unthrottled and the handler is told; the outage is logged once", async () => {
    const { store, state } = flakyStore();
    const events: StoreEvent[] = [];
    const { login } = await start({ store, onStoreDown: 'allow', onStoreEvent: (e) => events.push(e) });
    state.down = true;
    for (let i = 0; i < 7; i++) expect((await login('203.0.113.2', 'alice', 'x')).status).toBe(401); // past the pair limit: not counted
    const res = await login('203.0.113.2', 'alice', 'wonderland');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ store: 'down', delayed: 0 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ store: 'down', action: 'allow' });
  });
});

describe('loginThrottle in OpenAPI', () => {
  test('429 always; 503 where a shared store may be down and the throttle refuses then', () => {
    const router = new Router();
    router.get('/memory', { a: loginThrottle({ name: 'm', username }) }, () => 'ok');
    router.get('/refuse', { a: loginThrottle({ name: 'r', username, store: flakyStore().store }) }, () => 'ok');
    router.get('/allow', { a: loginThrottle({ name: 'a', username, store: flakyStore().store, onStoreDown: 'allow' }) }, () => 'ok');
    const app = new DependsApp({ title: 'doc' });
    app.include(router);
    const doc = app.openapi();
    const codes = (path: string) => Object.keys(doc.paths[path].get!.responses).sort();
    expect(codes('/memory')).toEqual(['200', '401', '429']);
    expect(codes('/refuse')).toEqual(['200', '401', '429', '503']);
    expect(codes('/allow')).toEqual(['200', '401', '429']);
    expect(doc.paths['/refuse'].get!.responses['503'].description).toBe('Service Unavailable');
  });

  test('bad options fail at declaration', () => {
    expect(() => loginThrottle({ name: '', username })).toThrow(/name/);
    expect(() => loginThrottle({ name: 'x', username, perPair: { failures: 0, duration: 1 } })).toThrow(/perPair/);
    expect(() => loginThrottle({ name: 'x', username, perUser: { failures: 1, duration: 1, delay: 10, maxDelay: 5 } })).toThrow(/maxDelay/);
    expect(() => loginThrottle({ name: 'x', username, ipv6Prefix: 129 })).toThrow(/ipv6Prefix/);
    expect(() => loginThrottle({ name: 'x', username, onStoreDown: 'maybe' as 'allow' })).toThrow(/onStoreDown/);
  });
});
