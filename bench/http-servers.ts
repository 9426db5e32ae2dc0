/**
 * Servers for `bench/http.bench.ts`, one per process: `node
 * http-servers.js <case>` listens on 127.0.0.1 (random port) and prints
 * `PORT <n>`. Every case answers the same requests with the same bytes:
 *
 * - `GET /me`: the bearer token's user as JSON; 401 (and 403 below) with
 *   `Cache-Control: no-store` and `{"detail":"Not
 *   authenticated"}` with `WWW-Authenticate: Bearer` (no credential or
 *   another scheme) or 401 `{"detail":"Could not validate credentials"}`
 *   with `Bearer error="invalid_token"` (unknown token);
 * - `GET /whoami`: the same answers as `/me`; through depends, the user
 *   lookup refuses an unknown token with `refuse(invalidToken())` rather
 *   than a throw;
 * - `GET /admin`: the same, then 403 `{"detail":"Not enough permissions"}`
 *   with `Bearer error="insufficient_scope", scope="admin"` (the users are
 *   granted `me` only);
 * - `GET /items?limit=n`: the same, then the query validated by a zod
 *   schema: 422 with FastAPI's list of problems, or `{user, limit}`.
 *
 * `hono-bearerAuth` serves `/me` and `/whoami` only, with `hono/bearer-auth`'s own answers.
 *
 * Cases: `express-manual`, `express-depends`, `koa-manual`, `koa-depends`,
 * `hono-manual`, `hono-depends`, `hono-bearerAuth`, `fastify-manual` (an
 * `onRequest` hook doing the check), `fastify-depends`, and `<framework>-guard`:
 * the framework's own handlers (as the manual case writes them) with a
 * depends guard placed app-wide in front of them (`app.use(auth)`, a
 * Fastify `onRequest` hook, where `fastify-manual` checks), reading the user
 * the framework's way.
 *
 * Spawned with an IPC channel, it answers any message with its
 * `process.cpuUsage()` (so the bench can charge CPU time per request).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Koa from 'koa';
import { Router as KoaRouter } from '@koa/router';
import { Hono, type Context } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { serve } from '@hono/node-server';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Router, depends, httpBearer, invalidToken, query, refuse, security, withScopes } from '../packages/core/src/index.js';
import { createDepends as expressDepends } from '../packages/express/src/index.js';
import { createDepends as koaDepends } from '../packages/koa/src/index.js';
import { createDepends as honoDepends } from '../packages/hono/src/index.js';
import { createDepends as fastifyDepends } from '../packages/fastify/src/index.js';

interface User {
  id: number;
  username: string;
  email: string;
}
const users = new Map<string, User>([
  ['token-1', { id: 1, username: 'johndoe', email: 'john@example.com' }],
  ['token-2', { id: 2, username: 'alice', email: 'alice@example.com' }],
]);
/** Scopes granted to each user (by id). */
const granted = new Map<number, readonly string[]>([
  [1, ['me']],
  [2, ['me']],
]);
const Limit = z.number().int().min(1).max(100);

// --- hand-written: the same answers as depends, written the usual way ------------------

const NOT_AUTHENTICATED = { detail: 'Not authenticated' };
const INVALID_TOKEN = { detail: 'Could not validate credentials' };
const FORBIDDEN = { detail: 'Not enough permissions' };
const ADMIN_CHALLENGE = 'Bearer error="insufficient_scope", scope="admin"';
type Refusal = { status: number; challenge: string; body: unknown };

/** The bearer check every "manual" case does: the same answers as `httpBearer()` + the lookup. */
function check(authorization: string | undefined): { user: User } | Refusal {
  const space = authorization?.indexOf(' ') ?? -1;
  if (!authorization || space === -1 || authorization.slice(0, space).toLowerCase() !== 'bearer') return { status: 401, challenge: 'Bearer', body: NOT_AUTHENTICATED };
  const user = users.get(authorization.slice(space + 1).trim());
  return user ? { user } : { status: 401, challenge: 'Bearer error="invalid_token"', body: INVALID_TOKEN };
}

const isAdmin = (user: User) => granted.get(user.id)?.includes('admin') ?? false;

