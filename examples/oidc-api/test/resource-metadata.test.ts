/**
 * The Reports API as a protected resource (RFC 9728) on every framework,
 * against the real provider: its metadata at the well-known URI names the
 * provider, the 401 names the metadata, and a client that knows nothing but
 * the API's URL follows them to a token for that URL (RFC 8707 `resource=`)
 * which the API accepts — the discovery an MCP client makes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import type { RunningProvider } from '../src/provider.js';
import { API_SCOPES } from '../src/provider.js';
import type { RunningApi } from '../src/servers/listen.js';
import { FRAMEWORKS, TEST_CLIENTS, call, clientToken, freePort, payloadOf, startApi, startTestProvider } from './helpers.js';

describe.each(FRAMEWORKS)('%s: protected resource metadata', (framework) => {
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

  test('GET /.well-known/oauth-protected-resource: the resource, its provider, the scopes its routes ask, header, the docs page', async () => {
    const res = await call(`${api.url}/.well-known/oauth-protected-resource`);
    expect([res.status, res.headers['content-type']]).toEqual([200, expect.stringMatching(/^application\/json/)]);
    expect(res.json()).toEqual({
      resource: apiUrl,
      resource_name: 'Reports API',
      authorization_servers: [idp.issuer],
      scopes_supported: ['reports:read', 'reports:write'],
      bearer_methods_supported: ['header'],
      resource_documentation: `${apiUrl}/docs`,
      // GET /reports/bound takes DPoP-bound tokens (the other routes bearer tokens: DPoP is not required everywhere)
      dpop_signing_alg_values_supported: ['ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512', 'EdDSA', 'Ed25519'],
    });
  });

  test('from the 401 alone to a token the API accepts: metadata, provider discovery, a token for the resource', async () => {
    const refused = await call(`${api.url}/me`);
    expect([refused.status, refused.headers['www-authenticate']]).toEqual([401, `Bearer resource_metadata="${apiUrl}/.well-known/oauth-protected-resource"`]);
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(String(refused.headers['www-authenticate']))![1];
    const metadata = (await call(metadataUrl)).json() as { resource: string; authorization_servers: string[] };
    expect(metadata.resource).toBe(apiUrl); // RFC 9728 §3.3: the client checks it is the resource it asked about
    const discovery = await request(`${metadata.authorization_servers[0]}/.well-known/openid-configuration`);
    const { token_endpoint: tokenEndpoint, issuer } = (await discovery.body.json()) as { token_endpoint: string; issuer: string };
    expect(`${issuer}/token`).toBe(tokenEndpoint);
    const token = await clientToken(issuer, TEST_CLIENTS.writer, { scope: 'reports:read', resource: metadata.resource });
    expect(payloadOf(token).aud).toBe(apiUrl);
    const me = await call(`${api.url}/me`, { bearer: token });
    expect([me.status, me.json()]).toEqual([200, { sub: TEST_CLIENTS.writer.id, scopes: ['reports:read'] }]);
    expect((await call(`${api.url}/reports`, { bearer: token })).status).toBe(200);
  });

  test('403 insufficient_scope names the scope and the metadata; a token for the API audience still works', async () => {
    const token = await clientToken(idp.issuer, TEST_CLIENTS.writer, { scope: 'reports:read', resource: apiUrl });
    const res = await call(`${api.url}/reports`, { method: 'POST', bearer: token, json: { title: 'Q3' } });
    expect([res.status, res.headers['www-authenticate']]).toEqual([
      403,
      `Bearer error="insufficient_scope", scope="reports:write", resource_metadata="${apiUrl}/.well-known/oauth-protected-resource"`,
    ]);
    const writer = await clientToken(idp.issuer, TEST_CLIENTS.writer, { scope: 'reports:read reports:write', resource: apiUrl });
    expect((await call(`${api.url}/reports`, { method: 'POST', bearer: writer, json: { title: 'Q3' } })).status).toBe(201);
    const legacy = await clientToken(idp.issuer); // audience api://oidc-api, as before
    expect((await call(`${api.url}/reports`, { bearer: legacy })).status).toBe(200);
  });
});
