/**
 * The Redis store against a real redis-server (Debian's package, started
 * here): several app instances share one limit; Redis going away falls back
 * to counting in memory (insurance), or fails the request without it.
 * Without redis-server the tests are skipped on a developer's machine and
 * fail under CI=true.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Redis } from 'ioredis';
import { DependsApp, Router, header } from '@depends/core';
import { rateLimit, redisStore } from './index.js';
import { redisAvailable, redisRequired, REDIS_SERVER, startRedis, type RunningRedis } from './test/redis-server.js';

test.runIf(redisRequired)('redis-server is installed for the Redis tests (CI)', () => {
  expect(redisAvailable, `no redis-server at ${REDIS_SERVER}: apt-get install -y redis-server`).toBe(true);
});

describe.skipIf(!redisAvailable && !redisRequired)('redisStore (real redis-server)', () => {
  let redis: RunningRedis;
  const clients: Redis[] = [];
  const client = () => {
    const c = new Redis(redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    c.on('error', () => {}); // connection errors are expected once the server stops
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await redis?.stop();
  });

  /** One app instance: its own DependsApp and its own Redis client, as a second process would have. */
  async function instance(options: { insurance?: boolean; name?: string; points?: number } = {}) {
    const c = client();
    await new Promise<void>((resolve) => (c.status === 'ready' ? resolve() : c.once('ready', () => resolve())));
    const limit = rateLimit({
      name: options.name ?? 'shared',
      points: options.points ?? 3,
      duration: 60,
      key: header('x-who'),
      store: redisStore(c, options.insurance === undefined ? {} : { insurance: options.insurance }),
    });
    const router = new Router();
    router.get('/a', { limit }, ({ limit }) => ({ remaining: limit.remaining }));
    const app = new DependsApp({ onError: () => {} });
    app.include(router);
    return { client: c, call: (who = 'ann') => app.request({ method: 'GET', url: '/a', headers: { 'x-who': who } }) };
  }

  test('two instances count one limit together: the fourth request, on either, is a 429', async () => {
    const a = await instance();
    const b = await instance();
    expect((await a.call()).json()).toEqual({ remaining: 2 });
    expect((await b.call()).json()).toEqual({ remaining: 1 });
    expect((await a.call()).json()).toEqual({ remaining: 0 });
    const refused = await b.call();
    expect(refused.status).toBe(429);
    expect(Number(refused.header('retry-after'))).toBeGreaterThan(55);
    expect((await a.call()).status).toBe(429);
    expect((await b.call('bob')).status).toBe(200);
    // The counter is in Redis, under the limit's prefix.
    expect(Number(await a.client.get('depends-rl:shared:ann'))).toBeGreaterThanOrEqual(4);
  });

  test('Redis down: with insurance (default) each instance counts in memory; without it the request fails with 500', async () => {
    const insured = await instance({ name: 'insured', points: 2 });
    const bare = await instance({ name: 'bare', insurance: false });
    expect((await insured.call()).status).toBe(200);
    await redis.stop();
    await new Promise((r) => setTimeout(r, 50));
    const first = await insured.call('carol');
    expect(first.status).toBe(200);
    expect((await insured.call('carol')).status).toBe(200);
    expect((await insured.call('carol')).status).toBe(429);
    expect((await bare.call()).status).toBe(500);
  });
});
