/**
 * DPoP end to end with the real provider (oidc-provider), on Express, Koa,
 * Hono and Fastify: a client-credentials token obtained with a DPoP proof
 * (bound to the client's key: `token_type` DPoP, `cnf.jkt`), then `GET
 * /reports/bound` with a fresh proof (200), the same proof again (401, a
 * replay), the token sent as plain Bearer (401, there and on the routes
 * that take bearer tokens), a proof for another URL (401); a token the
 * provider did not bind is refused there too.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createHash } from 'node:crypto';
import { API_SCOPES, SERVICE_CLIENT, type RunningProvider } from '../src/provider.js';
import type { RunningApi } from '../src/servers/listen.js';
import { FRAMEWORKS, call, clientToken, freePort, payloadOf, startApi, startTestProvider } from './helpers.js';

/** The client's DPoP key pair. */
interface DpopKey {
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
  readonly jkt: string;
}

async function dpopKey(): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  return { privateKey, jwk, jkt: await calculateJwkThumbprint(jwk, 'sha256') };
}

/** A DPoP proof for `htm htu` (and the access token, `ath`, when given). */
function proof(key: DpopKey, htm: string, htu: string, accessToken?: string): Promise<string> {
  return new SignJWT({
    jti: randomUUID(),
    htm,
    htu,
    iat: Math.floor(Date.now() / 1000),
    ...(accessToken !== undefined ? { ath: createHash('sha256').update(accessToken).digest('base64url') } : {}),
  })
    .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: key.jwk })
    .sign(key.privateKey);
}

/** A client-credentials token bound to `key`: the token request carries a DPoP proof for the token endpoint. */
async function boundToken(issuer: string, key: DpopKey): Promise<{ accessToken: string; tokenType: string }> {
  const res = await request(`${issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${SERVICE_CLIENT.id}:${SERVICE_CLIENT.secret}`).toString('base64')}`,
      dpop: await proof(key, 'POST', `${issuer}/token`),
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'reports:read' }).toString(),
  });
  const body = (await res.body.json()) as { access_token?: string; token_type?: string };
  if (res.statusCode !== 200 || !body.access_token) throw new Error(`token endpoint answered ${res.statusCode}: ${JSON.stringify(body)}`);
  return { accessToken: body.access_token, tokenType: String(body.token_type) };
}

describe.each(FRAMEWORKS)('%s: GET /reports/bound with DPoP-bound provider tokens', (framework) => {
  let idp: RunningProvider;
  let api: RunningApi;
  let apiUrl: string;
  beforeAll(async () => {
    apiUrl = `http://127.0.0.1:${await freePort()}`;
    idp = await startTestProvider(apiUrl, { extraResources: { [apiUrl]: Object.keys(API_SCOPES).join(' ') } });
    api = await startApi(framework, { issuer: idp.issuer, port: Number(new URL(apiUrl).port), resource: apiUrl });
  });
  afterAll(async () => {
    await api?.close();
    await idp?.close();
  });

  test('a token bound by the provider: a fresh proof 200, the same proof again 401, the token as Bearer 401, a proof for another URL 401', async () => {
    const key = await dpopKey();
    const { accessToken, tokenType } = await boundToken(idp.issuer, key);
    expect(tokenType).toBe('DPoP');
    expect(payloadOf(accessToken)).toMatchObject({ iss: idp.issuer, scope: 'reports:read', cnf: { jkt: key.jkt } });
    const url = `${api.url}/reports/bound`;

    const fresh = await proof(key, 'GET', url, accessToken);
    const ok = await call(url, { headers: { authorization: `DPoP ${accessToken}`, dpop: fresh } });
    expect(ok.status).toBe(200);
    expect(ok.json()).toEqual(expect.arrayContaining([{ id: 1, title: 'Quarterly figures', author: 'alice' }]));

    const replayed = await call(url, { headers: { authorization: `DPoP ${accessToken}`, dpop: fresh } });
    expect([replayed.status, replayed.headers['www-authenticate']]).toEqual([
      401,
      expect.stringMatching(/^DPoP error="invalid_dpop_proof", error_description="The DPoP proof was already used \(jti\)", algs="[^"]+", resource_metadata="[^"]+"$/),
    ]);

    const asBearer = await call(url, { bearer: accessToken });
    expect([asBearer.status, asBearer.json()]).toEqual([401, { detail: 'Not authenticated' }]);
    expect(asBearer.headers['www-authenticate']).toMatch(/^DPoP algs="[^"]+", resource_metadata="/);
    // nor as Bearer on the routes that take plain bearer tokens: a bound token is no bearer token anywhere
    for (const path of ['/reports', '/me']) {
      const downgraded = await call(`${api.url}${path}`, { bearer: accessToken });
      expect([downgraded.status, downgraded.headers['www-authenticate']], path).toEqual([401, expect.stringContaining('error_description="The token is bound to a DPoP key')]);
    }

    const elsewhere = await call(url, { headers: { authorization: `DPoP ${accessToken}`, dpop: await proof(key, 'GET', `${api.url}/reports`, accessToken) } });
    expect([elsewhere.status, elsewhere.headers['www-authenticate']]).toEqual([401, expect.stringContaining('error_description="The DPoP proof is for another URL (htu)"')]);

    // another fresh proof with the same token is accepted: a proof is single-use, the token is not
    expect((await call(url, { headers: { authorization: `DPoP ${accessToken}`, dpop: await proof(key, 'GET', url, accessToken) } })).status).toBe(200);
  });

  test('a token the provider did not bind, sent with a proof: 401 invalid_token; the bound route is documented as DPoP', async () => {
    const key = await dpopKey();
    const plain = await clientToken(idp.issuer);
    const url = `${api.url}/reports/bound`;
    const res = await call(url, { headers: { authorization: `DPoP ${plain}`, dpop: await proof(key, 'GET', url, plain) } });
    expect([res.status, res.headers['www-authenticate']]).toEqual([401, expect.stringContaining('DPoP error="invalid_token", error_description="The token is not bound to a DPoP key (no cnf.jkt)"')]);
    const doc = (await call(`${api.url}/openapi.json`)).json();
    expect(doc.components.securitySchemes.DPoP).toMatchObject({ type: 'http', scheme: 'DPoP' });
    expect(doc.paths['/reports/bound'].get.security).toEqual([{ DPoP: ['reports:read'] }]);
  });
});
