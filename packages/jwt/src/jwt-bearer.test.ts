import { afterAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { ConfigurationError, DependsApp, Router, security } from '@depends/core';
import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { jwtBearer, type JwtBearerOptions } from './jwt-bearer.js';
import { AUDIENCE, startIssuer, type TestIssuer } from './test/issuer.js';

const idp: TestIssuer = await startIssuer();
afterAll(() => idp.close());

/** An app with one scheme on `/me` (any token), `/read` (scope `read`) and `/maybe` (optional), trusting `issuer` (the shared test issuer by default). */
function appWith(options: Partial<JwtBearerOptions<any, any>> = {}, issuer: TestIssuer = idp) {
  const scheme = jwtBearer({ issuer: issuer.issuer, audience: AUDIENCE, cooldownDuration: 0, ...options });
  const maybe = jwtBearer({ issuer: issuer.issuer, audience: AUDIENCE, ...options, autoError: false });
  const router = new Router();
  router.get('/me', { auth: scheme }, ({ auth }) => auth);
  router.get('/read', { auth: security(scheme, { scopes: ['read'] }) }, ({ auth }) => ({ sub: auth.claims.sub }));
  router.get('/maybe', { auth: maybe }, ({ auth }) => ({ sub: auth?.claims.sub ?? null }));
  const app = new DependsApp({ title: 'JWT' });
  app.include(router);
  const get = (url: string, token?: string) => app.request({ method: 'GET', url, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return { app, scheme, get };
}

const refused = (description: string) => `Bearer error="invalid_token", error_description="${description}"`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('verification', () => {
  const { get } = appWith();

  test('a valid token: the claims, the scopes and the header; the token itself is not echoed as JSON', async () => {
    const token = await idp.sign({ sub: 'alice', scope: 'read write' });
    const res = await get('/me', token);
    expect(res.status).toBe(200);
    const body = res.json() as { claims: JWTPayload; scopes: string[]; header: Record<string, unknown> };
    expect(body.claims).toMatchObject({ sub: 'alice', iss: idp.issuer, aud: AUDIENCE });
    expect(body.scopes).toEqual(['read', 'write']);
    expect(body.header).toMatchObject({ alg: 'RS256', kid: idp.current().kid });
    expect(JSON.stringify(body)).not.toContain(token);
  });

  test('no token, another scheme, an empty bearer: 401 Not authenticated with the Bearer challenge', async () => {
    for (const headers of [{}, { authorization: 'Basic YTpi' }, { authorization: 'Bearer ' }]) {
      const { app } = appWith();
      const res = await app.request({ method: 'GET', url: '/me', headers });
      expect([res.status, res.header('www-authenticate'), res.json()]).toEqual([401, 'Bearer', { detail: 'Not authenticated' }]);
    }
  });

  test('autoError: false gives undefined without a token, and still refuses a bad one', async () => {
    expect((await get('/maybe')).json()).toEqual({ sub: null });
    expect((await get('/maybe', await idp.sign({ sub: 'bob' }))).json()).toEqual({ sub: 'bob' });
    expect((await get('/maybe', 'not-a-jwt')).status).toBe(401);
  });

  test.each([
    ['expired', async () => idp.sign({ exp: Math.floor(Date.now() / 1000) - 60 }), 'The token has expired'],
    ['for another audience', async () => idp.sign({ aud: 'api://other' }), 'The token is for another audience'],
    ['from another issuer', async () => idp.sign({ iss: 'https://evil.example' }), 'The token is from another issuer'],
    ['not valid yet', async () => idp.sign({ nbf: Math.floor(Date.now() / 1000) + 3600 }), 'The token is not valid yet'],
    ['without exp', async () => idp.sign({ exp: undefined }), 'The token has no \\"exp\\" claim'],
    ['signed by a key the issuer never published', async () => idp.sign({}, { key: await idp.foreignKey() }), 'The token is signed with an unknown key'],
    [
      'signed by another key under a published kid',
      async () => idp.sign({}, { key: { ...(await idp.foreignKey()), kid: idp.current().kid } }),
      'The token signature is invalid',
    ],
    [
      'alg none',
      async () => new UnsecuredJWT({ iss: idp.issuer, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 60 }).encode(),
      'The token is signed with an algorithm that is not allowed',
    ],
    [
      'HS256 with the public key as the secret (algorithm confusion)',
      async () =>
        new SignJWT({ iss: idp.issuer, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 60 })
          .setProtectedHeader({ alg: 'HS256', kid: idp.current().kid })
          .sign(new TextEncoder().encode(JSON.stringify(idp.current().jwk))),
      'The token is signed with an algorithm that is not allowed',
    ],
    ['malformed', async () => 'abc.def', 'The token is malformed'],
    ['garbage in the header', async () => `${Buffer.from('{"alg":').toString('base64url')}.e30.c2ln`, 'The token is malformed'],
  ])('%s: 401 invalid_token saying so, and nothing more', async (_name, make, description) => {
    const token = await make();
    const res = await get('/me', token);
    expect(res.status).toBe(401);
    expect(res.header('www-authenticate')).toBe(refused(description));
    expect(res.json()).toEqual({ detail: 'Could not validate credentials' });
    expect(JSON.stringify([res.json(), res.header('www-authenticate')])).not.toContain(token);
  });

  test('clock tolerance: 5 seconds by default, configurable', async () => {
    const justExpired = await idp.sign({ exp: Math.floor(Date.now() / 1000) - 2 });
    expect((await get('/me', justExpired)).status).toBe(200);
    expect((await appWith({ clockTolerance: 0 }).get('/me', justExpired)).status).toBe(401);
    expect((await appWith({ clockTolerance: '1m' }).get('/me', await idp.sign({ exp: Math.floor(Date.now() / 1000) - 30 }))).status).toBe(200);
  });

  test('required claims and typ', async () => {
    const strict = appWith({ requiredClaims: ['sub', 'client_id'], typ: 'at+jwt' });
    expect((await strict.get('/me', await idp.sign({ sub: 'a', client_id: 'c' }))).status).toBe(200);
    expect((await strict.get('/me', await idp.sign({ sub: 'a' }))).header('www-authenticate')).toBe(refused('The token has no \\"client_id\\" claim'));
    const idToken = await idp.sign({ sub: 'a', client_id: 'c' }, { header: { typ: 'JWT' } });
    expect((await strict.get('/me', idToken)).header('www-authenticate')).toBe(refused('The token is not an access token'));
  });

  test('several audiences: a token for any of them is accepted', async () => {
    const { get: getMulti } = appWith({ audience: ['api://a', AUDIENCE] });
    expect((await getMulti('/me', await idp.sign({ aud: ['api://b', AUDIENCE] }))).status).toBe(200);
    expect((await getMulti('/me', await idp.sign({ aud: 'api://b' }))).status).toBe(401);
  });
});

describe('scopes', () => {
  test('a required scope the token grants: 200; one it lacks: 403 insufficient_scope', async () => {
    const { get } = appWith();
    expect((await get('/read', await idp.sign({ sub: 'a', scope: 'openid read' }))).json()).toEqual({ sub: 'a' });
    const res = await get('/read', await idp.sign({ sub: 'a', scope: 'openid' }));
    expect(res.status).toBe(403);
    expect(res.header('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="read"');
    expect(res.json()).toEqual({ detail: 'Not enough permissions' });
  });

  test('scp arrays (Entra ID, Okta) and a custom source', async () => {
    const { get } = appWith();
    expect((await get('/read', await idp.sign({ scp: ['read'] }))).status).toBe(200);
    const roles = appWith({ scopeClaim: 'roles' });
    expect((await roles.get('/read', await idp.sign({ roles: ['read'], scope: 'other' }))).status).toBe(200);
    expect((await roles.get('/read', await idp.sign({ scope: 'read' }))).status).toBe(403);
    const fn = appWith({ scopeClaim: (c) => (c.admin === true ? ['read'] : []) });
    expect((await fn.get('/read', await idp.sign({ admin: true }))).status).toBe(200);
  });

  test('a bad token on a scoped route is a 401, not a 403', async () => {
    const { get } = appWith();
    expect((await get('/read', await idp.sign({ aud: 'api://other', scope: 'read' }))).status).toBe(401);
  });
});

describe('custom claims', () => {
  const scheme = jwtBearer({ issuer: 'https://placeholder.example', audience: AUDIENCE, jwks: { keys: [] }, claims: z.object({ tenant: z.string() }) });

  test('a zod schema checks them; a mismatch is 401 "The token has invalid claims"', async () => {
    const { get } = appWith({ claims: z.object({ tenant: z.string(), level: z.number().default(1) }) });
    const ok = await get('/me', await idp.sign({ sub: 'a', tenant: 'acme' }));
    expect((ok.json() as { claims: unknown }).claims).toMatchObject({ sub: 'a', tenant: 'acme', level: 1 });
    const bad = await get('/me', await idp.sign({ sub: 'a', tenant: 42 }));
    expect([bad.status, bad.header('www-authenticate')]).toEqual([401, refused('The token has invalid claims')]);
    expect(scheme.name).toBe('JWTBearer');
  });
});

describe('keys', () => {
  test('fetched lazily (discovery once, then the JWKS), then cached', async () => {
    const before = { ...idp.hits };
    const { get } = appWith();
    expect(idp.hits).toEqual(before);
    const token = await idp.sign({ sub: 'a' });
    await Promise.all([get('/me', token), get('/me', token), get('/me', token)]);
    await get('/me', token);
    expect((idp.hits['/.well-known/openid-configuration'] ?? 0) - (before['/.well-known/openid-configuration'] ?? 0)).toBe(1);
    expect((idp.hits['/jwks'] ?? 0) - (before['/jwks'] ?? 0)).toBe(1);
  });

  test('rotation: a token with a new kid makes one fetch, then verifies; unknown kids refetch at most once per cooldown', async () => {
    const { get } = appWith({ cooldownDuration: 60_000 });
    expect((await get('/me', await idp.sign({ sub: 'a' }))).status).toBe(200);
    const jwksBefore = idp.hits['/jwks'];
    // Right after the first fetch the cooldown is running: a new key is not looked for yet.
    const rotated = await idp.rotate();
    const early = await get('/me', await idp.sign({ sub: 'a' }, { key: rotated }));
    expect(early.header('www-authenticate')).toBe(refused('The token is signed with an unknown key'));
    expect(idp.hits['/jwks']).toBe(jwksBefore);

    const fresh = appWith({ cooldownDuration: 0 });
    expect((await fresh.get('/me', await idp.sign({ sub: 'a' }))).status).toBe(200);
    const newer = await idp.rotate();
    const count = idp.hits['/jwks'];
    expect((await fresh.get('/me', await idp.sign({ sub: 'b' }, { key: newer }))).status).toBe(200);
    expect(idp.hits['/jwks']).toBe(count + 1);
  });

  test('a key the provider removed is refused once the cache is refreshed', async () => {
    const { get } = appWith({ cacheMaxAge: 0 });
    const old = idp.current();
    expect((await get('/me', await idp.sign({}, { key: old }))).status).toBe(200);
    await idp.rotate({ keep: false });
    expect((await get('/me', await idp.sign({}, { key: old }))).header('www-authenticate')).toBe(refused('The token is signed with an unknown key'));
  });

  test('static keys: no fetch at all, documented as an HTTP bearer JWT', async () => {
    const before = idp.hits['/jwks'];
    const { get, app } = appWith({ jwks: { keys: [idp.current().jwk] } });
    expect((await get('/me', await idp.sign({ sub: 's' }))).status).toBe(200);
    expect(idp.hits['/jwks']).toBe(before);
    expect(app.openapi().components?.securitySchemes).toEqual({ JWTBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } });
  });

  test('a JWKS URL without discovery', async () => {
    const discovery = idp.hits['/.well-known/openid-configuration'];
    const { get } = appWith({ jwksUri: idp.jwksUri });
    expect((await get('/me', await idp.sign({ sub: 's' }))).status).toBe(200);
    expect(idp.hits['/.well-known/openid-configuration']).toBe(discovery);
  });
});

describe('an unreachable provider', () => {
  test('down when the first token arrives, back 2 s later: 503 with Retry-After meanwhile, and 200 within a second of its return', async () => {
    // nothing listens on the issuer's port: connections are refused
    const blip = await startIssuer({ down: true });
    try {
      // the default timings: what an app gets without tuning anything
      const scheme = jwtBearer({ issuer: blip.issuer, audience: AUDIENCE });
      const app = new DependsApp();
      app.route('GET', '/me', { auth: scheme }, ({ auth }) => ({ sub: auth.claims.sub }));
      const token = await blip.sign({ sub: 'a' });
      const get = () => app.request({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${token}` } });
      const downSince = performance.now();
      let whileDown = 0;
      do {
        const res = await get();
        expect(res.status).toBe(503);
        expect(res.json()).toEqual({ detail: 'The identity provider cannot be reached to verify the token' });
        // the next attempt is less than a second away: the smallest Retry-After HTTP can say
        expect(res.header('retry-after')).toBe('1');
        whileDown++;
        await sleep(100);
      } while (performance.now() - downSince < 2000);
      expect(whileDown).toBeGreaterThan(5);

      await blip.listen();
      const up = performance.now();
      let status = 0;
      while (performance.now() - up < 60_000) {
        status = (await get()).status;
        if (status !== 503) break;
        await sleep(100);
      }
      const recovered = performance.now() - up;
      expect(status).toBe(200);
      expect(recovered, `the first 200 came ${Math.round(recovered)} ms after the provider was back`).toBeLessThan(1000);
    } finally {
      await blip.close();
    }
  }, 90_000);

  test('nothing listening at the provider: a token signed with a key already fetched answers 200 throughout; a key never seen 503 until it is back', async () => {
    const own = await startIssuer();
    try {
      // cacheMaxAge 0: every request would fetch the keys again, so each one meets the outage
      const { get } = appWith({ cacheMaxAge: 0, cooldownDuration: 30_000 }, own);
      const token = await own.sign({ sub: 'a' });
      expect((await get('/me', token)).status).toBe(200);
      await own.close();
      const newKey = await own.rotate();
      const rotated = await own.sign({ sub: 'b' }, { key: newKey });
      const downSince = performance.now();
      do {
        expect((await get('/me', token)).status).toBe(200);
        const res = await get('/me', rotated);
        expect([res.status, res.header('retry-after')]).toEqual([503, '1']);
        await sleep(100);
      } while (performance.now() - downSince < 1000);
      await own.listen();
      const up = performance.now();
      let status = 0;
      while (performance.now() - up < 10_000 && (status = (await get('/me', rotated)).status) === 503) await sleep(100);
      expect(status).toBe(200);
      expect(performance.now() - up).toBeLessThan(1000);
      expect((await get('/me', token)).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  test('a flood of tokens with unknown kids: one key-set fetch while the provider is up (concurrent requests share it, then the cooldown), a few while it fails', async () => {
    const { get } = appWith({ cooldownDuration: 300 });
    expect((await get('/me', await idp.sign({ sub: 'a' }))).status).toBe(200);
    const foreign = await idp.foreignKey();
    const forged = await Promise.all(Array.from({ length: 20 }, (_, i) => idp.sign({ sub: 'x' }, { key: { ...foreign, kid: `made-up-${i}` } })));
    const jwks = () => idp.hits['/jwks'] ?? 0;
    await sleep(350); // past the cooldown: an unknown kid may be a new key
    const before = jwks();
    const together = await Promise.all(forged.map((t) => get('/me', t)));
    for (const t of forged) expect((await get('/me', t)).status).toBe(401);
    expect(together.map((r) => r.header('www-authenticate'))).toEqual(forged.map(() => refused('The token is signed with an unknown key')));
    expect(jwks() - before).toBe(1);

    // the provider failing: attempts spaced by the waits (100–200 ms, then doubling up to 600 ms), whatever the flood
    await sleep(350);
    idp.mode = 'error';
    try {
      const start = jwks();
      const since = performance.now();
      while (performance.now() - since < 1000) {
        const answers = await Promise.all(forged.slice(0, 5).map((t) => get('/me', t)));
        for (const res of answers) expect([res.status, res.header('retry-after')]).toEqual([503, '1']);
        await sleep(10);
      }
      // attempts at 0, then at least 100, 200, 300 and 300 ms apart: 5 within a second (one more at its very end)
      expect(jwks() - start).toBeGreaterThan(1);
      expect(jwks() - start).toBeLessThanOrEqual(6);
    } finally {
      idp.mode = 'up';
    }
  });

  test('Retry-After is the time until the next attempt, in whole seconds', async () => {
    const { get } = appWith({ retryDelay: 5000, maxRetryDelay: 5000 });
    idp.mode = 'refuse';
    try {
      const res = await get('/me', await idp.sign({ sub: 'a' }));
      expect(res.status).toBe(503);
      // the wait is 2.5 to 5 s (jittered)
      expect(res.header('retry-after')).toMatch(/^[345]$/);
    } finally {
      idp.mode = 'up';
    }
  });
  test('cached keys keep working, even past their cache age; only a token needing the provider gets 503 with Retry-After', async () => {
    const reported: unknown[] = [];
    const { get } = appWith({ cacheMaxAge: 0, cooldownDuration: 30_000, onProviderError: (e) => reported.push(e) });
    const token = await idp.sign({ sub: 'a' });
    expect((await get('/me', token)).status).toBe(200);
    for (const mode of ['error', 'refuse'] as const) {
      idp.mode = mode;
      try {
        expect((await get('/me', token)).status).toBe(200);
        expect((await get('/me', await idp.sign({ sub: 'b' }))).status).toBe(200);
        // a key never seen: it may be new, and the provider cannot say
        const res = await get('/me', await idp.sign({}, { key: await idp.foreignKey() }));
        expect(res.status).toBe(503);
        expect(res.json()).toEqual({ detail: 'The identity provider cannot be reached to verify the token' });
        expect(Number(res.header('retry-after'))).toBeGreaterThan(0);
        // still refused for what can be checked without it
        expect((await get('/me', await idp.sign({ aud: 'api://other' }))).status).toBe(401);
      } finally {
        idp.mode = 'up';
      }
    }
    expect(reported.length).toBeGreaterThan(0);
  });

  test('no keys yet and the provider down: 503; it is asked again after a short wait, whatever the cooldown', async () => {
    const reported: unknown[] = [];
    const { get } = appWith({ cooldownDuration: 60_000, onProviderError: (e) => reported.push(e) });
    idp.mode = 'refuse';
    const token = await idp.sign({ sub: 'a' });
    try {
      const res = await get('/me', token);
      expect(res.status).toBe(503);
      expect(res.header('retry-after')).toBe('1');
      const hits = idp.hits['/.well-known/openid-configuration'];
      const again = await Promise.all([get('/me', token), get('/me', token), get('/me', token)]);
      expect(again.map((r) => r.status)).toEqual([503, 503, 503]);
      expect(idp.hits['/.well-known/openid-configuration']).toBe(hits); // within the wait: not asked
      expect(reported).toHaveLength(1);
    } finally {
      idp.mode = 'up';
    }
    await sleep(250); // the first wait is 100–200 ms
    expect((await get('/me', token)).status).toBe(200);
  });

  test('a discovery document naming another issuer is refused (503, reported)', async () => {
    const reported: unknown[] = [];
    const { get } = appWith({ issuer: 'https://id.example.com', discoveryUrl: idp.discoveryUrl, onProviderError: (e) => reported.push(e) });
    const res = await get('/me', await idp.sign({ iss: 'https://id.example.com' }));
    expect(res.status).toBe(503);
    expect(String(reported[0])).toContain('discovery names the issuer');
  });
});

describe('the document', () => {
  test('an openIdConnect scheme pointing at discovery; scopes in the requirement; 401, 403 and 503 documented', () => {
    const { app } = appWith({ description: 'Tokens from the test issuer' });
    const doc = app.openapi();
    expect(doc.components?.securitySchemes).toEqual({
      OpenIdConnect: { type: 'openIdConnect', description: 'Tokens from the test issuer', openIdConnectUrl: idp.discoveryUrl },
    });
    const read = doc.paths['/read'].get!;
    expect(read.security).toEqual([{ OpenIdConnect: ['read'] }]);
    expect(Object.keys(read.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '403', '503']));
    expect(doc.paths['/maybe'].get!.security).toEqual([{}, { OpenIdConnect: [] }]);
  });

  test('oauth2 with the given flows, the scopes added to each', () => {
    const { app } = appWith({
      schemeName: 'Login',
      scopes: { read: 'Read things' },
      flows: { authorizationCode: { authorizationUrl: `${idp.issuer}/auth`, tokenUrl: `${idp.issuer}/token` }, clientCredentials: { tokenUrl: `${idp.issuer}/token` } },
    });
    expect(app.openapi().components?.securitySchemes).toEqual({
      Login: {
        type: 'oauth2',
        flows: {
          authorizationCode: { scopes: { read: 'Read things' }, authorizationUrl: `${idp.issuer}/auth`, tokenUrl: `${idp.issuer}/token` },
          clientCredentials: { scopes: { read: 'Read things' }, tokenUrl: `${idp.issuer}/token` },
        },
      },
    });
  });
});

describe('configuration mistakes fail at startup', () => {
  test.each([
    [{ algorithms: ['none'] }, '"none" is never accepted'],
    [{ algorithms: ['RS256', 'HS256'] }, 'algorithm confusion'],
    [{ algorithms: ['XX1'] }, 'not an asymmetric JWS algorithm'],
    [{ algorithms: [] }, 'must not be empty'],
    [{ audience: '' }, 'audience must be a non-empty string'],
    [{ audience: [] }, 'audience must be a non-empty string'],
    [{ issuer: '' }, 'issuer must be a non-empty string'],
    [{ issuer: 'not a url' }, 'the discovery URL must be absolute'],
    [{ jwks: { keys: [] }, jwksUri: 'https://x.example/jwks' }, 'give one of jwks, jwksUri and discoveryUrl'],
    [{ jwksUri: '/jwks' }, 'jwksUri must be an absolute URL'],
    [{ claims: { parse: () => ({}) } }, 'claims must be a zod schema'],
    [{ retryDelay: -1 }, 'retryDelay must be a non-negative number of milliseconds'],
    [{ maxRetryDelay: Number.NaN }, 'maxRetryDelay must be a non-negative number of milliseconds'],
    [{ cooldownDuration: '30s' }, 'cooldownDuration must be a non-negative number of milliseconds'],
    [{ timeoutDuration: 1.5 }, 'timeoutDuration must be a whole number'],
  ])('%j', (options, message) => {
    expect(() => jwtBearer({ issuer: 'https://id.example.com', audience: 'api://x', ...(options as object) } as JwtBearerOptions)).toThrow(ConfigurationError);
    expect(() => jwtBearer({ issuer: 'https://id.example.com', audience: 'api://x', ...(options as object) } as JwtBearerOptions)).toThrow(message);
  });
});

describe('the value', () => {
  test('token: readable, but not an own property, so JSON and spreading leave it out', async () => {
    const { accessToken } = await import('./claims.js');
    const value = accessToken({ iss: 'i', aud: 'a', exp: 1, sub: 's' }, ['read'], { alg: 'RS256' }, 'header.payload.signature');
    expect(value.token).toBe('header.payload.signature');
    expect(Object.keys(value)).toEqual(['claims', 'scopes', 'header']);
    expect(JSON.stringify(value)).not.toContain('signature');
    expect({ ...value }).not.toHaveProperty('token');
  });
});
