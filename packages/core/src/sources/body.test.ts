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

  const multipart = async (url: string, fields: [string, string][]) => {
    const fd = new FormData();
    for (const [k, v] of fields) fd.append(k, v);
    const r = new Request('http://x/', { method: 'POST', body: fd });
    const bytes = new Uint8Array(await r.arrayBuffer());
    return app.request({ method: 'POST', url, headers: { 'content-type': r.headers.get('content-type')! }, readBody: () => ({ kind: 'bytes', bytes }) });
  };
  app.route('POST', '/either', { login: form(Login, { mediaType: ['application/x-www-form-urlencoded', 'multipart/form-data'] }) }, ({ login }) => login);

  test('a multipart body is read where the form declares multipart', async () => {
    const res = await multipart('/either', [['username', 'ann'], ['password', 'pw']]);
    expect(res.json()).toMatchObject({ username: 'ann', password: 'pw' });
  });

  test('a repeated field: the last value wins (url-encoded and multipart)', async () => {
    expect((await post('username=a&username=b&password=p')).json()).toMatchObject({ username: 'b' });
    expect((await multipart('/either', [['username', 'a'], ['username', 'b'], ['password', 'p']])).json()).toMatchObject({ username: 'b' });
  });

  test('a media type the form does not declare is a 415 naming the accepted ones; a JSON body is never read', async () => {
    const res = await multipart('/login', [['username', 'ann'], ['password', 'pw']]);
    expect(res.status).toBe(415);
    expect(res.json()).toEqual({ detail: 'Unsupported Media Type: expected application/x-www-form-urlencoded' });
    const json = await app.request({ method: 'POST', url: '/login', headers: { 'content-type': 'application/json' }, bodyText: '{"username":"a","password":"b"}' });
    expect(json.status).toBe(415);
    const untyped = await app.request({ method: 'POST', url: '/login', bodyText: '{"username":"a","password":"b"}' });
    expect(untyped.status).toBe(415);
    const both = await app.request({ method: 'POST', url: '/either', headers: { 'content-type': 'text/plain' }, bodyText: 'x' });
    expect(both.json()).toEqual({ detail: 'Unsupported Media Type: expected application/x-www-form-urlencoded or multipart/form-data' });
  });

  test('an empty body of any type is no body: the fields are missing (422)', async () => {
    const res = await app.request({ method: 'POST', url: '/login', headers: { 'content-type': 'application/json' }, bodyText: '' });
    expect(res.status).toBe(422);
  });

  test('integer fields refuse exponent notation (FastAPI int_parsing)', async () => {
    const Age = z.object({ age: z.number().int(), n: z.coerce.number().int().optional() });
    const a = new DependsApp();
    a.route('POST', '/age', { v: form(Age) }, ({ v }) => v);
    const send = (text: string) => a.request({ method: 'POST', url: '/age', headers: { 'content-type': 'application/x-www-form-urlencoded' }, bodyText: text });
    expect((await send('age=10&n=2.0')).json()).toEqual({ age: 10, n: 2 });
    const res = await send('age=1e1&n=1e1');
    expect(res.status).toBe(422);
    const item = (loc: string) => ({ type: 'int_parsing', loc: ['body', loc], msg: 'Input should be a valid integer, unable to parse string as an integer', input: '1e1' });
    expect(res.json()).toEqual({ detail: [item('age'), item('n')] });
  });
});

describe('body(): media types', () => {
  const app = new DependsApp();
  app.route('POST', '/items', { item: body(Item) }, ({ item }) => item, { status: 201 });
  const send = (contentType: string | undefined, text: string) =>
    app.request({ method: 'POST', url: '/items', headers: contentType === undefined ? {} : { 'content-type': contentType }, bodyText: text });

  test('application/json (any parameters), +json types and no content type are read as JSON', async () => {
    expect((await send('application/json; charset=utf-8', '{"title":"a"}')).status).toBe(201);
    expect((await send('Application/Merge-Patch+JSON', '{"title":"a"}')).status).toBe(201);
    expect((await send(undefined, '{"title":"a"}')).status).toBe(201);
  });

  test('a form or text body is a 415 naming application/json', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain;charset=UTF-8']) {
      const res = await send(type, 'title=a');
      expect(res.status, type).toBe(415);
      expect(res.json()).toEqual({ detail: 'Unsupported Media Type: expected application/json' });
    }
  });
});
