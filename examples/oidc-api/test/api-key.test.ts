/**
 * `GET /reports` takes a provider token or the read-only API key
 * (`X-API-Key: reports-readonly-key`, scope `reports:read` only), on every
 * framework, over HTTP: `anyOf(jwtBearer(…), apiKeyHeader(…))` in a real
 * API. `POST /reports` still needs a provider token with `reports:write`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningProvider } from '../src/provider.js';
import type { RunningApi } from '../src/servers/listen.js';
import { FRAMEWORKS, TEST_CLIENTS, call, clientToken, refused, startApi, startTestProvider, type Res } from './helpers.js';

const KEY = 'reports-readonly-key';
let idp: RunningProvider;
const apis = {} as Record<(typeof FRAMEWORKS)[number], RunningApi>;

beforeAll(async () => {
  idp = await startTestProvider('http://127.0.0.1:9');
  await Promise.all(FRAMEWORKS.map(async (f) => (apis[f] = await startApi(f, { issuer: idp.issuer, port: 0, clockTolerance: 1 }))));
});
afterAll(async () => {
  await Promise.all(Object.values(apis).map((a) => a.close()));
  await idp?.close();
});

/** Runs `check` against the API on every framework. */
const onEach = (check: (api: RunningApi, framework: string) => Promise<void>) => Promise.all(FRAMEWORKS.map((f) => check(apis[f], f)));
/** The `WWW-Authenticate` lines of an answer, one per line as sent (undici gives repeated lines as a list). */
const challenges = (res: Res): string[] => {
  const value = res.headers['www-authenticate'];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

describe('GET /reports: a provider token or the read-only API key', () => {
  test('the API key alone: 200 with the reports', async () => {
    await onEach(async (api, framework) => {
      const res = await call(`${api.url}/reports`, { headers: { 'x-api-key': KEY } });
      expect(res.status, framework).toBe(200);
      expect(res.json()).toEqual(expect.arrayContaining([{ id: 1, title: 'Quarterly figures', author: 'alice' }]));
    });
  });

  test('a provider token with reports:read still works: 200', async () => {
    const token = await clientToken(idp.issuer);
    await onEach(async (api, framework) => expect((await call(`${api.url}/reports`, { bearer: token })).status, framework).toBe(200));
  });

  test('a wrong API key: 401 "Invalid API key" with the APIKey challenge', async () => {
    await onEach(async (api, framework) => {
      const res = await call(`${api.url}/reports`, { headers: { 'x-api-key': 'reports-readonly-key-but-wrong' } });
      expect([res.status, res.json(), challenges(res)], framework).toEqual([401, { detail: 'Invalid API key' }, ['APIKey']]);
    });
  });

  test('neither: one 401 listing both challenges (Bearer and APIKey)', async () => {
    await onEach(async (api, framework) => {
      const res = await call(`${api.url}/reports`);
      expect([res.status, res.json(), challenges(res)], framework).toEqual([401, { detail: 'Not authenticated' }, ['Bearer', 'APIKey']]);
    });
  });

  test('a refused token is a 401 invalid_token even with the API key beside it (no fall-back to the key)', async () => {
    const token = await clientToken(idp.issuer, TEST_CLIENTS.other, { scope: 'other:read', resource: 'api://other-api' });
    await onEach(async (api, framework) => {
      const res = await call(`${api.url}/reports`, { bearer: token, headers: { 'x-api-key': KEY } });
      expect([res.status, challenges(res)], framework).toEqual([401, [refused('The token is for another audience')]]);
      const garbage = await call(`${api.url}/reports`, { bearer: 'not-a-jwt', headers: { 'x-api-key': KEY } });
      expect(garbage.status, framework).toBe(401);
      expect(garbage.headers['www-authenticate'], framework).toMatch(/^Bearer error="invalid_token"/);
    });
  });

  test('a token without reports:read is a 403 insufficient_scope, even with the API key beside it', async () => {
    // the writer client asks only for reports:write
    const token = await clientToken(idp.issuer, TEST_CLIENTS.writer, { scope: 'reports:write' });
    await onEach(async (api, framework) => {
      const res = await call(`${api.url}/reports`, { bearer: token, headers: { 'x-api-key': KEY } });
      expect([res.status, res.headers['www-authenticate']], framework).toEqual([403, 'Bearer error="insufficient_scope", scope="reports:read"']);
    });
  });

  test('the API key sent twice is a 400 (which line counts would be ambiguous)', async () => {
    await onEach(async (api, framework) => {
      const res = await call(`${api.url}/reports`, { headers: { 'x-api-key': [KEY, KEY] as never } });
      expect(res.status, framework).toBe(400);
    });
  });
});

describe('POST /reports: a provider token with reports:write only', () => {
  test('the API key alone is not a credential here: 401 with the Bearer challenge, nothing created', async () => {
    await onEach(async (api, framework) => {
      const before = (await call(`${api.url}/reports`, { headers: { 'x-api-key': KEY } })).json().length;
      const res = await call(`${api.url}/reports`, { method: 'POST', headers: { 'x-api-key': KEY }, json: { title: `Key on ${framework}` } });
      expect([res.status, res.json(), challenges(res)], framework).toEqual([401, { detail: 'Not authenticated' }, ['Bearer']]);
      expect((await call(`${api.url}/reports`, { headers: { 'x-api-key': KEY } })).json()).toHaveLength(before);
    });
  });

  test('the API key beside a read-only token: 403 insufficient_scope (the token decides); a writer token: 201', async () => {
    const reader = await clientToken(idp.issuer);
    const writer = await clientToken(idp.issuer, TEST_CLIENTS.writer, { scope: 'reports:read reports:write' });
    await onEach(async (api, framework) => {
      const denied = await call(`${api.url}/reports`, { method: 'POST', bearer: reader, headers: { 'x-api-key': KEY }, json: { title: 'No' } });
      expect([denied.status, denied.headers['www-authenticate']], framework).toEqual([403, 'Bearer error="insufficient_scope", scope="reports:write"']);
      const created = await call(`${api.url}/reports`, { method: 'POST', bearer: writer, json: { title: `Token on ${framework}` } });
      expect(created.status, framework).toBe(201);
    });
  });
});

describe('the document and the docs page', () => {
  test('GET /reports: the OR of the provider and the API key; POST /reports: the provider only; both schemes for Authorize', async () => {
    await onEach(async (api, framework) => {
      const doc = (await call(`${api.url}/openapi.json`)).json();
      expect(doc.components.securitySchemes, framework).toEqual({
        OpenIdConnect: expect.objectContaining({ type: 'openIdConnect', openIdConnectUrl: idp.discoveryUrl }),
        ApiKey: { type: 'apiKey', description: 'A read-only API key for scripts: GET /reports only (scope reports:read).', in: 'header', name: 'X-API-Key' },
      });
      const list = doc.paths['/reports'].get;
      expect(list.security).toEqual([{ OpenIdConnect: ['reports:read'] }, { ApiKey: ['reports:read'] }]);
      expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '503']));
      // the key is a security scheme, never a header parameter
      expect((list.parameters ?? []).map((p: { name: string }) => p.name.toLowerCase())).not.toContain('x-api-key');
      expect(doc.paths['/reports'].post.security).toEqual([{ OpenIdConnect: ['reports:write'] }]);
      expect(doc.paths['/me'].get.security).toEqual([{ OpenIdConnect: [] }]);
    });
  });
});
