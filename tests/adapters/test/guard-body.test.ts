/**
 * A guard that reads the request body (a signed webhook, a form field), in
 * front of an app that parses the body itself after it: the app's own
 * parser and handler still get the body, the framework's way (Express
 * `express.json()`/`express.urlencoded()`, Koa `@koa/bodyparser`, Hono
 * `c.req.json()`, Fastify `request.body`), and so does a wrapped handler
 * behind the guard. Before, on Express and Koa the guard consumed the
 * stream and the app's parser found nothing: `req.body` was undefined.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import express from 'express';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { z } from 'zod';
import { body } from '../../../packages/core/src/index.js';
import { createDepends as expressDepends } from '../../../packages/express/src/index.js';
import { createDepends as honoDepends } from '../../../packages/hono/src/index.js';
import { everyFramework, listening, type Listening } from '../src/harness.js';

const Event = z.object({ type: z.string(), id: z.number() });
/** The guard's inputs: the body, checked before any handler runs. */
const inputs = { event: body(Event) };

const apps = everyFramework<Listening>({
  express: (_name, make) => async () => {
    const app = await make();
    const d = expressDepends({ onError: () => {} });
    const auth = d.guard(inputs);
    app.use(auth);
    app.post('/events', express.json(), (req, res) => void res.json({ app: req.body as unknown, guard: auth.values(req).event }));
    app.post('/wrapped', d.handler({ event: body(Event) }, ({ event }) => ({ wrapped: event })));
    return listening(createServer(app).listen(0, '127.0.0.1'));
  },
  koa: (_name, load) => async () => {
    const [{ default: Koa }, { Router: KoaRouter }, { bodyParser }, { createDepends }] = await Promise.all([
      load(),
      import('@koa/router'),
      import('@koa/bodyparser'),
      import('../../../packages/koa/src/index.js'),
    ]);
    const app = new Koa();
    const router = new KoaRouter();
    const d = createDepends({ onError: () => {} });
    const auth = d.guard(inputs);
    app.use(auth);
    app.use(bodyParser());
    router.post('/events', (ctx) => void (ctx.body = { app: (ctx.request as { body?: unknown }).body, guard: auth.values(ctx).event }));
    router.post('/wrapped', d.handler({ event: body(Event) }, ({ event }) => ({ wrapped: event })));
    app.use(router.routes());
    d.docs(app);
    return listening(createServer(app.callback()).listen(0, '127.0.0.1'));
  },
  hono: async () => {
    const app = new Hono();
    const d = honoDepends({ onError: () => {} });
    const auth = d.guard(inputs);
    app.use(auth);
    app.post('/events', async (c) => c.json({ app: await c.req.json(), guard: auth.values(c).event }));
    app.post('/wrapped', d.handler({ event: body(Event) }, ({ event }) => ({ wrapped: event })));
    return listening(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as ReturnType<typeof createServer>);
  },
  fastify: async () => {
    const [{ default: Fastify }, { createDepends }] = await Promise.all([import('fastify'), import('../../../packages/fastify/src/index.js')]);
    const app = Fastify();
    const d = createDepends({ onError: () => {} });
    d.docs(app);
    const auth = d.guard(inputs);
    app.addHook('preHandler', auth);
    app.post('/events', async (req) => ({ app: req.body, guard: auth.values(req).event }));
    app.post('/wrapped', d.handler({ event: body(Event) }, ({ event }) => ({ wrapped: event })));
    await app.listen({ port: 0, host: '127.0.0.1' });
    return listening(app.server);
  },
});

describe.each(apps)('$name: a guard that reads the body, before the app parses it', (framework) => {
  let app: Listening;
  beforeAll(async () => {
    app = await framework.start();
  });
  afterAll(() => app?.close());
  const post = async (path: string, payload: string) => {
    const res = await request(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload, headersTimeout: 20_000 });
    return { status: res.statusCode, body: (await res.body.json()) as unknown };
  };

  test("the app's own parser and handler get the body the guard checked", async () => {
    const event = { type: 'paid', id: 7 };
    expect(await post('/events', JSON.stringify(event))).toEqual({ status: 200, body: { app: event, guard: event } });
  });

  test('a wrapped handler behind the guard reads it too', async () => {
    expect(await post('/wrapped', '{"type":"paid","id":8}')).toEqual({ status: 200, body: { wrapped: { type: 'paid', id: 8 } } });
  });

  test('a body the guard refuses never reaches the app', async () => {
    const refused = await post('/events', '{"type":"paid","id":"seven"}');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ detail: [{ loc: ['body', 'id'], type: 'invalid_type' }] });
  });
});
