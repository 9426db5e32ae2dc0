/**
 * The apps of the guard's differential test: on every framework (Express 5
 * and 4, Koa 3 and 2, Hono, Fastify), an app
 * with a guard placed app-wide (`use()`, or a hook), per-route scopes, a
 * public route, a route-level guard after it, routers under a prefix, the
 * app's own 404, and an audit of deletions registered as a route of its own
 * path (`DELETE /v1/:collection/:id`) before the routers, which passes each
 * request on to the route after it (`next()`), and a parameter callback on
 * the notes router (`router.param('id', …)`, Express and Koa), and on
 * Express and Koa a router mounted on a path with a parameter that has a
 * callback (`app.use('/orgs/:org', orgs)`, `app.param('org', …)`). Every handler records that it ran and which decision
 * of the guard preceded it (the scopes the guard required where it
 * decided, read from the values it handed over), so the test can tell a
 * handler that ran without the decision for itself.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type KoaClass from 'koa';
import express from 'express';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { z } from 'zod';
import { depends, header, invalidToken, oauth2PasswordBearer, securityScopes, withScopes, type GuardOptions } from '../../../packages/core/src/index.js';
import { createDepends as expressDepends } from '../../../packages/express/src/index.js';
import { createDepends as honoDepends } from '../../../packages/hono/src/index.js';
import { closer, everyFramework, listen } from './harness.js';

/** The tokens the test sends, and the scopes each grants. */
export const TOKENS: Readonly<Record<string, readonly string[]>> = {
  reader: ['me'],
  writer: ['me', 'notes:write'],
  root: ['me', 'notes:write', 'admin'],
};

const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { me: 'Read', 'notes:write': 'Write notes', admin: 'Administer' } });

/** The caller, with the scopes the guard required where it decided (what the handler records). */
const caller = withScopes(
  depends({ token: oauth2, required: securityScopes }, ({ token, required }) => {
    const granted = TOKENS[token];
    if (!granted) throw invalidToken();
    return { token, granted, required: [...required.scopes].sort().join(' ') };
  }),
  (c) => c.granted,
);

const admin = depends({ key: header('x-admin', z.string().optional()) }, ({ key }) => ({ admin: key === 'yes' }));

/** The app-wide guard's options: defaults, one public route, per-route scopes by key. */
export const OPTIONS: GuardOptions = {
  scopes: ['me'],
  routes: {
    'GET /status': { public: true },
    'POST /v1/notes': { scopes: ['notes:write'] },
    'DELETE /v1/notes/{id}': { scopes: ['notes:write'] },
  },
};

/** What each handler must have been preceded by: the scopes required for it, `public`, or the strictest requirement (`404`). */
export const EXPECTED: Readonly<Record<string, string>> = {
  'GET /status': 'public',
  'GET /v1/notes': 'me',
  'POST /v1/notes': 'notes:write',
  'GET /v1/notes/:id': 'me',
  'DELETE /v1/notes/:id': 'notes:write',
  'GET /v1/admin': 'me',
  // an endpoint for every method (app.all('/v1/graphql', …); on Hono also a use() handler without next)
  'ALL /v1/graphql': 'me',
  // the notes router's parameter callback (Express, Koa): after the decision for the route it runs for
  'param GET /v1/notes/:id': 'me',
  'param DELETE /v1/notes/:id': 'notes:write',
  // the organisations' router, mounted on a path with a parameter (Express, Koa)
  'GET /orgs/:org/notes': 'me',
  'DELETE /orgs/:org/notes/:id': 'notes:write',
  // its callback: on Express before the route inside is chosen, after the weakest requirement of the routes behind
  // the mount for the method (the strictest when none takes it); on Koa after the route's own decision
  'param GET /orgs/:org': 'me',
  'param DELETE /orgs/:org': 'notes:write',
  'param other /orgs/:org': 'me notes:write',
  404: 'me notes:write',
};

/** The guard's options on Express and Koa, which also have the organisations' router. */
const WITH_ORGS: GuardOptions = { ...OPTIONS, routes: { ...OPTIONS.routes, 'DELETE /orgs/{org}/notes/{id}': { scopes: ['notes:write'] } } };

/** What the organisations' parameter callback records. */
const orgRun = (method: string) => `param ${method === 'HEAD' || method === 'GET' ? 'GET' : method === 'DELETE' ? 'DELETE' : 'other'} /orgs/:org`;

/** What a parameter callback records: the route's method (HEAD is served by GET). */
const paramRun = (method: string) => `param ${method === 'HEAD' ? 'GET' : method} /v1/notes/:id`;

/** The audit of deletions: a route of its own that passes the request on to the next route matched (where the framework has such routes). */
const AUDITED = '/v1/:collection/:id';

/** One handler run: which handler, and what the guard required before it (`none` when it did not decide). */
export interface Run {
  readonly handler: string;
  readonly required: string;
  readonly token?: string;
  readonly admin?: boolean;
}

