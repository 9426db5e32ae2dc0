/**
 * The Redis replay store against a real `redis-server`: two API instances,
 * each its own HTTP server on 127.0.0.1 with its own Redis client, sharing
 * it (a proof accepted by one is refused as a replay by the other,
 * and two instances given the same proof at once accept it once), and Redis
 * stopped mid-run: `onStoreDown: 'refuse'` answers 503 with Retry-After,
 * `'allow'` accepts the proof, `health()` says the store is down — never a
 * 500 — and once Redis is back proofs are checked there again.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Redis } from 'ioredis';
import { request as undici } from 'undici';
import { DependsApp, type OnStoreDown, type StoreOutageEvent } from '@depends/core';
import { writeNodeAnswer } from '@depends/core/node';
import { jwtBearer } from '../jwt-bearer.js';
import { AUDIENCE, startIssuer, type TestIssuer } from '../test/issuer.js';
import { dpop, type DpopBinding } from './dpop.js';
import { redisReplayStore } from './replay-store.js';
import { badProof, clientKey, proofFor } from './test/proofs.js';
import { redisAvailable, redisClients, redisRequired, REDIS_SERVER, startRedis, type RunningRedis } from '../../../../tests/support/redis-server.js';

const ORIGIN = 'https://api.example.com';
const key = await clientKey();

test.runIf(redisRequired)('redis-server is installed for the Redis tests (CI)', () => {
  expect(redisAvailable, `no redis-server at ${REDIS_SERVER}: apt-get install -y redis-server`).toBe(true);
});

describe.skipIf(!redisAvailable && !redisRequired)('redisReplayStore (real redis-server)', { timeout: 120_000 }, () => {
  let redis: RunningRedis;
  let idp: TestIssuer;
  const clients = redisClients((url) => new Redis(url));
  const servers: Server[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    idp = await startIssuer();
  });
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    clients.disconnectAll();
    await redis?.stop();
    await idp?.close();
  });

  /** A client as an app makes it: ioredis' defaults (it queues commands and reconnects on its own). */
  const client = (): Promise<Redis> => clients.connect(redis.url);

  /** An answer read whole. */
  interface Res {
    readonly status: number;
    header(name: string): string | undefined;
    json(): unknown;
  }

  /** One API instance: its own Redis client and HTTP server on 127.0.0.1, `/me` behind jwtBearer({ dpop }) and `/health`. */
  async function instance(onStoreDown: OnStoreDown = 'refuse') {
    const events: StoreOutageEvent[] = [];
    const binding: DpopBinding = dpop({ publicOrigin: ORIGIN, store: redisReplayStore(await client()), algorithms: ['ES256'], onStoreDown, onStoreEvent: (e) => events.push(e) });
    const app = new DependsApp({ title: 'instance' });
    app.route('GET', '/me', { auth: jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, dpop: binding }) }, ({ auth }) => ({ sub: auth.claims.sub }));
    app.route('GET', '/health', {}, () => ({ dpopReplayStore: binding.health().store }), { public: true });
    const server = createServer((req, res) => {
      app
        .request({ method: req.method, url: req.url, headers: req.headers as Record<string, string | string[]> })
        .then((answer) => writeNodeAnswer(res, answer))
        .catch(() => res.writeHead(500).end());
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = async (path: string, headers: Record<string, string> = {}): Promise<Res> => {
      const res = await undici(`${url}${path}`, { headers });
      const text = await res.body.text();
      const header = (name: string) => {
        const value = res.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      };
      return { status: res.statusCode, header, json: () => JSON.parse(text) };
    };
    return { get, events, binding };
  }

  const request = (api: { get(path: string, headers: Record<string, string>): Promise<Res> }, token: string, proof: string) =>
    api.get('/me', { authorization: `DPoP ${token}`, dpop: proof });
  const fresh = async (token: string) => proofFor(key, { htm: 'GET', htu: `${ORIGIN}/me`, token });

  test('two instances share the proofs seen: one accepts a proof, the other refuses it as a replay', async () => {
    const [a, b] = [await instance(), await instance()];
    const token = await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } });
    const proof = await fresh(token);
    expect((await request(a, token, proof)).status).toBe(200);
    const replayed = await request(b, token, proof);
    expect([replayed.status, replayed.header('www-authenticate')]).toEqual([401, badProof('The DPoP proof was already used (jti)')]);
    expect((await request(a, token, proof)).status).toBe(401);
    // the same proof sent to both at once: accepted exactly once
    const raced = await fresh(token);
    const answers = await Promise.all([request(a, token, raced), request(b, token, raced), request(a, token, raced), request(b, token, raced)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401, 401, 401]);
    // the key expires with the proof's window (maxAge 60 + 2 × 5 s of leeway)
    const keys = await clients.all[0].keys('depends-dpop:*');
    expect(keys.length).toBeGreaterThanOrEqual(2);
    const ttl = await clients.all[0].pttl(keys[0]);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(70_000);
  });

  test('Redis stopped mid-run: refuse → 503 + Retry-After, allow → accepted, health says down; back: checked in Redis again', async () => {
    const refusing = await instance('refuse');
    const allowing = await instance('allow');
    const token = await idp.sign({ sub: 'alice', cnf: { jkt: key.jkt } });
    expect((await request(refusing, token, await fresh(token))).status).toBe(200);
    const port = redis.port;
    await redis.stop();
    const refused = await request(refusing, token, await fresh(token));
    expect([refused.status, refused.header('retry-after'), refused.json()]).toEqual([503, '5', { detail: 'The DPoP replay store cannot be reached, try again later' }]);
    expect((await refusing.get('/health')).json()).toEqual({ dpopReplayStore: 'down' });
    const allowed = await request(allowing, token, await fresh(token));
    expect([allowed.status, allowed.json()]).toEqual([200, { sub: 'alice' }]);
    expect(refusing.events.map((e) => [e.store, e.action])).toEqual([['down', 'refuse']]);
    expect(allowing.events.map((e) => [e.store, e.action])).toEqual([['down', 'allow']]);
    redis = await startRedis({ port });
    // the clients reconnect on their own; wait until both stores say they are up
    const up = () => refusing.binding.health().store === 'up' && allowing.binding.health().store === 'up';
    for (let i = 0; i < 1200 && !up(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(up()).toBe(true);
    const proof = await fresh(token);
    expect((await request(refusing, token, proof)).status).toBe(200);
    expect((await request(allowing, token, proof)).status).toBe(401); // seen in Redis by the other instance
    expect((await refusing.get('/health')).json()).toEqual({ dpopReplayStore: 'up' });
  });
});
