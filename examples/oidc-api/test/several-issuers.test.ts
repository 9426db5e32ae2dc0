/**
 * `jwtBearer({ issuers })` against two running OpenID Providers at once
 * (two oidc-provider instances on 127.0.0.1): client-credentials tokens of
 * both accepted, the value naming the issuer that verified each; a token
 * from a third issuer refused without any request; one provider rotating
 * its keys during the run; the document with one openIdConnect scheme per
 * provider, as alternatives. First in process (the value naming its
 * issuer), then the example's Reports API trusting both
 * (`reportsApi({ issuer, moreIssuers })`) on Express, Koa, Hono and Fastify.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { generateKeyPair, SignJWT } from 'jose';
import { DependsApp, Router, security, type OpenAPIDocument } from '@depends/core';
import { jwtBearer } from '@depends/jwt';
import { validateOpenApi } from '../../../packages/core/src/openapi/test/validate.js';
import { APPROVAL_MAX_AGE } from '../src/api.js';
import { ACR, AUDIENCE, type RunningProvider } from '../src/provider.js';
import type { RunningApi } from '../src/servers/listen.js';
import { FRAMEWORKS, call, clientToken, freePort, headerOf, refused, startApi, startTestProvider } from './helpers.js';

let first: RunningProvider;
let second: RunningProvider;
let app: DependsApp;

beforeAll(async () => {
  [first, second] = await Promise.all([startTestProvider('http://127.0.0.1:9'), startTestProvider('http://127.0.0.1:9')]);
  const token = jwtBearer({
    issuers: [
      { issuer: first.issuer, audience: AUDIENCE, cooldownDuration: 0 },
      { issuer: second.issuer, audience: AUDIENCE, cooldownDuration: 0 },
    ],
  });
  const router = new Router();
  router.get('/me', { auth: security(token, { scopes: ['reports:read'] }) }, ({ auth }) => ({ issuer: auth.issuer, sub: auth.claims.sub }));
  app = new DependsApp({ title: 'Two providers' });
  app.include(router);
});
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

const get = (token: string) => app.request({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${token}` } });

/** The `fetch` calls made while `run` runs (the key sources' discovery and JWKS requests go through it). */
async function fetchesDuring<T>(run: () => Promise<T>): Promise<{ result: T; urls: string[] }> {
  const spy = vi.spyOn(globalThis, 'fetch');
  try {
    const result = await run();
    return { result, urls: spy.mock.calls.map(([input]) => String(input instanceof Request ? input.url : input)) };
  } finally {
    spy.mockRestore();
  }
}

describe('jwtBearer({ issuers }) with two oidc-provider instances', () => {
  test('tokens of both providers are accepted; the value names the issuer that verified each', async () => {
    for (const idp of [first, second]) {
      const { result: res, urls } = await fetchesDuring(async () => get(await clientToken(idp.issuer)));
      expect([res.status, res.json()]).toEqual([200, { issuer: idp.issuer, sub: 'reports-service' }]);
      // only that provider was asked for its keys (its discovery document, then its JWKS)
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.every((u) => u.startsWith(`${idp.issuer}/`))).toBe(true);
    }
  });

  test('a token from a third issuer: 401 invalid_token, and no request made (nothing fetched from a URL in the token)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const third = `http://127.0.0.1:${await freePort()}`;
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ iss: third, aud: AUDIENCE, scope: 'reports:read', sub: 'eve', exp: now + 60 })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1', jku: `${third}/jwks` })
      .sign(privateKey);
    const { result: res, urls } = await fetchesDuring(() => get(token));
    expect([res.status, res.header('www-authenticate')]).toEqual([401, refused('The token is from another issuer')]);
    expect(urls).toEqual([]);
  });

  test("one provider rotates its keys during the run: its new tokens are accepted after the key-set refresh; the other's unaffected", async () => {
    const before = await clientToken(second.issuer);
    const kid = await second.rotateKeys();
    const rotated = await clientToken(second.issuer);
    expect(headerOf(rotated).kid).toBe(kid);
    const { result: res, urls } = await fetchesDuring(() => get(rotated));
    expect([res.status, res.json()]).toEqual([200, { issuer: second.issuer, sub: 'reports-service' }]);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => u.startsWith(`${second.issuer}/`))).toBe(true); // the refresh was the second provider's only
    expect((await get(before)).status).toBe(200); // its old key is still published
    const other = await clientToken(first.issuer);
    const unaffected = await fetchesDuring(() => get(other));
    expect([unaffected.result.status, unaffected.result.json()]).toEqual([200, { issuer: first.issuer, sub: 'reports-service' }]);
    expect(unaffected.urls).toEqual([]); // the first provider's cached keys, untouched
  });

  test('the document: one openIdConnect scheme per provider at its discovery document, the operation listing them as alternatives; it validates', async () => {
    const doc = app.openapi();
    const name = (idp: RunningProvider) => `OpenIdConnect-127.0.0.1-${new URL(idp.issuer).port}`;
    expect(doc.components?.securitySchemes).toEqual({
      [name(first)]: { type: 'openIdConnect', openIdConnectUrl: first.discoveryUrl, description: `A JWT access token from ${first.issuer}.` },
      [name(second)]: { type: 'openIdConnect', openIdConnectUrl: second.discoveryUrl, description: `A JWT access token from ${second.issuer}.` },
    });
    // either provider's token, with the route's scope: Swagger UI's Authorize offers a login through each
    expect(doc.paths['/me'].get!.security).toEqual([{ [name(first)]: ['reports:read'] }, { [name(second)]: ['reports:read'] }]);
    const verdict = await validateOpenApi(doc);
    expect([verdict.valid, verdict.errors]).toEqual([true, '']);
  });
});

