/**
 * A guard in front of an existing Hono sub-app (handlers untouched, values
 * read from `c.var`), in this runtime: the same answers as a declared
 * route, the handler reached only when the checks pass, the routes
 * documented at their real paths.
 */
import { describe, expect, inject, test } from 'vitest';
import { request } from 'undici';

const url = inject('url');
const runtime = inject('runtime');

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await request(url + path, { headers });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
}

describe(`hono on ${runtime}: guard in front of an existing sub-app`, () => {
  test('no credential: 401 with the Bearer challenge, the handler never reached', async () => {
    const res = await get('/existing/me');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(JSON.parse(res.body)).toEqual({ detail: 'Not authenticated' });
  });

  test('a rejected token: 401 invalid_token', async () => {
    const res = await get('/existing/me', { authorization: 'Bearer nope' });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  test('a good token: the handler reads the resolved user from the context, path parameters as usual', async () => {
    expect(JSON.parse((await get('/existing/me', { authorization: 'Bearer good' })).body)).toEqual({ username: 'alice' });
    const item = await get('/existing/items/7', { authorization: 'Bearer root' });
    expect(item.status).toBe(200);
    expect(JSON.parse(item.body)).toEqual({ id: '7', owner: 'root' });
  });

  test("a path no route matches: the guard's strictest requirement first (401 without a credential), then Hono's 404", async () => {
    const refused = await get('/existing/nothing');
    expect(refused.status).toBe(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer');
    expect((await get('/existing/nothing', { authorization: 'Bearer root' })).status).toBe(404);
  });

  test('the guarded routes are in the document at their real paths, with their security', async () => {
    const doc = JSON.parse((await get('/openapi.json')).body);
    expect(doc.paths['/existing/me']?.get?.security).toEqual([{ HTTPBearer: [] }]);
    expect(doc.paths['/existing/items/{id}']?.get?.security).toEqual([{ HTTPBearer: [] }]);
  });
});
