/**
 * Guard configuration mistakes: found before a guarded request is let
 * through (the request is refused with a plain 500, never let through and
 * never an HTML page), named with the fix, and `/openapi.json` answers JSON
 * whatever the configuration.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { request } from 'undici';
import express from 'express';
import { ConfigurationError, ErrorCode, apiKeyHeader, depends, httpBearer, invalidToken, withScopes } from '../../../packages/core/src/index.js';
import { createDepends } from '../../../packages/express/src/index.js';
import { Hono } from 'hono';
import { createDepends as honoDepends } from '../../../packages/hono/src/index.js';
import { pickAdapters } from '../src/harness.js';

const user = depends({ auth: httpBearer() }, ({ auth }) => auth.credentials);
/** The caller with the scopes its token grants (every token: `w`), checked against those a route asks. */
const writer = withScopes(depends({ auth: httpBearer() }, ({ auth }) => ({ token: auth.credentials, scopes: ['w'] })), (u) => u.scopes);

async function serve(app: express.Express): Promise<{ url: string; close(): void }> {
  const server = createServer(app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

// Express 4 compiles code from strings when it loads: picked by DEPENDS_ADAPTERS like every adapter of the suite
const expressApps = pickAdapters([
  { name: 'express', make: async () => express() },
  { name: 'express4', make: async () => (await import('express4')).default() as unknown as express.Express },
]);

describe.each(expressApps)('$name: guard configuration mistakes', ({ make }) => {
  test('a routes key naming no route: d.openapi() throws naming the key; guarded requests are refused (500 JSON), /openapi.json is JSON', async () => {
    const errors: unknown[] = [];
    const app = await make();
    const d = createDepends({ title: 'T', onError: (e) => errors.push(e) });
    const auth = d.guard({ user }, { routes: { 'GET /v1/note': { public: true } } });
    app.use(auth);
    app.get('/v1/notes', (_req, res) => res.json({ ran: true }));
    d.docs(app);
    expect(() => d.openapi()).toThrow(ConfigurationError);
    expect(() => d.openapi()).toThrow(/routes\["GET \/v1\/note"\] names no route behind this guard \(it guards GET \/v1\/notes\)/);
    const s = await serve(app);
    try {
      const guarded = await request(`${s.url}/v1/notes`, { headers: { authorization: 'Bearer x' } });
      expect(guarded.statusCode).toBe(500);
      expect(await guarded.body.json()).toEqual({ detail: 'Internal Server Error' });
      const doc = await request(`${s.url}/openapi.json`);
      expect(doc.statusCode).toBe(500);
      expect(doc.headers['content-type']).toBe('application/json');
      expect(await doc.body.json()).toEqual({ detail: 'Internal Server Error' });
      expect(errors.some((e) => e instanceof ConfigurationError && e.code === ErrorCode.GuardOptions)).toBe(true);
    } finally {
      s.close();
    }
  });

  test('a routes key naming no route: app.listen() throws before the server listens, and d.check(app) names it without docs()', async () => {
    const app = await make();
    const d = createDepends({ title: 'T', onError: () => {} });
    app.use(d.guard({ user }, { routes: { 'GET /v1/note': { public: true } } }));
    app.get('/v1/notes', (_req, res) => res.json({ ran: true }));
    d.docs(app);
    let server: { close(): void } | undefined;
    expect(() => (server = app.listen(0, '127.0.0.1'))).toThrow(/routes\["GET \/v1\/note"\] names no route behind this guard/);
    expect(server).toBeUndefined();

    const bare = await make();
    const d2 = createDepends({ title: 'T' });
    bare.use(d2.guard({ user: writer }, { routes: { 'POST /v1/notes': { scopes: ['w'] } } }));
    bare.get('/v1/notes', (_req, res) => res.json({ ran: true }));
    expect(() => d2.check(bare)).toThrow(/routes\["POST \/v1\/notes"\] names no route behind this guard \(it guards GET \/v1\/notes\)/);
    bare.post('/v1/notes', (_req, res) => res.json({ ran: true }));
    expect(() => d2.check(bare)).not.toThrow();
    expect(d2.openapi().paths['/v1/notes']?.post?.security).toBeDefined();
  });

  test('a middleware after the guard, before a public route: DEPENDS_GUARD_ORDER naming the guard, the middleware and the route', async () => {
    const app = await make();
    const d = createDepends({ title: 'T', onError: () => {} });
    const auth = d.guard({ user }, { name: 'auth', routes: { 'GET /status': { public: true } } });
    app.use(auth);
    app.use(function bodyReader(_req, _res, next) {
      next();
    });
    app.get('/status', (_req, res) => res.json({ status: 'ok' }));
    app.get('/me', (_req, res) => res.json({}));
    d.docs(app);
    let error: unknown;
    try {
      d.openapi();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).code).toBe(ErrorCode.GuardOrder);
    expect((error as Error).message).toMatch(/^Guard "auth": middleware "bodyReader" runs after it and before GET \/status, which the guard lets through without a credential/);
    expect((error as Error).message).toContain('register the middleware before the guard');
  });

  test('d.route() on a route no guard stands in front of: the document and the first guarded request refuse it, naming the route', async () => {
    const app = await make();
    const d = createDepends({ title: 'T', onError: () => {} });
    const auth = d.guard({ user });
    app.get('/health', d.route({ public: true }), (_req, res) => res.json({ ok: true }));
    app.use(auth);
    app.get('/me', (_req, res) => res.json({}));
    d.docs(app);
    expect(() => d.openapi()).toThrow(/^d\.route\(\) options on GET \/health do nothing: no guard stands in front of that route/);
  });

  test('one router mounted at two places (/v1 and /v2): each mount is decided as documented; options that differ between them fail at startup and refuse every guarded request, never decide with the other mount\'s', async () => {
    const SCOPES: Record<string, string[]> = { reader: ['read'], admin: ['read', 'admin'] };
    const scoped = withScopes(
      depends({ auth: httpBearer() }, ({ auth }) => ({ scopes: SCOPES[auth.credentials] ?? [] })),
      (u) => u.scopes,
    );
    const build = async (routes: Record<string, { scopes: string[] }>) => {
      const app = await make();
      const d = createDepends({ title: 'T', onError: () => {} });
      app.use(d.guard({ user: scoped }, { scopes: ['read'], routes }));
      const notes = express.Router();
      notes.delete('/notes/:id', (_req, res) => void res.status(204).end());
      app.use('/v1', notes);
      app.use('/v2', notes);
      return { app, d };
    };
    const alike = await build({ 'DELETE /v1/notes/{id}': { scopes: ['admin'] }, 'DELETE /v2/notes/{id}': { scopes: ['admin'] } });
    expect(() => alike.d.check(alike.app)).not.toThrow();
    const differ = await build({ 'DELETE /v1/notes/{id}': { scopes: ['admin'] } });
    expect(() => differ.d.check(differ.app)).toThrow(/decides differently for DELETE \/v1\/notes\/\{id\} and DELETE \/v2\/notes\/\{id\}, which are one route reached on several paths/);
    for (const [{ app }, expected] of [[alike, [403, 403, 204]], [differ, [500, 500, 500]]] as const) {
      const s = await serve(app);
      try {
        const del = async (path: string, token: string) => (await request(`${s.url}${path}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).statusCode;
        // the reader never deletes through /v1, whose document asks admin
        expect([await del('/v1/notes/1', 'reader'), await del('/v2/notes/1', 'reader'), await del('/v1/notes/1', 'admin')]).toEqual(expected);
      } finally {
        s.close();
      }
    }
  });

  test('one router used by two apps, each behind its own guard: each app decides with its own guard and its own paths', async () => {
    const SCOPES: Record<string, string[]> = { reader: ['read'], admin: ['read', 'admin'] };
    const scoped = withScopes(
      depends({ auth: httpBearer() }, ({ auth }) => ({ scopes: SCOPES[auth.credentials] ?? [] })),
      (u) => u.scopes,
    );
    const d = createDepends({ title: 'T', onError: () => {} });
    const notes = express.Router();
    notes.delete('/notes/:id', (_req, res) => void res.status(204).end());
    const site = await make();
    site.use(d.guard({ user: scoped }, { name: 'site', scopes: ['read'] }));
    site.use('/api', notes);
    const admin = await make();
    admin.use(d.guard({ user: scoped }, { name: 'admin', scopes: ['read'], routes: { 'DELETE /admin/api/notes/{id}': { scopes: ['admin'] } } }));
    admin.use('/admin/api', notes);
    d.docs(site);
    d.docs(admin);
    expect(d.openapi().paths['/admin/api/notes/{id}']?.delete?.security).toEqual([{ HTTPBearer: ['admin'] }]);
    const [a, b] = [await serve(site), await serve(admin)];
    try {
      const del = async (url: string, path: string, token: string) => (await request(`${url}${path}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).statusCode;
      // the site's request first: the shared route's checkpoint is made there, and must not decide the admin app's requests with the site's table
      expect(await del(a.url, '/api/notes/1', 'reader')).toBe(204);
      expect([await del(b.url, '/admin/api/notes/1', 'reader'), await del(b.url, '/admin/api/notes/1', 'admin')]).toEqual([403, 204]);
      expect(await del(a.url, '/api/notes/1', 'reader')).toBe(204);
    } finally {
      a.close();
      b.close();
    }
  });

  test("one router used by two apps, each with its own createDepends() and guard: the router's middleware, parameter callbacks and routes are behind each app's own guard", async () => {
    const key = depends({ k: apiKeyHeader({ name: 'x-key' }) }, ({ k }) => k);
    const ran: string[] = [];
    const notes = express.Router();
    // middleware that may answer by itself, and a parameter callback: each app's guard decides before them
    notes.use((req, res, next) => (req.path === '/secret' ? void (ran.push('secret'), res.send('secret')) : next()));
    notes.param('id', (_req, _res, next, id) => void (ran.push(`param ${String(id)}`), next()));
    notes.delete('/notes/:id', (_req, res) => void (ran.push('delete'), res.status(204).end()));
    const d = createDepends({ title: 'Site', onError: () => {} });
    const site = await make();
    site.use(d.guard({ user }, { name: 'site' }));
    site.use(notes);
    d.docs(site);
    const d2 = createDepends({ title: 'Internal', onError: () => {} });
    const internal = await make();
    internal.use(d2.guard({ key }, { name: 'internal' }));
    internal.use(notes);
    d2.docs(internal);
    const [a, b] = [await serve(site), await serve(internal)];
    try {
      const call = async (url: string, method: string, path: string, headers: Record<string, string> = {}) => (await request(`${url}${path}`, { method, headers })).statusCode;
      const bearer = { authorization: 'Bearer t' };
      const apiKey = { 'x-key': 'k' };
      expect([await call(a.url, 'GET', '/secret', apiKey), await call(b.url, 'GET', '/secret', bearer), await call(a.url, 'DELETE', '/notes/1', apiKey), await call(b.url, 'DELETE', '/notes/1', bearer)]).toEqual([401, 401, 401, 401]);
      expect(ran).toEqual([]);
      expect([await call(a.url, 'GET', '/secret', bearer), await call(b.url, 'DELETE', '/notes/2', apiKey), await call(a.url, 'DELETE', '/notes/3', bearer)]).toEqual([200, 204, 204]);
      expect(ran).toEqual(['secret', 'param 2', 'delete', 'param 3', 'delete']);
    } finally {
      a.close();
      b.close();
    }
  });

  describe('where the request is in Express\'s dispatch, when req.route is no longer where it is', () => {
    const SCOPES: Record<string, string[]> = { reader: ['read'], admin: ['read', 'admin'] };
    const scoped = withScopes(
      depends({ auth: httpBearer() }, ({ auth }) => {
        if (!SCOPES[auth.credentials]) throw invalidToken();
        return { scopes: SCOPES[auth.credentials] };
      }),
      (u) => u.scopes,
    );
    const call = async (url: string, method: string, path: string, token?: string) => (await request(`${url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} })).statusCode;

    test('a method added to a route after the server started (app.route().post() later) is decided, its marker included', async () => {
      const app = await make();
      const d = createDepends({ title: 'T', onError: () => {} });
      d.docs(app);
      app.use(d.guard({ user: scoped }, { scopes: ['read'] }));
      const items = app.route('/items');
      items.get((_req, res) => void res.send('list'));
      const s = await serve(app);
      try {
        expect([await call(s.url, 'GET', '/items'), await call(s.url, 'GET', '/items', 'reader')]).toEqual([401, 200]);
        const ran: string[] = [];
        items.post((_req, res) => void (ran.push('post'), res.send('created')));
        items.delete(d.route({ scopes: ['admin'] }), (_req, res) => void (ran.push('delete'), res.send('deleted')));
        expect([await call(s.url, 'POST', '/items'), await call(s.url, 'DELETE', '/items'), await call(s.url, 'DELETE', '/items', 'reader')]).toEqual([401, 401, 403]);
        expect(ran).toEqual([]);
        expect([await call(s.url, 'POST', '/items', 'reader'), await call(s.url, 'DELETE', '/items', 'admin')]).toEqual([200, 200]);
        expect(ran).toEqual(['post', 'delete']);
      } finally {
        s.close();
      }
    });

    test('routes registered again after the server started (a reload: the same number of layers, or a new list) are decided, never run unchecked', async () => {
      const app = await make();
      const d = createDepends({ title: 'T', onError: () => {} });
      d.docs(app);
      app.use(d.guard({ user: scoped }, { scopes: ['read'] }));
      const api = express.Router();
      const register = (version: number) => {
        api.get('/status', d.route({ public: true }), (_req, res) => void res.send('ok'));
        api.get('/secret', (_req, res) => void res.send(`secret v${version}`));
      };
      register(1);
      app.use('/api', api);
      const s = await serve(app);
      try {
        const get = (path: string) => call(s.url, 'GET', path);
        expect([await get('/api/secret'), await get('/api/status')]).toEqual([401, 200]);
        api.stack.splice(0, api.stack.length);
        register(2);
        expect([await get('/api/secret'), await get('/api/status')]).toEqual([401, 200]);
        api.stack = [];
        register(3);
        expect([await get('/api/secret'), await get('/api/status'), await call(s.url, 'GET', '/api/secret', 'reader')]).toEqual([401, 200, 200]);
      } finally {
        s.close();
      }
    });

    test("a guard placed with use() after a route that holds the same guard and passed the request on: the middleware after it gets the strictest requirement, never the earlier route's decision", async () => {
      const app = await make();
      const errors: unknown[] = [];
      const d = createDepends({ title: 'T', onError: (e) => errors.push(e) });
      d.docs(app);
      const auth = d.guard({ user: scoped }, { scopes: ['read'] });
      const ran: string[] = [];
      app.get('/report', auth, (req, res, next) => (req.query.json ? void res.json({}) : next()));
      app.use(auth);
      app.use(function adminPanel(req, res, next) {
        if (!req.path.startsWith('/report')) return next();
        ran.push('adminPanel');
        res.send('admin stuff');
      });
      app.get('/admin', d.route({ scopes: ['read', 'admin'] }), (_req, res) => void res.send('admin'));
      const s = await serve(app);
      try {
        const first = await call(s.url, 'GET', '/report?json=1', 'reader');
        expect(errors.map(String)).toEqual([]);
        expect([first, await call(s.url, 'GET', '/report', 'reader'), await call(s.url, 'GET', '/report')]).toEqual([200, 403, 401]);
        expect(ran).toEqual([]);
        expect(await call(s.url, 'GET', '/report', 'admin')).toBe(200);
        expect(ran).toEqual(['adminPanel']);
      } finally {
        s.close();
      }
    });

    test("a parameter callback that skips a public route (next('route')) leaves no decision behind: a mount path's parameter callback after it is decided", async () => {
      const app = await make();
      const d = createDepends({ title: 'T', onError: () => {} });
      d.docs(app);
      app.use(d.guard({ user: scoped }, { scopes: ['read'] }));
      const ran: string[] = [];
      app.param('id', (_req, _res, next, id) => (/^\d+$/.test(String(id)) ? next() : next('route')));
      app.get('/:id/profile', d.route({ public: true }), (_req, res) => void res.send('profile'));
      app.param('org', (_req, _res, next, org) => void (ran.push(`loadOrg ${String(org)}`), next()));
      const orgs = express.Router({ mergeParams: true });
      orgs.get('/settings', (_req, res) => void res.send('settings'));
      app.use('/:org', orgs);
      const s = await serve(app);
      try {
        expect([await call(s.url, 'GET', '/7/profile'), await call(s.url, 'GET', '/acme/profile'), await call(s.url, 'GET', '/acme/settings')]).toEqual([200, 401, 401]);
        expect(ran).toEqual([]);
        expect(await call(s.url, 'GET', '/acme/settings', 'reader')).toBe(200);
        expect(ran).toEqual(['loadOrg acme']);
      } finally {
        s.close();
      }
    });
  });

  test('a terminal middleware after the guard gets the strictest requirement (401), and runs once it is met', async () => {
    const app = await make();
    const d = createDepends({ title: 'T', onError: () => {} });
    const auth = d.guard({ user });
    let ran = 0;
    app.use(auth);
    app.get('/me', (_req, res) => res.json({}));
    app.use('/files', (_req, res) => {
      ran++;
      res.type('text').send('file');
    });
    const s = await serve(app);
    try {
      const refused = await request(`${s.url}/files/secret.txt`);
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['www-authenticate']).toBe('Bearer');
      await refused.body.dump();
      expect(ran).toBe(0);
      const served = await request(`${s.url}/files/secret.txt`, { headers: { authorization: 'Bearer t' } });
      expect(served.statusCode).toBe(200);
      expect(await served.body.text()).toBe('file');
      expect(ran).toBe(1);
    } finally {
      s.close();
    }
  });

  test('a route added after the first request is guarded too (the guard installs again)', async () => {
    const app = await make();
    const d = createDepends({ title: 'T', onError: () => {} });
    const auth = d.guard({ user });
    app.use(auth);
    app.get('/me', (_req, res) => res.json({}));
    const s = await serve(app);
    try {
      expect((await request(`${s.url}/me`)).statusCode).toBe(401);
      app.get('/late', (_req, res) => res.json({ late: true }));
      const late = await request(`${s.url}/late`);
      expect(late.statusCode).toBe(401);
      await late.body.dump();
    } finally {
      s.close();
    }
  });
});

// a routes key naming no route, found before the server starts (Koa picked by DEPENDS_ADAPTERS: it compiles code from strings)
const startups = pickAdapters([
  {
    name: 'hono',
    run: async () => {
      const app = new Hono();
      const d = honoDepends({ title: 'T' });
      app.use(d.guard({ user: writer }, { routes: { 'POST /v1/notes': { scopes: ['w'] } } }));
      app.get('/v1/notes', (c) => c.json({ ran: true }));
      expect(() => d.check(app)).toThrow(/routes\["POST \/v1\/notes"\] names no route behind this guard \(it guards GET \/v1\/notes\)/);
      app.post('/v1/notes', (c) => c.json({ ran: true }));
      expect(() => d.check(app)).not.toThrow();
      expect(d.openapi().paths['/v1/notes']?.post?.security).toBeDefined();
    },
  },
  {
    name: 'koa',
    run: async () => {
      const { default: Koa } = await import('koa');
      const { default: KoaRouter } = await import('@koa/router');
      const { createDepends: koaDepends } = await import('../../../packages/koa/src/index.js');
      const app = new Koa();
      const router = new KoaRouter();
      const d = koaDepends({ title: 'T' });
      app.use(d.guard({ user: writer }, { routes: { 'POST /v1/notes': { scopes: ['w'] } } }));
      router.get('/v1/notes', (ctx) => void (ctx.body = { ran: true }));
      app.use(router.routes());
      expect(() => d.check(app)).toThrow(/routes\["POST \/v1\/notes"\] names no route behind this guard/);
      // what app.listen() calls
      expect(() => app.callback()).toThrow(/routes\["POST \/v1\/notes"\] names no route behind this guard/);
      router.post('/v1/notes', (ctx) => void (ctx.body = { ran: true }));
      expect(() => d.check(app)).not.toThrow();
    },
  },
]);

describe.each(startups)('$name: a routes key naming no route, before the server starts', ({ run }) => {
  test('d.check(app) throws naming the key; once the route exists it passes', run);
});
