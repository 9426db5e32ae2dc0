import { describe, expect, test } from 'vitest';
import { ConfigurationError, DependsApp, ErrorCode, HTTPException, Router, depends, reply, resolve, type Dependency } from '../index.js';
import { DependencyCycleError } from '../errors/catalogue.js';
import { compile } from '../resolver/compile.js';
import { createDependency } from '../dependency/depends.js';
import { kDependency } from '../dependency/types.js';

describe('DependsApp', () => {
  test('the core test client answers 404 and 405 for unknown routes', async () => {
    const app = new DependsApp();
    app.route('GET', '/a', {}, () => 'a');
    expect((await app.request({ url: '/nope' })).status).toBe(404);
    const wrong = await app.request({ method: 'DELETE', url: '/a' });
    expect(wrong.status).toBe(405);
    expect(wrong.json()).toEqual({ detail: 'Method Not Allowed' });
  });

  test('reply() sets status, headers and body types; 204 has no body', async () => {
    const app = new DependsApp();
    app.route('POST', '/items', {}, () => reply({ id: 1 }, { status: 201, headers: { location: '/items/1' } }));
    app.route('GET', '/text', {}, () => reply.text('pong'));
    app.route('DELETE', '/items/{id}', {}, () => reply.empty());
    const created = await app.request({ method: 'POST', url: '/items' });
    expect([created.status, created.header('location'), created.body]).toEqual([201, '/items/1', '{"id":1}']);
    const text = await app.request({ url: '/text' });
    expect([text.header('content-type'), text.body]).toEqual(['text/plain; charset=utf-8', 'pong']);
    const empty = await app.request({ method: 'DELETE', url: '/items/1' });
    expect([empty.status, empty.body]).toEqual([204, undefined]);
  });

  test('HTTPException headers are sent, several values as several lines', async () => {
    const app = new DependsApp();
    app.route('GET', '/', {}, () => {
      throw new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': ['Bearer', 'Basic realm="x"'] });
    });
    const res = await app.request({ url: '/' });
    expect(res.headers.filter(([n]) => n === 'www-authenticate').map(([, v]) => v)).toEqual(['Bearer', 'Basic realm="x"']);
  });

  test('a route status option applies to plain return values', async () => {
    const app = new DependsApp();
    app.route('POST', '/', {}, () => ({ ok: true }), { status: 201 });
    expect((await app.request({ method: 'POST', url: '/' })).status).toBe(201);
  });

  test('the error hook is called once per unexpected error and never sees a leak in the answer', async () => {
    const seen: unknown[] = [];
    const app = new DependsApp({ onError: (e) => seen.push(e) });
    app.route('GET', '/', {}, () => {
      throw new TypeError('db password is hunter2');
    });
    const res = await app.request({ url: '/' });
    expect(res.body).toBe('{"detail":"Internal Server Error"}');
    expect(seen).toHaveLength(1);
  });

  test('public routes skip global security', async () => {
    const guard = depends(() => {
      throw new HTTPException(401, 'Not authenticated', { 'www-authenticate': 'APIKey' });
    });
    const app = new DependsApp({ security: [guard] });
    const router = new Router();
    router.get('/private', {}, () => 'secret');
    router.get('/status', {}, () => ({ status: 'ok' }), { public: true });
    app.include(router);
    expect((await app.request({ url: '/private' })).status).toBe(401);
    expect((await app.request({ url: '/status' })).json()).toEqual({ status: 'ok' });
  });
});

describe('configuration errors', () => {
  test('a cycle fails at registration, naming the route and the path of the cycle', () => {
    const a = { ...createDependency({}, () => 1, { name: 'a' }) } as { -readonly [K in keyof Dependency]: Dependency[K] };
    const b = createDependency({ a: a as Dependency }, () => 2, { name: 'b' });
    a.inputs = { b };
    expect(a[kDependency]).toBe(true);
    const app = new DependsApp();
    let error: unknown;
    try {
      app.route('GET', '/loop', { b }, () => 0);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DependencyCycleError);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as DependencyCycleError).code).toBe(ErrorCode.DependencyCycle);
    expect((error as Error).message).toBe('Dependency cycle in route GET /loop: b -> a -> b');
    expect(() => compile({ label: 'X', inputs: { a: a as Dependency }, dependencies: [], handler: () => 0 })).toThrow('a -> b -> a');
  });

  test('an input that is not a dependency is refused when declared', () => {
    expect(() => depends({ n: 1 as never }, () => 0)).toThrow(/Input "n" of dependency/);
  });
});

describe('resolve()', () => {
  test('resolves one dependency from a hand-built request and runs its teardown', async () => {
    const log: string[] = [];
    const db = depends(async function* () {
      yield 'conn';
      log.push('closed');
    });
    const user = depends({ db }, ({ db }) => `user via ${db}`);
    expect(await resolve(user)).toBe('user via conn');
    expect(log).toEqual(['closed']);
  });

  test('rejects with the HTTP error', async () => {
    const dep = depends(() => {
      throw new HTTPException(403, 'no');
    });
    await expect(resolve(dep)).rejects.toMatchObject({ status: 403, detail: 'no' });
  });
});
