/**
 * Existing apps, written each framework's usual way (routers under
 * prefixes, their own 404 and error handler, handlers that read the user
 * the framework's way), with depends guards added: what the shared guard
 * suite runs against. The dependencies and the guard options are declared
 * once here; only the app around them is per framework.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type KoaClass from 'koa';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Context as KoaContext } from 'koa';
import { Hono, type Context as HonoContext } from 'hono';
import { HTTPException as HonoHTTPException } from 'hono/http-exception';
import { serve } from '@hono/node-server';
import type { FastifyReply } from 'fastify';
import createError from 'http-errors';
import { z } from 'zod';
import { HTTPException, Router, depends, header, requestView, type DependsApp, type GuardOptions, type OpenAPIDocument, type RequestView } from '../../../packages/core/src/index.js';
import { createDepends as expressDepends } from '../../../packages/express/src/index.js';
import type { GuardState } from '../../../packages/koa/src/index.js';
import { createDepends as honoDepends, type GuardEnv } from '../../../packages/hono/src/index.js';
import { currentUser } from './api.js';
import { closer, everyFramework, listen } from './harness.js';

/** What a framework brings to the shared declarations: its HTTP error and its native result. */
interface Framework {
  /** The framework's own HTTP error (http-errors, Hono's HTTPException). */
  httpError(status: number, message: string, headers?: Record<string, string>): Error;
  /** A framework-native result made by a handler: status 203, `{"native":true}`. */
  native(request: RequestView): unknown;
}

const expressFramework: Framework = {
  httpError: (status, message, headers) => createError(status, message, headers ? { headers } : {}),
  native: (request) => (request.native as Request).res!.status(203).json({ native: true }),
};
const koaFramework: Framework = {
  httpError: expressFramework.httpError,
  native: (request) => {
    const ctx = request.native as KoaContext;
    ctx.status = 203;
    ctx.body = { native: true };
  },
};
const honoFramework: Framework = {
  httpError: (status, message, headers) => new HonoHTTPException(status as 429, { message, res: new Response(null, { status, headers }) }),
  native: (request) => (request.native as HonoContext).json({ native: true }, 203),
};

const fastifyFramework: Framework = {
  // @fastify/sensible's httpErrors are http-errors too
  httpError: expressFramework.httpError,
  native: (request) => (request.native as FastifyReply).code(203).send({ native: true }),
};

/** A Bluebird-like thenable: not a native promise. */
const thenable = <T,>(value: T) => ({
  then(resolve: (v: T) => unknown) {
    setTimeout(() => resolve(value), 1);
  },
});

const adminOnly = depends({ key: header('x-admin', z.string().optional()) }, ({ key }) => {
  if (key !== 'yes') throw new HTTPException(403, 'Admins only');
  return 'yes' as const;
});

export const Item = z.object({ id: z.string(), owner: z.string() });

/** The app-wide guard's options: one public route by key, a summary and scopes on another, an extra dependency on a third. */
function guardOptions(fw: Framework): GuardOptions {
  const limited = depends({ req: requestView }, () => {
    throw fw.httpError(429, 'Slow down', { 'retry-after': '5' });
  });
  return {
    scopes: ['me'],
    routes: {
      'GET /status': { public: true },
      'GET /v1/items/{id}': { scopes: ['items'], summary: 'One item', response: Item },
      'GET /v1/limited': { dependencies: [limited] },
    },
  };
}

/** Core routes mounted under a framework prefix: native results, thenables, framework errors. */
function coreRouter(fw: Framework): Router {
  const api = new Router();
  api.get('/native', { req: requestView }, ({ req }) => fw.native(req));
  api.get('/thenable', {}, () => thenable({ thenable: true }));
  api.get('/conflict', {}, () => {
    throw fw.httpError(409, 'Taken');
  });
  api.get('/expired', { e: depends(() => Promise.reject(fw.httpError(401, 'Token expired', { 'www-authenticate': 'Bearer error="invalid_token"' }))) }, () => 'never');
  return api;
}

