/**
 * Mounting under the prefixes each framework offers documents the full
 * path (and serves it); where a path cannot be known, building the document
 * says so instead of documenting a wrong one.
 */
import { describe, expect, test } from 'vitest';
import express from 'express';
import { Hono } from 'hono';
import { ErrorCode, Router, path } from '../../../packages/core/src/index.js';
import { createDepends as expressDepends } from '../../../packages/express/src/index.js';
import { createDepends as honoDepends } from '../../../packages/hono/src/index.js';
import { bearerUser } from '../src/api.js';
import { pickAdapters } from '../src/harness.js';

/** Koa is loaded on first use and only when picked (`DEPENDS_ADAPTERS`): its dependencies compile code from strings when they load. */
const withKoa = pickAdapters([{ name: 'koa' }]).length > 0;
const koa = async () => {
  const [{ default: Koa }, { Router: KoaRouter }, { createDepends: koaDepends }] = await Promise.all([
    import('koa'),
    import('@koa/router'),
    import('../../../packages/koa/src/index.js'),
  ]);
  return { Koa, KoaRouter, koaDepends };
};

const api = () => {
  const r = new Router();
  r.get('/items/{id}', { id: path('id') }, ({ id }) => ({ id }));
  return r;
};
const paths = (d: { openapi(): { paths: object } }) => Object.keys(d.openapi().paths).filter((p) => !p.startsWith('/docs') && p !== '/openapi.json');

describe('d.mount() under framework prefixes documents the full path', () => {
  test('Express: nested routers under app.use() prefixes', async () => {
    const app = express();
    const d = expressDepends();
    const inner = express.Router();
    d.mount(inner, api());
    const outer = express.Router();
    outer.use('/shop', inner);
    app.use('/v1', outer);
    d.docs(app);
    expect(paths(d)).toEqual(['/v1/shop/items/{id}']);
  });

  test.runIf(withKoa)('Koa: a router prefix and a nested router', async () => {
    const { Koa, KoaRouter, koaDepends } = await koa();
    const app = new Koa();
    const d = koaDepends();
    const child = new KoaRouter({ prefix: '/v1' });
    d.mount(child, api());
    const parent = new KoaRouter({ prefix: '/api' });
    parent.use(child.routes());
    app.use(parent.routes());
    d.docs(app);
    expect(paths(d)).toEqual(['/api/v1/items/{id}']);
  });

  test('Hono: app.route() of a sub-app', async () => {
    const app = new Hono();
    const d = honoDepends();
    const sub = new Hono();
    d.mount(sub, api());
    app.route('/v1', sub);
    d.docs(app);
    expect(paths(d)).toEqual(['/v1/items/{id}']);
    const res = await app.request('/v1/items/7');
    expect([res.status, await res.json()]).toEqual([200, { id: '7' }]);
  });
});

describe('a path that cannot be known fails when the document is built', () => {
  test('Express: a router mounted on a RegExp', () => {
    const app = express();
    const d = expressDepends();
    const r = express.Router();
    d.mount(r, api());
    app.use(/^\/v\d+/, r);
    d.docs(app);
    expect(() => d.openapi()).toThrow(expect.objectContaining({ code: ErrorCode.UnknownRoutePath, message: expect.stringContaining('Route GET /items/{id} is mounted under a router mounted on a path Express does not expose') }));
  });

  test('Hono: a guard in front of a route whose parameter name the document cannot hold (a RegExp constraint is documented as the parameter)', () => {
    const app = new Hono();
    const d = honoDepends();
    app.use(d.guard({ user: bearerUser }));
    app.get('/items/:item-id', (c) => c.text('x'));
    d.docs(app);
    expect(() => d.openapi()).toThrow(expect.objectContaining({ code: ErrorCode.UnknownRoutePath, message: expect.stringContaining('path "/items/:item-id"') }));
    const constrained = new Hono();
    const d2 = honoDepends();
    constrained.use(d2.guard({ user: bearerUser }));
    constrained.get('/items/:id{[0-9]+}', (c) => c.text('x'));
    d2.docs(constrained);
    expect(Object.keys(d2.openapi().paths)).toEqual(['/items/{id}']);
  });

  test.runIf(withKoa)('Koa: a guard in front of a RegExp route', async () => {
    const { Koa, KoaRouter, koaDepends } = await koa();
    const app = new Koa();
    const d = koaDepends();
    const router = new KoaRouter();
    router.use(d.guard({ user: bearerUser }));
    router.get(/^\/legacy\/.*/, (ctx) => {
      ctx.body = 'x';
    });
    app.use(router.routes());
    d.docs(app);
    expect(() => d.openapi()).toThrow(expect.objectContaining({ code: ErrorCode.UnknownRoutePath }));
  });
});
