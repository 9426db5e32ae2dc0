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

describe('integer parameters (FastAPI/pydantic int parsing)', () => {
  const intParsing = (loc: [string, string], input: string) => ({
    type: 'int_parsing',
    loc,
    msg: 'Input should be a valid integer, unable to parse string as an integer',
    input,
  });

  test('exponent notation and fractions are refused with int_parsing, also by coercing schemas', async () => {
    for (const schema of [z.number().int(), z.int(), z.coerce.number().int(), z.int32().optional()]) {
      await expect(resolve(header('x_count', schema), { headers: { 'x-count': '1e1' } })).rejects.toMatchObject({ errors: [intParsing(['header', 'x-count'], '1e1')] });
      await expect(resolve(query('n', schema), { url: '/?n=1.5' })).rejects.toMatchObject({ errors: [intParsing(['query', 'n'], '1.5')] });
    }
  });

  test('digits, signs, surrounding spaces and a zero fraction are integers (as pydantic)', async () => {
    expect(await resolve(query('n', z.number().int()), { url: '/?n=-7' })).toBe(-7);
    expect(await resolve(query('n', z.number().int()), { url: '/?n=%2042%20' })).toBe(42);
    expect(await resolve(query('n', z.number().int()), { url: '/?n=3.00' })).toBe(3);
  });

  test('a float schema still takes exponent notation', async () => {
    expect(await resolve(query('x', z.number()), { url: '/?x=1e1' })).toBe(10);
  });

  test('array items: each unparsable one is listed, with the other problems', async () => {
    await expect(resolve(query('n', z.array(z.number().int().max(5))), { url: '/?n=1&n=2e0&n=9' })).rejects.toMatchObject({
      errors: [intParsing(['query', 'n', 1] as never, '2e0'), { type: 'too_big', loc: ['query', 'n', 2] }],
    });
  });
});

describe('cookie(): read as Starlette does', () => {
  test('no percent-decoding; quoted octal and backslash escapes decoded; last duplicate wins', async () => {
    expect(await resolve(cookie('session'), { headers: { cookie: 'session=a%20b' } })).toBe('a%20b');
    expect(await resolve(cookie('session'), { headers: { cookie: 'session="a\\054b"' } })).toBe('a,b');
    expect(await resolve(cookie('session'), { headers: { cookie: 'session="a\\"b\\\\c"' } })).toBe('a"b\\c');
    expect(await resolve(cookie('session'), { headers: { cookie: 'session=1; other=2; session=3' } })).toBe('3');
    expect(await resolve(cookie('session'), { headers: { cookie: 'session="unterminated' } })).toBe('"unterminated');
  });
});
