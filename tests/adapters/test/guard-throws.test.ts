/**
 * The app's own code after a guard that waited for an asynchronous
 * dependency, on every framework (Express 5 and 4, Koa 3 and 2, Hono,
 * Fastify): what a middleware, a parameter callback or a handler throws
 * reaches the framework's own error handling, as it does without the guard
 * — never an unhandled rejection and a request left hanging (the call then
 * runs in a promise's reaction, outside the framework's try/catch).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { depends, httpBearer, invalidToken } from '../../../packages/core/src/index.js';
import { createDepends as expressDepends } from '../../../packages/express/src/index.js';
import { createDepends as honoDepends } from '../../../packages/hono/src/index.js';
import { everyFramework, listening, type Listening } from '../src/harness.js';

/** The caller, found asynchronously (a store lookup): the guard's decision waits for it. */
const user = depends({ auth: httpBearer() }, async ({ auth }) => {
  await new Promise((r) => setTimeout(r, 1));
  if (auth.credentials !== 'good') throw invalidToken();
  return { name: 'ada' };
});

/** What the app's error handling answers: 418 with the error's message. */
const caught = (error: unknown) => ({ caught: error instanceof Error ? error.message : String(error) });

const apps = everyFramework<Listening>({
  express: (_name, make) => async () => {
    const app = await make();
    const d = expressDepends({ onError: () => {} });
    app.use(d.guard({ user }));
    app.use('/boom', () => {
      throw new Error('middleware');
    });
    const notes = (await import('express')).default.Router();
    notes.param('id', (_req, _res, next, id) => {
      if (id === 'bad') throw new Error('parameter');
      next();
    });
    notes.get('/notes/:id', (req, res) => {
      if (req.params.id === 'crash') throw new Error('handler');
      res.json({ id: req.params.id });
    });
    app.use('/v1', notes);
    app.param('org', (_req, _res, next, org) => {
      if (org === 'bad') throw new Error('mount parameter');
      next();
    });
    const orgs = (await import('express')).default.Router({ mergeParams: true });
    orgs.get('/info', (_req, res) => void res.json({ org: true }));
    app.use('/orgs/:org', orgs);
    app.use(((error, _req, res, _next) => void res.status(418).json(caught(error))) as import('express').ErrorRequestHandler);
    return listening(createServer(app).listen(0, '127.0.0.1'));
  },
  koa: (_name, load) => async () => {
    const [{ default: Koa }, { Router }, { createDepends }] = await Promise.all([load(), import('@koa/router'), import('../../../packages/koa/src/index.js')]);
    const app = new Koa();
    app.silent = true;
    const d = createDepends({ onError: () => {} });
    app.use(async (ctx, next) => {
      try {
        await next();
      } catch (error) {
        ctx.status = 418;
        ctx.body = caught(error);
      }
    });
    app.use(d.guard({ user }));
    app.use((ctx, next) => {
      if (ctx.path === '/boom') throw new Error('middleware');
      return next();
    });
    const notes = new Router({ prefix: '/v1' });
    notes.param('id', (id, _ctx, next) => {
      if (id === 'bad') throw new Error('parameter');
      return next();
    });
    notes.get('/notes/:id', (ctx) => {
      if (ctx.params.id === 'crash') throw new Error('handler');
      ctx.body = { id: ctx.params.id };
    });
    app.use(notes.routes());
    d.docs(app);
    return listening(createServer(app.callback()).listen(0, '127.0.0.1'));
  },
  hono: async () => {
    const app = new Hono();
    const d = honoDepends({ onError: () => {} });
    app.onError((error, c) => c.json(caught(error), 418));
    app.use(d.guard({ user }));
    app.use('/boom', () => {
      throw new Error('middleware');
    });
    app.get('/boom', (c) => c.text('never'));
    app.get('/v1/notes/:id', (c) => {
      if (c.req.param('id') === 'crash') throw new Error('handler');
      return c.json({ id: c.req.param('id') });
    });
    return listening(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as ReturnType<typeof createServer>);
  },
  fastify: async () => {
    const [{ default: Fastify }, { createDepends }] = await Promise.all([import('fastify'), import('../../../packages/fastify/src/index.js')]);
    const app = Fastify();
    const d = createDepends({ onError: () => {} });
    d.docs(app);
    app.setErrorHandler((error, _request, reply) => reply.code(418).send(caught(error)));
    app.addHook('onRequest', d.guard({ user }));
    app.addHook('onRequest', (request, _reply, done) => {
      if (request.url === '/boom') throw new Error('middleware');
      done();
    });
    app.get('/boom', async () => 'never');
    app.get('/v1/notes/:id', (request) => {
      if ((request.params as { id: string }).id === 'crash') throw new Error('handler');
      return { id: (request.params as { id: string }).id };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close: () => app.close() };
  },
});

describe.each(apps)('$name: what app code throws after an asynchronous decision reaches the framework', (framework) => {
  let started: Listening;
  beforeAll(async () => {
    started = await framework.start();
  });
  afterAll(() => started.close());

  const get = async (path: string, token = 'good') => {
    const res = await request(`${started.url}${path}`, { headers: { authorization: `Bearer ${token}` }, headersTimeout: 5_000 });
    return [res.statusCode, await res.body.json()];
  };

  test('a middleware after the guard throws: the app\'s error handling answers', async () => {
    expect(await get('/boom')).toEqual([418, { caught: 'middleware' }]);
  });

  test('a route handler throws: the app\'s error handling answers', async () => {
    expect(await get('/v1/notes/crash')).toEqual([418, { caught: 'handler' }]);
  });

  test('the guard still refuses first, and passes an accepted request on', async () => {
    expect(await get('/v1/notes/7', 'wrong')).toEqual([401, { detail: 'Could not validate credentials' }]);
    expect(await get('/v1/notes/7')).toEqual([200, { id: '7' }]);
  });

  // Express and Koa have parameter callbacks
  if (/^(express|koa)/.test(framework.name))
    test("a route's parameter callback throws: the app's error handling answers", async () => {
      expect(await get('/v1/notes/bad')).toEqual([418, { caught: 'parameter' }]);
    });

  if (framework.name.startsWith('express'))
    test("a parameter callback of a router's mount path throws: the app's error handling answers", async () => {
      expect(await get('/orgs/bad/info')).toEqual([418, { caught: 'mount parameter' }]);
      expect(await get('/orgs/acme/info')).toEqual([200, { org: true }]);
    });
});
