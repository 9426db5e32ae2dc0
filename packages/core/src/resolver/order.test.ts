import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DependsApp, HTTPException, Router, body, depends, header, query } from '../index.js';

describe('resolution order (FastAPI §3.2, §3.7)', () => {
  test('app, include, router, route dependencies, then handler inputs, each post-order', async () => {
    const log: string[] = [];
    const mk = (name: string) => depends(() => void log.push(name), { name });
    const leaf = mk('leaf');
    const inner = depends({ leaf }, () => void log.push('inner'));
    const app = new DependsApp({ dependencies: [mk('app')] });
    const parent = new Router({ dependencies: [mk('parent')] });
    const child = new Router({ prefix: '/c', dependencies: [mk('router')] });
    child.get('/x', { a: inner, b: mk('b') }, () => log.slice(), { dependencies: [mk('route')] });
    parent.include(child, { dependencies: [mk('include')] });
    app.include(parent);
    const res = await app.request({ url: '/c/x' });
    expect(res.json()).toEqual(['app', 'parent', 'include', 'router', 'route', 'leaf', 'inner', 'b']);
  });

  test('router dependency values are discarded but they may reject the request', async () => {
    const key = header('x_key');
    const verify = depends({ key }, ({ key }) => {
      if (key !== 'fake-super-secret-key') throw new HTTPException(400, 'X-Key header invalid');
      return key;
    });
    const router = new Router({ dependencies: [verify] });
    router.get('/items', {}, () => [{ item: 'Foo' }]);
    const app = new DependsApp();
    app.include(router);
    expect((await app.request({ url: '/items', headers: { 'x-key': 'fake-super-secret-key' } })).json()).toEqual([{ item: 'Foo' }]);
    const bad = await app.request({ url: '/items', headers: { 'x-key': 'nope' } });
    expect(bad.status).toBe(400);
    expect(bad.json()).toEqual({ detail: 'X-Key header invalid' });
  });

  test('tutorial006: every missing input is listed at once', async () => {
    const token = depends({ t: header('x_token') }, ({ t }) => t);
    const key = depends({ k: header('x_key') }, ({ k }) => k);
    const app = new DependsApp();
    app.route('GET', '/items', {}, () => 'ok', { dependencies: [token, key] });
    const res = await app.request({ url: '/items' });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({
      detail: [
        { type: 'missing', loc: ['header', 'x-token'], msg: 'Field required', input: null },
        { type: 'missing', loc: ['header', 'x-key'], msg: 'Field required', input: null },
      ],
    });
  });

  test('tutorial006: an HTTP error from a later sibling beats collected 422s', async () => {
    const token = depends({ t: header('x_token') }, ({ t }) => t);
    const key = depends({ k: header('x_key') }, ({ k }) => {
      if (k !== 'fake-super-secret-key') throw new HTTPException(400, 'X-Key header invalid');
      return k;
    });
    const app = new DependsApp();
    app.route('GET', '/items', {}, () => 'ok', { dependencies: [token, key] });
    const res = await app.request({ url: '/items', headers: { 'x-key': 'invalid' } });
    expect(res.status).toBe(400);
  });

  test('a dependency whose inputs failed validation is not called; siblings still run', async () => {
    const called: string[] = [];
    const a = depends({ q: query('q', z.number()) }, () => void called.push('a'));
    const b = depends({}, () => void called.push('b'));
    const app = new DependsApp();
    app.route('GET', '/', { a, b }, () => called.push('handler'));
    const res = await app.request({ url: '/?q=abc' });
    expect(res.status).toBe(422);
    expect(called).toEqual(['b']);
  });

  test('invalid JSON is answered 422 before any dependency runs, even auth', async () => {
    let ran = false;
    const auth = depends(() => {
      ran = true;
      throw new HTTPException(401, 'Not authenticated');
    });
    const app = new DependsApp();
    app.route('POST', '/', { auth, item: body(z.object({ a: z.number() })) }, () => 'never');
    const res = await app.request({ method: 'POST', url: '/', headers: { 'content-type': 'application/json' }, bodyText: '{"a": ' });
    expect(res.status).toBe(422);
    expect(res.json().detail[0]).toMatchObject({ type: 'json_invalid', loc: ['body', 6], msg: 'JSON decode error', input: {} });
    expect(ran).toBe(false);
  });

  test('an auth 401 beats body validation errors (which are found while solving)', async () => {
    const auth = depends(() => {
      throw new HTTPException(401, 'Not authenticated', { 'www-authenticate': 'Bearer' });
    });
    const app = new DependsApp();
    app.route('POST', '/', { auth, item: body(z.object({ a: z.number() })) }, () => 'never');
    const res = await app.request({ method: 'POST', url: '/', body: { a: 'x' } });
    expect(res.status).toBe(401);
    expect(res.header('www-authenticate')).toBe('Bearer');
  });

  test('errors are ordered: sub-dependencies first (depth-first), then own inputs in declaration order', async () => {
    const inner = depends({ h: header('x_inner') }, ({ h }) => h);
    const app = new DependsApp();
    app.route('GET', '/', { q: query('q'), inner, c: header('x_c') }, () => 'never');
    const res = await app.request({ url: '/' });
    expect(res.json().detail.map((d: { loc: string[] }) => d.loc.join('.'))).toEqual(['header.x-inner', 'query.q', 'header.x-c']);
  });
});
