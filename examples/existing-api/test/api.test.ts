/**
 * The notes API over real HTTP on Express, Koa and Hono: the same answers
 * from the three apps, their handlers untouched, the auth layer in front.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import { validate } from '@readme/openapi-parser';
import { FRAMEWORKS, start, type Running } from '../src/server.js';

const ALICE = { authorization: 'Bearer alice-token' };
const BOB = { authorization: 'Bearer bob-token' };
const JSON_BODY = { 'content-type': 'application/json' };

describe.each(FRAMEWORKS)('existing-api on %s', (framework) => {
  let server: Running;
  const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: string) => {
    const res = await request(server.url + path, { method: method as 'GET', headers, body });
    const text = await res.body.text();
    const type = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, headers: res.headers, text, json: type.includes('json') && text ? JSON.parse(text) : undefined };
  };
  beforeAll(async () => {
    server = await start(framework, { port: 0 });
  });
  afterAll(() => server?.close());

  test('GET /status is public', async () => {
    expect(await call('GET', '/status')).toMatchObject({ status: 200, json: { status: 'ok' } });
  });

  test('GET /v1/health: any valid token; text Ok', async () => {
    const ok = await call('GET', '/v1/health', BOB);
    expect([ok.status, ok.text, ok.headers['content-type']]).toEqual([200, 'Ok', expect.stringMatching(/^text\/plain/)]);
    const missing = await call('GET', '/v1/health');
    expect(missing).toMatchObject({ status: 401, json: { detail: 'Not authenticated' } });
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    const wrong = await call('GET', '/v1/health', { authorization: 'Bearer mallory-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  test("notes: alice writes and reads her own; bob sees none of them and cannot write", async () => {
    const created = await call('POST', '/v1/notes', { ...ALICE, ...JSON_BODY }, '{"text":"buy milk"}');
    expect(created).toMatchObject({ status: 201, json: { text: 'buy milk', owner: 'alice' } });
    const id = created.json.id as string;
    expect(typeof id).toBe('string');

    expect(await call('GET', '/v1/notes', ALICE)).toMatchObject({ status: 200, json: [{ id, text: 'buy milk', owner: 'alice' }] });
    expect(await call('GET', `/v1/notes/${id}`, ALICE)).toMatchObject({ status: 200, json: { id, text: 'buy milk', owner: 'alice' } });

    expect(await call('GET', '/v1/notes', BOB)).toMatchObject({ status: 200, json: [] });
    expect(await call('GET', `/v1/notes/${id}`, BOB)).toMatchObject({ status: 404, json: { error: 'note not found' } });

    const denied = await call('POST', '/v1/notes', { ...BOB, ...JSON_BODY }, '{"text":"hi"}');
    expect(denied).toMatchObject({ status: 403, json: { detail: 'Not enough permissions' } });
    expect(denied.headers['www-authenticate']).toBe('Bearer error="insufficient_scope", scope="notes:write"');
    expect(await call('GET', '/v1/notes', BOB)).toMatchObject({ status: 200, json: [] }); // nothing was written
  });

  test('401 before any handler, on every protected route', async () => {
    for (const [method, path] of [['GET', '/v1/notes'], ['POST', '/v1/notes'], ['GET', '/v1/notes/1']] as const) {
      const res = await call(method, path, method === 'POST' ? JSON_BODY : {}, method === 'POST' ? '{"text":"x"}' : undefined);
      expect(res, `${method} ${path}`).toMatchObject({ status: 401, json: { detail: 'Not authenticated' } });
    }
  });

  test("the app's own answers are kept: its 404 once the guard's strictest requirement is met, and its 400 for a bad note", async () => {
    // no route matches: the app's own 404 is app code behind the guard, so the guard's strictest requirement comes first
    expect(await call('GET', '/nope')).toMatchObject({ status: 401 });
    expect(await call('GET', '/v1/nope', BOB)).toMatchObject({ status: 403 });
    expect(await call('GET', '/nope', ALICE)).toMatchObject({ status: 404, json: { error: 'not found' } });
    expect(await call('GET', '/v1/nope', ALICE)).toMatchObject({ status: 404, json: { error: 'not found' } });
    expect(await call('POST', '/v1/notes', { ...ALICE, ...JSON_BODY }, '{"text":""}')).toMatchObject({ status: 400, json: { error: expect.any(String) } });
    expect((await call('POST', '/v1/notes', { ...ALICE, ...JSON_BODY }, '{"text":')).status).toBe(400);
  });

  test('/openapi.json documents the real paths, scopes and bearer security; /docs is served', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.json;
    await expect(validate(structuredClone(doc))).resolves.toMatchObject({ valid: true });
    expect(doc.info).toMatchObject({ title: 'Notes API', version: '1.0.0' });
    // absolute: the origin the document was requested at, so a generated client runs as generated
    expect(doc.servers).toEqual([{ url: server.url }]);
    const status = await request(`${doc.servers[0].url}/status`);
    expect([status.statusCode, await status.body.json()]).toEqual([200, { status: 'ok' }]);
    expect(Object.keys(doc.paths).sort()).toEqual(['/status', '/v1/health', '/v1/notes', '/v1/notes/{id}']);
    expect(doc.components.securitySchemes).toEqual({ HTTPBearer: { type: 'http', scheme: 'bearer', description: expect.stringContaining('alice-token') } });
    expect(doc.paths['/status'].get.security).toEqual([]);
    expect(doc.paths['/v1/health'].get.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.paths['/v1/notes'].get.security).toEqual([{ HTTPBearer: ['notes:read'] }]);
    expect(doc.paths['/v1/notes'].post.security).toEqual([{ HTTPBearer: ['notes:write'] }]);
    expect(Object.keys(doc.paths['/v1/notes'].post.responses)).toEqual(expect.arrayContaining(['201', '401', '403']));
    expect(doc.paths['/v1/notes'].post.requestBody.content['application/json'].schema).toBeDefined();
    expect(doc.paths['/v1/notes/{id}'].get.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(doc.paths['/v1/notes/{id}'].get.responses['404']).toBeDefined();
    const page = await call('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui');
  });
});

describe('what adding auth cost', () => {
  test('a handful of lines per app, no handler touched', () => {
    for (const framework of FRAMEWORKS) {
      const source = readFileSync(new URL(`../src/apps/${framework}.ts`, import.meta.url), 'utf8');
      const added = source.split('\n').filter((line) => line.trimEnd().endsWith('// + auth'));
      // Express and Hono check the guard's configuration at startup by a call; Koa and Fastify when the app starts
      expect(added.length, framework).toBe(framework === 'express' || framework === 'hono' ? 6 : 5);
      // every line that speaks of depends is one of those: the handlers read the caller the framework's way
      const code = source.split('\n').filter((line) => !/^\s*(\*|\/\*\*|\/\/)/.test(line));
      expect(code.filter((line) => /depends|createDepends|\bd\.|auth\.js/.test(line)).every((line) => line.trimEnd().endsWith('// + auth')), framework).toBe(true);
    }
  });
});
