/**
 * Opaque access tokens against the real provider: `tokenIntrospection()`
 * asks oidc-provider's introspection endpoint (found by discovery) with
 * the API's own client credentials, caches the answer, and enforces scopes.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DependsApp, Router, security } from '@depends/core';
import { tokenIntrospection } from '@depends/jwt';
import type { RunningProvider } from '../src/provider.js';
import { TEST_CLIENTS, clientToken, startTestProvider } from './helpers.js';

const OPAQUE = 'api://opaque-api';
const API_CLIENT = { client_id: 'opaque-api', client_secret: 'opaque-api-secret', grant_types: ['client_credentials'], response_types: [], redirect_uris: [] };
let idp: RunningProvider;
let app: DependsApp;

beforeAll(async () => {
  idp = await startTestProvider('http://127.0.0.1:9', {
    extraResources: { [OPAQUE]: 'reports:read reports:write' },
    opaqueResources: [OPAQUE],
    // the API itself, a confidential client at the provider, so that it may introspect
    extraClients: [API_CLIENT],
  });
  const opaque = tokenIntrospection({ issuer: idp.issuer, clientId: API_CLIENT.client_id, clientSecret: API_CLIENT.client_secret, audience: OPAQUE });
  const router = new Router();
  router.get('/me', { auth: opaque }, ({ auth }) => ({ sub: auth.claims.sub, client: auth.claims.client_id, scopes: auth.scopes }));
  router.post('/reports', { auth: security(opaque, { scopes: ['reports:write'] }) }, () => ({ ok: true }));
  app = new DependsApp();
  app.include(router);
});
afterAll(() => idp?.close());

const call = (method: string, url: string, token?: string) => app.request({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {} });

test('an opaque token from the provider is introspected: 200, its scopes enforced', async () => {
  const token = await clientToken(idp.issuer, TEST_CLIENTS.writer, { scope: 'reports:read', resource: OPAQUE });
  expect(token.split('.')).toHaveLength(1); // not a JWT
  const me = await call('GET', '/me', token);
  expect([me.status, me.json()]).toEqual([200, { client: TEST_CLIENTS.writer.id, scopes: ['reports:read'] }]); // client credentials: no end user, no sub
  const post = await call('POST', '/reports', token);
  expect([post.status, post.header('www-authenticate')]).toEqual([403, 'Bearer error="insufficient_scope", scope="reports:write"']);
});

test('an unknown token, and a JWT the endpoint will not introspect, are refused (401)', async () => {
  expect((await call('GET', '/me', 'not-a-token-the-provider-issued')).header('www-authenticate')).toBe(
    'Bearer error="invalid_token", error_description="The token is not active"',
  );
  // the provider does not introspect its JWT access tokens (unsupported_token_type): refused, not a provider failure
  const jwt = await clientToken(idp.issuer);
  const res = await call('GET', '/me', jwt);
  expect([res.status, res.header('www-authenticate')]).toEqual([401, 'Bearer error="invalid_token", error_description="The token is not active"']);
});
