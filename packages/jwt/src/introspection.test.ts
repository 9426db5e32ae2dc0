import { afterAll, describe, expect, test } from 'vitest';
import { ConfigurationError, DependsApp, Router, security } from '@depends/core';
import { tokenIntrospection, type TokenIntrospectionOptions } from './introspection.js';
import { AUDIENCE, startIssuer, type TestIssuer } from './test/issuer.js';

const idp = await startIssuer();
afterAll(() => idp.close());
const now = () => Math.floor(Date.now() / 1000);
idp.opaque.set('alice-token', { sub: 'alice', scope: 'read', aud: AUDIENCE, iss: idp.issuer, exp: now() + 300, client_id: 'web' });
idp.opaque.set('other-aud', { sub: 'bob', scope: 'read', aud: 'api://other', exp: now() + 300 });
idp.opaque.set('expired', { sub: 'carol', scope: 'read', aud: AUDIENCE, exp: now() - 10 });
idp.opaque.set('no-scope', { sub: 'dave', aud: AUDIENCE, exp: now() + 300 });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `/me` and `/read` (scope `read`) behind introspection at `issuer` (the shared test issuer by default); no wait after a failure unless given. */
function appWith(options: Partial<TokenIntrospectionOptions<true>> = {}, issuer: TestIssuer = idp) {
  const scheme = tokenIntrospection({ issuer: issuer.issuer, clientId: 'api', clientSecret: 'api-secret', audience: AUDIENCE, maxRetryDelay: 0, ...options });
  const router = new Router();
  router.get('/me', { auth: scheme }, ({ auth }) => auth);
  router.get('/read', { auth: security(scheme, { scopes: ['read'] }) }, ({ auth }) => ({ sub: auth.claims.sub }));
  const app = new DependsApp();
  app.include(router);
  return { app, get: (url: string, token?: string) => app.request({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} }) };
}
const refused = (d: string) => `Bearer error="invalid_token", error_description="${d}"`;

