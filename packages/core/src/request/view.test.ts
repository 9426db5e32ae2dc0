import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRequestView, parseCookies } from './view.js';

describe('createRequestView()', () => {
  test('method upper-cased, path without the query, defaults', () => {
    const view = createRequestView({ method: 'post', url: '/items?q=1' });
    expect([view.method, view.path]).toEqual(['POST', '/items']);
    const empty = createRequestView();
    expect([empty.method, empty.path, empty.params]).toEqual(['GET', '/', {}]);
  });

  test('headers: case-insensitive, the first of a repeated header wins, every value listed', () => {
    for (const headers of [
      { 'X-Token': ['a', 'b'] },
      [
        ['x-token', 'a'],
        ['X-TOKEN', 'b'],
      ] as const,
    ]) {
      const view = createRequestView({ headers });
      expect(view.header('x-token')).toBe('a');
      expect(view.headerAll('X-Token')).toEqual(['a', 'b']);
      expect(view.header('missing')).toBeUndefined();
      expect(view.headerAll('missing')).toEqual([]);
    }
  });

  test('a lazy header source is asked lower-case names', () => {
    const asked: string[] = [];
    const view = createRequestView({ headers: { get: (n) => (asked.push(n), n === 'x-a' ? '1' : null), getAll: (n) => (n === 'x-a' ? ['1', '2'] : []) } });
    expect([view.header('X-A'), view.headerAll('X-A'), view.header('x-b')]).toEqual(['1', ['1', '2'], undefined]);
    expect(asked).toEqual(['x-a', 'x-b']);
  });

  test('query: from the url, a string, URLSearchParams or a record; the last value wins', () => {
    expect(createRequestView({ url: '/?a=1&a=2' }).query('a')).toBe('2');
    expect(createRequestView({ query: 'a=1&a=2' }).queryAll('a')).toEqual(['1', '2']);
    expect(createRequestView({ query: new URLSearchParams('b=x') }).query('b')).toBe('x');
    expect(createRequestView({ query: { c: ['1', '2'], d: undefined } }).queryAll('c')).toEqual(['1', '2']);
    expect(createRequestView({ query: { d: undefined } }).query('d')).toBeUndefined();
  });

  test('cookies: given, or parsed from the cookie header; own keys only', () => {
    expect(createRequestView({ cookies: { session: 's' } }).cookie('session')).toBe('s');
    const view = createRequestView({ headers: { cookie: 'a=1; b=2; a=3' } });
    expect([view.cookie('a'), view.cookie('b'), view.cookie('toString')]).toEqual(['3', '2', undefined]);
  });

  test('the body is read once: parsed, text, a reader, or none', async () => {
    expect(createRequestView({ body: { a: 1 } }).readBody()).toEqual({ kind: 'parsed', value: { a: 1 } });
    expect(createRequestView({ bodyText: 'x' }).readBody()).toEqual({ kind: 'text', text: 'x' });
    expect(createRequestView({}).readBody()).toEqual({ kind: 'none' });
    let reads = 0;
    const view = createRequestView({ readBody: async () => (reads++, { kind: 'text', text: 'once' }) });
    expect(await view.readBody()).toEqual({ kind: 'text', text: 'once' });
    await view.readBody();
    expect(reads).toBe(1);
  });

  test('params and the native object are passed through', () => {
    const native = {};
    const view = createRequestView({ params: { id: '7' }, native });
    expect(view.params).toEqual({ id: '7' });
    expect(view.native).toBe(native);
  });
});

describe('parseCookies()', () => {
  test("Starlette's rules: split on ';', trim, unquote, no percent-decoding, the last duplicate wins", () => {
    expect(parseCookies('a=1; b="quoted value"; c=%41; a=2')).toEqual({ a: '2', b: 'quoted value', c: '%41' });
    expect(parseCookies(undefined)).toEqual({});
    expect(parseCookies('novalue')).toEqual({ '': 'novalue' });
  });
});

describe('query lookups read a literal query string by hand, and agree with URLSearchParams on every string', () => {
  const names = ['a', 'b', '', 'a b', 'é', '?a'];
  // characters that matter to the split and to decoding, and a few that do not
  const char = fc.constantFrom('a', 'b', '=', '&', '?', '%', '2', '0', 'F', '+', ' ', 'é', '\uD83D\uDE00', '\uD800', '#');
  const raw = fc.array(char, { maxLength: 24 }).map((chars) => chars.join(''));

  test('as a query string and inside a URL', () => {
    fc.assert(
      fc.property(raw, (q) => {
        for (const view of [createRequestView({ query: q }), createRequestView({ url: `/p?${q}` })]) {
          const expected = new URLSearchParams(q);
          for (const name of names) {
            expect(view.queryAll(name)).toEqual(expected.getAll(name));
            expect(view.query(name)).toEqual(expected.getAll(name).at(-1));
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('examples: repeated keys, empty pairs, a key without "=", a value holding "="', () => {
    const view = createRequestView({ url: '/p?a=1&&a=2&b&c=x=y&=z&' });
    expect(view.queryAll('a')).toEqual(['1', '2']);
    expect(view.query('a')).toBe('2');
    expect(view.query('b')).toBe('');
    expect(view.query('c')).toBe('x=y');
    expect(view.query('')).toBe('z');
    expect(view.query('d')).toBeUndefined();
    expect(createRequestView({ url: '/p??a=1' }).query('a')).toBe('1');
    expect(createRequestView({ query: 'a=%41&b=x+y' }).query('a')).toBe('A');
    expect(createRequestView({ query: 'a=%41&b=x+y' }).query('b')).toBe('x y');
  });
});
