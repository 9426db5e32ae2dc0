/**
 * The Redis store against a real redis-server (Debian's package, started
 * here on a free port): two app instances — two Express servers, each with
 * its own Redis client, as two processes would have — share one limit;
 * Redis stopped, each limit does what it declared (503 + Retry-After, or
 * let through and log once), never a 500; Redis restarted on the same port,
 * the counting is shared again. Without redis-server the tests are skipped
 * on a developer's machine and fail under CI=true.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { Redis } from 'ioredis';
import { HTTPException, Router, depends, header, httpBasic } from '@depends/core';
import { loginThrottle, rateLimit, redisStore, STORE_UNAVAILABLE, type OnStoreDown, type StoreEvent } from './index.js';
import { serve, type Res, type Served } from './test/http.js';
import { redisAvailable, redisClients, redisRequired, REDIS_SERVER, startRedis, type RunningRedis } from '../../../tests/support/redis-server.js';

test.runIf(redisRequired)('redis-server is installed for the Redis tests (CI)', () => {
  expect(redisAvailable, `no redis-server at ${REDIS_SERVER}: apt-get install -y redis-server`).toBe(true);
});

describe.skipIf(!redisAvailable && !redisRequired)('redisStore (real redis-server)', { timeout: 120_000 }, () => {
  let redis: RunningRedis;
  const clients = redisClients((url) => new Redis(url));
  const servers: Served[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    clients.disconnectAll();
    await redis?.stop();
  });

  /** A client as an app makes it: ioredis' defaults (it queues commands and reconnects on its own). */
  const client = (): Promise<Redis> => clients.connect(redis.url);

  /**
   * One app instance: its own Redis client and Express server, with a
   * 10-a-minute limit keyed by `x-who` on `/refuse` and on `/allow`, a
   * login throttle on `/login`, and `/health` exposing the store's state.
   */
  async function instance() {
    const c = await client();
    const store = redisStore(c);
    const events: StoreEvent[] = [];
    const limit = (name: string, onStoreDown: OnStoreDown) =>
      rateLimit({ name, points: 10, duration: 60, key: header('x-who'), store, onStoreDown, onStoreEvent: (e) => events.push(e) });
    const refusing = limit('refuse', 'refuse');
    const allowing = limit('allow', 'allow');
    const basic = httpBasic();
    const throttle = loginThrottle({ name: 'login', username: depends({ b: basic }, ({ b }) => b.username), store, onStoreEvent: (e) => events.push(e) });
    const router = new Router();
    router.get('/refuse', { limit: refusing }, ({ limit }) => ({ remaining: limit.remaining }));
    router.get('/allow', { limit: allowing }, ({ limit }) => ({ remaining: limit.remaining, store: limit.store }));
    router.get('/login', { b: basic, attempt: throttle }, async ({ b, attempt }) => {
      if (b.password !== 'wonderland') {
        await attempt.failed();
        throw new HTTPException(401, 'Incorrect username or password');
      }
      await attempt.succeeded();
      return { ok: true };
    });
    router.get('/health', {}, () => ({ rateLimitStore: refusing.health() }), { public: true });
    const server = await serve(router);
    servers.push(server);
    return { server, client: c, events, health: () => refusing.health() };
  }

  const statuses: number[] = [];
  const call = async (on: Served, path: string, who: string): Promise<Res> => {
    const res = await on.call(path, { headers: { 'x-who': who } });
    statuses.push(res.status);
    return res;
  };
  /** 10 requests on each instance, alternating: how many got each status. */
  const tenAndTen = async (a: Served, b: Served, path: string, who: string) => {
    const seen: Record<number, number> = {};
    for (let i = 0; i < 10; i++) for (const on of [a, b]) {
      const { status } = await call(on, path, who);
      seen[status] = (seen[status] ?? 0) + 1;
    }
    return seen;
  };

  test('two instances under one 10-a-minute limit; Redis stopped: 503 + Retry-After (refuse) or let through and logged once (allow), never a 500; Redis back on the same port: shared again', async () => {
    const a = await instance();
    const b = await instance();

    // Redis up: 10 + 10 requests, 10 pass, whichever instance serves them.
    expect(await tenAndTen(a.server, b.server, '/refuse', 'ann')).toEqual({ 200: 10, 429: 10 });
    expect(await tenAndTen(a.server, b.server, '/allow', 'ann')).toEqual({ 200: 10, 429: 10 });
    expect(Number(await a.client.get('depends-rl:refuse:ann'))).toBe(20);
    expect((await a.server.call('/health')).body).toEqual({ rateLimitStore: { store: 'up', since: expect.any(String) } });

    // Redis stops: each instance's client sees the connection go (an event, not a sleep).
    await redis.stop();
    await vi.waitFor(() => expect([a.health().store, b.health().store]).toEqual(['down', 'down']), { timeout: 30_000, interval: 20 });
    const health = (await b.server.call('/health')).body;
    expect(health.rateLimitStore.store).toBe('down');

    for (const on of [a.server, b.server]) {
      const refused = await call(on, '/refuse', 'bob');
      expect(refused.status).toBe(503);
      expect(refused.body).toEqual({ detail: STORE_UNAVAILABLE });
      expect(refused.headers['retry-after']).toBe('5');
      expect((await call(on, '/refuse', 'bob')).status).toBe(503);
    }
    expect(await tenAndTen(a.server, b.server, '/allow', 'bob')).toEqual({ 200: 20 }); // declared: not limited meanwhile
    expect((await call(a.server, '/allow', 'bob')).body).toEqual({ remaining: 10, store: 'down' });
    const login = await a.server.call('/login', { basic: ['alice', 'wonderland'] });
    expect(login.status).toBe(503); // the login throttle refuses by default: it fails closed

    for (const instance of [a, b]) {
      const down = instance.events.filter((e) => e.store === 'down');
      expect(down.map((e) => [e.limit, e.action])).toEqual([['refuse', 'refuse'], ['allow', 'allow'], ...(instance === a ? [['login', 'refuse']] : [])]);
      expect(down.every((e) => e.since.getTime() === down[0].since.getTime())).toBe(true); // one outage, told once per limit
    }

    // Redis back on the same port (empty): the clients reconnect by themselves.
    redis = await startRedis({ port: redis.port });
    await vi.waitFor(() => expect([a.health().store, b.health().store]).toEqual(['up', 'up']), { timeout: 30_000, interval: 20 });
    expect(await tenAndTen(a.server, b.server, '/refuse', 'bob')).toEqual({ 200: 10, 429: 10 });
    expect(await tenAndTen(a.server, b.server, '/allow', 'bob')).toEqual({ 200: 10, 429: 10 });
    expect(Number(await b.client.get('depends-rl:allow:bob'))).toBe(20); // counted in Redis, nowhere else
    for (const instance of [a, b]) expect(instance.events.filter((e) => e.store === 'up').map((e) => e.limit)).toEqual(['refuse', 'allow']);

    expect(statuses).not.toContain(500);
    expect([...a.server.errors, ...b.server.errors]).toEqual([]);
  });

  test('a hung Redis (connected, not answering) counts as down after the timeout: 503, then counted again once it answers', async () => {
    const c = await client();
    const limit = rateLimit({ name: 'hung', points: 10, duration: 60, key: header('x-who'), store: redisStore(c, { timeout: 1500 }), onStoreEvent: () => {} });
    const router = new Router();
    router.get('/a', { limit }, ({ limit }) => ({ remaining: limit.remaining }));
    const server = await serve(router);
    servers.push(server);
    redis.pause();
    try {
      const res = await server.call('/a', { headers: { 'x-who': 'dan' } });
      expect(res.status).toBe(503);
      expect(limit.health().store).toBe('down');
    } finally {
      redis.resume();
    }
    const again = await server.call('/a', { headers: { 'x-who': 'dan' } });
    expect(again.status).toBe(200);
    expect(limit.health().store).toBe('up');
    expect(server.errors).toEqual([]);
  });

  test('the login throttle counts across instances: failures on A and B refuse the pair on both', async () => {
    const a = await instance();
    const b = await instance();
    const from = { 'x-forwarded-for': '203.0.113.50' };
    for (const on of [a, b, a, b, a]) expect((await on.server.call('/login', { headers: from, basic: ['carol', 'x'] })).status).toBe(401);
    for (const on of [a, b]) expect((await on.server.call('/login', { headers: from, basic: ['carol', 'wonderland'] })).status).toBe(429);
    const elsewhere = await b.server.call('/login', { headers: { 'x-forwarded-for': '198.51.100.50' }, basic: ['carol', 'wonderland'] });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.ms).toBeGreaterThanOrEqual(995); // slowed: the user name has 5 failures, in Redis
  });
});