const INT_PARSING = 'Input should be a valid integer, unable to parse string as an integer';

/** The query check: an integer as FastAPI coerces it, then the schema; problems listed as depends lists them. */
function checkLimit(raw: unknown): { limit: number } | { problems: unknown } {
  if (typeof raw === 'string' && !/^\s*[+-]?\d+\s*$/.test(raw)) return { problems: { detail: [{ type: 'int_parsing', loc: ['query', 'limit'], msg: INT_PARSING, input: raw }] } };
  const r = Limit.safeParse(typeof raw === 'string' ? Number(raw) : raw, { reportInput: true });
  if (r.success) return { limit: r.data };
  return {
    problems: {
      detail: r.error.issues.map((i) => {
        const { expected, minimum, maximum } = i as { expected?: unknown; minimum?: unknown; maximum?: unknown };
        const ctx = { ...(expected !== undefined && { expected }), ...(minimum !== undefined && { minimum }), ...(maximum !== undefined && { maximum }) };
        return { type: i.code, loc: ['query', 'limit', ...i.path], msg: i.message, input: i.input ?? null, ...(Object.keys(ctx).length ? { ctx } : {}) };
      }),
    },
  };
}

// --- declared once with depends, served by every "depends" case -------------------------

const bearer = httpBearer();
const currentUser = depends({ auth: bearer }, ({ auth }) => {
  const user = users.get(auth.credentials);
  if (!user) throw invalidToken();
  return user;
});
/** The same lookup, refusing an unknown token without a throw. */
const refusingUser = depends({ auth: bearer }, ({ auth }) => users.get(auth.credentials) ?? refuse(invalidToken()));
const scopedUser = withScopes(currentUser, (user) => granted.get(user.id));
const api = new Router();
api.get('/me', { user: currentUser }, ({ user }) => user);
api.get('/whoami', { user: refusingUser }, ({ user }) => user);
api.get('/admin', { user: security(scopedUser, { scopes: ['admin'] }) }, ({ user }) => user);
api.get('/items', { user: currentUser, limit: query('limit', Limit) }, ({ user, limit }) => ({ user: user.username, limit }));

/** The guard of every `<framework>-guard` case: the user (scopes checked), `admin` on `/admin`, the query validated on `/items`. */
const guardOptions = { routes: { 'GET /admin': { scopes: ['admin'] }, 'GET /items': { dependencies: [query('limit', Limit)] } } };
const limitOf = (raw: unknown): number => Number(raw);

/** A Fastify app on a Node server that starts listening once the app is ready. */
function fastifyServer(setup: (app: FastifyInstance) => void): Server {
  const app = Fastify({ serverFactory: (handler) => createServer(handler) });
  setup(app);
  void app.ready().then(() => app.server.listen(0, '127.0.0.1'));
  return app.server;
}

/** JSON as depends sends it (Fastify's own serialiser would add a charset to the media type). */
const json = (body: unknown) => JSON.stringify(body);
const JSON_TYPE = 'application/json';

