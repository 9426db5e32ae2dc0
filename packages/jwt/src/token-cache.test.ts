import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { DependsApp, Router, security } from '@depends/core';
import { createRequestView, type Outcome } from '@depends/core/adapter';
import type { JWTVerifyResult } from 'jose';
import { z } from 'zod';
import { jwtBearer, type JwtBearerOptions } from './jwt-bearer.js';
import { KeySource } from './keys.js';
import { VerifiedTokens, ageInSeconds } from './token-cache.js';
import { AUDIENCE, startIssuer } from './test/issuer.js';

const idp = await startIssuer();
afterAll(() => idp.close());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function appWith(options: Partial<JwtBearerOptions<any, any>>) {
  const router = new Router();
  router.get('/me', { auth: jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, cooldownDuration: 0, ...options }) }, ({ auth }) => ({ sub: auth.claims.sub }));
  const app = new DependsApp({ title: 'cache' });
  app.include(router);
  return (token: string) => app.request({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${token}` } });
}

const now = () => Math.floor(Date.now() / 1000);

describe('jwtBearer({ tokenCache })', () => {
  test('a token seen again is not verified again; without the option, every request verifies', async () => {
    const verify = vi.spyOn(KeySource.prototype, 'verify');
    const cached = appWith({ tokenCache: true });
    const token = await idp.sign({ sub: 'alice' });
    for (let i = 0; i < 3; i++) expect([(await cached(token)).status, (await cached(token)).json()]).toEqual([200, { sub: 'alice' }]);
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockClear();
    const plain = appWith({});
    for (let i = 0; i < 3; i++) expect((await plain(token)).status).toBe(200);
    expect(verify).toHaveBeenCalledTimes(3);
  });

  test('a cached token is answered synchronously (no promise: the route stays synchronous), with the per-route checks still run', async () => {
    const app = new DependsApp({ title: 'cache' });
    const scheme = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, cooldownDuration: 0, tokenCache: true });
    const route = app.route('GET', '/reports', { auth: security(scheme, { scopes: ['reports:read'] }) }, ({ auth }) => ({ sub: auth.claims.sub }));
    const view = (token: string) => createRequestView({ method: 'GET', url: '/reports', headers: { authorization: `Bearer ${token}` } });
    const reader = await idp.sign({ sub: 'alice', scope: 'reports:read' });
    const other = await idp.sign({ sub: 'bob', scope: 'notes:read' });
    const first = app.handle(route, view(reader));
    expect(first).toBeInstanceOf(Promise); // verified: the key set, jose
    expect((await first).answer.status).toBe(200);
    const again = app.handle(route, view(reader));
    expect(again).not.toBeInstanceOf(Promise);
    expect([(again as Outcome).answer.status, JSON.parse(String((again as Outcome).answer.body))]).toEqual([200, { sub: 'alice' }]);
    await app.handle(route, view(other)); // cached too, but without the scope
    const refused = app.handle(route, view(other)) as Outcome;
    expect(refused).not.toBeInstanceOf(Promise);
    expect([refused.answer.status, refused.answer.headers.find(([n]) => n === 'www-authenticate')?.[1]]).toEqual([403, expect.stringContaining('insufficient_scope')]);
  });

  test('a cached token still meets the claims schema on every request: the same 401 verified and from the cache', async () => {
    const app = new DependsApp({ title: 'cache' });
    const scheme = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, cooldownDuration: 0, tokenCache: true, claims: z.object({ tenant: z.string() }) });
    const route = app.route('GET', '/me', { auth: scheme }, ({ auth }) => ({ tenant: auth.claims.tenant }));
    const view = (token: string) => createRequestView({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${token}` } });
    const without = await idp.sign({ sub: 'alice' });
    const first = await app.handle(route, view(without));
    const again = app.handle(route, view(without));
    expect(again).not.toBeInstanceOf(Promise); // from the cache, refused synchronously
    expect([(again as Outcome).answer.status, String((again as Outcome).answer.body)]).toEqual([first.answer.status, String(first.answer.body)]);
    expect(first.answer.status).toBe(401);
    const tenant = await idp.sign({ sub: 'bob', tenant: 'acme' });
    await app.handle(route, view(tenant));
    const hit = app.handle(route, view(tenant)) as Outcome;
    expect([hit.answer.status, JSON.parse(String(hit.answer.body))]).toEqual([200, { tenant: 'acme' }]);
  });

  test('jwtBearer({ issuers }): a cached token is answered synchronously too, with the issuer that verified it', async () => {
    const app = new DependsApp({ title: 'cache' });
    const scheme = jwtBearer({ issuers: [{ issuer: idp.issuer, audience: AUDIENCE, cooldownDuration: 0, tokenCache: true }] });
    const route = app.route('GET', '/me', { auth: scheme }, ({ auth }) => ({ sub: auth.claims.sub, issuer: auth.issuer }));
    const view = (token: string) => createRequestView({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${token}` } });
    const token = await idp.sign({ sub: 'alice' });
    expect((await app.handle(route, view(token))).answer.status).toBe(200);
    const hit = app.handle(route, view(token));
    expect(hit).not.toBeInstanceOf(Promise);
    expect(JSON.parse(String((hit as Outcome).answer.body))).toEqual({ sub: 'alice', issuer: idp.issuer });
  });

  test('refusals are never cached: a bad token is checked, and refused, every time', async () => {
    const verify = vi.spyOn(KeySource.prototype, 'verify');
    const get = appWith({ tokenCache: true });
    const forged = await idp.sign({ sub: 'mallory' }, { key: await idp.foreignKey() });
    for (let i = 0; i < 3; i++) expect((await get(forged)).status).toBe(401);
    expect(verify).toHaveBeenCalledTimes(3);
  });

  test('an entry ends at exp: the same token later is refused as expired', async () => {
    const get = appWith({ tokenCache: true });
    const token = await idp.sign({ sub: 'alice', exp: now() + 30 });
    expect((await get(token)).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'], now: (now() + 60) * 1000 });
    const res = await get(token);
    expect([res.status, res.header('www-authenticate')]).toEqual([401, 'Bearer error="invalid_token", error_description="The token has expired"']);
  });

  test('an entry ends at iat + maxTokenAge', async () => {
    const get = appWith({ tokenCache: true, maxTokenAge: '1m' });
    const token = await idp.sign({ sub: 'alice' });
    expect((await get(token)).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'], now: (now() + 120) * 1000 });
    expect((await get(token)).status).toBe(401);
  });

  test('a key the provider stopped publishing: once the key set is fetched again, its cached tokens are refused', async () => {
    const get = appWith({ tokenCache: true });
    const old = await idp.sign({ sub: 'alice' });
    expect((await get(old)).status).toBe(200);
    await idp.rotate({ keep: false });
    // a token with the new key makes jose fetch the set again; the old key is gone from it
    expect((await get(await idp.sign({ sub: 'bob' }))).status).toBe(200);
    const res = await get(old);
    expect([res.status, res.header('www-authenticate')]).toEqual([401, 'Bearer error="invalid_token", error_description="The token is signed with an unknown key"']);
  });

  test('a maxTokenAge the cache cannot read is refused at startup', () => {
    expect(() => jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, tokenCache: true, maxTokenAge: '1 fortnight' })).toThrow(/tokenCache needs maxTokenAge/);
  });
});

describe('VerifiedTokens', () => {
  const result = (payload: Record<string, unknown>) => ({ payload, protectedHeader: { alg: 'RS256' } }) as unknown as JWTVerifyResult;

  test('bounded: the oldest entry goes first', () => {
    const keys = {};
    const cache = new VerifiedTokens({ maxEntries: 2 }, () => keys);
    for (const t of ['a', 'b', 'c']) cache.put(t, result({ exp: now() + 60 }), undefined);
    expect(cache.size).toBe(2);
    expect([cache.get('a'), cache.get('b')?.payload, cache.get('c')?.payload]).toEqual([undefined, { exp: expect.any(Number) }, { exp: expect.any(Number) }]);
  });

  test('a changed or stale key set ends every entry; nothing is kept without exp', () => {
    let keys: object | undefined = {};
    const cache = new VerifiedTokens({}, () => keys);
    cache.put('a', result({ exp: now() + 60 }), undefined);
    cache.put('b', result({ exp: now() + 60 }), undefined);
    cache.put('c', result({}), undefined);
    expect(cache.size).toBe(2);
    keys = undefined;
    expect(cache.get('a')).toBeUndefined();
    keys = {};
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  test('each hit gives its own copy of the claims', () => {
    const keys = {};
    const cache = new VerifiedTokens({}, () => keys);
    cache.put('a', result({ exp: now() + 60, sub: 'alice' }), undefined);
    (cache.get('a')!.payload as { sub: string }).sub = 'mallory';
    expect(cache.get('a')!.payload.sub).toBe('alice');
  });

  test('maxTokenAge forms', () => {
    expect([ageInSeconds(90), ageInSeconds('90'), ageInSeconds('5m'), ageInSeconds('1h'), ageInSeconds('2d'), ageInSeconds('soon')]).toEqual([90, 90, 300, 3600, 172_800, undefined]);
    expect(() => new VerifiedTokens({ maxEntries: 0 }, () => ({}))).toThrow(/maxEntries/);
  });
});
