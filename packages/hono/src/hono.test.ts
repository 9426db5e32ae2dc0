/**
 * Hono-specific behaviour: a body another middleware already read, headers
 * set with `c.header()`, `app.onError` for other routes, discovery through
 * `app.route()`, and the fallback off node-server (`app.request()`).
 */
import { rawStatus } from '../../core/src/node/test/raw-request.js';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { Hono, type Context, type Next } from 'hono';
import { serve as serveNode } from '@hono/node-server';
import { request } from 'undici';
import { z } from 'zod';
import {
  ConfigurationError,
  ErrorCode,
  HTTPException,
  Router,
  anyOf,
  apiKeyHeader,
  body,
  depends,
  header,
  httpBearer,
  invalidToken,
  oauth2PasswordBearer,
  path,
  reply,
  requestView,
  withScopes,
} from '@depends/core';
import { createDepends } from './index.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

async function serve(app: Hono<any, any, any>): Promise<string> {
  server = serveNode({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise((r) => server!.once('listening', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}


/** Tokens and the scopes each grants. */
const GRANTS: Record<string, string[]> = { reader: ['me'], root: ['me', 'admin'], nobody: [] };
const bearer = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { me: 'Read', admin: 'Administer' } });
const caller = withScopes(
  depends({ token: bearer }, ({ token }) => {
    if (!GRANTS[token]) throw invalidToken();
    return { token, scopes: GRANTS[token] };
  }),
  (c) => c.scopes,
);
const auth = (t: string) => ({ authorization: `Bearer ${t}` });

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

  test("off node-server (app.request), a guard's teardown runs once its answer is handed back: after a slow handler, and after a later guard's refusal", async () => {
    const events: string[] = [];
    const session = depends(async function* () {
      events.push('open');
      yield 's';
      events.push('close');
    });
    const key = apiKeyHeader({ name: 'x-key' });
    const app = new Hono();
    const d = createDepends({ onError: () => {} });
    const first = d.guard({ session });
    const second = d.guard({ key });
    app.use(first);
    app.get('/slow', async (c) => {
      await new Promise((r) => setTimeout(r, 30)); // several macrotasks: the teardown must wait for the answer
      return c.json({ session: c.get('session' as never), events: [...events] });
    });
    app.get('/keyed', second, (c) => c.text('ok'));
    const res = await app.request('/slow');
    expect(await res.json()).toEqual({ session: 's', events: ['open'] });
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(['open', 'close']);
    events.length = 0;
    const refused = await app.request('/keyed');
    expect(refused.status).toBe(401);
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(['open', 'close']);
  });

  describe('guard: decides for the route Hono dispatches to, the strictest requirement elsewhere', () => {
    test('a terminal app.all() after app.use(auth): 401 without credential, the handler does not run; it runs once the strictest requirement is met', async () => {
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'GET /admin/users': { scopes: ['admin'] } } });
      let ran = 0;
      app.use(guard);
      app.get('/admin/users', (c) => c.json([]));
      app.all('/admin/*', (c) => (ran++, c.text('admin area')));
      const url = await serve(app);
      const none = await request(`${url}/admin/secret`);
      expect([none.statusCode, none.headers['www-authenticate']]).toEqual([401, 'Bearer']);
      await none.body.dump();
      const reader = await request(`${url}/admin/secret`, { headers: auth('reader') });
      expect([reader.statusCode, reader.headers['www-authenticate']]).toEqual([403, 'Bearer error="insufficient_scope", scope="me admin"']);
      await reader.body.dump();
      expect(ran).toBe(0);
      const root = await request(`${url}/admin/secret`, { headers: auth('root') });
      expect([root.statusCode, await root.body.text()]).toEqual([200, 'admin area']);
      expect(ran).toBe(1);
    });

    test("an endpoint for every method on one path (app.all('/graphql', (c) => …), app.use(path, handler without next)) is a route: decided with its own options per method, documented under each; its own middleware on the path runs after the decision", async () => {
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'DELETE /graphql': { scopes: ['admin'] }, 'GET /health': { public: true } } });
      const ran: string[] = [];
      app.use(guard);
      app.use('/graphql', async (c, next) => (ran.push('cors'), await next()));
      app.use('/graphql', async (c) => (ran.push(`graphql ${c.req.method}`), c.json({ data: c.req.method })));
      app.all('/health', (c) => (ran.push('health'), c.text('ok')));
      expect(() => d.check(app)).not.toThrow();
      const doc = d.openapi();
      expect(Object.keys(doc.paths['/graphql'] ?? {})).toEqual(['get', 'post', 'put', 'delete', 'options', 'patch']);
      expect(doc.paths['/graphql']?.delete?.security).toEqual([{ OAuth2PasswordBearer: ['admin'] }]);
      expect(doc.paths['/health']?.get?.security).toEqual([]); // public: no credential asked
      const url = await serve(app);
      expect(await rawStatus(url, { method: 'POST', target: '/graphql' })).toBe(401);
      expect(await rawStatus(url, { method: 'DELETE', target: '/graphql', headers: ['Authorization: Bearer reader'] })).toBe(403);
      expect(ran).toEqual([]);
      // a reader: the route's own scopes (not the guard's strictest requirement, which asks admin too)
      expect(await rawStatus(url, { method: 'POST', target: '/graphql', headers: ['Authorization: Bearer reader'] })).toBe(200);
      expect(await rawStatus(url, { method: 'DELETE', target: '/graphql', headers: ['Authorization: Bearer root'] })).toBe(200);
      expect(await rawStatus(url, { method: 'GET', target: '/health' })).toBe(200);
      expect(await rawStatus(url, { method: 'POST', target: '/health' })).toBe(401);
      expect(ran).toEqual(['cors', 'graphql POST', 'cors', 'graphql DELETE', 'health']);
    });

    test('absolute-form and #fragment request targets on a guarded route: 401, the handler does not run', async () => {
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'] });
      let ran = 0;
      app.use(guard);
      const v1 = new Hono();
      v1.get('/me', (c) => (ran++, c.json(guard.values(c).caller)));
      app.route('/v1', v1);
      const url = await serve(app);
      expect(await rawStatus(url, { target: 'http://x/v1/me' })).toBe(401);
      expect(await rawStatus(url, { target: 'http://x:80/v1/me' })).toBe(401);
      expect(await rawStatus(url, { target: '/v1/me#fragment' })).toBe(401);
      expect(await rawStatus(url, { target: '/v1/me?x=1#/../../status' })).toBe(401);
      expect(ran).toBe(0);
      expect(await rawStatus(url, { target: 'http://x/v1/me', headers: ['Authorization: Bearer reader'] })).toBe(200);
      expect(ran).toBe(1);
    });

    test("no route matches: the strictest requirement, then the app's own notFound (with the values)", async () => {
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'GET /admin': { scopes: ['admin'] }, 'GET /status': { public: true } } });
      app.use(guard);
      app.get('/status', (c) => c.json({ ok: true }));
      app.get('/admin', (c) => c.json({}));
      app.notFound((c) => c.json({ missing: guard.values(c).caller.token }, 404));
      const url = await serve(app);
      expect((await request(`${url}/status`)).statusCode).toBe(200);
      const none = await request(`${url}/nope`);
      expect(none.statusCode).toBe(401);
      await none.body.dump();
      const reader = await request(`${url}/nope`, { headers: auth('reader') });
      expect(reader.statusCode).toBe(403);
      await reader.body.dump();
      const root = await request(`${url}/nope`, { headers: auth('root') });
      expect([root.statusCode, await root.body.json()]).toEqual([404, { missing: 'root' }]);
    });

    test('a handler for every method between the guard and a public route: DEPENDS_GUARD_ORDER, every guarded request refused (500) before that handler runs', async () => {
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { name: 'auth', routes: { 'GET /files/index': { public: true } } });
      let ran = 0;
      app.use(guard);
      app.use('/files/*', async function files(c, next) {
        ran++;
        if (c.req.path.endsWith('.txt')) return c.text('file');
        await next();
      });
      app.get('/files/index', (c) => c.json([]));
      d.docs(app);
      const url = await serve(app);
      for (const path of ['/files/secret.txt', '/files/index']) {
        const res = await request(`${url}${path}`);
        expect(res.statusCode, path).toBe(500);
        expect(await res.body.json()).toEqual({ detail: 'Internal Server Error' });
      }
      expect(ran).toBe(0);
      let error: unknown;
      try {
        d.openapi();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).code).toBe(ErrorCode.GuardOrder);
      expect((error as Error).message).toMatch(/^Guard "auth": middleware "files" runs after it and before GET \/files\/index, which the guard lets through without a credential/);
    });

    test('a routes key naming no route: every guarded request is refused (500, onError gets the mistake), never decided with the defaults', async () => {
      const app = new Hono();
      const errors: unknown[] = [];
      const d = createDepends({ onError: (e) => errors.push(e) });
      // the typo would leave POST /v1/notes with the defaults (me) instead of admin
      const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'POST /v1/note': { scopes: ['admin'] } } });
      let ran = 0;
      app.use(guard);
      app.post('/v1/notes', (c) => (ran++, c.json({}, 201)));
      d.docs(app);
      const url = await serve(app);
      const res = await request(`${url}/v1/notes`, { method: 'POST', headers: auth('reader') });
      expect(res.statusCode).toBe(500);
      await res.body.dump();
      expect(ran).toBe(0);
      expect(errors.some((e) => e instanceof ConfigurationError && /routes\["POST \/v1\/note"\] names no route behind this guard/.test(e.message))).toBe(true);
    });

    test('a route whose handler passes the request on: the route after it decides too; the notFound after it gets the strictest requirement, unless the route is public', async () => {
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      app.use(d.guard({ caller }, { scopes: ['me'], routes: { 'GET /favicon.ico': { public: true }, 'DELETE /v1/notes/{id}': { scopes: ['admin'] } } }));
      const files: Record<string, string> = { '/favicon.ico': 'icon', '/files/a': 'file a' };
      // as a file server does: answers when it has the file, passes the request on otherwise
      const serveFile = (c: Context, next: () => Promise<void>) => (files[c.req.path] ? c.text(files[c.req.path]) : next());
      app.get('/favicon.ico', serveFile);
      app.get('/files/:name', serveFile);
      app.delete('/v1/:collection/:id', (_c, next) => next()); // an audit of deletions
      app.delete('/v1/notes/:id', (c) => c.body(null, 204));
      app.notFound((c) => c.json({ error: 'not here' }, 404));
      const url = await serve(app);
      const status = async (method: string, path: string, token?: string) => {
        const res = await request(`${url}${path}`, { method, headers: token ? auth(token) : {} });
        await res.body.dump();
        return res.statusCode;
      };
      expect([await status('GET', '/favicon.ico'), await status('GET', '/files/a', 'reader'), await status('GET', '/files/a', 'root')]).toEqual([200, 403, 200]);
      expect([await status('DELETE', '/v1/notes/7', 'reader'), await status('DELETE', '/v1/notes/7', 'root'), await status('DELETE', '/v1/other/7', 'reader')]).toEqual([403, 204, 403]);
    });

    test('a mistake found at the first request refuses every request after it too: a route that duplicates another (the same path under another parameter name)', async () => {
      const app = new Hono();
      const errors: unknown[] = [];
      const d = createDepends({ onError: (e) => errors.push(e) });
      app.use(d.guard({ caller }, { scopes: ['me'], routes: { 'DELETE /v1/notes/{noteId}': { scopes: ['admin'] } } }));
      app.delete('/v1/notes/:id', (_c, next) => next()); // an audit, declared as a route of its own
      let ran = 0;
      const notes = new Hono();
      notes.delete('/notes/:noteId', (c) => (ran++, c.body(null, 204)));
      app.route('/v1', notes);
      d.docs(app);
      const url = await serve(app);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await request(`${url}/v1/notes/7`, { method: 'DELETE', headers: auth('reader') });
        await res.body.dump();
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([500, 500, 500]);
      expect(ran).toBe(0);
      expect(errors).toHaveLength(3);
      expect(errors.every((e) => e instanceof ConfigurationError && e.code === ErrorCode.DuplicateRoute)).toBe(true);
      expect(() => d.check(app)).toThrow(/DELETE \/v1\/notes\/\{id\} is declared twice/);
      const doc = await request(`${url}/openapi.json`);
      expect([doc.statusCode, await doc.body.json()]).toEqual([500, { detail: 'Internal Server Error' }]);
    });

    test("an app.use() handler declared without next, with a route after it on its path, is middleware, never an endpoint that ends the guard's decision: the route's own scopes apply, and the document shows the route alone", async () => {
      const status = async (app: Hono, method: string, path: string, token?: string) => (await app.request(path, { method, headers: token ? auth(token) : {} })).status;
      const ran: string[] = [];
      // a logger declared with rest parameters: no `next` in its signature (length 0), yet it passes every request on
      const logger = (...args: [Context, () => Promise<void>]) => (ran.push('logger'), args[1]());
      {
        const app = new Hono();
        const d = createDepends({ onError: () => {} });
        app.use(d.guard({ caller }, { scopes: ['me'] }));
        app.use('/admin/report', logger);
        app.get('/admin/report', d.route({ scopes: ['me', 'admin'] }), (c) => (ran.push('report'), c.text('secret')));
        expect(() => d.check(app)).not.toThrow();
        expect(Object.keys(d.openapi().paths['/admin/report'] ?? {})).toEqual(['get']);
        expect(d.openapi().paths['/admin/report']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['me', 'admin'] }]);
        expect(await status(app, 'GET', '/admin/report', 'reader')).toBe(403);
        // a request no route takes, where the logger runs: the guard's strictest requirement, never the defaults alone
        expect(await status(app, 'POST', '/admin/report', 'reader')).toBe(403);
        expect(ran).toEqual([]);
        expect(await status(app, 'GET', '/admin/report', 'root')).toBe(200);
        expect(ran).toEqual(['logger', 'report']);
      }
      {
        // the route asks fewer scopes than the guard's strictest requirement: the logger after the guard is an order mistake
        ran.length = 0;
        const app = new Hono();
        const d = createDepends({ onError: () => {} });
        app.use(d.guard({ caller }, { name: 'auth', scopes: ['me'] }));
        app.use('/admin/report', logger);
        app.get('/admin/report', d.route({ scopes: ['admin'] }), (c) => (ran.push('report'), c.text('secret')));
        expect(() => d.check(app)).toThrow(expect.objectContaining({ code: ErrorCode.GuardOrder, message: expect.stringMatching(/^Guard "auth": middleware "logger" runs after it and before GET \/admin\/report/) }));
        expect(await status(app, 'GET', '/admin/report', 'reader')).toBe(500);
        expect(ran).toEqual([]);
      }
    });

    test("the middleware in front of a route are those Hono's own matching runs for it: the document, the order check and the server agree", async () => {
      const status = async (app: Hono, path: string, token?: string) => (await app.request(path, { headers: token ? auth(token) : {} })).status;
      const mw = async (_c: Context, next: () => Promise<void>) => void (await next());
      {
        // a guard on a parameter's pattern: in front of the routes whose every path it matches, of no other
        const app = new Hono();
        const d = createDepends({ onError: () => {} });
        app.use('/v1/:id{[0-9]+}', d.guard({ caller }, { scopes: ['me'] }));
        app.get('/v1/notes', (c) => c.text('notes'));
        app.get('/v1/:id{[0-9]+}', (c) => c.text('note'));
        expect(() => d.check(app)).not.toThrow();
        expect(Object.keys(d.openapi().paths)).toEqual(['/v1/{id}']);
        expect([await status(app, '/v1/notes'), await status(app, '/v1/12'), await status(app, '/v1/12', 'reader')]).toEqual([200, 401, 200]);
      }
      {
        // …and on some of the paths of a route: the document could not say which of its requests it decides for
        const app = new Hono();
        const d = createDepends({ onError: () => {} });
        app.use('/v1/:id{[0-9]+}', d.guard({ caller }, { name: 'auth', scopes: ['me'] }));
        app.get('/v1/:id', (c) => c.text('note'));
        expect(() => d.check(app)).toThrow(expect.objectContaining({ code: ErrorCode.GuardOptions, message: expect.stringMatching(/^Guard "auth" is placed on "\/v1\/:id\{\[0-9\]\+\}", which Hono matches for only some of the paths of GET \/v1\/:id/) }));
      }
      {
        // app.use('/api*', mw) runs in front of /api/status: after the guard, before a public route, an order mistake
        const app = new Hono();
        const d = createDepends({ onError: () => {} });
        app.use(d.guard({ caller }, { name: 'auth', scopes: ['me'], routes: { 'GET /api/status': { public: true } } }));
        app.use('/api*', mw);
        app.get('/api/status', (c) => c.text('ok'));
        expect(() => d.check(app)).toThrow(expect.objectContaining({ code: ErrorCode.GuardOrder, message: expect.stringContaining('before GET /api/status') }));
      }
      {
        // app.use('/v1/:id{[0-9]+}', mw) never runs for /v1/status: no order mistake, the route is public
        const app = new Hono();
        const d = createDepends({ onError: () => {} });
        app.use(d.guard({ caller }, { scopes: ['me'], routes: { 'GET /v1/status': { public: true } } }));
        app.use('/v1/:id{[0-9]+}', mw);
        app.get('/v1/status', (c) => c.text('ok'));
        expect(() => d.check(app)).not.toThrow();
        expect(d.openapi().paths['/v1/status']?.get?.security).toEqual([]);
        expect(await status(app, '/v1/status')).toBe(200);
      }
      {
        // app.use('/v1*', auth) stands in front of /v1/notes
        const app = new Hono();
        const d = createDepends({ onError: () => {} });
        app.use('/v1*', d.guard({ caller }, { scopes: ['me'] }));
        app.get('/v1/notes', (c) => c.text('notes'));
        expect(() => d.check(app)).not.toThrow();
        expect(d.openapi().paths['/v1/notes']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['me'] }]);
        expect([await status(app, '/v1/notes'), await status(app, '/v1/notes', 'reader')]).toEqual([401, 200]);
      }
      {
        // a catch-all route matched in part by a guard on an area of it: not documented behind it; the guard's strictest requirement in its area
        const app = new Hono();
        const d = createDepends({ onError: () => {} });
        app.use('/api/*', d.guard({ caller }, { scopes: ['me'], routes: { 'GET /api/admin': { scopes: ['admin'] } } }));
        app.get('/api/notes', (c) => c.text('notes'));
        app.get('/api/admin', (c) => c.text('admin'));
        app.get('*', (c) => c.text('spa'));
        expect(() => d.check(app)).not.toThrow();
        expect(Object.keys(d.openapi().paths)).toEqual(['/api/notes', '/api/admin']);
        expect([await status(app, '/index.html'), await status(app, '/api/nope', 'reader'), await status(app, '/api/nope', 'root')]).toEqual([200, 403, 200]);
      }
    });

    test('string paths Hono matches are documented: a wildcard as it is, a parameter with a pattern as {name}, an optional parameter as two paths; a path that cannot be shown says why', async () => {
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      app.use(d.guard({ caller }, { scopes: ['me'], routes: { 'GET /drafts': { public: true } } }));
      app.get('/assets/*', d.route({ public: true }), (c) => c.text('asset'));
      app.get('/notes/:id{[0-9]+}', (c) => c.text(`note ${c.req.param('id')}`));
      app.get('/drafts/:id?', (c) => c.text('drafts'));
      app.get('/v1/*/x', (c) => c.text('x'));
      app.get('*', (c) => c.text('spa'));
      expect(() => d.check(app)).not.toThrow();
      const doc = d.openapi();
      expect(Object.keys(doc.paths)).toEqual(['/assets/*', '/notes/{id}', '/drafts', '/drafts/{id}', '/v1/*/x', '/*']);
      expect(doc.paths['/notes/{id}']?.get?.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
      expect(doc.paths['/assets/*']?.get?.security).toEqual([]);
      expect(doc.paths['/drafts']?.get?.security).toEqual([]);
      expect(doc.paths['/drafts/{id}']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['me'] }]);
      const status = async (path: string, token?: string) => (await app.request(path, { headers: token ? auth(token) : {} })).status;
      expect([await status('/assets/app.js'), await status('/notes/1'), await status('/notes/1', 'reader')]).toEqual([200, 401, 200]);
      // each path of the optional parameter decided as the document shows it
      expect([await status('/drafts'), await status('/drafts/7'), await status('/drafts/7', 'reader')]).toEqual([200, 401, 200]);
      expect([await status('/v1/a/x'), await status('/anything'), await status('/anything', 'reader')]).toEqual([401, 401, 200]);

      const other = new Hono();
      const e = createDepends({ onError: () => {} });
      other.use(e.guard({ caller }, { name: 'auth' }));
      other.get('/users/:user-id', (c) => c.text('user'));
      expect(() => e.check(other)).toThrow(expect.objectContaining({ code: ErrorCode.UnknownRoutePath, message: expect.stringContaining('GET path "/users/:user-id" (its parameter "user-id" is not a name the document can show') }));
    });

    test("a sub-app with its own onError (app.route() wraps its handlers): its route markers and guards are recognised", async () => {
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'] });
      const admin = d.guard({ caller }, { name: 'admin', scopes: ['admin'] });
      const v1 = new Hono();
      v1.use(guard);
      v1.get('/health', d.route({ public: true }), (c) => c.text('ok'));
      v1.get('/me', (c) => c.json(guard.values(c).caller));
      v1.get('/admin', admin, (c) => c.json(admin.values(c).caller));
      v1.onError((e, c) => c.text(e.message, 500));
      app.route('/v1', v1);
      d.docs(app);
      const url = await serve(app);
      const status = async (path: string, token?: string) => {
        const res = await request(`${url}${path}`, { headers: token ? auth(token) : {} });
        await res.body.dump();
        return res.statusCode;
      };
      expect([await status('/v1/health'), await status('/v1/me'), await status('/v1/me', 'reader')]).toEqual([200, 401, 200]);
      expect([await status('/v1/admin', 'reader'), await status('/v1/admin', 'root')]).toEqual([403, 200]);
      expect(d.openapi().paths['/v1/health']?.get?.security).toEqual([]);
    });
  });
});