/** A started app of the differential test. */
export interface DispatchApp {
  readonly name: string;
  readonly port: number;
  readonly runs: Run[];
  close(): Promise<void>;
}

type Values = { caller: { token: string; required: string } };

/** What a handler records, from the values the guard handed over (or their absence). */
function record(runs: Run[], handler: string, values: () => Values, adminValues?: () => { admin: { admin: boolean } }): void {
  const attempt = <T,>(f: () => T): T | undefined => {
    try {
      return f();
    } catch {
      return undefined;
    }
  };
  const v = attempt(values);
  runs.push({ handler, required: v ? v.caller.required : 'none', token: v?.caller.token, admin: adminValues ? attempt(adminValues)?.admin.admin : undefined });
}

function expressApp(name: string, make: () => Promise<express.Express>): () => Promise<DispatchApp> {
  return async () => {
    const runs: Run[] = [];
    const app = await make();
    const d = expressDepends({ title: 'Dispatch', onError: () => {} });
    const auth = d.guard({ caller }, WITH_ORGS);
    const adminGuard = d.guard({ admin }, { name: 'admin' });
    const v = (req: express.Request) => () => auth.values(req) as Values;
    app.use(auth);
    app.get('/status', (req, res) => {
      record(runs, 'GET /status', v(req));
      res.json({ ok: true });
    });
    app.delete(AUDITED, (_req, _res, next) => next());
    const v1 = express.Router();
    v1.param('id', (req, _res, next) => void (record(runs, paramRun(req.method), v(req)), next()));
    v1.get('/notes', (req, res) => void (record(runs, 'GET /v1/notes', v(req)), res.json([])));
    v1.post('/notes', (req, res) => void (record(runs, 'POST /v1/notes', v(req)), res.status(201).json({})));
    v1.get('/notes/:id', (req, res) => void (record(runs, 'GET /v1/notes/:id', v(req)), res.json({ id: req.params.id })));
    v1.delete('/notes/:id', (req, res) => void (record(runs, 'DELETE /v1/notes/:id', v(req)), res.status(204).end()));
    v1.get('/admin', adminGuard, (req, res) => void (record(runs, 'GET /v1/admin', v(req), () => adminGuard.values(req)), res.json({})));
    v1.all('/graphql', (req, res) => void (record(runs, 'ALL /v1/graphql', v(req)), res.json({})));
    app.use('/v1', v1);
    app.param('org', (req, _res, next) => void (record(runs, orgRun(req.method), v(req)), next()));
    const orgs = express.Router({ mergeParams: true });
    orgs.get('/notes', (req, res) => void (record(runs, 'GET /orgs/:org/notes', v(req)), res.json([])));
    orgs.delete('/notes/:id', (req, res) => void (record(runs, 'DELETE /orgs/:org/notes/:id', v(req)), res.status(204).end()));
    app.use('/orgs/:org', orgs);
    d.docs(app);
    app.use((req, res) => {
      record(runs, '404', v(req));
      res.status(404).json({ error: 'not here' });
    });
    const server = createServer(app).listen(0, '127.0.0.1');
    return { name, port: Number(new URL(await listen(server)).port), runs, close: closer(server) };
  };
}

const koaApp = (name: string, load: () => Promise<{ default: typeof KoaClass }>) => async (): Promise<DispatchApp> => {
  const [{ default: Koa }, { Router: KoaRouter }, { createDepends: koaDepends }] = await Promise.all([load(), import('@koa/router'), import('../../../packages/koa/src/index.js')]);
  const runs: Run[] = [];
  const app = new Koa();
  const d = koaDepends({ title: 'Dispatch', onError: () => {} });
  const auth = d.guard({ caller }, WITH_ORGS);
  const adminGuard = d.guard({ admin }, { name: 'admin' });
  const v = (ctx: object) => () => auth.values(ctx as never) as Values;
  app.use(auth);
  const root = new KoaRouter();
  root.get('/status', (ctx) => {
    record(runs, 'GET /status', v(ctx));
    ctx.body = { ok: true };
  });
  root.delete(AUDITED, (_ctx, next) => next());
  const v1 = new KoaRouter({ prefix: '/v1' });
  v1.param('id', (_id, ctx, next) => (record(runs, paramRun(ctx.method), v(ctx)), next()));
  v1.get('/notes', (ctx) => void (record(runs, 'GET /v1/notes', v(ctx)), (ctx.body = [])));
  v1.post('/notes', (ctx) => void (record(runs, 'POST /v1/notes', v(ctx)), (ctx.status = 201), (ctx.body = {})));
  v1.get('/notes/:id', (ctx) => void (record(runs, 'GET /v1/notes/:id', v(ctx)), (ctx.body = { id: ctx.params.id })));
  v1.delete('/notes/:id', (ctx) => void (record(runs, 'DELETE /v1/notes/:id', v(ctx)), (ctx.status = 204)));
  v1.get('/admin', adminGuard, (ctx) => void (record(runs, 'GET /v1/admin', v(ctx), () => adminGuard.values(ctx)), (ctx.body = {})));
  v1.all('/graphql', (ctx) => void (record(runs, 'ALL /v1/graphql', v(ctx)), (ctx.body = {})));
  const orgs = new KoaRouter();
  orgs.get('/notes', (ctx) => void (record(runs, 'GET /orgs/:org/notes', v(ctx)), (ctx.body = [])));
  orgs.delete('/notes/:id', (ctx) => void (record(runs, 'DELETE /orgs/:org/notes/:id', v(ctx)), (ctx.status = 204)));
  root.param('org', (_org, ctx, next) => (record(runs, orgRun(ctx.method), v(ctx)), next()));
  root.use('/orgs/:org', orgs.routes());
  app.use(root.routes());
  app.use(v1.routes());
  d.docs(app);
  const server = createServer(app.callback()).listen(0, '127.0.0.1');
  return { name, port: Number(new URL(await listen(server)).port), runs, close: closer(server) };
};

