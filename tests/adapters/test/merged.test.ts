/**
 * One document, the app's own (issue 22 part 3), on every framework over
 * real HTTP: an app that already produces its OpenAPI document (a static
 * file, @hono/zod-openapi, @fastify/swagger) serves one document with its
 * bodies and responses and depends' security, 401/403 answers and
 * challenges; its refusals take the app's error shape with their challenge
 * headers unchanged; a 401 refused without a challenge gets the route's, or
 * is a loud mistake where the route has none. And the RFC 9457 preset on
 * routes depends declares.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import { z } from 'zod';
import { ConfigurationError, ErrorCode, Router, body, problemDetails, query } from '../../../packages/core/src/index.js';
import { validateOpenApi } from '../../../packages/core/src/openapi/test/validate.js';
import { bearerUser } from '../src/api.js';
import { harnesses, type Started } from '../src/harness.js';
import { mergedApps, type MergedApp } from '../src/merged.js';

interface Res {
  readonly status: number;
  readonly type: string | undefined;
  readonly challenge: string | undefined;
  readonly json: any;
}

async function call(url: string, init: { method?: string; token?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Res> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await request(url, { method: (init.method ?? 'GET') as 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.body.text();
  return {
    status: res.statusCode,
    type: res.headers['content-type'] as string | undefined,
    challenge: res.headers['www-authenticate'] as string | undefined,
    json: text ? JSON.parse(text) : undefined,
  };
}

for (const started of mergedApps) {
  describe(`${started.name}: one document, the app's own`, () => {
    let app: MergedApp;
    let doc: any;
    beforeAll(async () => {
      app = await started.start();
      doc = (await call(`${app.url}/openapi.json`)).json;
    });
    afterAll(() => app.close());

    test('the served document is the app\'s (info, bodies, responses, schemas) with depends\' schemes, security and refusals; it validates', async () => {
      expect(doc.info.title).toBe(app.title);
      const post = doc.paths['/v1/notes'].post;
      // the app's body, which "Try it out" sends, and its answers
      expect(Object.keys(post.requestBody.content)).toEqual(['application/json']);
      expect(JSON.stringify(post.requestBody.content['application/json'].schema)).toMatch(/NewNote|"text"/);
      expect(post.responses['201'].description).toBe('Added');
      expect(post.responses['200']).toBeUndefined(); // depends' guess left out: the app's handler answers 201
      // depends' security and refusals, challenges documented
      expect(post.security).toEqual([{ OAuth2PasswordBearer: ['notes:write'] }]);
      expect(post.responses['401'].headers['WWW-Authenticate'].required).toBe(true);
      expect(post.responses['403'].headers['WWW-Authenticate'].description).toContain('insufficient_scope');
      // the refusals in the app's shape: its own AppError schema where it has one (the same definition)
      expect(post.responses['401'].content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/AppError' } } });
      expect(Object.keys(doc.components.schemas).filter((n: string) => n.includes('AppError'))).toEqual(['AppError']);
      expect(doc.components.securitySchemes.OAuth2PasswordBearer.type).toBe('oauth2');
      // a path parameter under the app's name, once
      const one = doc.paths['/v1/notes/{noteId}'].get;
      expect(one.security).toEqual([{ OAuth2PasswordBearer: ['notes:read'] }]);
      expect(doc.paths['/v1/notes/{id}']).toBeUndefined();
      const names = [...(doc.paths['/v1/notes/{noteId}'].parameters ?? []), ...(one.parameters ?? [])].filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name);
      expect(names).toEqual(['noteId']);
      expect(one.responses['200'].description).toBe('One note');
      // the guard documents what it can send: 401, 403 where scopes apply; no body answers (400/413/415/422) for a body it never reads
      expect(Object.keys(doc.paths['/v1/notes'].get.responses).sort()).toEqual(['200', '401', '403']);
      expect(Object.keys(post.responses).sort()).toEqual(expect.not.arrayContaining(['413', '415', '422']));
      // public: no lock
      expect(doc.paths['/status'].get.security).toEqual([]);
      // depends' own docs routes are not operations of the app's
      expect(doc.paths['/openapi.json']).toBeUndefined();
      expect(doc.paths['/docs']).toBeUndefined();
      const result = await validateOpenApi(doc);
      expect(result.errors).toBe('');
      expect(result.valid).toBe(true);
      // d.openapi() is the same document
      expect(app.d.openapi().paths['/v1/notes'].post.requestBody).toEqual(post.requestBody);
    });

    test('refusals answer in the app\'s { message } shape, challenge headers unchanged; the app\'s handler reads its body', async () => {
      const url = `${app.url}/v1/notes`;
      expect(await call(url)).toMatchObject({ status: 401, challenge: 'Bearer', json: { message: 'Not authenticated' } });
      expect(await call(url, { token: 'unknown' })).toMatchObject({ status: 401, challenge: 'Bearer error="invalid_token"', json: { message: 'Could not validate credentials' } });
      expect(await call(url, { method: 'POST', token: 'reader', body: { text: 'eggs' } })).toMatchObject({
        status: 403,
        challenge: 'Bearer error="insufficient_scope", scope="notes:write"',
        json: { message: 'Not enough permissions' },
      });
      expect(await call(url, { method: 'POST', token: 'writer', body: { text: 'eggs' } })).toMatchObject({ status: 201, json: { text: 'eggs', owner: 'writer' } });
      expect((await call(`${app.url}/status`)).json).toEqual({ status: 'ok' });
    });

    test('a 401 the app\'s dependency refuses without a challenge gets the route\'s; on a route with no scheme it is a loud mistake, never a silent 401', async () => {
      expect(await call(`${app.url}/v1/notes`, { token: 'revoked' })).toMatchObject({ status: 401, challenge: 'Bearer', json: { message: 'Token revoked' } });
      expect(app.errors).toEqual([]);
      const legacy = await call(`${app.url}/v1/legacy`, { headers: { 'x-legacy-key': 'wrong' } });
      expect(legacy).toMatchObject({ status: 500, challenge: undefined, json: { message: 'Internal Server Error' } });
      const error = app.errors.at(-1) as ConfigurationError;
      expect(error.code).toBe(ErrorCode.MissingChallenge);
      expect(error.message).toMatch(/^Route GET \/v1\/legacy \(legacy\): dependency "legacyKey" answered 401 without a WWW-Authenticate challenge/);
      expect(await call(`${app.url}/v1/legacy`, { headers: { 'x-legacy-key': 'open-sesame' } })).toMatchObject({ status: 200, json: { legacy: true } });
    });
  });
}

for (const harness of harnesses) {
  describe(`${harness.name}: problemDetails()`, () => {
    let server: Started;
    beforeAll(async () => {
      const api = new Router();
      api.get('/me', { user: bearerUser }, ({ user }) => user);
      api.post('/items', { item: body(z.object({ title: z.string() })), n: query('n', z.coerce.number().int().optional()) }, ({ item }) => item);
      server = await harness.start({ app: { errorBody: problemDetails(), onError: () => {} }, routers: [api], docs: {} });
    });
    afterAll(() => server.close());

    test('401, 415, 422 and 404 of depends\' routes are application/problem+json; challenges unchanged; the document says so', async () => {
      const missing = await call(`${server.url}/me`);
      expect(missing).toMatchObject({ status: 401, type: 'application/problem+json', challenge: 'Bearer', json: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Not authenticated' } });
      const invalid = await call(`${server.url}/items?n=x`, { method: 'POST', body: { title: 1 } });
      expect(invalid.status).toBe(422);
      expect(invalid.type).toBe('application/problem+json');
      expect(invalid.json.errors.map((e: { loc: unknown[] }) => e.loc.join('.'))).toEqual(['query.n', 'body.title']);
      const unsupported = await request(`${server.url}/items`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
      expect([unsupported.statusCode, unsupported.headers['content-type'], ((await unsupported.body.json()) as { status: number }).status]).toEqual([415, 'application/problem+json', 415]);
      const doc = (await call(`${server.url}/openapi.json`)).json;
      expect(doc.paths['/me'].get.responses['401'].content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } });
      expect(doc.paths['/items'].post.responses['422'].content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } });
      expect((await validateOpenApi(doc)).errors).toBe('');
    });
  });
}