describe('@depends/hono guard: paths Hono\'s two routers match differently, and the docs routes', () => {
  test('a wildcard between segments, which TrieRouter also matches empty (the router an app falls back to): never documented as guarded while a request can pass without the guard — startup refuses; a guard on a path that only some of a route shares fails too; the docs routes never make a good app fail', async () => {
    // TrieRouter: RegExpRouter refuses this route set (a parameter route beside a literal one under it)
    const trie = new Hono();
    const d = createDepends({ onError: () => {} });
    trie.use('/api/:version/*', d.guard({ caller }, { scopes: ['admin'] }));
    const ran: string[] = [];
    trie.get('/api/*/reports', (c) => (ran.push(c.req.path), c.text('reports')));
    trie.use('/api/v1/:id', async (_c, next) => void (await next()));
    trie.get('/api/v1/notes', (c) => c.text('notes'));
    d.docs(trie);
    expect(() => d.check(trie)).toThrow('Guard "guard(caller)" is placed on "/api/:version/*", which Hono matches for only some of the paths of GET /api/*/reports');
    // never documented as guarded (TrieRouter runs /api//reports without the guard): the document is refused, and a request through the guard too
    expect(() => d.openapi()).toThrow('which Hono matches for only some of the paths of GET /api/*/reports');
    expect((await trie.request('/api/v1/reports')).status).toBe(500);
    expect(ran).toEqual([]);

    const star = new Hono();
    const d2 = createDepends();
    star.use('/v*/admin', d2.guard({ caller }));
    star.get('/v1/admin', (c) => c.text('admin'));
    d2.docs(star);
    expect(() => d2.check(star)).toThrow('Guard "guard(caller)" is placed on "/v*/admin", which Hono matches for only some of the paths of GET /v1/admin');

    const tenants = new Hono();
    const d3 = createDepends();
    tenants.use('/:tenant/admin', d3.guard({ caller }));
    tenants.get('/acme/admin', (c) => c.text('acme'));
    d3.docs(tenants);
    expect(() => d3.check(tenants)).not.toThrow();
    expect([(await tenants.request('/acme/admin')).status, (await tenants.request('/acme/admin', { headers: auth('reader') })).status, (await tenants.request('/openapi.json')).status]).toEqual([401, 200, 200]);
  });
});