async function honoApp(): Promise<DispatchApp> {
  const runs: Run[] = [];
  const app = new Hono();
  const d = honoDepends({ title: 'Dispatch', onError: () => {} });
  const auth = d.guard({ caller }, OPTIONS);
  const adminGuard = d.guard({ admin }, { name: 'admin' });
  const v = (c: object) => () => auth.values(c as never) as Values;
  app.use(auth);
  app.get('/status', (c) => (record(runs, 'GET /status', v(c)), c.json({ ok: true })));
  app.delete(AUDITED, (_c, next) => next());
  const v1 = new Hono();
  v1.get('/notes', (c) => (record(runs, 'GET /v1/notes', v(c)), c.json([])));
  v1.post('/notes', (c) => (record(runs, 'POST /v1/notes', v(c)), c.json({}, 201)));
  v1.get('/notes/:id', (c) => (record(runs, 'GET /v1/notes/:id', v(c)), c.json({ id: c.req.param('id') })));
  v1.delete('/notes/:id', (c) => (record(runs, 'DELETE /v1/notes/:id', v(c)), c.body(null, 204)));
  v1.get('/admin', adminGuard, (c) => (record(runs, 'GET /v1/admin', v(c), () => adminGuard.values(c)), c.json({})));
  v1.use('/graphql', async (c) => (record(runs, 'ALL /v1/graphql', v(c)), c.json({})));
  app.route('/v1', v1);
  d.docs(app);
  app.notFound((c) => (record(runs, '404', v(c)), c.json({ error: 'not here' }, 404)));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as HttpServer;
  return { name: 'hono', port: Number(new URL(await listen(server)).port), runs, close: closer(server) };
}

async function fastifyApp(): Promise<DispatchApp> {
  const [{ default: Fastify }, { createDepends: fastifyDepends }] = await Promise.all([import('fastify'), import('../../../packages/fastify/src/index.js')]);
  const runs: Run[] = [];
  const app = Fastify();
  const d = fastifyDepends({ title: 'Dispatch', onError: () => {} });
  const auth = d.guard({ caller }, OPTIONS);
  const adminGuard = d.guard({ admin }, { name: 'admin' });
  const v = (req: object) => () => auth.values(req as never) as Values;
  d.docs(app);
  app.addHook('preHandler', auth);
  app.setNotFoundHandler((req, reply) => (record(runs, '404', v(req)), reply.code(404).send({ error: 'not here' })));
  app.get('/status', async (req) => (record(runs, 'GET /status', v(req)), { ok: true }));
  // Fastify runs one route per request (the most specific): the audit's path is a route that answers by itself
  app.delete(AUDITED, async (_req, reply) => reply.code(404).send({ error: 'not here' }));
  app.register(
    async (v1) => {
      v1.get('/notes', async (req) => (record(runs, 'GET /v1/notes', v(req)), []));
      v1.post('/notes', async (req, reply) => (record(runs, 'POST /v1/notes', v(req)), reply.code(201).send({})));
      v1.get('/notes/:id', async (req) => (record(runs, 'GET /v1/notes/:id', v(req)), { id: (req.params as { id: string }).id }));
      v1.delete('/notes/:id', async (req, reply) => (record(runs, 'DELETE /v1/notes/:id', v(req)), reply.code(204).send()));
      v1.get('/admin', { preHandler: [adminGuard] }, async (req) => (record(runs, 'GET /v1/admin', v(req), () => adminGuard.values(req)), {}));
      v1.all('/graphql', async (req) => (record(runs, 'ALL /v1/graphql', v(req)), {}));
    },
    { prefix: '/v1' },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { name: 'fastify', port: (app.server.address() as AddressInfo).port, runs, close: closer(app.server) };
}

/** Every app the differential test runs against (`DEPENDS_ADAPTERS` picks some). */
export const dispatchApps: readonly { name: string; start(): Promise<DispatchApp> }[] = everyFramework({ express: expressApp, koa: koaApp, hono: honoApp, fastify: fastifyApp });
