/**
 * The Reports API against a real OpenID Provider (oidc-provider on
 * 127.0.0.1), on Express, Koa and Hono alike: client-credentials JWT access
 * tokens for the API's audience (resource indicators), scopes, expired
 * tokens, tokens for another audience, signed by another key or not signed
 * at all, key rotation at the provider while the APIs run, and the provider
 * going away.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import type { RunningProvider } from '../src/provider.js';
import type { RunningApi } from '../src/servers/listen.js';
import { FRAMEWORKS, TEST_CLIENTS, call, clientToken, headerOf, payloadOf, refused, startApi, startTestProvider } from './helpers.js';

const COOLDOWN = 300;
let idp: RunningProvider;
const apis = {} as Record<(typeof FRAMEWORKS)[number], RunningApi>;

beforeAll(async () => {
  idp = await startTestProvider('http://127.0.0.1:9');
  await Promise.all(FRAMEWORKS.map(async (f) => (apis[f] = await startApi(f, { issuer: idp.issuer, port: 0, clockTolerance: 1, cooldownDuration: COOLDOWN }))));
});
afterAll(async () => {
  await Promise.all(Object.values(apis).map((a) => a.close()));
  await idp?.close();
});

/** Runs `check` against the API on every framework. */
const onEach = (check: (api: RunningApi, framework: string) => Promise<void>) => Promise.all(FRAMEWORKS.map((f) => check(apis[f], f)));