/** A started existing app. */
export interface Existing {
  readonly name: string;
  readonly url: string;
  readonly d: { readonly app: DependsApp; openapi(): OpenAPIDocument };
  /** Handler runs, by route. */
  readonly calls: string[];
  close(): Promise<void>;
}

function expressApp(name: string, make: () => Promise<express.Express>): () => Promise<Existing> {
  return async () => {
    const calls: string[] = [];
    const app = await make();
    const d = expressDepends({ title: 'Existing', onError: () => {} });
    const auth = d.guard({ user: currentUser }, guardOptions(expressFramework));
    const admin = d.guard({ admin: adminOnly }, { name: 'admin' });

    app.use(express.json());
    app.use(auth);
    app.get('/status', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.get('/health', d.route({ public: true }), (_req, res) => {
      res.type('text').send('Ok');
    });
    const v1 = express.Router();
    v1.get('/me', (req, res) => {
      calls.push('me');
      res.json({ username: auth.values(req).user.username, framework: (res.locals.user as { username: string }).username });
    });
    v1.get('/items/:id', (req, res) => {
      res.json({ id: req.params.id, owner: auth.values(req).user.username });
    });
    v1.get('/admin', admin, (req, res) => {
      res.json({ admin: admin.values(req).admin, user: auth.values(req).user.username });
    });
    v1.get('/limited', (_req, res) => {
      res.json({ never: true });
    });
    v1.get('/fail', () => {
      throw new Error('handler failed');
    });
    app.use('/v1', v1);
    const v2 = express.Router();
    d.mount(v2, coreRouter(expressFramework));
    app.use('/v2', v2);
    d.docs(app);
    app.use((_req, res) => {
      res.status(404).json({ error: 'not here' });
    });
    app.use((_err: unknown, _req: Request, res: Response, _next: NextFunction) => {
      res.status(500).json({ error: 'custom' });
    });
    const server = createServer(app).listen(0, '127.0.0.1');
    return { name, url: await listen(server), d, calls, close: closer(server) };
  };
}

const koaApp = (name: string, load: () => Promise<{ default: typeof KoaClass }>) => async (): Promise<Existing> => {
  // Imported on first use: Koa's dependencies compile code from strings when they load (see `pickAdapters`).
  const [{ default: Koa }, { Router: KoaRouter }, { createDepends: koaDepends }] = await Promise.all([
    load(),
    import('@koa/router'),
    import('../../../packages/koa/src/index.js'),
  ]);
  const calls: string[] = [];
  const app = new Koa();
  const d = koaDepends({ title: 'Existing', onError: () => {} });
  const auth = d.guard({ user: currentUser }, guardOptions(koaFramework));
  const admin = d.guard({ admin: adminOnly }, { name: 'admin' });

  // the app's own error handler and 404
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch {
      ctx.status = 500;
      ctx.body = { error: 'custom' };
    }
    if (ctx.status === 404 && ctx.body === undefined) {
      ctx.body = { error: 'not here' };
      ctx.status = 404;
    }
  });
  app.use(auth);
  const root = new KoaRouter();
  root.get('/status', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  root.get('/health', d.route({ public: true }), (ctx) => {
    ctx.type = 'text';
    ctx.body = 'Ok';
  });
  const v1 = new KoaRouter<GuardState<typeof auth>>({ prefix: '/v1' });
  v1.get('/me', (ctx) => {
    calls.push('me');
    ctx.body = { username: ctx.state.user.username, framework: ctx.state.user.username };
  });
  v1.get('/items/:id', (ctx) => {
    ctx.body = { id: ctx.params.id, owner: ctx.state.user.username };
  });
  v1.get('/admin', admin, (ctx) => {
    ctx.body = { admin: ctx.state.admin, user: ctx.state.user.username };
  });
  v1.get('/limited', (ctx) => {
    ctx.body = { never: true };
  });
  v1.get('/fail', () => {
    throw new Error('handler failed');
  });
  const v2 = new KoaRouter({ prefix: '/v2' });
  d.mount(v2, coreRouter(koaFramework));
  app.use(root.routes());
  app.use(v1.routes());
  app.use(v2.routes());
  d.docs(app);
  const server = createServer(app.callback()).listen(0, '127.0.0.1');
  return { name, url: await listen(server), d, calls, close: closer(server) };
};

