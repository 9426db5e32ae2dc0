/**
 * Express-specific behaviour: pre-parsed bodies, other middleware and error
 * handlers untouched, route discovery through nested routers, body limit.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import express, { type ErrorRequestHandler } from 'express';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { z } from 'zod';
import { Router, body, depends, form, header, httpBearer, invalidToken, withScopes } from '@depends/core';
import { createDepends } from './index.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

async function serve(app: express.Express): Promise<string> {
  server = createServer(app).listen(0, '127.0.0.1');
  await new Promise((r) => server!.once('listening', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const Item = z.object({ title: z.string(), seen: z.string().optional() });

describe('@depends/express', () => {
  test('a body already parsed by express.json() / urlencoded() is used as is, not read again', async () => {
    const app = express();
    // The reviver marks what express.json() parsed: the handler must see the mark.
    app.use(express.json({ reviver: (k, v) => (k === '' && v && typeof v === 'object' ? { ...v, seen: 'express.json' } : v) }));
    app.use(express.urlencoded());
    const d = createDepends();
    const api = new Router();
    api.post('/items', { item: body(Item) }, ({ item }) => item);
    api.post('/login', { login: form(z.object({ username: z.string() })) }, ({ login }) => login);
    d.mount(app, api);
    const url = await serve(app);
    const json = await request(`${url}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"a"}' });
    expect(await json.body.json()).toEqual({ title: 'a', seen: 'express.json' });
    const formRes = await request(`${url}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=bo' });
    expect(await formRes.body.json()).toEqual({ username: 'bo' });
  });

  test('other middleware, routes and error handlers are untouched; depends errors never reach them', async () => {
    const app = express();
    const handled: string[] = [];
    const reported: unknown[] = [];
    app.use((_req, res, next) => {
      res.setHeader('x-before', 'yes');
      next();
    });
    const d = createDepends({ onError: (e) => reported.push(e) });
    const api = new Router();
    api.get('/boom', {}, () => {
      throw new Error('inside depends');
    });
    api.get('/guarded', { token: header('x-token', z.string()) }, ({ token }) => ({ token }));
    d.mount(app, api);
    app.get('/plain', () => {
      throw new Error('plain route');
    });
    const onError: ErrorRequestHandler = (err: Error, _req, res, _next) => {
      handled.push(err.message);
      res.status(418).json({ handledBy: 'express', message: err.message });
    };
    app.use(onError);
    const url = await serve(app);

    const plain = await request(`${url}/plain`);
    expect(plain.statusCode).toBe(418);
    expect(await plain.body.json()).toEqual({ handledBy: 'express', message: 'plain route' });

    const boom = await request(`${url}/boom`);
    expect(boom.statusCode).toBe(500);
    expect(await boom.body.json()).toEqual({ detail: 'Internal Server Error' });
    expect(reported).toHaveLength(1);

    const guarded = await request(`${url}/guarded`);
    expect([guarded.statusCode, guarded.headers['x-before']]).toEqual([422, 'yes']);
    await guarded.body.text();
    expect(handled).toEqual(['plain route']);
  });

  test("a guard's values are kept off req (on res.locals): Express changed req's prototype, so each property added to it costs a new hidden class", async () => {
    const app = express();
    const d = createDepends();
    const auth = d.guard({ token: header('x-token') });
    let seen: string[] = [];
    app.use(auth);
    app.use((req, res, next) => {
      if (req.path === '/replaced' || req.path === '/answers') res.locals = Object.create(null) as Record<string, unknown>;
      next();
    });
    // a middleware after the guard that answers by itself: the guard's strictest requirement first, whatever became of res.locals
    app.use((req, res, next) => (req.path === '/answers' ? void res.json({ answered: true }) : next()));
    app.get('/me', (req, res) => {
      seen = Reflect.ownKeys(req).map(String);
      res.json({ token: auth.values(req).token });
    });
    app.get('/replaced', (req, res) => res.json({ token: auth.values(req).token }));
    d.docs(app);
    const url = await serve(app);
    const res = await request(`${url}/me`, { headers: { 'x-token': 't' } });
    expect([res.statusCode, await res.body.json()]).toEqual([200, { token: 't' }]);
    expect(seen.filter((k) => k.includes('auth.values'))).toEqual([]);
    // the checks still ran for it, and a middleware replacing res.locals between the checks and the handler loses nothing
    const replaced = await request(`${url}/replaced`, { headers: { 'x-token': 't' } });
    expect([replaced.statusCode, await replaced.body.json()]).toEqual([200, { token: 't' }]);
    expect((await request(`${url}/replaced`)).statusCode).toBe(422); // the missing header: decided before the handler
    expect((await request(`${url}/answers`)).statusCode).toBe(422);
    expect((await request(`${url}/answers`, { headers: { 'x-token': 't' } })).statusCode).toBe(200);
  });

  test('single handlers are documented from nested routers, with their mount path', async () => {
    const app = express();
    const d = createDepends();
    const user = depends({ token: header('x-token') }, ({ token }) => ({ token }));
    const v1 = express.Router();
    v1.get('/me', d.handler({ user }, ({ user }) => user));
    v1.route('/items/:id').put(d.handler({}, () => null));
    app.use('/v1', v1);
    app.post('/top', d.handler({}, () => 'top'));
    const lost = d.handler({}, () => 'never routed');
    d.docs(app);
    const doc = d.openapi();
    expect(Object.keys(doc.paths).sort()).toEqual(['/top', '/v1/items/{id}', '/v1/me']);
    expect(Object.keys(doc.paths['/v1/items/{id}'])).toEqual(['put']);
    expect(lost).toBeTypeOf('function');
    const url = await serve(app);
    const res = await request(`${url}/v1/me`, { headers: { 'x-token': 't' } });
    expect(await res.body.json()).toEqual({ token: 't' });
  });

  test('bodies over the limit are a 413; the stream is left drained', async () => {
    const app = express();
    const d = createDepends({}, { bodyLimit: 16 });
    const api = new Router();
    api.post('/items', { item: body(Item) }, ({ item }) => item);
    d.mount(app, api);
    const url = await serve(app);
    const res = await request(`${url}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x'.repeat(100) }) });
    expect(res.statusCode).toBe(413);
    expect(await res.body.json()).toEqual({ detail: 'Request body too large' });
    async function* chunked() {
      for (let i = 0; i < 10; i++) yield '{"title":"xxxxxxxx"}';
    }
    const streamed = await request(`${url}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Readable.from(chunked()) });
    expect(streamed.statusCode).toBe(413);
    await streamed.body.text();
  });
  test("Express's client errors on depends' routes answer JSON without a stack, whatever NODE_ENV; other routes keep the app's handlers (issue 10)", async () => {
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      const app = express();
      app.set('env', 'development'); // Express's own error page shows the stack here
      app.use(express.json());
      const d = createDepends();
      const api = new Router();
      api.post('/items/:kind', { item: body(Item) }, ({ item }) => item);
      d.mount(app, api);
      d.docs(app);
      app.get('/own/:x', (_req, res) => void res.send('own'));
      const url = await serve(app);

      const bad = await request(`${url}/docs/%ff`);
      expect([bad.statusCode, bad.headers['content-type'], await bad.body.json()]).toEqual([400, 'application/json', { detail: 'The path is not valid percent-encoding' }]);
      const parser = await request(`${url}/items/a/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":' });
      const parsed = (await parser.body.json()) as { detail: string };
      expect([parser.statusCode, parser.headers['content-type']]).toEqual([400, 'application/json']);
      expect(parsed.detail).not.toMatch(/\bat |node_modules/);
      // Not a depends route: Express's own handling, untouched.
      const own = await request(`${url}/own/%ff`);
      expect(own.statusCode).toBe(400);
      expect(own.headers['content-type']).toMatch(/text\/html/);
      await own.body.text();
    } finally {
      process.env.NODE_ENV = env;
    }
  });

  test("a router's route for every method (router.all() with a handler that answers): decided with the guard's options for the request's method, documented under each; another method gets the strictest requirement; router.all() middleware stays middleware", async () => {
    const app = express();
    const d = createDepends({ onError: () => {} });
    const SCOPES: Record<string, string[]> = { reader: ['read'], admin: ['read', 'admin'] };
    const user = withScopes(
      depends({ auth: httpBearer() }, ({ auth }) => {
        if (!SCOPES[auth.credentials]) throw invalidToken();
        return { scopes: SCOPES[auth.credentials] };
      }),
      (u) => u.scopes,
    );
    app.use(d.guard({ user }, { scopes: ['read'], routes: { 'DELETE /v1/graphql': { scopes: ['admin'] } } }));
    const v1 = express.Router();
    const ran: string[] = [];
    v1.all('/graphql', (req, res) => void (ran.push(req.method), res.json({ method: req.method })));
    // middleware on a path, not routes for every method: a handler taking next, a wildcard path, beside a method's handler
    v1.all('/files/*splat', (_req, _res, next) => next());
    v1.all('/status', (_req, _res, next) => next());
    v1.route('/items')
      .all((_req, _res, next) => next())
      .get((_req, res) => void res.json([]));
    app.use('/v1', v1);
    d.docs(app);
    expect(() => d.check(app)).not.toThrow();
    expect(Object.keys(d.openapi().paths['/v1/graphql'] ?? {})).toEqual(['get', 'post', 'put', 'delete', 'options', 'patch', 'trace']);
    expect([Object.keys(d.openapi().paths['/v1/items'] ?? {}), d.openapi().paths['/v1/status']]).toEqual([['get'], undefined]);
    const url = await serve(app);
    const call = async (method: string, token?: string) => (await request(`${url}/v1/graphql`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} })).statusCode;
    expect([await call('POST'), await call('DELETE', 'reader'), await call('PURGE', 'reader')]).toEqual([401, 403, 403]);
    expect(ran).toEqual([]);
    expect([await call('POST', 'reader'), await call('GET', 'reader'), await call('DELETE', 'admin'), await call('PURGE', 'admin')]).toEqual([200, 200, 200, 200]);
    expect(ran).toEqual(['POST', 'GET', 'DELETE', 'PURGE']);
  });

  test("app.all(): a handler that answers is the route of every method; app.all('*splat', loadUser) is middleware on its path: after a guard in front of a route it lets through with less, a startup error naming it; before the guard, it runs", async () => {
    const user = withScopes(
      depends({ auth: httpBearer() }, ({ auth }) => {
        if (auth.credentials !== 'reader') throw invalidToken();
        return { scopes: ['read'] };
      }),
      (u) => u.scopes,
    );
    const options = { routes: { 'GET /status': { public: true }, 'DELETE /graphql': { scopes: ['admin'] } } };
    const build = (loaderFirst: boolean) => {
      const app = express();
      const d = createDepends({ onError: () => {} });
      const loaded: string[] = [];
      const loadUser = (req: express.Request, _res: express.Response, next: express.NextFunction) => void (loaded.push(req.path), next());
      if (loaderFirst) app.all('*splat', loadUser);
      app.use(d.guard({ user }, options));
      if (!loaderFirst) app.all('*splat', loadUser);
      app.all('/graphql', (req, res) => void res.json({ method: req.method }));
      app.get('/status', (_req, res) => void res.json({ ok: true }));
      d.docs(app);
      return { app, d, loaded };
    };
    const after = build(false);
    expect(() => after.d.check(after.app)).toThrow('Guard "guard(user)": middleware "loadUser" runs after it and before GET /graphql, which the guard lets through with fewer scopes (none)');
    const { app, d, loaded } = build(true);
    expect(() => d.check(app)).not.toThrow();
    expect(Object.keys(d.openapi().paths['/graphql'] ?? {})).toEqual(['get', 'post', 'put', 'delete', 'options', 'patch', 'trace']);
    expect(d.openapi().paths['/graphql']?.delete?.security).toEqual([{ HTTPBearer: ['admin'] }]);
    const url = await serve(app);
    const call = async (method: string, path: string, token?: string) => (await request(`${url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} })).statusCode;
    expect([await call('GET', '/status'), await call('POST', '/graphql'), await call('POST', '/graphql', 'reader'), await call('DELETE', '/graphql', 'reader')]).toEqual([200, 401, 200, 403]);
    expect(loaded).toEqual(['/status', '/graphql', '/graphql', '/graphql']);
  });

  test('a HEAD route of its own beside the GET route, with other d.route() options: refused at startup (HEAD is documented and decided as GET), never decided with the options the first request compiled', async () => {
    const build = (headPublic: boolean) => {
      const app = express();
      const d = createDepends({ onError: () => {} });
      const user = withScopes(
        depends({ auth: httpBearer() }, ({ auth }) => {
          if (auth.credentials !== 'reader') throw invalidToken();
          return { scopes: ['read'] };
        }),
        (u) => u.scopes,
      );
      app.use(d.guard({ user }, { scopes: ['read'] }));
      app.head('/files/:id', d.route(headPublic ? { public: true } : { scopes: ['admin'] }), (_req, res) => void res.end());
      app.get('/files/:id', d.route({ scopes: ['admin'] }), (_req, res) => void res.json({ secret: true }));
      d.docs(app);
      return { app, d };
    };
    const mixed = build(true);
    expect(() => mixed.d.check(mixed.app)).toThrow('Guard "guard(user)" decides differently for two routes on GET /files/{id}');
    const alike = build(false);
    expect(() => alike.d.check(alike.app)).not.toThrow();
    const url = await serve(alike.app);
    const call = async (method: string, token?: string) => (await request(`${url}/files/1`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} })).statusCode;
    expect([await call('HEAD', 'reader'), await call('GET', 'reader'), await call('GET')]).toEqual([403, 403, 401]);
  });

  test('a guard in front of an app mounted with app.use(): startup names the mounted app and the fix (a router, or the guard inside that app), not a routes key; the guard inside the app works', async () => {
    const build = (inside: boolean) => {
      const app = express();
      const d = createDepends({ onError: () => {} });
      const user = depends({ auth: httpBearer() }, ({ auth }) => auth.credentials);
      const v1 = express();
      const auth = d.guard({ user }, { routes: { 'GET /v1/notes': { summary: 'Notes' } } });
      (inside ? v1 : app).use(auth);
      v1.get('/notes', (_req, res) => void res.json([]));
      app.use('/v1', v1);
      d.docs(app);
      if (inside) d.docs(v1);
      return { app, d };
    };
    const outside = build(false);
    expect(() => outside.d.check(outside.app)).toThrow(
      'Guard "guard(user)" stands in front of an app mounted with app.use() at /v1, whose path cannot be known, so it cannot be documented: the routes of an app mounted on another cannot be seen from there; mount an express.Router() instead of an app, or place the guard inside the mounted app (subApp.use(auth)) and pass that app to d.docs()',
    );
    const { app, d } = build(true);
    expect(() => d.check(app)).not.toThrow();
    expect(d.openapi().paths['/v1/notes']?.get?.summary).toBe('Notes');
    const url = await serve(app);
    expect([(await request(`${url}/v1/notes`)).statusCode, (await request(`${url}/v1/notes`, { headers: { authorization: 'Bearer t' } })).statusCode]).toEqual([401, 200]);
  });

  test('a guarded route whose path ends in a wildcard (/files/*splat) is documented as written and decided with its key; a wildcard before the end fails at startup with the fix', async () => {
    const user = withScopes(
      depends({ auth: httpBearer() }, ({ auth }) => {
        if (!['reader', 'admin'].includes(auth.credentials)) throw invalidToken();
        return { scopes: auth.credentials === 'admin' ? ['read', 'admin'] : ['read'] };
      }),
      (u) => u.scopes,
    );
    const app = express();
    const d = createDepends({ onError: () => {} });
    app.use(d.guard({ user }, { scopes: ['read'], routes: { 'GET /files/*splat': { scopes: ['admin'] } } }));
    app.get('/files/*splat', (req, res) => void res.json({ path: (req.params as { splat: string[] }).splat.join('/') }));
    d.docs(app);
    expect(d.openapi().paths['/files/*splat']?.get?.security).toEqual([{ HTTPBearer: ['admin'] }]);
    const url = await serve(app);
    const get = async (token?: string) => request(`${url}/files/a/b.txt`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect([(await get()).statusCode, (await get('reader')).statusCode]).toEqual([401, 403]);
    expect(await (await get('admin')).body.json()).toEqual({ path: 'a/b.txt' });

    const inner = express();
    const d2 = createDepends({ onError: () => {} });
    inner.use(d2.guard({ user }));
    inner.get('/x/*a/y', (_req, res) => void res.json({}));
    d2.docs(inner);
    expect(() => d2.check(inner)).toThrow('stands in front of GET path /x/*a/y, whose path cannot be known, so it cannot be documented: an optional part, a pattern or a wildcard before the last segment cannot be shown');
  });

  test("a route on several paths (app.get(['/health', '/healthz'])): decided as documented on each path; options that differ between its paths fail at startup", async () => {
    const app = express();
    const d = createDepends({ onError: () => {} });
    const user = depends({ auth: httpBearer() }, ({ auth }) => auth.credentials);
    app.use(d.guard({ user }, { routes: { 'GET /health': { public: true }, 'GET /healthz': { public: true } } }));
    app.get(['/health', '/healthz'], (_req, res) => void res.json({ ok: true }));
    app.get(['/a', '/b'], (_req, res) => void res.json({ ab: true }));
    d.docs(app);
    const doc = d.openapi();
    expect([doc.paths['/health']?.get?.security, doc.paths['/healthz']?.get?.security]).toEqual([[], []]);
    expect(doc.paths['/a']?.get?.security).toEqual([{ HTTPBearer: [] }]);
    const url = await serve(app);
    const status = async (path: string, token?: string) => (await request(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).statusCode;
    expect([await status('/health'), await status('/healthz'), await status('/a'), await status('/b'), await status('/b', 't')]).toEqual([200, 200, 401, 401, 200]);

    const mixed = express();
    const d2 = createDepends({ onError: () => {} });
    mixed.use(d2.guard({ user }, { routes: { 'GET /health': { public: true } } }));
    mixed.get(['/health', '/healthz'], (_req, res) => void res.json({ ok: true }));
    expect(() => d2.check(mixed)).toThrow(/decides differently for GET \/health and GET \/healthz, which are one route reached on several paths.*register a route of its own for each path/);
  });

  describe('parameter callbacks (router.param, app.param) run after the guard decided for the route', () => {
    const USERS: Record<string, readonly string[]> = { reader: ['read'], admin: ['read', 'admin'] };
    const invalid = (): never => {
      throw invalidToken();
    };
    function guarded() {
      const decisions: string[] = [];
      const loads: string[] = [];
      const user = withScopes(
        depends({ auth: httpBearer() }, ({ auth }) => {
          decisions.push(auth.credentials);
          if (!USERS[auth.credentials]) throw invalidToken();
          return { name: auth.credentials, scopes: USERS[auth.credentials] };
        }),
        (u) => u.scopes,
      );
      const app = express();
      const d = createDepends({ onError: () => {} });
      app.use(d.guard({ user }, { scopes: ['read'], routes: { 'DELETE /v1/notes/{id}/comments/{cid}': { scopes: ['admin'] } } }));
      const v1 = express.Router();
      v1.param('id', (req, _res, next, id) => void (loads.push(`id ${id}`), next()));
      v1.param('cid', async (req, res, next, cid) => {
        loads.push(`cid ${cid}`);
        if (cid === 'boom') throw new Error('comment store down');
        if (cid === '404') return void res.status(404).json({ error: 'no such comment' });
        next();
      });
      v1.get('/notes/:id/comments/:cid', (req, res) => void res.json({ id: req.params.id, cid: req.params.cid }));
      v1.delete('/notes/:id/comments/:cid', (_req, res) => void res.status(204).end());
      app.use('/v1', v1);
      app.use(((error, _req, res, _next) => void res.status(503).json({ app: String(error) })) as ErrorRequestHandler);
      return { app, v1, decisions, loads };
    }
    const ask = async (url: string, method: string, path: string, token?: string) => {
      const res = await request(`${url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
      return [res.statusCode, await res.body.text()];
    };

    test('refused before any callback runs; the route\'s own scopes apply there; one decision per request, two callbacks', async () => {
      const { app, decisions, loads } = guarded();
      const url = await serve(app);
      expect(await ask(url, 'GET', '/v1/notes/1/comments/404')).toEqual([401, '{"detail":"Not authenticated"}']);
      expect(await ask(url, 'GET', '/v1/notes/1/comments/2', 'nobody')).toEqual([401, '{"detail":"Could not validate credentials"}']);
      expect(await ask(url, 'DELETE', '/v1/notes/1/comments/2', 'reader')).toEqual([403, '{"detail":"Not enough permissions"}']);
      expect(loads).toEqual([]);
      decisions.length = 0;
      expect(await ask(url, 'GET', '/v1/notes/1/comments/2', 'reader')).toEqual([200, '{"id":"1","cid":"2"}']);
      expect([decisions, loads]).toEqual([['reader'], ['id 1', 'cid 2']]);
      decisions.length = 0;
      expect((await ask(url, 'DELETE', '/v1/notes/1/comments/2', 'admin'))[0]).toBe(204);
      expect(decisions).toEqual(['admin']);
      expect(await ask(url, 'GET', '/v1/notes/1/comments/404', 'reader')).toEqual([404, '{"error":"no such comment"}']);
      expect(await ask(url, 'GET', '/v1/notes/1/comments/boom', 'reader')).toEqual([503, '{"app":"Error: comment store down"}']);
    });

    test("a parameter of a router's mount path (router.use('/orgs/:org', notes)) runs after the weakest requirement of the routes behind it; the route inside still decides with its own scopes", async () => {
      const app = express();
      const d = createDepends({ onError: () => {} });
      const decisions: string[] = [];
      const user = withScopes(
        depends({ auth: httpBearer() }, ({ auth }) => (decisions.push(auth.credentials), USERS[auth.credentials] ? { scopes: USERS[auth.credentials] } : invalid())),
        (u) => u.scopes,
      );
      app.use(
        d.guard({ user }, { scopes: ['read'], routes: { 'DELETE /orgs/{org}/notes/{id}': { scopes: ['admin'] }, 'GET /teams/{team}/badge': { public: true } } }),
      );
      const loads: string[] = [];
      const root = express.Router();
      root.param('org', (_req, res, next, org) => void (loads.push(`org ${org}`), org === 'gone' ? res.status(404).json({ error: 'no such org' }) : next()));
      const notes = express.Router({ mergeParams: true });
      notes.get('/notes/:id', (req, res) => void res.json({ id: req.params.id }));
      notes.delete('/notes/:id', (_req, res) => void res.status(204).end());
      root.use('/orgs/:org', notes);
      // a mount with a public route behind it: its callback runs for anyone, as that route allows
      root.param('team', (_req, _res, next, team) => void (loads.push(`team ${team}`), next()));
      const teams = express.Router({ mergeParams: true });
      teams.get('/badge', (req, res) => void res.json({ team: (req.params as { team?: string }).team }));
      root.use('/teams/:team', teams);
      app.use(root);
      const url = await serve(app);
      // no credential, a wrong one, a missing org: refused before the org is loaded (no existence oracle, no read)
      expect(await ask(url, 'GET', '/orgs/gone/notes/1')).toEqual([401, '{"detail":"Not authenticated"}']);
      expect(await ask(url, 'GET', '/orgs/acme/notes/1', 'nobody')).toEqual([401, '{"detail":"Could not validate credentials"}']);
      // DELETE: the only route behind the mount for that method asks admin
      expect(await ask(url, 'DELETE', '/orgs/acme/notes/1', 'reader')).toEqual([403, '{"detail":"Not enough permissions"}']);
      // a method no route behind the mount takes: the strictest requirement
      expect((await ask(url, 'PATCH', '/orgs/acme/notes/1', 'reader'))[0]).toBe(403);
      expect(loads).toEqual([]);
      expect(await ask(url, 'GET', '/orgs/gone/notes/1', 'reader')).toEqual([404, '{"error":"no such org"}']);
      expect(await ask(url, 'GET', '/orgs/acme/notes/1', 'reader')).toEqual([200, '{"id":"1"}']);
      expect((await ask(url, 'DELETE', '/orgs/acme/notes/1', 'admin'))[0]).toBe(204);
      expect(loads).toEqual(['org gone', 'org acme', 'org acme']);
      loads.length = 0;
      expect(await ask(url, 'GET', '/teams/red/badge')).toEqual([200, '{"team":"red"}']);
      expect(loads).toEqual(['team red']);
      decisions.length = 0;
      // one decision at the mount, one at the route (the mount's own requirement is weaker than the route's)
      expect((await ask(url, 'GET', '/orgs/acme/notes/1', 'admin'))[0]).toBe(200);
      expect(decisions).toEqual(['admin', 'admin']);
    });

    test('callbacks added after the first request (to a name that has some, and app.param()) are wrapped too', async () => {
      const { app, v1, loads } = guarded();
      const url = await serve(app);
      expect((await ask(url, 'GET', '/v1/notes/1/comments/2', 'reader'))[0]).toBe(200);
      v1.param('cid', (_req, _res, next, cid) => void (loads.push(`late cid ${cid}`), next()));
      app.param('id', (_req, _res, next, id) => void (loads.push(`app id ${id}`), next()));
      loads.length = 0;
      expect(await ask(url, 'GET', '/v1/notes/1/comments/2')).toEqual([401, '{"detail":"Not authenticated"}']);
      expect(loads).toEqual([]);
      expect((await ask(url, 'GET', '/v1/notes/1/comments/2', 'reader'))[0]).toBe(200);
      expect(loads).toEqual(['id 1', 'cid 2', 'late cid 2']);
      app.get('/notes/:id', (req, res) => void res.json({ id: req.params.id }));
      loads.length = 0;
      expect(await ask(url, 'GET', '/notes/3')).toEqual([401, '{"detail":"Not authenticated"}']);
      expect(loads).toEqual([]);
      expect(await ask(url, 'GET', '/notes/3', 'reader')).toEqual([200, '{"id":"3"}']);
      expect(loads).toEqual(['app id 3']);
    });
  });
});

/** The adapters `DEPENDS_ADAPTERS` names (as the shared suite reads it), or all: the step run without code generation from strings leaves Express 4 out (its depd compiles code when it loads). */
const wanted = process.env.DEPENDS_ADAPTERS?.split(',').map((n) => n.trim());

