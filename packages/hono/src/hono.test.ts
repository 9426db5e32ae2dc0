/**
 * Hono-specific behaviour: a body another middleware already read, headers
 * set with `c.header()`, `app.onError` for other routes, discovery through
 * `app.route()`, and the fallback off node-server (`app.request()`).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { Hono, type Context } from 'hono';
import { serve as serveNode } from '@hono/node-server';
import { request } from 'undici';
import { z } from 'zod';
import { Router, anyOf, apiKeyHeader, body, depends, header, httpBearer, reply, requestView } from '@depends/core';
import { createDepends } from './index.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

async function serve(app: Hono<any, any, any>): Promise<string> {
  server = serveNode({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise((r) => server!.once('listening', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe('@depends/hono', () => {
  test('a body another middleware already read is reused from Hono’s cache', async () => {
    const app = new Hono();
    const peeked: unknown[] = [];
    app.use('/items', async (c, next) => {
      peeked.push(await c.req.json());
      await next();
    });
    const d = createDepends();
    const api = new Router();
    api.post('/items', { item: body(z.object({ title: z.string() })) }, ({ item }) => item, { status: 201 });
    d.mount(app, api);
    const url = await serve(app);
    const res = await request(`${url}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"a"}' });
    expect([res.statusCode, await res.body.json()]).toEqual([201, { title: 'a' }]);
    expect(peeked).toEqual([{ title: 'a' }]);
  });

  test('headers set by other middleware are kept; errors of other routes reach app.onError', async () => {
    const app = new Hono();
    app.use(async (c, next) => {
      c.header('x-request-id', 'r1');
      await next();
    });
    app.onError((err, c) => c.json({ handledBy: 'hono', message: err.message }, 418));
    const d = createDepends();
    const api = new Router();
    api.get('/who', { who: anyOf(httpBearer(), apiKeyHeader({ name: 'x-key' })) }, ({ who }) => who);
    d.mount(app, api);
    app.get('/plain', () => {
      throw new Error('plain route');
    });
    const url = await serve(app);

    const who = await request(`${url}/who`);
    expect(who.statusCode).toBe(401);
    expect(who.headers['x-request-id']).toBe('r1');
    expect(who.headers['www-authenticate']).toEqual(['Bearer', 'APIKey']);
    await who.body.text();

    const plain = await request(`${url}/plain`);
    expect([plain.statusCode, await plain.body.json()]).toEqual([418, { handledBy: 'hono', message: 'plain route' }]);
  });

  test('a route Hono runs first answers without building Fetch Headers; c.header() set before it or by its dependencies is kept', async () => {
    const app = new Hono();
    const d = createDepends();
    const api = new Router();
    const who = anyOf(httpBearer(), apiKeyHeader({ name: 'x-key' }));
    // a dependency that answers through the context itself
    const tagged = depends({ req: requestView }, ({ req }) => void (req.native as Context).header('x-from-dependency', 'yes'));
    api.get('/first', { who }, ({ who }) => who);
    api.get('/tagged', { tagged, who }, ({ who }) => who);
    api.get('/empty', {}, () => reply.empty());
    api.get('/behind', { who }, ({ who }) => who);
    app.use('/behind', async (c, next) => {
      c.header('x-from-middleware', 'yes');
      await next();
    });
    d.mount(app, api);
    const url = await serve(app);

    // Fetch Headers built while each request is served (node-server builds none for a request it reads lazily).
    const RealHeaders = globalThis.Headers;
    let built = 0;
    globalThis.Headers = class extends RealHeaders {
      constructor(init?: HeadersInit) {
        super(init);
        built++;
      }
    };
    const get = async (path: string) => {
      built = 0;
      const res = await request(`${url}${path}`);
      await res.body.text();
      return { status: res.statusCode, headers: res.headers, built };
    };
    try {
      const first = await get('/first');
      expect(first).toMatchObject({ status: 401, built: 0 });
      // repeated challenges stay separate lines, and `Cache-Control` is there
      expect(first.headers['www-authenticate']).toEqual(['Bearer', 'APIKey']);
      expect(first.headers['cache-control']).toBe('no-store');
      const empty = await get('/empty');
      expect(empty.status).toBe(204);
      expect(empty.headers['content-type']).toBeUndefined();
      const tagged = await get('/tagged');
      expect(tagged.status).toBe(401);
      expect(tagged.headers['x-from-dependency']).toBe('yes');
      expect(tagged.headers['www-authenticate']).toEqual(['Bearer', 'APIKey']);
      const behind = await get('/behind');
      // behind a middleware, c.newResponse() keeps what it set (and builds Headers to do it)
      expect(behind.status).toBe(401);
      expect(behind.built).toBeGreaterThan(0);
      expect(behind.headers['x-from-middleware']).toBe('yes');
      expect(behind.headers['www-authenticate']).toEqual(['Bearer', 'APIKey']);
    } finally {
      globalThis.Headers = RealHeaders;
    }
  });

  test('single handlers are documented through app.route() sub-apps and basePath', async () => {
    const app = new Hono();
    const d = createDepends();
    const user = depends({ token: header('x-token') }, ({ token }) => ({ token }));
    const sub = new Hono();
    sub.get('/me', d.handler({ user }, ({ user }) => user));
    sub.onError((e, c) => c.text(e.message, 500)); // makes app.route() wrap the handler
    app.route('/api', sub);
    app.basePath('/v2').delete('/items/:id', d.handler({}, () => null));
    d.docs(app);
    expect(Object.keys(d.openapi().paths).sort()).toEqual(['/api/me', '/v2/items/{id}']);
    const res = await app.request('/api/me', { headers: { 'x-token': 't' } });
    expect(await res.json()).toEqual({ token: 't' });
  });

  test('off node-server (app.request), answers are the same and request-scope teardown runs after the response', async () => {
    const events: string[] = [];
    const session = depends(async function* () {
      events.push('open');
      yield 's';
      events.push('close');
    });
    const app = new Hono();
    const d = createDepends();
    const api = new Router();
    api.get('/s', { session }, ({ session }) => ({ session, events: [...events] }));
    api.get('/any', { who: anyOf(httpBearer(), apiKeyHeader({ name: 'x-key' })) }, ({ who }) => who);
    d.mount(app, api);
    const res = await app.request('/s');
    expect(await res.json()).toEqual({ session: 's', events: ['open'] });
    expect(events).toEqual(['open']);
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(['open', 'close']);
    // Fetch Headers join repeated names into one line off node-server.
    expect((await app.request('/any')).headers.get('www-authenticate')).toBe('Bearer, APIKey');
  });
});