async function honoApp(): Promise<Existing> {
  const calls: string[] = [];
  const app = new Hono();
  const d = honoDepends({ title: 'Existing', onError: () => {} });
  const auth = d.guard({ user: currentUser }, guardOptions(honoFramework));
  const admin = d.guard({ admin: adminOnly }, { name: 'admin' });

  app.use(auth);
  app.get('/status', (c) => c.json({ status: 'ok' }));
  app.get('/health', d.route({ public: true }), (c) => c.text('Ok'));
  const v1 = new Hono<GuardEnv<typeof auth>>();
  v1.get('/me', (c) => {
    calls.push('me');
    return c.json({ username: c.var.user.username, framework: c.get('user').username });
  });
  v1.get('/items/:id', (c) => c.json({ id: c.req.param('id'), owner: c.var.user.username }));
  v1.get('/admin', admin, (c) => c.json({ admin: c.var.admin, user: c.var.user.username }));
  v1.get('/limited', (c) => c.json({ never: true }));
  v1.get('/fail', () => {
    throw new Error('handler failed');
  });
  app.route('/v1', v1);
  const v2 = new Hono();
  d.mount(v2, coreRouter(honoFramework));
  app.route('/v2', v2);
  d.docs(app);
  app.notFound((c) => c.json({ error: 'not here' }, 404));
  app.onError((_err, c) => c.json({ error: 'custom' }, 500));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as HttpServer;
  return { name: 'hono', url: await listen(server), d, calls, close: closer(server) };
}

async function fastifyApp(): Promise<Existing> {
  const [{ default: Fastify }, { createDepends: fastifyDepends }] = await Promise.all([import('fastify'), import('../../../packages/fastify/src/index.js')]);
  const calls: string[] = [];
  const app = Fastify();
  const d = fastifyDepends({ title: 'Existing', onError: () => {} });
  const auth = d.guard({ user: currentUser }, guardOptions(fastifyFramework));
  const admin = d.guard({ admin: adminOnly }, { name: 'admin' });

  d.docs(app); // first: its onRoute hook sees the routes registered below
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'not here' }));
  app.setErrorHandler((_err, _req, reply) => reply.code(500).send({ error: 'custom' }));
  app.addHook('preHandler', auth);
  app.get('/status', async () => ({ status: 'ok' }));
  app.get('/health', { preHandler: [d.route({ public: true })] }, async (_req, reply) => reply.type('text/plain').send('Ok'));
  app.register(
    async (v1) => {
      v1.get('/me', async (req) => {
        calls.push('me');
        const user = auth.values(req).user;
        return { username: user.username, framework: user.username };
      });
      v1.get('/items/:id', async (req) => ({ id: (req.params as { id: string }).id, owner: auth.values(req).user.username }));
      v1.get('/admin', { preHandler: [admin] }, async (req) => ({ admin: admin.values(req).admin, user: auth.values(req).user.username }));
      v1.get('/limited', async () => ({ never: true }));
      v1.get('/fail', async () => {
        throw new Error('handler failed');
      });
    },
    { prefix: '/v1' },
  );
  app.register(async (v2) => void d.mount(v2, coreRouter(fastifyFramework)), { prefix: '/v2' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { name: 'fastify', url: await listen(app.server), d, calls, close: closer(app.server) };
}

/** Every existing app the guard suite runs against (`DEPENDS_ADAPTERS` picks some). */
export const existingApps: readonly { name: string; start(): Promise<Existing> }[] = everyFramework({ express: expressApp, koa: koaApp, hono: honoApp, fastify: fastifyApp });