/** Express 5 (`express`) and Express 4 (the `express4` alias): each test below runs on both. */
const EXPRESS_VERSIONS = [
  { name: 'express 5', adapter: 'express', load: async () => express, catchAll: '/*splat' },
  { name: 'express 4', adapter: 'express4', load: async () => (await import('express4')).default, catchAll: '/*' },
].filter((v) => wanted === undefined || wanted.includes(v.adapter));

describe.each(EXPRESS_VERSIONS)('$name: where the guard decides', ({ name, load, catchAll }) => {
  const TOKENS: Record<string, readonly string[]> = { reader: ['read'], admin: ['read', 'write', 'admin'] };
  const user = withScopes(
    depends({ auth: httpBearer() }, ({ auth }) => {
      if (!TOKENS[auth.credentials]) throw invalidToken();
      return { name: auth.credentials, scopes: TOKENS[auth.credentials] };
    }),
    (u) => u.scopes,
  );
  const h = (label: string) => (_req: express.Request, res: express.Response) => void res.json({ [label]: 1 });
  const call = async (url: string, method: string, path: string, token?: string, headers: Record<string, string> = {}) => {
    const res = await request(`${url}${path}`, { method, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    return [res.statusCode, await res.body.text()];
  };
  const NOT_AUTHENTICATED = [401, '{"detail":"Not authenticated"}'];
  const NOT_ENOUGH = [403, '{"detail":"Not enough permissions"}'];

  test('a guard run from inside a route\'s stack (a router of guards placed on the route, a function calling it, after a router whose route takes req.route) decides for that route, checked or not', async () => {
    const ex = await load();
    for (const checked of [true, false]) {
      const app = ex();
      const d = createDepends({ onError: () => {} });
      const auth = d.guard({ user }, { scopes: ['read'] });
      app.get('/me', auth, h('me'));
      const requireAuth = ex.Router();
      requireAuth.use(auth);
      app.get('/bundled', requireAuth, h('bundled'));
      app.get('/wrapped', (req, res, next) => auth(req, res, next), h('wrapped'));
      const audit = ex.Router();
      audit.all(catchAll, (_req, _res, next) => next());
      app.get('/secret', audit, auth, h('secret'));
      if (checked) d.check(app);
      const url = await serve(app);
      for (const path of ['/bundled', '/wrapped', '/secret', '/me']) expect([path, ...(await call(url, 'GET', path))]).toEqual([path, ...NOT_AUTHENTICATED]);
      for (const path of ['/bundled', '/wrapped', '/secret', '/me']) expect(await call(url, 'GET', path, 'reader')).toEqual([200, `{"${path.slice(1)}":1}`]);
      await new Promise<void>((resolve) => (server!.closeAllConnections(), server!.close(() => resolve())));
      server = undefined;
    }
  });

  test("a guard in the stack of a route with no entry of its own (a catch-all for every method) decides there, whatever an earlier route on the request decided", async () => {
    const ex = await load();
    const app = ex();
    const d = createDepends({ onError: () => {} });
    const auth = d.guard({ user }, { scopes: ['read'], routes: { 'GET /files/readme': { public: true } } });
    app.get('/files/readme', auth, (_req, _res, next) => next());
    app.all(`/files${catchAll}`, auth, (req, res) => void res.json({ file: req.path }));
    d.check(app);
    const url = await serve(app);
    expect(await call(url, 'GET', '/files/readme')).toEqual(NOT_AUTHENTICATED);
    expect(await call(url, 'GET', '/files/readme', 'reader')).toEqual([200, '{"file":"/files/readme"}']);
  });

  test('a guard decides for the method Express dispatches the route with, not the one the app rewrote req.method to (method overrides, in the stack or in a parameter callback)', async () => {
    const ex = await load();
    const app = ex();
    const d = createDepends({ onError: () => {} });
    const override: express.RequestHandler = (req, _res, next) => {
      const m = req.headers['x-http-method-override'];
      if (typeof m === 'string') req.method = m.toUpperCase();
      next();
    };
    const keys = { 'GET /x': { public: true }, 'POST /x': { scopes: ['admin'] }, 'POST /y': { scopes: ['admin'] } };
    const auth = d.guard({ user }, { scopes: ['read'], routes: keys });
    app.route('/x').all(override, auth).get(h('GET')).post(h('POST'));
    app.route('/y').all(override).get(auth, h('GET')).post(auth, h('POST'));
    // a parameter callback rewriting the method, behind a guard placed with use()
    const v1 = ex.Router();
    const used = d.guard({ user }, { scopes: ['read'], routes: { 'GET /v1/x/{id}': { public: true }, 'POST /v1/x/{id}': { scopes: ['admin'] } } });
    v1.use(used);
    v1.param('id', (req, _res, next) => {
      if (typeof req.query._method === 'string') req.method = req.query._method;
      next();
    });
    v1.route('/x/:id').get(h('GET')).post(h('POST'));
    app.use('/v1', v1);
    d.check(app);
    const url = await serve(app);
    const asGet = { 'x-http-method-override': 'GET' };
    expect(await call(url, 'POST', '/x', undefined, asGet)).toEqual(NOT_AUTHENTICATED);
    expect(await call(url, 'POST', '/x', 'reader', asGet)).toEqual(NOT_ENOUGH);
    expect(await call(url, 'POST', '/y', 'reader', asGet)).toEqual(NOT_ENOUGH);
    expect(await call(url, 'GET', '/v1/x/1?_method=POST')).toEqual(NOT_AUTHENTICATED);
    expect(await call(url, 'GET', '/v1/x/1?_method=POST', 'reader')).toEqual(NOT_ENOUGH);
    // the method the route is dispatched with decides as before
    expect([await call(url, 'GET', '/x'), await call(url, 'POST', '/x', 'admin', asGet), await call(url, 'GET', '/y', 'reader')]).toEqual([
      [200, '{"GET":1}'],
      [200, '{"POST":1}'],
      [200, '{"GET":1}'],
    ]);
    expect([await call(url, 'GET', '/v1/x/1'), await call(url, 'GET', '/v1/x/1?_method=POST', 'admin')]).toEqual([
      [200, '{"GET":1}'],
      [200, '{"POST":1}'],
    ]);
  });

  test("a parameter callback runs after the guards placed on the route itself (app.get('/notes/:id', auth, handler), or a router of guards there): an unauthenticated request never learns from its 404", async () => {
    const ex = await load();
    const app = ex();
    const d = createDepends({ onError: () => {} });
    const auth = d.guard({ user }, { scopes: ['read'], routes: { 'DELETE /notes/{id}': { scopes: ['admin'] } } });
    const loads: string[] = [];
    app.param('id', (_req, res, next, id) => {
      loads.push(String(id));
      if (id === 'gone') return void res.status(404).json({ error: 'no such note' });
      next();
    });
    const requireAuth = ex.Router();
    requireAuth.use(auth);
    app.get('/notes/:id', auth, h('note'));
    app.delete('/notes/:id', auth, h('deleted'));
    app.get('/bundled/:id', requireAuth, h('bundled'));
    d.check(app);
    const url = await serve(app);
    expect(await call(url, 'GET', '/notes/gone')).toEqual(NOT_AUTHENTICATED);
    expect(await call(url, 'GET', '/bundled/gone')).toEqual(NOT_AUTHENTICATED);
    expect(await call(url, 'DELETE', '/notes/gone', 'reader')).toEqual(NOT_ENOUGH);
    expect(loads).toEqual([]);
    expect(await call(url, 'GET', '/notes/gone', 'reader')).toEqual([404, '{"error":"no such note"}']);
    expect(await call(url, 'GET', '/bundled/1', 'reader')).toEqual([200, '{"bundled":1}']);
    expect(await call(url, 'DELETE', '/notes/1', 'admin')).toEqual([200, '{"deleted":1}']);
    expect(loads).toEqual(['gone', '1', '1']);
  });

  test('a middleware given a stack property is middleware, not a router: it gets the strictest requirement before it answers', async () => {
    const ex = await load();
    const app = ex();
    const d = createDepends({ onError: () => {} });
    app.use(d.guard({ user }, { scopes: ['read'] }));
    app.use(Object.assign(((req, res, next) => (req.path === '/secret-file' ? void res.json({ secret: 1 }) : next())) as express.RequestHandler, { stack: [] }));
    app.get('/me', h('me'));
    d.check(app);
    const url = await serve(app);
    expect(await call(url, 'GET', '/secret-file')).toEqual(NOT_AUTHENTICATED);
    expect([await call(url, 'GET', '/secret-file', 'reader'), await call(url, 'GET', '/me', 'reader')]).toEqual([
      [200, '{"secret":1}'],
      [200, '{"me":1}'],
    ]);
  });

  test("a connect app (Vite's server.middlewares: layers { route, handle }) is middleware: installing the guards does not fail, and it runs as placed", async () => {
    const ex = await load();
    const app = ex();
    const d = createDepends({ onError: () => {} });
    const asset: express.RequestHandler = (req, res) => void res.json({ asset: req.url });
    // connect's shape: the app dispatching itself, its layers { route, handle }, its own handle/use
    const connectApp = Object.assign(
      ((req, res, next) => {
        if (!req.url.startsWith('/assets/')) return next();
        req.url = req.url.slice('/assets'.length);
        asset(req, res, next);
      }) as express.RequestHandler,
      { stack: [{ route: '/assets', handle: asset }], route: '/', handle: asset, use: () => connectApp },
    );
    app.use(connectApp);
    app.use(d.guard({ user }, { scopes: ['read'] }));
    app.get('/me', h('me'));
    expect(() => d.check(app)).not.toThrow();
    const url = await serve(app);
    expect(await call(url, 'GET', '/assets/app.js')).toEqual([200, '{"asset":"/app.js"}']);
    expect([await call(url, 'GET', '/me'), await call(url, 'GET', '/me', 'reader')]).toEqual([NOT_AUTHENTICATED, [200, '{"me":1}']]);
  });

  test('a guard on a route after middleware that replaces req.params decides with that route\'s own options', async () => {
    const ex = await load();
    const app = ex();
    const d = createDepends({ onError: () => {} });
    const auth = d.guard({ user }, { scopes: ['read'], routes: { 'DELETE /items/{id}': { scopes: ['admin'] } } });
    const coerce: express.RequestHandler = (req, _res, next) => {
      req.params = { ...req.params, id: String(Number(req.params.id)) };
      next();
    };
    app.get('/items/:id', coerce, auth, h('get'));
    app.delete('/items/:id', coerce, auth, h('deleted'));
    d.check(app);
    const url = await serve(app);
    expect([await call(url, 'GET', '/items/1', 'reader'), await call(url, 'GET', '/items/1', 'reader')]).toEqual([
      [200, '{"get":1}'],
      [200, '{"get":1}'],
    ]);
    expect([await call(url, 'GET', '/items/1'), await call(url, 'DELETE', '/items/1', 'reader')]).toEqual([NOT_AUTHENTICATED, NOT_ENOUGH]);
  });

  test('a catch-all written without its leading slash or as an optional wildcard is documented and keyed as /* (Express 4) or /*splat (Express 5), / included', async () => {
    const ex = await load();
    const paths = name === 'express 5' ? ['*splat', '/{*splat}'] : ['*'];
    for (const path of paths) {
      const app = ex();
      const d = createDepends({ onError: () => {} });
      app.use(d.guard({ user }, { scopes: ['read'], routes: { [`GET ${catchAll}`]: { scopes: ['admin'] } } }));
      app.get('/me', h('me'));
      app.get(path, h('spa'));
      d.docs(app);
      expect(() => d.check(app)).not.toThrow();
      expect(d.openapi().paths[catchAll]?.get?.security).toEqual([{ HTTPBearer: ['admin'] }]);
      const url = await serve(app);
      expect([await call(url, 'GET', '/'), await call(url, 'GET', '/a/b', 'reader'), await call(url, 'GET', '/me', 'reader')]).toEqual([NOT_AUTHENTICATED, NOT_ENOUGH, [200, '{"me":1}']]);
      expect([await call(url, 'GET', '/', 'admin'), await call(url, 'GET', '/a/b', 'admin')]).toEqual([
        [200, '{"spa":1}'],
        [200, '{"spa":1}'],
      ]);
      await new Promise<void>((resolve) => (server!.closeAllConnections(), server!.close(() => resolve())));
      server = undefined;
    }
  });

  test('a guard called from inside another function used as app middleware (unless()): the startup error says the table cannot see it, and what to do', async () => {
    const ex = await load();
    const app = ex();
    const d = createDepends({ onError: () => {} });
    const auth = d.guard({ user });
    const unless = (paths: string[], mw: express.RequestHandler): express.RequestHandler => (req, res, next) => (paths.includes(req.path) ? next() : mw(req, res, next));
    app.use(unless(['/health'], auth));
    app.get('/health', h('health'));
    d.docs(app);
    expect(() => d.check(app)).toThrow(/stands in front of no route.*A guard called from inside another function \(app\.use\(unless\(\['\/health'\], auth\)\).*place the guard itself \(app\.use\(auth\)\)/);
  });
});
