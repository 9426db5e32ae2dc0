/**
 * `jwtBearer({ issuers })` against two running OpenID Providers at once
 * (two oidc-provider instances on 127.0.0.1): client-credentials tokens of
 * both accepted, the value naming the issuer that verified each; a token
 * from a third issuer refused without any request; one provider rotating
 * its keys during the run; the document with one openIdConnect scheme per
 * provider, as alternatives.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { generateKeyPair, SignJWT } from 'jose';
import { DependsApp, Router, security } from '@depends/core';
import { jwtBearer } from '@depends/jwt';
import { validateOpenApi } from '../../../packages/core/src/openapi/test/validate.js';
import { AUDIENCE, type RunningProvider } from '../src/provider.js';
import { clientToken, freePort, headerOf, refused, startTestProvider } from './helpers.js';

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