describe('@depends/hono guard: each decision holds for the route it is taken for', () => {
  /** The status and body a request gets, through `app.request()`. */
  const answer = async (app: Hono<any, any, any>, method: string, target: string, token?: string) => {
    const res = await app.request(target, { method, headers: token ? auth(token) : {} });
    return `${res.status} ${await res.text()}`;
  };
  const passOn = (_c: Context, next: () => Promise<void>) => next();

  test('the same guard on two routes Hono runs one after the other (the first passes the request on) decides for each of them, whatever its first decision was', async () => {
    {
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'GET /x/secret': { scopes: ['admin'] } } });
      app.get('/x/:name', guard, d.route({ public: true }), passOn);
      app.get('/x/secret', guard, (c) => c.text('SECRET'));
      expect(() => d.check(app)).not.toThrow();
      expect([await answer(app, 'GET', '/x/secret'), await answer(app, 'GET', '/x/secret', 'reader'), await answer(app, 'GET', '/x/secret', 'root')]).toEqual([
        '401 {"detail":"Not authenticated"}',
        '403 {"detail":"Not enough permissions"}',
        '200 SECRET',
      ]);
    }
    {
      // the first route asks a credential and no scope: a caller with none does not reach the second
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'GET /x/{name}': { scopes: [] }, 'GET /x/secret': { scopes: ['admin'] } } });
      app.get('/x/:name', guard, passOn);
      app.get('/x/secret', guard, (c) => c.text('SECRET'));
      expect([await answer(app, 'GET', '/x/secret', 'nobody'), await answer(app, 'GET', '/x/secret', 'root')]).toEqual(['403 {"detail":"Not enough permissions"}', '200 SECRET']);
    }
    {
      // on a route of one sub-app, then with use() in another, both under /x
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'GET /x/{name}': { public: true } } });
      const files = new Hono();
      files.get('/:name', guard, passOn);
      const admin = new Hono();
      admin.use(guard);
      admin.get('/secret', (c) => c.text('SECRET'));
      app.route('/x', files);
      app.route('/x', admin);
      expect([await answer(app, 'GET', '/x/secret'), await answer(app, 'GET', '/x/secret', 'reader')]).toEqual(['401 {"detail":"Not authenticated"}', '200 SECRET']);
    }
  });

  test('a route handler declared without next that calls it all the same (a wrapper with rest parameters, a default value, arguments[1]) never leads to a route the guard did not decide for: refused there (500, DEPENDS_GUARD_ORDER to onError); a public route after it runs', async () => {
    type RouteHandler = (c: Context, next: Next) => Response | Promise<void>;
    const withLog =
      (f: RouteHandler) =>
      (c: Context, ...rest: [Next]) =>
        f(c, ...rest);
    const serveLogo: RouteHandler = (c, next) => (c.req.param('name') === 'logo.png' ? c.text('PNG') : next());
    const handlers: Record<string, RouteHandler> = {
      'rest parameters': withLog(serveLogo),
      'a default value': (c: Context, next: Next = () => Promise.resolve()) => serveLogo(c, next),
      'arguments[1]': function (c: Context) {
        // eslint-disable-next-line prefer-rest-params
        return serveLogo(c, arguments[1] as Next);
      },
    };
    for (const [how, handler] of Object.entries(handlers)) {
      expect(handler.length, how).toBeLessThan(2);
      const app = new Hono();
      const errors: unknown[] = [];
      const d = createDepends({ onError: (e) => errors.push(e) });
      app.use(d.guard({ caller }, { name: 'auth', scopes: ['me'], routes: { 'GET /files/{name}': { public: true }, 'GET /files/secret': { scopes: ['admin'] } } }));
      let ran = 0;
      app.get('/files/:name', handler);
      app.get('/files/secret', (c) => (ran++, c.text('SECRET')));
      for (const token of [undefined, 'reader', 'root']) expect(await answer(app, 'GET', '/files/secret', token), `${how}, ${token}`).toBe('500 {"detail":"Internal Server Error"}');
      expect(ran, how).toBe(0);
      expect(errors, how).toHaveLength(3);
      expect(errors[0], how).toMatchObject({ code: ErrorCode.GuardOrder, message: expect.stringMatching(/^Guard "auth" decided for this request up to GET \/files\/:name, whose last handler is declared without next.*to GET \/files\/secret, which the guard has not decided for/) });
      // where the handler answers, nothing changes
      expect(await answer(app, 'GET', '/files/logo.png'), how).toBe('200 PNG');
    }
    {
      // a route public to the guard after it (a single-page app's catch-all): nothing to decide, it runs
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      app.use(d.guard({ caller }, { scopes: ['me'], routes: { 'GET /*': { public: true } } }));
      app.get('/files/:name', withLog(serveLogo));
      app.get('*', (c) => c.text('SPA'));
      expect(() => d.check(app)).not.toThrow();
      expect([await answer(app, 'GET', '/files/logo.png', 'reader'), await answer(app, 'GET', '/files/other', 'reader'), await answer(app, 'GET', '/files/other')]).toEqual([
        '200 PNG',
        '200 SPA',
        '401 {"detail":"Not authenticated"}',
      ]);
    }
  });

  test('route markers and guards are recognised through two levels of app.route() whose sub-apps both have their own onError', async () => {
    const app = new Hono();
    const d = createDepends({ onError: () => {} });
    const onError = (e: Error, c: Context) => c.text(e.message, 500);
    app.use(d.guard({ caller }, { scopes: ['me'] }));
    const admin = new Hono();
    admin.post('/purge', d.route({ scopes: ['admin'] }), (c) => c.text('PURGED'));
    admin.onError(onError);
    const v1 = new Hono();
    v1.route('/admin', admin);
    v1.onError(onError);
    app.route('/v1', v1);
    d.docs(app);
    expect(() => d.check(app)).not.toThrow();
    expect(d.openapi().paths['/v1/admin/purge']?.post?.security).toEqual([{ OAuth2PasswordBearer: ['admin'] }]);
    expect([await answer(app, 'POST', '/v1/admin/purge', 'reader'), await answer(app, 'POST', '/v1/admin/purge', 'root')]).toEqual(['403 {"detail":"Not enough permissions"}', '200 PURGED']);
  });

  test("a decision reads the path parameters of the route it is for, not those of the guard's own use() pattern", async () => {
    const owners: Record<string, string> = { n1: 'reader', n2: 'root' };
    const ownNote = depends({ caller, id: path('id') }, ({ caller, id }) => {
      if (owners[id] !== caller.token) throw new HTTPException(404, 'Not Found');
      return id;
    });
    {
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      app.use('/shared/:id/*', d.guard({ note: ownNote }));
      app.get('/shared/:folder/notes/:id', (c) => c.text(`NOTE ${c.req.param('id')}`));
      // the guard's pattern gives id n1 (the reader's), the route's n2 (root's)
      expect([await answer(app, 'GET', '/shared/n1/notes/n2', 'reader'), await answer(app, 'GET', '/shared/x/notes/n1', 'reader'), await answer(app, 'GET', '/shared/n1/notes/n2', 'root')]).toEqual([
        '404 {"detail":"Not Found"}',
        '200 NOTE n1',
        '200 NOTE n2',
      ]);
    }
    {
      // a pattern with no parameter of its own in front of a route with one
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      app.use('/notes/*', d.guard({ note: ownNote }));
      app.get('/notes/:id', (c) => c.text(`NOTE ${c.req.param('id')}`));
      expect([await answer(app, 'GET', '/notes/n1', 'reader'), await answer(app, 'GET', '/notes/n2', 'reader')]).toEqual(['200 NOTE n1', '404 {"detail":"Not Found"}']);
    }
  });

  test("consecutive registrations on one method and path with a route marker among them (one route, or several Hono's table cannot tell apart): the guard decides for each way they may be read, and the check refuses them where they differ", async () => {
    const serveLogo = (c: Context, next: () => Promise<void>) => (c.req.param('name') === 'logo.png' ? c.text('PNG') : next());
    const build = () => {
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      app.use(d.guard({ caller }, { name: 'auth', scopes: ['me'] }));
      app.get('/files/:name', d.route({ public: true }), serveLogo);
      app.get('/files/:name', (c) => c.text('PRIVATE'));
      return { app, d };
    };
    {
      // never checked: the second handler is never reached without the guard's own requirement
      const { app } = build();
      expect([await answer(app, 'GET', '/files/secret.txt'), await answer(app, 'GET', '/files/secret.txt', 'reader')]).toEqual(['401 {"detail":"Not authenticated"}', '200 PRIVATE']);
    }
    {
      const { app, d } = build();
      expect(() => d.check(app)).toThrow(expect.objectContaining({ code: ErrorCode.GuardOptions, message: expect.stringMatching(/^Guard "auth" decides differently for two routes on GET \/files\/\{name\}.*its handlers 2 to 2 of 2 read as one route/) }));
      expect(await answer(app, 'GET', '/files/secret.txt')).toBe('500 {"detail":"Internal Server Error"}');
    }
    {
      // the route's options in the guard's routes key hold for every registration on the path; a marker for the document only changes no decision
      const app = new Hono();
      const d = createDepends({ onError: () => {} });
      let checks = 0;
      const counted = depends(() => ++checks);
      app.use(d.guard({ caller, counted }, { scopes: ['me'], routes: { 'POST /login': { public: true } } }));
      const validate = async (_c: Context, next: () => Promise<void>) => void (await next());
      app.post('/login', validate, (c) => c.text('LOGGED IN'));
      app.post('/notes', d.route({ summary: 'Add a note', status: 201 }), validate, (c) => c.text('ADDED', 201));
      expect(() => d.check(app)).not.toThrow();
      expect([await answer(app, 'POST', '/login'), await answer(app, 'POST', '/notes'), await answer(app, 'POST', '/notes', 'reader')]).toEqual([
        '200 LOGGED IN',
        '401 {"detail":"Not authenticated"}',
        '201 ADDED',
      ]);
      expect(checks).toBe(1); // the reader's request decided once (the first stops at its missing credential): a marker for the document splits nothing
    }
  });

  test('an endpoint for every method asked with a method the table does not list (PROPFIND, QUERY…): the guard’s strictest requirement', async () => {
    const app = new Hono();
    const d = createDepends({ onError: () => {} });
    const write = { scopes: ['admin'] };
    app.use(d.guard({ caller }, { scopes: ['me'], routes: { 'POST /rpc': write, 'PUT /rpc': write, 'PATCH /rpc': write, 'DELETE /rpc': write } }));
    app.all('/rpc', (c) => c.text(`RPC ${c.req.method}`));
    expect(() => d.check(app)).not.toThrow();
    for (const method of ['PROPFIND', 'QUERY', 'FOO']) {
      expect(await answer(app, method, '/rpc', 'reader'), method).toBe('403 {"detail":"Not enough permissions"}');
      expect(await answer(app, method, '/rpc', 'root'), method).toBe(`200 RPC ${method}`);
    }
    expect([await answer(app, 'GET', '/rpc', 'reader'), await answer(app, 'POST', '/rpc', 'reader')]).toEqual(['200 RPC GET', '403 {"detail":"Not enough permissions"}']);
  });

  test('a guard placed on an area stands in front of no route whose literal segments differ from it, even one whose parameter spans segments', async () => {
    const app = new Hono();
    const d = createDepends({ onError: () => {} });
    app.use('/admin/*', d.guard({ caller }, { scopes: ['me'] }));
    app.get('/admin/users', (c) => c.text('USERS'));
    app.get('/static/:path{.+}', (c) => c.text(`FILE ${c.req.param('path')}`));
    expect(() => d.check(app)).not.toThrow();
    expect(Object.keys(d.openapi().paths)).toEqual(['/admin/users']);
    expect([await answer(app, 'GET', '/static/a/b.css'), await answer(app, 'GET', '/admin/users')]).toEqual(['200 FILE a/b.css', '401 {"detail":"Not authenticated"}']);
  });
});