describe.each(FRAMEWORKS)('%s: the Reports API trusting two providers (reportsApi({ issuer, moreIssuers }))', (framework) => {
  let one: RunningProvider;
  let two: RunningProvider;
  let api: RunningApi;
  let apiUrl: string;
  beforeAll(async () => {
    apiUrl = `http://127.0.0.1:${await freePort()}`;
    const resource = { extraResources: { [apiUrl]: 'reports:read reports:write' } };
    [one, two] = await Promise.all([startTestProvider(apiUrl, resource), startTestProvider(apiUrl, resource)]);
    api = await startApi(framework, { issuer: one.issuer, moreIssuers: [two.issuer], port: Number(new URL(apiUrl).port), resource: apiUrl, cooldownDuration: 0 });
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all([one?.close(), two?.close()]);
  });
  const name = (idp: RunningProvider) => `OpenIdConnect-127.0.0.1-${new URL(idp.issuer).port}`;

  test("both providers' tokens are accepted, each verified with its own provider's keys; a third issuer's refused with no request made", async () => {
    for (const idp of [one, two]) {
      const token = await clientToken(idp.issuer);
      const { result: res, urls } = await fetchesDuring(() => call(`${api.url}/reports`, { bearer: token }));
      expect(res.status).toBe(200);
      expect(urls.every((u) => u.startsWith(`${idp.issuer}/`))).toBe(true);
      expect((await call(`${api.url}/me`, { bearer: token })).json()).toEqual({ sub: 'reports-service', scopes: ['reports:read'] });
    }
    const { privateKey } = await generateKeyPair('RS256');
    const third = `http://127.0.0.1:${await freePort()}`;
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ iss: third, aud: AUDIENCE, scope: 'reports:read', sub: 'eve', client_id: 'eve', jti: 'x', iat: now, exp: now + 60 })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'at+jwt', jku: `${third}/jwks` })
      .sign(privateKey);
    const { result: res, urls } = await fetchesDuring(() => call(`${api.url}/reports`, { bearer: forged }));
    expect([res.status, res.headers['www-authenticate']]).toEqual([
      401,
      `${refused('The token is from another issuer')}, resource_metadata="${apiUrl}/.well-known/oauth-protected-resource"`,
    ]);
    expect(urls).toEqual([]);
  });

  test('the second provider rotates its keys during the run: its new token is accepted after a refresh of its key set only', async () => {
    const kid = await two.rotateKeys();
    const rotated = await clientToken(two.issuer);
    expect(headerOf(rotated).kid).toBe(kid);
    const { result: res, urls } = await fetchesDuring(() => call(`${api.url}/reports`, { bearer: rotated }));
    expect(res.status).toBe(200);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => u.startsWith(`${two.issuer}/`))).toBe(true);
    const other = await fetchesDuring(async () => call(`${api.url}/reports`, { bearer: await clientToken(one.issuer) }));
    expect([other.result.status, other.urls]).toEqual([200, []]);
  });

  test('the document: one openIdConnect scheme per provider, every route listing them as alternatives (the API key beside them on GET /reports); the metadata names both', async () => {
    const doc = (await call(`${api.url}/openapi.json`)).json() as OpenAPIDocument;
    const schemes = doc.components?.securitySchemes ?? {};
    expect(schemes[name(one)]).toMatchObject({ type: 'openIdConnect', openIdConnectUrl: one.discoveryUrl });
    expect(schemes[name(two)]).toMatchObject({ type: 'openIdConnect', openIdConnectUrl: two.discoveryUrl });
    expect(doc.paths['/reports'].post!.security).toEqual([{ [name(one)]: ['reports:write'] }, { [name(two)]: ['reports:write'] }]);
    expect(doc.paths['/reports'].get!.security).toEqual([{ [name(one)]: ['reports:read'] }, { [name(two)]: ['reports:read'] }, { ApiKey: ['reports:read'] }]);
    expect(doc.paths['/reports/approve'].post!['x-step-up']).toEqual({ acr_values: [ACR.mfa], max_age: APPROVAL_MAX_AGE });
    const verdict = await validateOpenApi(doc);
    expect([verdict.valid, verdict.errors]).toEqual([true, '']);
    const metadata = (await call(`${api.url}/.well-known/oauth-protected-resource`)).json() as { authorization_servers: string[] };
    expect(metadata.authorization_servers).toEqual([one.issuer, two.issuer]);
  });
});