const cases: Record<string, () => Server> = {
  'express-manual': () => {
    const app = express();
    app.set('etag', false); // depends sends no ETag: compare the same bytes
    app.use(['/me', '/whoami', '/admin', '/items'], (req, res, next) => {
      const r = check(req.headers.authorization);
      if ('user' in r) {
        res.locals.user = r.user;
        return next();
      }
      res.status(r.status).set({ 'www-authenticate': r.challenge, 'cache-control': 'no-store' }).json(r.body);
    });
    app.get(['/me', '/whoami'], (_req, res) => {
      res.json(res.locals.user);
    });
    app.get('/admin', (_req, res) => {
      if (!isAdmin(res.locals.user)) return void res.status(403).set({ 'www-authenticate': ADMIN_CHALLENGE, 'cache-control': 'no-store' }).json(FORBIDDEN);
      res.json(res.locals.user);
    });
    app.get('/items', (req, res) => {
      const r = checkLimit(req.query.limit);
      if ('problems' in r) return void res.status(422).json(r.problems);
      res.json({ user: res.locals.user.username, limit: r.limit });
    });
    return createServer(app);
  },
  'express-depends': () => {
    const app = express();
    expressDepends({ onError: () => {} }).mount(app, api);
    return createServer(app);
  },
  'koa-manual': () => {
    const app = new Koa();
    const router = new KoaRouter();
    const auth: Koa.Middleware = async (ctx, next) => {
      const r = check(ctx.get('authorization') || undefined);
      if ('user' in r) {
        ctx.state.user = r.user;
        return next();
      }
      ctx.status = r.status;
      ctx.set({ 'www-authenticate': r.challenge, 'cache-control': 'no-store' });
      ctx.body = r.body;
    };
    router.get(['/me', '/whoami'], auth, (ctx) => {
      ctx.body = ctx.state.user;
    });
    router.get('/admin', auth, (ctx) => {
      if (isAdmin(ctx.state.user)) return void (ctx.body = ctx.state.user);
      ctx.status = 403;
      ctx.set({ 'www-authenticate': ADMIN_CHALLENGE, 'cache-control': 'no-store' });
      ctx.body = FORBIDDEN;
    });
    router.get('/items', auth, (ctx) => {
      const r = checkLimit(ctx.query.limit);
      if ('problems' in r) {
        ctx.status = 422;
        ctx.body = r.problems;
      } else ctx.body = { user: ctx.state.user.username, limit: r.limit };
    });
    app.use(router.routes());
    return createServer(app.callback());
  },
  'koa-depends': () => {
    const app = new Koa();
    const router = new KoaRouter();
    koaDepends({ onError: () => {} }).mount(router, api);
    app.use(router.routes());
    return createServer(app.callback());
  },
  'hono-manual': () => {
    const app = new Hono<{ Variables: { user: User } }>();
    for (const path of ['/me', '/whoami', '/admin', '/items'])
      app.use(path, async (c, next) => {
        const r = check(c.req.header('authorization'));
        if (!('user' in r)) return c.json(r.body, r.status as 401, { 'www-authenticate': r.challenge, 'cache-control': 'no-store' });
        c.set('user', r.user);
        await next();
      });
    app.get('/me', (c) => c.json(c.get('user')));
    app.get('/whoami', (c) => c.json(c.get('user')));
    app.get('/admin', (c) => (isAdmin(c.get('user')) ? c.json(c.get('user')) : c.json(FORBIDDEN, 403, { 'www-authenticate': ADMIN_CHALLENGE, 'cache-control': 'no-store' })));
    app.get('/items', (c) => {
      const r = checkLimit(c.req.query('limit'));
      return 'problems' in r ? c.json(r.problems, 422) : c.json({ user: c.get('user').username, limit: r.limit });
    });
    return serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  },
  'hono-depends': () => {
    const app = new Hono();
    honoDepends({ onError: () => {} }).mount(app, api);
    return serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  },
  'fastify-manual': () =>
    fastifyServer((app) => {
      app.decorateRequest('benchUser', null);
      app.addHook('onRequest', async (req, reply) => {
        const r = check(req.headers.authorization);
        if ('user' in r) (req as unknown as { benchUser: User }).benchUser = r.user;
        else return reply.code(r.status).headers({ 'content-type': JSON_TYPE, 'www-authenticate': r.challenge, 'cache-control': 'no-store' }).send(json(r.body));
      });
      const userOf = (req: unknown) => (req as { benchUser: User }).benchUser;
      app.get('/me', (req, reply) => reply.type(JSON_TYPE).send(json(userOf(req))));
      app.get('/whoami', (req, reply) => reply.type(JSON_TYPE).send(json(userOf(req))));
      app.get('/admin', (req, reply) =>
        isAdmin(userOf(req))
          ? reply.type(JSON_TYPE).send(json(userOf(req)))
          : reply.code(403).headers({ 'content-type': JSON_TYPE, 'www-authenticate': ADMIN_CHALLENGE, 'cache-control': 'no-store' }).send(json(FORBIDDEN)),
      );
      app.get('/items', (req, reply) => {
        const r = checkLimit((req.query as { limit?: unknown }).limit);
        if ('problems' in r) return reply.code(422).type(JSON_TYPE).send(json(r.problems));
        return reply.type(JSON_TYPE).send(json({ user: userOf(req).username, limit: r.limit }));
      });
    }),
  'fastify-depends': () => fastifyServer((app) => void fastifyDepends({ onError: () => {} }).mount(app, api)),
  'express-guard': () => {
    const app = express();
    app.set('etag', false);
    const d = expressDepends({ onError: () => {} });
    const auth = d.guard({ user: scopedUser }, guardOptions);
    app.use(auth);
    app.get('/me', (req, res) => void res.json(auth.values(req).user));
    app.get('/whoami', (req, res) => void res.json(auth.values(req).user));
    app.get('/admin', (req, res) => void res.json(auth.values(req).user));
    app.get('/items', (req, res) => void res.json({ user: auth.values(req).user.username, limit: limitOf(req.query.limit) }));
    return createServer(app);
  },
  'koa-guard': () => {
    const app = new Koa();
    const router = new KoaRouter();
    const d = koaDepends({ onError: () => {} });
    const auth = d.guard({ user: scopedUser }, guardOptions);
    app.use(auth);
    router.get('/me', (ctx) => void (ctx.body = ctx.state.user));
    router.get('/whoami', (ctx) => void (ctx.body = ctx.state.user));
    router.get('/admin', (ctx) => void (ctx.body = ctx.state.user));
    router.get('/items', (ctx) => void (ctx.body = { user: (ctx.state.user as User).username, limit: limitOf(ctx.query.limit) }));
    app.use(router.routes());
    d.docs(app, { openapiPath: '/openapi.json' }); // as the README has it: before app.callback(), so that the guard is installed in the composed app
    return createServer(app.callback());
  },
  'hono-guard': () => {
    const app = new Hono<{ Variables: { user: User } }>();
    const d = honoDepends({ onError: () => {} });
    app.use(d.guard({ user: scopedUser }, guardOptions));
    app.get('/me', (c) => c.json(c.get('user')));
    app.get('/whoami', (c) => c.json(c.get('user')));
    app.get('/admin', (c) => c.json(c.get('user')));
    app.get('/items', (c) => c.json({ user: c.get('user').username, limit: limitOf(c.req.query('limit')) }));
    return serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  },
  'fastify-guard': () =>
    fastifyServer((app) => {
      const d = fastifyDepends({ onError: () => {} });
      const auth = d.guard({ user: scopedUser }, guardOptions);
      d.docs(app, { openapiPath: '/openapi.json' }); // its onRoute hook sees the routes below
      // where fastify-manual checks: an onRequest hook (the guard reads headers only; a guard reading the body must be a preHandler)
      app.addHook('onRequest', auth);
      const userOf = (req: Parameters<typeof auth.values>[0]) => auth.values(req).user;
      app.get('/me', (req, reply) => reply.type(JSON_TYPE).send(json(userOf(req))));
      app.get('/whoami', (req, reply) => reply.type(JSON_TYPE).send(json(userOf(req))));
      app.get('/admin', (req, reply) => reply.type(JSON_TYPE).send(json(userOf(req))));
      app.get('/items', (req, reply) => reply.type(JSON_TYPE).send(json({ user: userOf(req).username, limit: limitOf((req.query as { limit?: unknown }).limit) })));
    }),
  'hono-bearerAuth': () => {
    const app = new Hono<{ Variables: { user: User } }>();
    const auth = bearerAuth({
      verifyToken: (token, c) => {
        const user = users.get(token);
        if (user) (c as Context<{ Variables: { user: User } }>).set('user', user);
        return user !== undefined;
      },
    });
    for (const path of ['/me', '/whoami']) {
      app.use(path, auth);
      app.get(path, (c) => c.json(c.get('user')));
    }
    return serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  },
};

const name = process.argv[2];
const make = cases[name];
if (!make) {
  console.error(`unknown case ${name}; one of ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
const server = make();
const announce = () => console.log(`PORT ${(server.address() as AddressInfo).port}`);
if (server.listening) announce();
else if (name.startsWith('hono') || name.startsWith('fastify')) server.once('listening', announce);
else server.listen(0, '127.0.0.1', announce);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('message', () => process.send?.(process.cpuUsage()));
