/**
 * Koa-specific behaviour: mounting on an app or a router, a body parser's
 * `ctx.request.body`, upstream middleware seeing the answer, errors of
 * other routes untouched, route discovery with router prefixes; the guard
 * deciding where @koa/router dispatches (never failing open).
 */
import { rawStatus } from '../../core/src/node/test/raw-request.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import Koa, { type Context, type Middleware, type Next } from 'koa';
import { Router as KoaRouter } from '@koa/router';
import { request } from 'undici';
import { z } from 'zod';
import { HTTPException, Router, apiKeyHeader, body, depends, header, httpBearer, invalidToken, oauth2PasswordBearer, withScopes, type GuardOptions } from '@depends/core';
import { createDepends } from './index.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

async function serve(app: Koa<any, any>): Promise<string> {
  server = createServer(app.callback()).listen(0, '127.0.0.1');
  await new Promise((r) => server!.once('listening', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

/** A minimal JSON body parser, as @koa/bodyparser does it: reads the stream, sets `ctx.request.body`. */
const jsonParser: Middleware = async (ctx, next) => {
  if (ctx.is('application/json')) {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    (ctx.request as { body?: unknown }).body = { ...JSON.parse(Buffer.concat(chunks).toString('utf8')), seen: 'parser' };
  }
  await next();
};

const Item = z.object({ title: z.string(), seen: z.string().optional() });

describe('@depends/koa', () => {
  test('mounts on a Koa app directly, and reuses a body parser’s ctx.request.body', async () => {
    const app = new Koa();
    app.use(jsonParser);
    const d = createDepends();
    const api = new Router();
    api.post('/items', { item: body(Item) }, ({ item }) => item, { status: 201 });
    d.mount(app, api);
    d.docs(app);
    const url = await serve(app);
    const res = await request(`${url}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"a"}' });
    expect(res.statusCode).toBe(201);
    expect(await res.body.json()).toEqual({ title: 'a', seen: 'parser' });
    expect((await request(`${url}/openapi.json`)).statusCode).toBe(200);
  });

  test('upstream middleware sees status, body and headers; errors of other routes reach Koa untouched', async () => {
    const app = new Koa();
    const seen: unknown[] = [];
    const caught: string[] = [];
    app.use(async (ctx, next) => {
      try {
        await next();
        seen.push([ctx.status, ctx.response.get('content-type'), ctx.response.get('www-authenticate'), JSON.parse(String(ctx.body))]);
      } catch (err) {
        caught.push((err as Error).message);
        ctx.status = 418;
        ctx.body = { handledBy: 'koa' };
      }
    });
    const router = new KoaRouter();
    const d = createDepends();
    const api = new Router();
    api.get('/me', { auth: httpBearer() }, ({ auth }) => auth);
    d.mount(router, api);
    router.get('/plain', () => {
      throw new Error('plain route');
    });
    app.use(router.routes());
    const url = await serve(app);

    const me = await request(`${url}/me`);
    expect(me.statusCode).toBe(401);
    await me.body.text();
    expect(seen).toEqual([[401, 'application/json', 'Bearer', { detail: 'Not authenticated' }]]);

    const plain = await request(`${url}/plain`);
    expect(plain.statusCode).toBe(418);
    expect(await plain.body.json()).toEqual({ handledBy: 'koa' });
    expect(caught).toEqual(['plain route']);
  });

  test('single handlers are documented with router prefixes, from the router or from an app using it', async () => {
    const app = new Koa();
    const d = createDepends();
    const user = depends({ token: header('x-token') }, ({ token }) => ({ token }));
    const api = new KoaRouter({ prefix: '/api' });
    api.get('/me', d.handler({ user }, ({ user }) => user));
    const nested = new KoaRouter();
    nested.post('/items/:id', d.handler({}, () => null));
    api.use('/v2', nested.routes());
    app.use(api.routes());
    d.docs(app);
    expect(Object.keys(d.openapi().paths).sort()).toEqual(['/api/me', '/api/v2/items/{id}']);
    expect(Object.keys(d.openapi().paths['/api/me'])).toEqual(['get']);
    const url = await serve(app);
    const res = await request(`${url}/api/me`, { headers: { 'x-token': 't' } });
    expect(await res.body.json()).toEqual({ token: 't' });
  });

  test('an empty 200 stays a 200 with no content-type (Koa would make it a 204)', async () => {
    const { reply } = await import('@depends/core');
    const app = new Koa();
    const d = createDepends();
    const api = new Router();
    api.get('/empty', {}, () => reply.empty({ status: 200 }));
    d.mount(app, api);
    const url = await serve(app);
    const res = await request(`${url}/empty`);
    expect([res.statusCode, res.headers['content-type'], res.headers['content-length'], await res.body.text()]).toEqual([200, undefined, '0', '']);
  });
});

/** Tokens and the scopes each grants. */
const TOKENS: Record<string, string[]> = { reader: ['me'], writer: ['me', 'notes:write'] };
const bearer = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { me: 'Read', 'notes:write': 'Write notes' } });
const caller = withScopes(
  depends({ token: bearer }, ({ token }) => {
    if (!TOKENS[token]) throw invalidToken();
    return { token, scopes: TOKENS[token] };
  }),
  (c) => c.scopes,
);
const auth = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {});


describe('@depends/koa guard: decided where @koa/router dispatches, never open', () => {
  /** `app.use(guard)`, then `extra` middleware, then `/v1` routes, then d.docs(app); by default POST /v1/notes asks notes:write. */
  function guardedApp(extra: Middleware[] = [], options: GuardOptions = { scopes: ['me'], routes: { 'POST /v1/notes': { scopes: ['notes:write'] } } }, App: typeof Koa = Koa) {
    const app = new App();
    const d = createDepends({ onError: () => {} });
    const guard = d.guard({ caller }, options);
    const ran: string[] = [];
    app.use(guard);
    for (const m of extra) app.use(m);
    const v1 = new KoaRouter({ prefix: '/v1' });
    v1.get('/me', (ctx) => {
      ran.push('me');
      ctx.body = { token: guard.values(ctx).caller.token };
    });
    v1.post('/notes', (ctx) => {
      ran.push('notes');
      ctx.status = 201;
      ctx.body = {};
    });
    app.use(v1.routes());
    d.docs(app);
    return { app, ran };
  }

  test('a middleware after the guard that rewrites ctx.path: the route the router then dispatches to is decided (401 without credential)', async () => {
    const rewrite: Middleware = async (ctx, next) => {
      if (ctx.path === '/alias') ctx.path = '/v1/notes';
      await next();
    };
    // POST /v1/notes also needs X-Admin: only a decision for that route asks it
    const adminHeader = depends({ key: header('x-admin', z.string().optional()) }, ({ key }) => {
      if (key !== 'yes') throw new HTTPException(403, 'Admins only');
    });
    const { app, ran } = guardedApp([rewrite], { scopes: ['me'], routes: { 'POST /v1/notes': { dependencies: [adminHeader] } } });
    const url = await serve(app);
    expect((await request(`${url}/alias`, { method: 'POST' })).statusCode).toBe(401);
    const res = await request(`${url}/alias`, { method: 'POST', headers: auth('reader') });
    expect([res.statusCode, await res.body.json()]).toEqual([403, { detail: 'Admins only' }]);
    expect(ran).toEqual([]);
    expect((await request(`${url}/alias`, { method: 'POST', headers: { ...auth('reader'), 'x-admin': 'yes' } })).statusCode).toBe(201);
    expect(ran).toEqual(['notes']);
  });

  test("a route on several paths (router.get(['/health', '/healthz'], …)): each path is decided with its own options, as documented", async () => {
    const app = new Koa();
    const d = createDepends({ onError: () => {} });
    app.use(d.guard({ caller }, { scopes: ['me'], routes: { 'GET /health': { public: true }, 'GET /notes': { scopes: ['notes:write'] } } }));
    const router = new KoaRouter();
    router.get(['/health', '/healthz'], (ctx) => void (ctx.body = 'ok'));
    router.get(['/notes', '/mine'], (ctx) => void (ctx.body = 'notes'));
    app.use(router.routes());
    d.docs(app);
    expect([d.openapi().paths['/health']?.get?.security, d.openapi().paths['/healthz']?.get?.security]).toEqual([[], [{ OAuth2PasswordBearer: ['me'] }]]);
    const url = await serve(app);
    const status = async (path: string, token?: string) => (await request(`${url}${path}`, { headers: auth(token) })).statusCode;
    expect([await status('/health'), await status('/healthz'), await status('/healthz', 'reader')]).toEqual([200, 401, 200]);
    expect([await status('/notes', 'reader'), await status('/mine', 'reader'), await status('/notes', 'writer')]).toEqual([403, 200, 200]);
  });

  test('one router used by two apps, each behind its own guard (a bearer token on one, an API key on the other): each app asks only its own; one createDepends() for both fails at startup (one document cannot show both)', async () => {
    const key = depends({ k: apiKeyHeader({ name: 'x-key' }) }, ({ k }) => k);
    const notes = new KoaRouter();
    // a router middleware that answers by itself (@koa/router runs it for the requests a route of the router matches): each app's guard decides before it
    notes.use((ctx, next) => (ctx.path === '/notes/secret' ? void (ctx.body = 'secret') : next()));
    notes.delete('/notes/:id', (ctx) => void (ctx.status = 204));
    const build = (one: boolean) => {
      const d = createDepends({ onError: () => {} });
      const d2 = one ? d : createDepends({ onError: () => {} });
      const site = new Koa();
      site.use(d.guard({ caller }, { name: 'site', scopes: ['me'] }));
      site.use(notes.routes());
      const internal = new Koa();
      internal.use(d2.guard({ key }, { name: 'internal' }));
      internal.use(notes.routes());
      d.docs(site);
      d2.docs(internal);
      return { site, internal };
    };
    expect(() => build(true).site.callback()).toThrow(
      'Guard "site" decides differently for two routes on DELETE /notes/{id} (path /notes/:id) (path /notes/:id), standing in front of only one of them',
    );
    const { site, internal } = build(false);
    const a = await serve(site);
    const bServer = createServer(internal.callback()).listen(0, '127.0.0.1');
    await new Promise((r) => bServer.once('listening', r));
    const b = `http://127.0.0.1:${(bServer.address() as AddressInfo).port}`;
    try {
      const del = async (url: string, headers: Record<string, string | undefined>) => (await request(`${url}/notes/1`, { method: 'DELETE', headers: headers as Record<string, string> })).statusCode;
      expect([await del(a, auth('reader')), await del(b, { 'x-key': 'k' }), await del(a, auth('reader')), await del(b, auth('reader')), await del(a, { 'x-key': 'k' })]).toEqual([204, 204, 204, 401, 401]);
      const secret = async (url: string, headers: Record<string, string | undefined>) => (await request(`${url}/notes/secret`, { method: 'DELETE', headers: headers as Record<string, string> })).statusCode;
      expect([await secret(a, { 'x-key': 'k' }), await secret(b, auth('reader')), await secret(a, auth('reader')), await secret(b, { 'x-key': 'k' })]).toEqual([401, 401, 200, 200]);
    } finally {
      bServer.closeAllConnections();
      bServer.close();
    }
  });

  test('a terminal middleware after the guard gets the strictest requirement first (401 without credential)', async () => {
    const app = new Koa();
    const d = createDepends({ onError: () => {} });
    const guard = d.guard({ caller }, { scopes: ['me'] });
    app.use(guard);
    const routes = new KoaRouter();
    routes.get('/me', (ctx) => void (ctx.body = 'me'));
    app.use(routes.routes());
    app.use((ctx) => {
      ctx.body = 'x';
    });
    d.docs(app);
    const url = await serve(app);
    const none = await request(`${url}/anything`);
    expect([none.statusCode, await none.body.json()]).toEqual([401, { detail: 'Not authenticated' }]);
    expect((await request(`${url}/anything`, { headers: auth('nope') })).statusCode).toBe(401);
    const ok = await request(`${url}/anything`, { headers: auth('reader') });
    expect([ok.statusCode, await ok.body.text()]).toEqual([200, 'x']);
  });

  test('an app composed before the guards were installed answers 500 naming the fix, never the middleware', async () => {
    const errors: unknown[] = [];
    const app = new Koa();
    const d = createDepends({ onError: (e) => void errors.push(e) });
    app.use(d.guard({ caller }, { scopes: ['me'] }));
    app.use((ctx) => {
      ctx.body = 'x';
    });
    const url = await serve(app); // no d.docs(app) before app.callback()
    const res = await request(`${url}/anything`, { headers: auth('reader') });
    expect(res.statusCode).toBe(500);
    expect(await res.body.text()).not.toContain('x');
    expect(String(errors[0])).toContain('call d.docs(app) or d.mount(app, …) before app.listen()/app.callback()');
  });

  test('absolute-form and #fragment request targets: 401 without credential, the handler does not run', async () => {
    const { app, ran } = guardedApp();
    const url = await serve(app);
    expect(await rawStatus(url, { method: 'GET', target: 'http://x/v1/me' })).toBe(401);
    expect(await rawStatus(url, { method: 'GET', target: '/v1/me#x' })).toBe(401);
    expect(await rawStatus(url, { method: 'GET', target: 'http://x/v1/me#x' })).toBe(401);
    expect(await rawStatus(url, { method: 'HEAD', target: 'http://x/v1/me' })).toBe(401);
    expect(ran).toEqual([]);
    expect(await rawStatus(url, { method: 'GET', target: 'http://x/v1/me', headers: ['Authorization: Bearer reader'] })).toBe(200);
    expect(ran).toEqual(['me']);
  });

  test('POST to a route with per-route scopes from a user lacking them: 403, the handler does not run (absolute form too)', async () => {
    const { app, ran } = guardedApp();
    const url = await serve(app);
    const res = await request(`${url}/v1/notes`, { method: 'POST', headers: auth('reader') });
    expect([res.statusCode, res.headers['www-authenticate']]).toEqual([403, 'Bearer error="insufficient_scope", scope="notes:write"']);
    await res.body.dump();
    expect(await rawStatus(url, { method: 'POST', target: 'http://x/v1/notes', headers: ['Authorization: Bearer reader'] })).toBe(403);
    expect(await rawStatus(url, { method: 'POST', target: '/v1/notes#f', headers: ['Authorization: Bearer reader'] })).toBe(403);
    expect(ran).toEqual([]);
    expect((await request(`${url}/v1/notes`, { method: 'POST', headers: auth('writer') })).statusCode).toBe(201);
    expect(ran).toEqual(['notes']);
  });

  test("a request no route matches: the strictest requirement, then Koa's own 404", async () => {
    const { app } = guardedApp();
    const url = await serve(app);
    expect((await request(`${url}/nope`)).statusCode).toBe(401);
    expect((await request(`${url}/nope`, { headers: auth('reader') })).statusCode).toBe(403);
    expect((await request(`${url}/nope`, { headers: auth('writer') })).statusCode).toBe(404);
  });

  test('a guard in a route’s own stack, and a router-level guard: each decides for the route dispatched to', async () => {
    const app = new Koa();
    const d = createDepends({ onError: () => {} });
    const own = d.guard({ caller }, { name: 'own', routes: { 'POST /own/notes': { scopes: ['notes:write'] } } });
    const viaUse = d.guard({ caller }, { name: 'use', routes: { 'POST /r/notes': { scopes: ['notes:write'] } } });
    const ran: string[] = [];
    const router = new KoaRouter();
    router.post('/own/notes', own, (ctx) => void (ran.push('own'), (ctx.body = own.values(ctx).caller.token)));
    const r = new KoaRouter({ prefix: '/r' });
    r.use(viaUse);
    r.post('/notes', (ctx) => void (ran.push('r'), (ctx.body = viaUse.values(ctx).caller.token)));
    app.use(router.routes());
    app.use(r.routes());
    d.docs(app);
    const url = await serve(app);
    for (const path of ['/own/notes', '/r/notes']) {
      expect((await request(`${url}${path}`, { method: 'POST' })).statusCode).toBe(401);
      expect((await request(`${url}${path}`, { method: 'POST', headers: auth('reader') })).statusCode).toBe(403);
    }
    expect(ran).toEqual([]);
    expect(await (await request(`${url}/own/notes`, { method: 'POST', headers: auth('writer') })).body.text()).toBe('writer');
    expect(await (await request(`${url}/r/notes`, { method: 'POST', headers: auth('writer') })).body.text()).toBe('writer');
    expect(ran).toEqual(['own', 'r']);
  });

  test('a router nested into another after the app started: its copied checkpoint never decides for the other route', async () => {
    const app = new Koa();
    const d = createDepends({ onError: () => {} });
    // POST /notes is public; the same handler nested under /api is not
    const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'POST /notes': { public: true } } });
    const ran: string[] = [];
    const notes = new KoaRouter();
    notes.post('/notes', guard, (ctx) => void (ran.push('notes'), (ctx.status = 201)));
    const api = new KoaRouter({ prefix: '/api' });
    app.use(notes.routes());
    app.use(api.routes());
    d.docs(app);
    const url = await serve(app);
    expect((await request(`${url}/notes`, { method: 'POST' })).statusCode).toBe(201);
    api.use(notes.routes()); // @koa/router copies the layer, its checkpoint included
    for (let i = 0; i < 2; i++) expect((await request(`${url}/api/notes`, { method: 'POST' })).statusCode).toBe(401);
    expect(ran).toEqual(['notes']);
    expect((await request(`${url}/api/notes`, { method: 'POST', headers: auth('reader') })).statusCode).toBe(201);
    expect(ran).toEqual(['notes', 'notes']);
  });

  test('routes registered again after the server started (a reload: the same number of layers, or a new list) are decided, never run unchecked', async () => {
    const app = new Koa();
    const d = createDepends({ onError: () => {} });
    app.use(d.guard({ caller }, { scopes: ['me'] }));
    const router = new KoaRouter();
    const register = (version: number) => {
      router.get('/status', d.route({ public: true }), (ctx) => void (ctx.body = 'ok'));
      router.get('/secret', (ctx) => void (ctx.body = `secret v${version}`));
    };
    register(1);
    app.use(router.routes());
    d.docs(app);
    const url = await serve(app);
    const get = async (path: string) => (await request(`${url}${path}`)).statusCode;
    expect([await get('/secret'), await get('/status')]).toEqual([401, 200]);
    // the same number of layers, spliced out and registered again
    for (const layer of [...router.stack]) router.stack.splice(router.stack.indexOf(layer), 1);
    register(2);
    expect([await get('/secret'), await get('/status')]).toEqual([401, 200]);
    // a new list
    router.stack = [];
    register(3);
    expect([await get('/secret'), await get('/status')]).toEqual([401, 200]);
    expect(await (await request(`${url}/secret`, { headers: auth('reader') })).body.text()).toBe('secret v3');
  });

  test('a guarded route whose path ends in a wildcard (/files/*path) is documented as written and decided with its key', async () => {
    const app = new Koa();
    const d = createDepends({ onError: () => {} });
    app.use(d.guard({ caller }, { scopes: ['me'], routes: { 'GET /files/*path': { scopes: ['notes:write'] } } }));
    const r = new KoaRouter();
    r.get('/files/*path', (ctx) => void (ctx.body = { path: ctx.params.path }));
    app.use(r.routes());
    d.docs(app);
    expect(d.openapi().paths['/files/*path']?.get?.security).toEqual([{ OAuth2PasswordBearer: ['notes:write'] }]);
    const url = await serve(app);
    const get = async (token?: string) => request(`${url}/files/a/b.txt`, { headers: token ? auth(token) : {} });
    expect([(await get()).statusCode, (await get('reader')).statusCode]).toEqual([401, 403]);
    expect(await (await get('writer')).body.json()).toEqual({ path: 'a/b.txt' });
  });

  test('a guard in front of a route whose path cannot be known (a RegExp), or a d.route() marker on a route no guard stands in front of: app.callback() (and so app.listen()) fails, naming the route', () => {
    const regexp = new Koa();
    const d = createDepends({ onError: () => {} });
    regexp.use(d.guard({ caller }));
    const r = new KoaRouter();
    r.get('/me', (ctx) => void (ctx.body = 'me'));
    r.get(/^\/reports\/(\d+)$/, (ctx) => void (ctx.body = 'report'));
    regexp.use(r.routes());
    d.docs(regexp);
    expect(() => regexp.callback()).toThrow(/stands in front of GET path \/\^\\\/reports.*, whose path cannot be known, so it cannot be documented: register it with a string path/);

    const marked = new Koa();
    const d2 = createDepends({ onError: () => {} });
    const open = new KoaRouter();
    open.get('/health', d2.route({ public: true }), (ctx) => void (ctx.body = 'ok'));
    marked.use(open.routes());
    marked.use(d2.guard({ caller }));
    const guarded = new KoaRouter();
    guarded.get('/me', (ctx) => void (ctx.body = 'me'));
    marked.use(guarded.routes());
    d2.docs(marked);
    expect(() => marked.callback()).toThrow(/^d\.route\(\) options on GET \/health do nothing: no guard stands in front of that route/);
  });

  test('two routers serving one path for different hosts (the host option), decided differently: the startup error names the host (it named the same path twice)', () => {
    const app = new Koa();
    const d = createDepends({ onError: () => {} });
    app.use(d.guard({ caller }));
    const admin = new KoaRouter({ host: 'admin.local' });
    admin.get('/x', d.route({ scopes: ['notes:write'] }), (ctx) => void (ctx.body = 'admin'));
    const site = new KoaRouter();
    site.get('/x', d.route({ public: true }), (ctx) => void (ctx.body = 'site'));
    app.use(admin.routes());
    app.use(site.routes());
    d.docs(app);
    expect(() => app.callback()).toThrow('decides differently for two routes on GET /x (path /x for host admin.local) (path /x)');
  });

  test('a routes key naming no route: app.callback() (and so app.listen()) fails before the server listens, naming the key', () => {
    const { app } = guardedApp([], { routes: { 'GET /v1/mee': { public: true } } });
    expect(() => app.callback()).toThrow(/routes\["GET \/v1\/mee"\] names no route behind this guard \(it guards GET \/v1\/me, POST \/v1\/notes\)/);
  });

  describe('on Koa 2 (no app.compose: the guards install when app.callback() composes)', () => {
    const koa2 = async () => (await import('koa2')).default as unknown as typeof Koa;
    const logger: Middleware = async (_ctx, next) => next();

    test('a guard before other middleware decides for each route (it refused every request with a 500)', async () => {
      // one requirement for every route: a middleware may stand after the guard
      const { app, ran } = guardedApp([logger], { scopes: ['me'] }, await koa2());
      const url = await serve(app);
      expect((await request(`${url}/v1/me`)).statusCode).toBe(401);
      expect((await request(`${url}/v1/me`, { headers: auth('nobody') })).statusCode).toBe(401);
      const me = await request(`${url}/v1/me`, { headers: auth('reader') });
      expect([me.statusCode, await me.body.json()]).toEqual([200, { token: 'reader' }]);
      expect((await request(`${url}/v1/notes`, { method: 'POST', headers: auth('reader') })).statusCode).toBe(201);
      expect((await request(`${url}/v1/elsewhere`, { headers: auth('nobody') })).statusCode).toBe(401);
      expect(ran).toEqual(['me', 'notes']);
    });

    test('a routes key naming no route: app.callback() fails before the server listens', async () => {
      const { app } = guardedApp([logger], { routes: { 'GET /v1/mee': { public: true } } }, await koa2());
      expect(() => app.callback()).toThrow(/routes\["GET \/v1\/mee"\] names no route behind this guard/);
    });
  });
});

describe.each([
  ['Koa 3', async () => Koa],
  ['Koa 2', async () => (await import('koa2')).default as unknown as typeof Koa],
])('@depends/koa guard on %s: routes and parameter callbacks added late, router.param(), allowedMethods(), the docs', (_name, load) => {
  /** The status (and Allow header) of a request, its body read. */
  async function call(url: string, method: string, token?: string): Promise<[number, unknown]> {
    const res = await request(url, { method: method as 'GET', headers: auth(token) });
    await res.body.dump();
    return [res.statusCode, res.headers.allow];
  }
  /** A router.param() callback: it answers for "stop" by itself. */
  const stopper = (name: string, ran: string[]) => (id: string, ctx: Context, next: Next) => (ran.push(`${name} ${id}`), id === 'stop' ? void (ctx.body = name) : next());

  test('behind router.use(auth), a parameter callback and a route added after the first request: 401 on their first request (it was the handler’s 200), the route documented', async () => {
    const app = new (await load())();
    const d = createDepends({ onError: () => {} });
    const ran: string[] = [];
    const r = new KoaRouter();
    r.use(d.guard({ caller }, { scopes: ['me'] }));
    r.get('/notes', (ctx) => void (ctx.body = []));
    r.get('/notes/:id', (ctx) => void (ctx.body = ctx.params.id));
    app.use(r.routes());
    d.docs(app);
    const url = await serve(app);
    expect(await call(`${url}/notes`, 'GET', 'reader')).toEqual([200, undefined]);
    r.param('id', stopper('param', ran));
    expect(await call(`${url}/notes/stop`, 'GET')).toEqual([401, undefined]);
    r.get('/late', (ctx) => void (ran.push('late'), (ctx.body = 'secret')));
    for (let i = 0; i < 2; i++) expect([await call(`${url}/late`, 'GET'), await call(`${url}/notes/stop`, 'GET')]).toEqual([[401, undefined], [401, undefined]]);
    expect(ran).toEqual([]);
    expect(await (await request(`${url}/late`, { headers: auth('reader') })).body.text()).toBe('secret');
    const doc = (await (await request(`${url}/openapi.json`)).body.json()) as { paths: Record<string, { get?: { security?: unknown } }> };
    expect(Object.keys(doc.paths)).toEqual(['/notes', '/notes/{id}', '/late']);
    expect(doc.paths['/late'].get?.security).toEqual([{ OAuth2PasswordBearer: ['me'] }]);
  });

  test('a request whose chain @koa/router built before another request installed a late route: 401, never the handler', async () => {
    const app = new (await load())();
    const d = createDepends({ onError: () => {} });
    const ran: string[] = [];
    let entered!: () => void;
    let release!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const r = new KoaRouter();
    // holds a request for /late before the guard's layer runs
    r.use(async (ctx, next) => {
      if (ctx.path === '/late') {
        entered();
        await released;
      }
      await next();
    });
    r.use(d.guard({ caller }, { scopes: ['me'] }));
    r.get('/notes', (ctx) => void (ctx.body = []));
    app.use(r.routes());
    d.docs(app);
    const url = await serve(app);
    r.get('/late', (ctx) => void (ran.push('late'), (ctx.body = 'secret')));
    const held = call(`${url}/late`, 'GET');
    await inside; // its chain is built: /late without a checkpoint
    expect(await call(`${url}/notes`, 'GET', 'reader')).toEqual([200, undefined]); // installs the late route
    release();
    expect(await held).toEqual([401, undefined]);
    expect(ran).toEqual([]);
  });

  test('an app never passed to depends (d.docs(router)), behind router.use(auth): its first request is decided too (it was the handler’s 200), the docs answer', async () => {
    const app = new (await load())();
    const d = createDepends({ onError: () => {} });
    const ran: string[] = [];
    const r = new KoaRouter();
    r.use(d.guard({ caller }, { scopes: ['me'] }));
    r.get('/notes', (ctx) => void (ran.push('notes'), (ctx.body = [])));
    d.docs(r);
    app.use(r.routes());
    const url = await serve(app);
    expect(await call(`${url}/notes`, 'GET')).toEqual([401, undefined]);
    expect(ran).toEqual([]);
    expect(await call(`${url}/openapi.json`, 'GET')).toEqual([200, undefined]);
    expect(await call(`${url}/notes`, 'GET', 'reader')).toEqual([200, undefined]);
  });

  test.each(['allowedMethods()', 'a middleware after the guard'])('d.docs(app) after %s: the docs answer without credential (they answered 401)', async (before) => {
    const app = new (await load())();
    const d = createDepends({ onError: () => {} });
    const r = new KoaRouter();
    r.get('/notes', (ctx) => void (ctx.body = []));
    app.use(d.guard({ caller }, { scopes: ['me'] }));
    if (before !== 'allowedMethods()') app.use(jsonParser);
    app.use(r.routes());
    if (before === 'allowedMethods()') app.use(r.allowedMethods());
    d.docs(app);
    const url = await serve(app);
    expect([await call(`${url}/openapi.json`, 'GET'), await call(`${url}/docs`, 'GET')]).toEqual([
      [200, undefined],
      [200, undefined],
    ]);
    expect(await call(`${url}/notes`, 'GET')).toEqual([401, undefined]);
  });

  test("@koa/router's own shape, allowedMethods() after each router's routes(): the app starts (it failed naming an anonymous middleware), public and fewer-scope routes answer, OPTIONS and 405 only past the strictest requirement", async () => {
    const app = new (await load())();
    const d = createDepends({ onError: () => {} });
    const guard = d.guard({ caller }, { scopes: ['me'], routes: { 'GET /status': { public: true }, 'DELETE /v1/notes/{id}': { scopes: ['notes:write'] } } });
    const root = new KoaRouter();
    root.get('/status', (ctx) => void (ctx.body = 'ok'));
    const v1 = new KoaRouter({ prefix: '/v1' });
    v1.get('/notes', (ctx) => void (ctx.body = []));
    v1.delete('/notes/:id', (ctx) => void (ctx.status = 204));
    app.use(guard);
    app.use(root.routes());
    app.use(root.allowedMethods());
    app.use(v1.routes());
    app.use(v1.allowedMethods());
    d.docs(app);
    const url = await serve(app);
    expect([await call(`${url}/status`, 'GET'), await call(`${url}/v1/notes`, 'GET', 'reader'), await call(`${url}/v1/notes/1`, 'DELETE', 'reader')]).toEqual([
      [200, undefined],
      [200, undefined],
      [403, undefined],
    ]);
    expect([await call(`${url}/v1/notes`, 'PUT'), await call(`${url}/v1/notes`, 'PUT', 'reader'), await call(`${url}/v1/notes`, 'PUT', 'writer')]).toEqual([
      [401, undefined],
      [403, undefined],
      [405, 'HEAD, GET'],
    ]);
    expect([await call(`${url}/v1/notes`, 'OPTIONS'), await call(`${url}/v1/notes`, 'OPTIONS', 'writer')]).toEqual([
      [401, undefined],
      [200, 'HEAD, GET'],
    ]);
  });

  test('router.param() callbacks run after a guard placed on the route itself, registered before the first request or after (they answered 200 without credential)', async () => {
    const app = new (await load())();
    const d = createDepends({ onError: () => {} });
    const guard = d.guard({ caller }, { scopes: ['me'] });
    const ran: string[] = [];
    const r = new KoaRouter();
    r.param('id', stopper('early', ran));
    r.get('/notes/:id', guard, (ctx) => void (ctx.body = ctx.params.id));
    r.get('/files/:name', guard, (ctx) => void (ctx.body = ctx.params.name));
    app.use(r.routes());
    d.docs(app);
    const url = await serve(app);
    expect(await call(`${url}/notes/stop`, 'GET')).toEqual([401, undefined]);
    expect(await call(`${url}/files/a`, 'GET', 'reader')).toEqual([200, undefined]);
    r.param('name', stopper('late', ran));
    expect(await call(`${url}/files/stop`, 'GET')).toEqual([401, undefined]);
    expect(ran).toEqual([]);
    expect(await (await request(`${url}/notes/stop`, { headers: auth('reader') })).body.text()).toBe('early');
    expect(await (await request(`${url}/files/stop`, { headers: auth('reader') })).body.text()).toBe('late');
    expect(ran).toEqual(['early stop', 'late stop']);
  });
});

/** koa-compose, cut down: the middleware in order, each one's `next` running the one after it. */
const compose =
  (middleware: Middleware<any, any>[]): Middleware<any, any> =>
  (ctx, next) => {
    const dispatch = (i: number): Promise<unknown> => Promise.resolve(i === middleware.length ? next() : middleware[i](ctx, () => dispatch(i + 1)));
    return dispatch(0);
  };

/** koa-mount 4, cut down: a sub-app's middleware (copied when mounted) under a path prefix, `ctx.path` rewritten while it runs. */
function mount(prefix: string, sub: Koa<any, any>): Middleware<any, any> {
  const run = compose([...sub.middleware]);
  return async (ctx, next) => {
    const path = ctx.path;
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return next();
    ctx.path = path.slice(prefix.length) || '/';
    try {
      await run(ctx, async () => {
        ctx.path = path;
        await next();
      });
    } finally {
      ctx.path = path;
    }
  };
}

describe.each([
  ['Koa 3', async () => Koa],
  ['Koa 2', async () => (await import('koa2')).default as unknown as typeof Koa],
])('@depends/koa guard on %s: places the install never read (koa-mount, composed bundles, routers reached from a handler), not-found handlers, use() paths', (_name, load) => {
  /** The status and body of a request. */
  async function call(url: string, method: string, token?: string): Promise<[number, string]> {
    const res = await request(url, { method: method as 'GET', headers: auth(token) });
    return [res.statusCode, await res.body.text()];
  }
  const NOT_AUTHENTICATED = '{"detail":"Not authenticated"}';
  const NOT_ENOUGH = '{"detail":"Not enough permissions"}';
  /** Serves another app in place of the one served so far. */
  async function serveAnother(app: Koa<any, any>): Promise<string> {
    server?.closeAllConnections();
    server?.close();
    return serve(app);
  }

  test('the same guard in a sub-app mounted with koa-mount, and in a composed bundle: its strictest requirement there (it was the handler’s 200 without credential)', async () => {
    const app = new (await load())();
    const d = createDepends({ onError: () => {} });
    const guard = d.guard({ caller }, { scopes: ['me'] });
    // the sub-app's own guard, the same one the app uses after the mount
    const admin = new (await load())();
    admin.use(guard);
    const wipe = new KoaRouter();
    wipe.post('/wipe', (ctx) => void (ctx.body = 'wiped'));
    admin.use(wipe.routes());
    app.use(mount('/admin', admin));
    // placed in a router's use() layer too, and first in a bundle the install cannot read
    const v1 = new KoaRouter({ prefix: '/v1' });
    v1.use(guard);
    v1.get('/me', (ctx) => void (ctx.body = 'me'));
    const reports = new KoaRouter();
    reports.get('/reports', (ctx) => void (ctx.body = 'reports'));
    app.use(v1.routes());
    app.use(compose([guard, reports.routes()]));
    app.use(guard);
    const root = new KoaRouter();
    root.get('/status', (ctx) => void (ctx.body = 'ok'));
    app.use(root.routes());
    d.docs(app);
    const url = await serve(app);
    expect([await call(`${url}/admin/wipe`, 'POST'), await call(`${url}/admin/wipe`, 'POST', 'nobody'), await call(`${url}/reports`, 'GET')]).toEqual([
      [401, NOT_AUTHENTICATED],
      [401, '{"detail":"Could not validate credentials"}'],
      [401, NOT_AUTHENTICATED],
    ]);
    expect([await call(`${url}/admin/wipe`, 'POST', 'reader'), await call(`${url}/reports`, 'GET', 'reader'), await call(`${url}/v1/me`, 'GET')]).toEqual([
      [200, 'wiped'],
      [200, 'reports'],
      [401, NOT_AUTHENTICATED],
    ]);
    expect([await call(`${url}/status`, 'GET'), await call(`${url}/status`, 'GET', 'reader')]).toEqual([
      [401, NOT_AUTHENTICATED],
      [200, 'ok'],
    ]);
  });

  test('an app composed before d.docs(app) whose guard stands after other middleware (a koa-mount there holds the same guard): every request refused with a 500 naming the fix (the mounted handler answered 200)', async () => {
    const app = new (await load())();
    const errors: unknown[] = [];
    const d = createDepends({ onError: (e) => void errors.push(e) });
    const guard = d.guard({ caller }, { scopes: ['me'] });
    const admin = new (await load())();
    admin.use(guard);
    const wipe = new KoaRouter();
    wipe.post('/wipe', (ctx) => void (ctx.body = 'wiped'));
    admin.use(wipe.routes());
    app.use(mount('/admin', admin));
    app.use(guard);
    const root = new KoaRouter();
    root.get('/me', (ctx) => void (ctx.body = 'me'));
    app.use(root.routes());
    const url = await serve(app); // no d.docs(app) before app.callback()
    for (let i = 0; i < 2; i++) expect((await call(`${url}/admin/wipe`, 'POST'))[0]).toBe(500);
    expect((await call(`${url}/me`, 'GET', 'reader'))[0]).toBe(500);
    expect(String(errors[0])).toContain('depends cannot tell where it runs. Call d.docs(app) or d.mount(app, …) before app.listen()/app.callback()');
  });

  test("router.on('not-found') handlers: the strictest requirement of the guards pending, and of those in the router's use() layers matching the path, before they answer (they answered 200 without credential)", async () => {
    const app = new (await load())();
    const d = createDepends({ onError: () => {} });
    // the strictest requirement: me and notes:write
    app.use(d.guard({ caller }, { scopes: ['me'], routes: { 'POST /notes': { scopes: ['notes:write'] } } }));
    const r = new KoaRouter();
    r.get('/notes', (ctx) => void (ctx.body = 'notes'));
    r.post('/notes', (ctx) => void (ctx.body = 'added'));
    r.on('not-found', (ctx) => {
      ctx.status = 200;
      ctx.body = 'SPA index';
    });
    app.use(r.routes());
    d.docs(app);
    const url = await serve(app);
    expect([await call(`${url}/secret-file`, 'GET'), await call(`${url}/secret-file`, 'GET', 'reader'), await call(`${url}/secret-file`, 'GET', 'writer')]).toEqual([
      [401, NOT_AUTHENTICATED],
      [403, NOT_ENOUGH],
      [200, 'SPA index'],
    ]);
    expect(await call(`${url}/notes`, 'GET', 'reader')).toEqual([200, 'notes']);

    // a guard in the router's own use() layer, on its prefix: the not-found handler's requests there, not elsewhere
    const app2 = new (await load())();
    const d2 = createDepends({ onError: () => {} });
    const api = new KoaRouter({ prefix: '/api' });
    api.use(d2.guard({ caller }, { scopes: ['me'] }));
    api.get('/notes', (ctx) => void (ctx.body = 'notes'));
    api.on('not-found', (ctx, next) => (ctx.path.startsWith('/api/') ? void ((ctx.status = 404), (ctx.body = 'no such api')) : next()));
    const site = new KoaRouter();
    site.get('/home', (ctx) => void (ctx.body = 'home'));
    app2.use(api.routes());
    app2.use(site.routes());
    d2.docs(app2);
    const url2 = await serveAnother(app2);
    expect([await call(`${url2}/api/nothing`, 'GET'), await call(`${url2}/api/nothing`, 'GET', 'reader'), await call(`${url2}/home`, 'GET')]).toEqual([
      [401, NOT_AUTHENTICATED],
      [404, 'no such api'],
      [200, 'home'],
    ]);
  });

  test('a d.route({ scopes }) marker in a router the install never read, reached from another route’s handler: the strictest requirement of the guards the request went through (it was the handler’s 204 with fewer scopes)', async () => {
    const app = new (await load())();
    const d = createDepends({ onError: () => {} });
    const guard = d.guard({ caller }, { scopes: ['me'] });
    const ran: string[] = [];
    // never given to depends: reached only through the handlers below
    const admin = new KoaRouter({ prefix: '/admin' });
    admin.delete('/notes/:id', d.route({ scopes: ['notes:write'] }), (ctx) => void (ran.push('delete'), (ctx.status = 204)));
    const toAdmin = admin.routes();
    const root = new KoaRouter();
    // the strictest requirement: me and notes:write
    root.post('/notes', d.route({ scopes: ['notes:write'] }), (ctx) => void (ctx.body = 'added'));
    root.all('/admin/*rest', (ctx, next) => toAdmin(ctx, next));
    // the guard placed on the route itself rather than with use()
    root.all('/own/*rest', guard, (ctx, next) => toAdmin(ctx, next));
    app.use(guard);
    app.use(root.routes());
    d.docs(app);
    const url = await serve(app);
    expect([await call(`${url}/admin/notes/1`, 'DELETE'), await call(`${url}/admin/notes/1`, 'DELETE', 'reader')]).toEqual([
      [401, NOT_AUTHENTICATED],
      [403, NOT_ENOUGH],
    ]);
    expect(ran).toEqual([]);
    expect(await call(`${url}/admin/notes/1`, 'DELETE', 'writer')).toEqual([204, '']);
    expect(ran).toEqual(['delete']);

    const app2 = new (await load())();
    const d2 = createDepends({ onError: () => {} });
    const own = d2.guard({ caller }, { scopes: ['me'] });
    const admin2 = new KoaRouter({ prefix: '/own' });
    admin2.delete('/notes/:id', d2.route({ scopes: ['notes:write'] }), (ctx) => void (ran.push('own'), (ctx.status = 204)));
    const toAdmin2 = admin2.routes();
    const root2 = new KoaRouter();
    root2.post('/notes', own, d2.route({ scopes: ['notes:write'] }), (ctx) => void (ctx.body = 'added'));
    root2.all('/own/*rest', own, (ctx, next) => toAdmin2(ctx, next));
    app2.use(root2.routes());
    d2.docs(app2);
    const url2 = await serveAnother(app2);
    expect([await call(`${url2}/own/notes/1`, 'DELETE'), await call(`${url2}/own/notes/1`, 'DELETE', 'reader'), await call(`${url2}/own/notes/1`, 'DELETE', 'writer')]).toEqual([
      [401, NOT_AUTHENTICATED],
      [403, NOT_ENOUGH],
      [204, ''],
    ]);
    expect(ran).toEqual(['delete', 'own']);
  });

  test('a d.route({ scopes }) marker in a router reached only through a composed bundle (koa-combine-routers style): its scopes are part of the strictest requirement there (it was the handler’s 200 with fewer scopes)', async () => {
    const app = new (await load())();
    const d = createDepends({ onError: () => {} });
    const ran: string[] = [];
    app.use(d.guard({ caller }, { scopes: ['me'] }));
    const root = new KoaRouter();
    root.get('/me', (ctx) => void (ctx.body = 'me'));
    app.use(root.routes());
    // never given to depends, nor read by its install: reached through a bundle of the app's
    const admin = new KoaRouter({ prefix: '/admin' });
    admin.delete('/notes/:id', d.route({ scopes: ['notes:write'] }), (ctx) => void (ran.push('delete'), (ctx.status = 204)));
    app.use(compose([admin.routes(), admin.allowedMethods()]));
    d.docs(app);
    const url = await serve(app);
    expect([await call(`${url}/admin/notes/1`, 'DELETE'), await call(`${url}/admin/notes/1`, 'DELETE', 'reader'), await call(`${url}/me`, 'GET', 'reader')]).toEqual([
      [401, NOT_AUTHENTICATED],
      [403, NOT_ENOUGH],
      [200, 'me'],
    ]);
    expect(ran).toEqual([]);
    expect(await call(`${url}/admin/notes/1`, 'DELETE', 'writer')).toEqual([204, '']);
    expect(ran).toEqual(['delete']);
  });

  test("a guard or d.route() marker in router.use('<path>') that runs for only some of a route's paths: app.callback() fails naming the route and the fix (bob's request passed); one on a path covering the route, or a guard before a catch-all, still decides", async () => {
    const Koa_ = await load();
    const build = (place: (r: KoaRouter, d: ReturnType<typeof createDepends>) => void) => {
      const app = new Koa_();
      const d = createDepends({ onError: () => {} });
      app.use(d.guard({ caller }, { scopes: ['me'] }));
      const r = new KoaRouter();
      place(r, d);
      app.use(r.routes());
      d.docs(app);
      return app;
    };
    const settings = (ctx: Context) => void (ctx.body = 'settings');
    expect(() =>
      build((r, d) => {
        r.use('/orgs/root', d.route({ scopes: ['notes:write'] }));
        r.get('/orgs/:org/settings', settings);
      }).callback(),
    ).toThrow(`d.route({ scopes: ["notes:write"] }) placed with router.use('/orgs/root', …) runs for only some of the requests of GET /orgs/:org/settings`);
    expect(() =>
      build((r, d) => {
        r.use('/files/private', d.route({ scopes: ['notes:write'] }));
        r.get('/files/*path', settings);
      }).callback(),
    ).toThrow(`placed with router.use('/files/private', …) runs for only some of the requests of GET /files/*path`);
    expect(() =>
      build((r, d) => {
        r.use('/orgs/root', d.guard({ caller }, { name: 'root', scopes: ['notes:write'] }));
        r.get('/orgs/:org/settings', settings);
      }).callback(),
    ).toThrow(/^Guard "root" placed with router\.use\('\/orgs\/root', …\) runs for only some of the requests of GET \/orgs\/:org\/settings .*on the route itself \(router\.get\('\/orgs\/:org\/settings', …, handler\)\)/);

    // on a path covering every path of the route: decided there
    const covering = build((r, d) => {
      r.use('/orgs', d.route({ scopes: ['notes:write'] }));
      r.get('/orgs/:org/settings', settings);
      r.get('/status', (ctx) => void (ctx.body = 'ok'));
    });
    const url = await serve(covering);
    expect([await call(`${url}/orgs/root/settings`, 'GET', 'reader'), await call(`${url}/orgs/root/settings`, 'GET', 'writer'), await call(`${url}/status`, 'GET', 'reader')]).toEqual([
      [403, NOT_ENOUGH],
      [200, 'settings'],
      [200, 'ok'],
    ]);

    // a guard on an area of a catch-all: pending on the requests it runs for, decided at the route
    const spa = new Koa_();
    const d = createDepends({ onError: () => {} });
    const r = new KoaRouter();
    r.use('/api', d.guard({ caller }, { scopes: ['me'] }));
    r.get('/api/notes', (ctx) => void (ctx.body = 'notes'));
    r.get('/*path', (ctx) => void (ctx.body = 'index'));
    spa.use(r.routes());
    d.docs(spa);
    const spaUrl = await serveAnother(spa);
    expect([await call(`${spaUrl}/api/secret`, 'GET'), await call(`${spaUrl}/api/secret`, 'GET', 'reader'), await call(`${spaUrl}/home`, 'GET')]).toEqual([
      [401, NOT_AUTHENTICATED],
      [200, 'index'],
      [200, 'index'],
    ]);
  });
});
