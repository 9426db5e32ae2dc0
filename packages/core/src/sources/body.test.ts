import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DependsApp, body, form } from '../index.js';

const Item = z.object({ title: z.string().min(1), done: z.boolean().optional() });

describe('body()', () => {
  const app = new DependsApp();
  app.route('POST', '/items', { item: body(Item) }, ({ item }) => item, { status: 201 });
  app.route('POST', '/embedded', { item: body(Item, { embed: 'item' }) }, ({ item }) => item);

  test('a JSON body is parsed and validated', async () => {
    const res = await app.request({ method: 'POST', url: '/items', headers: { 'content-type': 'application/json' }, bodyText: '{"title":"a"}' });
    expect(res.status).toBe(201);
    expect(res.json()).toEqual({ title: 'a' });
  });

  test('an already parsed body is used as is', async () => {
    expect((await app.request({ method: 'POST', url: '/items', body: { title: 'b', done: true } })).json()).toEqual({ title: 'b', done: true });
  });

  test('a missing body is loc ["body"]', async () => {
    const res = await app.request({ method: 'POST', url: '/items' });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] });
  });

  test('field errors carry the path inside the body', async () => {
    const res = await app.request({ method: 'POST', url: '/items', body: { title: '' } });
    expect(res.json().detail[0]).toMatchObject({ type: 'too_small', loc: ['body', 'title'], input: '' });
    const missing = await app.request({ method: 'POST', url: '/items', body: {} });
    expect(missing.json().detail).toEqual([{ type: 'missing', loc: ['body', 'title'], msg: 'Field required', input: null }]);
  });

  test('embed reads the value under a key', async () => {
    expect((await app.request({ method: 'POST', url: '/embedded', body: { item: { title: 'c' } } })).json()).toEqual({ title: 'c' });
    const res = await app.request({ method: 'POST', url: '/embedded', body: { title: 'c' } });
    expect(res.json().detail[0].loc).toEqual(['body', 'item']);
  });
});

describe('form()', () => {
  const Login = z.object({ username: z.string(), password: z.string(), remember: z.boolean().default(false), tags: z.array(z.string()).default([]) });
  const app = new DependsApp();
  app.route('POST', '/login', { login: form(Login) }, ({ login }) => login);
  const post = (text: string) =>
    app.request({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, bodyText: text });

  test('url-encoded fields are read, converted and validated', async () => {
    expect((await post('username=john&password=s3cret&remember=on&tags=a&tags=b')).json()).toEqual({
      username: 'john',
      password: 's3cret',
      remember: true,
      tags: ['a', 'b'],
    });
  });

  test('an empty field counts as absent (FastAPI), each missing field listed', async () => {
    const res = await post('username=&password=');
    expect(res.status).toBe(422);
    expect(res.json().detail).toEqual([
      { type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: null },
      { type: 'missing', loc: ['body', 'password'], msg: 'Field required', input: null },
    ]);
  });

  test('multipart forms are parsed too', async () => {
    const fd = new FormData();
    fd.set('username', 'ann');
    fd.set('password', 'pw');
    const r = new Request('http://x/', { method: 'POST', body: fd });
    const bytes = new Uint8Array(await r.arrayBuffer());
    const res = await app.request({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': r.headers.get('content-type')! },
      readBody: () => ({ kind: 'bytes', bytes }),
    });
    expect(res.json()).toMatchObject({ username: 'ann', password: 'pw' });
  });
});