describe('tokenIntrospection', () => {
  test('an active token: the response and its scopes; the token is not echoed', async () => {
    const { get } = appWith();
    const res = await get('/me', 'alice-token');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ claims: expect.objectContaining({ active: true, sub: 'alice', client_id: 'web' }), scopes: ['read'] });
    expect(JSON.stringify(res.json())).not.toContain('alice-token');
    expect((await get('/read', 'alice-token')).json()).toEqual({ sub: 'alice' });
  });

  test.each([
    ['unknown (inactive)', 'nope', 'The token is not active'],
    ['for another audience', 'other-aud', 'The token is for another audience'],
    ['expired', 'expired', 'The token has expired'],
  ])('%s: 401 invalid_token', async (_n, token, description) => {
    const res = await appWith().get('/me', token);
    expect([res.status, res.header('www-authenticate')]).toEqual([401, refused(description)]);
  });

  test('a missing scope: 403; no token: 401 Bearer', async () => {
    const { get } = appWith();
    expect((await get('/read', 'no-scope')).header('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="read"');
    expect([(await get('/me')).status, (await get('/me')).header('www-authenticate')]).toEqual([401, 'Bearer']);
  });

  test('the API authenticates at the endpoint: wrong client credentials are a provider problem (503), not the token', async () => {
    const reported: unknown[] = [];
    const res = await appWith({ clientSecret: 'wrong', onProviderError: (e) => reported.push(e) }).get('/me', 'alice-token');
    expect(res.status).toBe(503);
    expect(String(reported[0])).toContain('answered 401');
  });

  test('cached: one call per token, concurrent requests share it; bounded: the oldest is dropped', async () => {
    const { get } = appWith({ cache: { max: 2, ttl: 60 }, introspectionUrl: `${idp.issuer}/introspect`, issuer: undefined });
    idp.opaque.set('t1', { sub: '1', aud: AUDIENCE });
    idp.opaque.set('t2', { sub: '2', aud: AUDIENCE });
    idp.opaque.set('t3', { sub: '3', aud: AUDIENCE });
    const count = () => idp.hits['/introspect'] ?? 0;
    const start = count();
    await Promise.all([get('/me', 't1'), get('/me', 't1'), get('/me', 't1')]);
    await get('/me', 't1');
    expect(count() - start).toBe(1);
    await get('/me', 't2');
    await get('/me', 't3'); // t1 dropped
    expect(count() - start).toBe(3);
    await get('/me', 't3');
    await get('/me', 't1');
    expect(count() - start).toBe(4);
  });

  test('cache: false asks every time; a cached token is not kept past its exp', async () => {
    const { get } = appWith({ cache: false });
    const start = idp.hits['/introspect'] ?? 0;
    await get('/me', 'alice-token');
    await get('/me', 'alice-token');
    expect((idp.hits['/introspect'] ?? 0) - start).toBe(2);
    // exp at least a second ahead (now() is whole seconds), so a busy machine still sees it valid first
    const exp = now() + 2;
    idp.opaque.set('short', { sub: 's', aud: AUDIENCE, exp });
    const cached = appWith();
    expect((await cached.get('/me', 'short')).status).toBe(200);
    await new Promise((r) => setTimeout(r, Math.max(0, exp * 1000 - Date.now()) + 100));
    expect((await cached.get('/me', 'short')).status).toBe(401);
  });

  test('the provider down: cached tokens keep working, others get 503 with Retry-After', async () => {
    const { get } = appWith({ maxRetryDelay: 10_000 });
    expect((await get('/me', 'alice-token')).status).toBe(200);
    idp.mode = 'refuse';
    try {
      expect((await get('/me', 'alice-token')).status).toBe(200);
      const res = await get('/me', 'no-scope');
      expect(res.status).toBe(503);
      expect(Number(res.header('retry-after'))).toBeGreaterThan(0);
    } finally {
      idp.mode = 'up';
    }
  });

  test('down when the first token arrives, back 2 s later: 503 with Retry-After meanwhile, and 200 within a second of its return', async () => {
    const blip = await startIssuer({ down: true });
    try {
      blip.opaque.set('blip-token', { sub: 'erin', aud: AUDIENCE, exp: now() + 300 });
      const reported: unknown[] = [];
      // the default waits
      const { get } = appWith({ maxRetryDelay: undefined, onProviderError: (e) => reported.push(e) }, blip);
      const downSince = performance.now();
      do {
        const answers = await Promise.all([get('/me', 'blip-token'), get('/me', 'other-token')]);
        for (const res of answers) expect([res.status, res.header('retry-after')]).toEqual([503, '1']);
        await sleep(100);
      } while (performance.now() - downSince < 2000);
      // one report per attempt, the attempts spaced: far fewer than the requests
      expect(reported.length).toBeGreaterThan(1);
      expect(reported.length).toBeLessThanOrEqual(8);
      await blip.listen();
      const up = performance.now();
      let status = 0;
      while (performance.now() - up < 60_000 && (status = (await get('/me', 'blip-token')).status) === 503) await sleep(100);
      const recovered = performance.now() - up;
      expect(status).toBe(200);
      expect(recovered, `the first 200 came ${Math.round(recovered)} ms after the provider was back`).toBeLessThan(1000);
    } finally {
      await blip.close();
    }
  });

  test('cooldownDuration (deprecated) is taken as the longest wait', async () => {
    const { get } = appWith({ maxRetryDelay: undefined, cooldownDuration: 0, cache: false });
    idp.mode = 'error';
    try {
      const discovery = () => idp.hits['/.well-known/openid-configuration'] ?? 0;
      const start = discovery();
      expect((await get('/me', 'alice-token')).status).toBe(503);
      expect((await get('/me', 'alice-token')).status).toBe(503);
      expect(discovery() - start).toBe(2); // no wait at all
    } finally {
      idp.mode = 'up';
    }
  });

  test('documented like jwtBearer: openIdConnect at the discovery document, or an HTTP bearer', () => {
    expect(appWith().app.openapi().components?.securitySchemes).toEqual({ OpenIdConnect: { type: 'openIdConnect', openIdConnectUrl: idp.discoveryUrl } });
    const direct = appWith({ issuer: undefined, introspectionUrl: `${idp.issuer}/introspect` });
    expect(direct.app.openapi().components?.securitySchemes).toEqual({ OpaqueBearer: { type: 'http', scheme: 'bearer' } });
  });

  test.each([
    [{ clientSecret: '' }, 'clientId and clientSecret'],
    [{ issuer: undefined }, 'give issuer'],
    [{ introspectionUrl: '/x' }, 'not an absolute URL'],
    [{ introspectionUrl: 'https://x/i', discoveryUrl: 'https://x/d' }, 'not both'],
    [{ cache: { max: -1 } }, 'cache.max'],
    [{ retryDelay: -5 }, 'retryDelay must be a non-negative number of milliseconds'],
  ])('configuration mistakes fail at startup: %j', (options, message) => {
    const make = () => tokenIntrospection({ issuer: 'https://id.example.com', clientId: 'api', clientSecret: 's', ...(options as object) } as TokenIntrospectionOptions);
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow(message);
  });
});
