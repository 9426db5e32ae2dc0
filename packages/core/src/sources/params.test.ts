import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DependsApp, RequestValidationError, cookie, header, path, query, resolve } from '../index.js';

describe('header()', () => {
  test('underscores become hyphens; lookup is case-insensitive; loc uses the header name', async () => {
    expect(await resolve(header('x_token'), { headers: { 'X-Token': 'abc' } })).toBe('abc');
    await expect(resolve(header('x_token'), {})).rejects.toMatchObject({
      errors: [{ type: 'missing', loc: ['header', 'x-token'], msg: 'Field required', input: null }],
    });
  });

  test('convertUnderscores: false reads the exact name; a hyphenated header does not match', async () => {
    const strange = header('strange_header', z.string().optional(), { convertUnderscores: false });
    expect(await resolve(strange, { headers: { strange_header: 'x' } })).toBe('x');
    expect(await resolve(strange, { headers: { 'strange-header': 'x' } })).toBeUndefined();
  });

  test('an explicit alias is used verbatim', async () => {
    expect(await resolve(header('p', z.string(), { alias: 'p_alias' }), { headers: { p_alias: 'v' } })).toBe('v');
  });

  test('the first occurrence wins; an array schema collects every occurrence', async () => {
    const headers: [string, string][] = [
      ['x-trace', 'one'],
      ['X-Trace', 'two'],
    ];
    expect(await resolve(header('x_trace'), { headers })).toBe('one');
    expect(await resolve(header('x_trace', z.array(z.string())), { headers })).toEqual(['one', 'two']);
    expect(await resolve(header('x_trace', z.array(z.string())), { headers: { 'x-trace': ['a', 'b'] } })).toEqual(['a', 'b']);
  });

  test('numbers are converted before validation', async () => {
    expect(await resolve(header('x_retries', z.number().int()), { headers: { 'x-retries': '3' } })).toBe(3);
  });
});

describe('query()', () => {
  test('the last occurrence wins; arrays collect all', async () => {
    expect(await resolve(query('q'), { url: '/?q=1&q=2' })).toBe('2');
    expect(await resolve(query('q', z.array(z.string())), { url: '/?q=1&q=2' })).toEqual(['1', '2']);
    expect(await resolve(query('q', z.array(z.number())), { query: { q: ['1', '2'] } })).toEqual([1, 2]);
  });

  test('an absent value is "missing" even with a coercing schema', async () => {
    await expect(resolve(query('limit', z.coerce.number()), {})).rejects.toMatchObject({
      errors: [{ type: 'missing', loc: ['query', 'limit'], msg: 'Field required', input: null }],
    });
  });

  test('optional and default values', async () => {
    expect(await resolve(query('q', z.string().optional()), {})).toBeUndefined();
    expect(await resolve(query('limit', z.number().default(20)), {})).toBe(20);
  });

  test('booleans are converted like FastAPI (yes/on/1/true)', async () => {
    for (const [raw, want] of [['true', true], ['on', true], ['1', true], ['no', false], ['off', false]] as const) {
      expect(await resolve(query('flag', z.boolean()), { url: `/?flag=${raw}` })).toBe(want);
    }
  });

  test('invalid values give a precise 422 item', async () => {
    const err = await resolve(query('limit', z.number().int().max(100)), { url: '/?limit=500' }).catch((e) => e);
    expect(err).toBeInstanceOf(RequestValidationError);
    expect(err.errors).toEqual([
      {
        type: 'too_big',
        loc: ['query', 'limit'],
        msg: 'Too big: expected number to be <=100',
        input: 500,
        ctx: { maximum: 100, inclusive: true, origin: 'number' },
      },
    ]);
  });
});

describe('cookie() and path()', () => {
  test('cookies are parsed from the header; the last duplicate wins; quotes are stripped', async () => {
    const headers = { cookie: 'session=abc; theme="dark"; session=def' };
    expect(await resolve(cookie('session'), { headers })).toBe('def');
    expect(await resolve(cookie('theme'), { headers })).toBe('dark');
    await expect(resolve(cookie('missing'), { headers })).rejects.toMatchObject({ errors: [{ loc: ['cookie', 'missing'] }] });
  });

  test('path parameters come from the matched route and are validated', async () => {
    const app = new DependsApp();
    app.route('GET', '/items/{id}', { id: path('id', z.number().int()) }, ({ id }) => ({ id }));
    expect((await app.request({ url: '/items/42' })).json()).toEqual({ id: 42 });
    const bad = await app.request({ url: '/items/foobar' });
    expect(bad.status).toBe(422);
    expect(bad.json().detail[0]).toMatchObject({ loc: ['path', 'id'], input: 'foobar' });
  });
});