describe('tokens from the provider', () => {
  test('client credentials: a JWT access token for api://oidc-api; GET /me, GET /reports; POST /reports lacks its scope (403)', async () => {
    const token = await clientToken(idp.issuer);
    expect(headerOf(token)).toMatchObject({ typ: 'at+jwt', alg: 'RS256', kid: idp.currentKid() });
    expect(payloadOf(token)).toMatchObject({ iss: idp.issuer, aud: 'api://oidc-api', scope: 'reports:read', client_id: 'reports-service' });
    await onEach(async (api) => {
      const me = await call(`${api.url}/me`, { bearer: token });
      expect([me.status, me.json()]).toEqual([200, { sub: 'reports-service', scopes: ['reports:read'] }]);
      const list = await call(`${api.url}/reports`, { bearer: token });
      expect(list.status).toBe(200);
      expect(list.json()).toEqual(expect.arrayContaining([{ id: 1, title: 'Quarterly figures', author: 'alice' }]));
      const post = await call(`${api.url}/reports`, { method: 'POST', bearer: token, json: { title: 'Nope' } });
      expect(post.status).toBe(403);
      expect(post.headers['www-authenticate']).toBe('Bearer error="insufficient_scope", scope="reports:write"');
      expect(post.json()).toEqual({ detail: 'Not enough permissions' });
    });
  });

  test('a client allowed reports:write creates a report: 201; a bad body is a 422', async () => {
    const token = await clientToken(idp.issuer, TEST_CLIENTS.writer, { scope: 'reports:read reports:write' });
    await onEach(async (api, framework) => {
      const post = await call(`${api.url}/reports`, { method: 'POST', bearer: token, json: { title: `From ${framework}` } });
      expect(post.status).toBe(201);
      expect(post.json()).toMatchObject({ title: `From ${framework}`, author: TEST_CLIENTS.writer.id });
      expect((await call(`${api.url}/reports`, { method: 'POST', bearer: token, json: { title: '' } })).status).toBe(422);
    });
  });

  test('the service client may not get reports:write from the provider', async () => {
    await expect(clientToken(idp.issuer, undefined, { scope: 'reports:write' })).rejects.toThrow(/invalid_scope/);
  });

  test('no token: 401 Not authenticated with the Bearer challenge; /status is public', async () => {
    await onEach(async (api) => {
      const res = await call(`${api.url}/me`);
      expect([res.status, res.headers['www-authenticate'], res.json()]).toEqual([401, 'Bearer', { detail: 'Not authenticated' }]);
      expect((await call(`${api.url}/status`)).json()).toEqual({ status: 'ok' });
    });
  });

  test('a token for another audience (another resource at the same provider): 401', async () => {
    const token = await clientToken(idp.issuer, TEST_CLIENTS.other, { scope: 'other:read', resource: 'api://other-api' });
    expect(payloadOf(token).aud).toBe('api://other-api');
    await onEach(async (api) => {
      const res = await call(`${api.url}/me`, { bearer: token });
      expect([res.status, res.headers['www-authenticate']]).toEqual([401, refused('The token is for another audience')]);
      expect(res.json()).toEqual({ detail: 'Could not validate credentials' });
    });
  });

  test('tokens signed by another key, or forged under the provider key id: 401', async () => {
    const genuine = payloadOf(await clientToken(idp.issuer));
    const { privateKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT(genuine).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'attacker-key' }).sign(privateKey);
    const forged = await new SignJWT(genuine).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: idp.currentKid() }).sign(privateKey);
    await onEach(async (api) => {
      expect((await call(`${api.url}/me`, { bearer: foreign })).headers['www-authenticate']).toBe(refused('The token is signed with an unknown key'));
      const res = await call(`${api.url}/me`, { bearer: forged });
      expect([res.status, res.headers['www-authenticate']]).toEqual([401, refused('The token signature is invalid')]);
    });
  });

  test('alg none, with the claims of a genuine token: 401', async () => {
    const claims = payloadOf(await clientToken(idp.issuer));
    const unsigned = new UnsecuredJWT(claims).encode();
    await onEach(async (api) => {
      const res = await call(`${api.url}/me`, { bearer: unsigned });
      expect([res.status, res.headers['www-authenticate']]).toEqual([401, refused('The token is signed with an algorithm that is not allowed')]);
    });
  });

  test('an expired token: 401 saying so', async () => {
    const token = await clientToken(idp.issuer, TEST_CLIENTS.expiring);
    const { exp } = payloadOf(token) as { exp: number };
    await onEach(async (api) => expect((await call(`${api.url}/me`, { bearer: token })).status).toBe(200));
    // past exp plus the APIs' one second of clock tolerance
    await new Promise((r) => setTimeout(r, Math.max(0, (exp + 1) * 1000 - Date.now()) + 1100));
    await onEach(async (api) => {
      const res = await call(`${api.url}/me`, { bearer: token });
      expect([res.status, res.headers['www-authenticate']]).toEqual([401, refused('The token has expired')]);
    });
  });

  test('key rotation at the provider while the APIs run: new tokens verify once the new key is fetched, old ones still do', async () => {
    const before = await clientToken(idp.issuer);
    await onEach(async (api) => expect((await call(`${api.url}/me`, { bearer: before })).status).toBe(200));
    const oldKid = idp.currentKid();
    const newKid = await idp.rotateKeys();
    expect(newKid).not.toBe(oldKid);
    const after = await clientToken(idp.issuer);
    expect(headerOf(after).kid).toBe(newKid);
    await new Promise((r) => setTimeout(r, COOLDOWN + 50)); // the APIs look for a new key at most once per cooldown
    await onEach(async (api) => {
      expect((await call(`${api.url}/me`, { bearer: after })).status).toBe(200);
      expect((await call(`${api.url}/me`, { bearer: before })).status).toBe(200);
    });
  });

  test('the document: an absolute server, the provider as an openIdConnect scheme, scopes per operation, 401/403/503', async () => {
    await onEach(async (api) => {
      const doc = (await call(`${api.url}/openapi.json`)).json();
      // absolute: the origin the document was requested at, so a generated client runs as generated
      expect(doc.servers).toEqual([{ url: api.url }]);
      expect((await call(`${doc.servers[0].url}/status`)).json()).toEqual({ status: 'ok' });
      expect(doc.components.securitySchemes.OpenIdConnect).toMatchObject({ type: 'openIdConnect', openIdConnectUrl: idp.discoveryUrl });
      expect(doc.paths['/reports'].get.security).toEqual([{ OpenIdConnect: ['reports:read'] }, { ApiKey: ['reports:read'] }]);
      expect(doc.paths['/reports'].post.security).toEqual([{ OpenIdConnect: ['reports:write'] }]);
      expect(doc.paths['/me'].get.security).toEqual([{ OpenIdConnect: [] }]);
      expect(doc.paths['/status'].get.security ?? []).toEqual([]);
      expect(Object.keys(doc.paths['/reports'].post.responses)).toEqual(expect.arrayContaining(['201', '401', '403', '422', '503']));
    });
  });
});

describe('the provider going away', () => {
  test('keys already fetched keep verifying; a token needing the provider (a key never seen) gets 503 with Retry-After', async () => {
    const own = await startTestProvider('http://127.0.0.1:9');
    const started = await Promise.all(FRAMEWORKS.map((f) => startApi(f, { issuer: own.issuer, port: 0, cooldownDuration: COOLDOWN })));
    try {
      const token = await clientToken(own.issuer);
      for (const api of started) expect((await call(`${api.url}/me`, { bearer: token })).status).toBe(200);
      const rotatedKid = await own.rotateKeys();
      const rotated = await clientToken(own.issuer);
      expect(headerOf(rotated).kid).toBe(rotatedKid);
      await own.close();
      await new Promise((r) => setTimeout(r, COOLDOWN + 50));
      for (const api of started) {
        expect((await call(`${api.url}/me`, { bearer: token })).status).toBe(200);
        const res = await call(`${api.url}/me`, { bearer: rotated });
        expect(res.status).toBe(503);
        expect(res.json()).toEqual({ detail: 'The identity provider cannot be reached to verify the token' });
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    } finally {
      await Promise.all(started.map((a) => a.close()));
      await own.close();
    }
  });
});
