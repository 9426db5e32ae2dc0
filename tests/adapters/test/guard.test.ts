/**
 * The guard on every framework: existing apps (their own routers, 404 and
 * error handler) with depends in front of their routes, checked over real
 * HTTP — typed values reach the untouched handlers, 401/403 before them,
 * public opt-outs, prefixes documented, framework errors and native results
 * passing through.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import { validateOpenApi } from '../../../packages/core/src/openapi/test/validate.js';
import { existingApps, type Existing } from '../src/existing.js';

interface Case {
  readonly name: string;
  readonly method?: 'GET' | 'HEAD';
  readonly path: string;
  readonly token?: string;
  readonly headers?: Record<string, string>;
  readonly status: number;
  readonly body?: unknown;
  readonly headersExpected?: Record<string, string | undefined>;
}

const NOT_AUTH = { detail: 'Not authenticated' };

const cases: readonly Case[] = [
  { name: 'values reach the handler, the framework way and typed', path: '/v1/me', token: 'good', status: 200, body: { username: 'alice', framework: 'alice' } },
  { name: 'missing credential: 401 before the handler', path: '/v1/me', status: 401, body: NOT_AUTH, headersExpected: { 'www-authenticate': 'Bearer' } },
  { name: 'rejected token: 401 invalid_token', path: '/v1/me', token: 'nope', status: 401, headersExpected: { 'www-authenticate': 'Bearer error="invalid_token"' } },
  {
    name: 'per-route scopes: 403 insufficient_scope',
    path: '/v1/items/7',
    token: 'good',
    status: 403,
    body: { detail: 'Not enough permissions' },
    headersExpected: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="items"' },
  },
  { name: 'per-route scopes: enough, path parameter from the framework', path: '/v1/items/7', token: 'root', status: 200, body: { id: '7', owner: 'root' } },
  { name: 'public by key: no credential needed', path: '/status', status: 200, body: { status: 'ok' } },
  { name: 'public by route marker', path: '/health', status: 200, body: 'Ok' },
  { name: 'no route matches: the strictest requirement first (no credential: 401)', path: '/nope', status: 401, body: NOT_AUTH, headersExpected: { 'www-authenticate': 'Bearer' } },
  {
    name: 'no route matches: the strictest requirement first (every scope the guard asks anywhere)',
    path: '/v1/nope',
    token: 'good',
    status: 403,
    headersExpected: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="me items"' },
  },
  { name: "no route matches, strictest requirement met: the app's own 404", path: '/nope', token: 'root', status: 404, body: { error: 'not here' } },
  { name: "no route matches under a guarded prefix, strictest requirement met: the app's own 404", path: '/v1/nope', token: 'root', status: 404, body: { error: 'not here' } },
  { name: "the app's own error handler", path: '/v1/fail', token: 'good', status: 500, body: { error: 'custom' } },
  { name: 'a route-level guard after the app-wide one: both values', path: '/v1/admin', token: 'good', headers: { 'x-admin': 'yes' }, status: 200, body: { admin: 'yes', user: 'alice' } },
  { name: 'a route-level guard rejects', path: '/v1/admin', token: 'good', status: 403, body: { detail: 'Admins only' } },
  { name: 'a route-level guard after the app-wide one: the first answers first', path: '/v1/admin', headers: { 'x-admin': 'yes' }, status: 401, body: NOT_AUTH },
  {
    name: 'framework HTTP error from a per-route dependency: status, headers, message',
    path: '/v1/limited',
    token: 'good',
    status: 429,
    body: { detail: 'Slow down' },
    headersExpected: { 'retry-after': '5' },
  },
  { name: 'mounted under a framework prefix, behind the guard: 401', path: '/v2/native', status: 401, body: NOT_AUTH },
  { name: 'framework-native result passes through untouched', path: '/v2/native', token: 'good', status: 203, body: { native: true } },
  { name: 'a non-native thenable is awaited', path: '/v2/thenable', token: 'good', status: 200, body: { thenable: true } },
  { name: 'framework HTTP error thrown by a handler', path: '/v2/conflict', token: 'good', status: 409, body: { detail: 'Taken' } },
  {
    name: 'framework HTTP error rejected by a dependency, with its challenge',
    path: '/v2/expired',
    token: 'good',
    status: 401,
    body: { detail: 'Token expired' },
    headersExpected: { 'www-authenticate': 'Bearer error="invalid_token"' },
  },
  { name: 'HEAD on a guarded GET route: 401 without credential', method: 'HEAD', path: '/v1/me', status: 401 },
  { name: 'the docs routes are never guarded', path: '/docs', status: 200 },
];

for (const existing of existingApps) {
  describe(`${existing.name}: guard in front of existing routes`, () => {
    let app: Existing;
    beforeAll(async () => {
      app = await existing.start();
    });
    afterAll(() => app.close());

    test.each(cases)('$name', async (c) => {
      const headers: Record<string, string> = { ...c.headers };
      if (c.token) headers.authorization = `Bearer ${c.token}`;
      const res = await request(app.url + c.path, { method: c.method ?? 'GET', headers });
      const text = await res.body.text();
      expect(res.statusCode, text).toBe(c.status);
      if (c.body !== undefined) expect(typeof c.body === 'string' ? text : JSON.parse(text)).toEqual(c.body);
      for (const [name, value] of Object.entries(c.headersExpected ?? {})) expect(res.headers[name], name).toBe(value);
    });

    test('a rejected request never reaches the handler', async () => {
      app.calls.length = 0;
      await request(`${app.url}/v1/me`).then((r) => r.body.dump());
      await request(`${app.url}/v1/me`, { headers: { authorization: 'Bearer nope' } }).then((r) => r.body.dump());
      expect(app.calls).toEqual([]);
      await request(`${app.url}/v1/me`, { headers: { authorization: 'Bearer good' } }).then((r) => r.body.dump());
      expect(app.calls).toEqual(['me']);
    });

    test('/openapi.json documents every guarded route at its real path, with its security', async () => {
      const res = await request(`${app.url}/openapi.json`);
      expect(res.statusCode).toBe(200);
      const doc = (await res.body.json()) as any;
      expect((await validateOpenApi(doc)).errors).toBe('');
      expect(Object.keys(doc.paths).sort()).toEqual(
        ['/health', '/status', '/v1/admin', '/v1/fail', '/v1/items/{id}', '/v1/limited', '/v1/me', '/v2/conflict', '/v2/expired', '/v2/native', '/v2/thenable'].sort(),
      );
      expect(doc.components.securitySchemes).toEqual({ OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { tokenUrl: '/token', scopes: { me: 'Read yourself', items: 'Read items' } } } } });
      expect(doc.paths['/v1/me'].get.security).toEqual([{ OAuth2PasswordBearer: ['me'] }]);
      expect(doc.paths['/v1/me'].get.responses['401']).toBeDefined();
      const item = doc.paths['/v1/items/{id}'].get;
      expect(item.summary).toBe('One item');
      expect(item.security).toEqual([{ OAuth2PasswordBearer: ['items'] }]);
      expect(item.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
      expect(item.responses['403']).toBeDefined();
      expect(item.responses['200'].content['application/json'].schema).toBeDefined();
      expect(doc.paths['/v1/admin'].get.parameters).toEqual([expect.objectContaining({ name: 'x-admin', in: 'header' })]);
      expect(doc.paths['/status'].get.security).toEqual([]); // public: said explicitly
      expect(doc.paths['/health'].get.security).toEqual([]);
      expect(doc.paths['/v2/native'].get.security).toEqual([{ OAuth2PasswordBearer: ['me'] }]);
      // the adapter's document, with the served one's server (the origin the request was sent to)
      expect(doc.servers).toEqual([{ url: app.url }]);
      expect({ ...app.d.openapi(), servers: doc.servers }).toEqual(doc);
    });
  });
}
