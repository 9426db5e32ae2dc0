/**
 * Koa-specific behaviour: mounting on an app or a router, a body parser's
 * `ctx.request.body`, upstream middleware seeing the answer, errors of
 * other routes untouched, route discovery with router prefixes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import Koa, { type Middleware } from 'koa';
import { Router as KoaRouter } from '@koa/router';
import { request } from 'undici';
import { z } from 'zod';
import { Router, body, depends, header, httpBearer } from '@depends/core';
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
