import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRequestView } from '../request/view.js';
import { rawHeaderSource } from './headers.js';

const raw = ['Host', 'example.test', 'WWW-Authenticate', 'Bearer', 'Cookie', 'a=1', 'www-authenticate', 'Basic realm="x"', 'X-Empty', ''];

describe('rawHeaderSource', () => {
  test('get: the first line of a header, names case-insensitive; null when absent', () => {
    const h = rawHeaderSource(raw);
    expect(h.get('www-authenticate')).toBe('Bearer');
    expect(h.get('WWW-AUTHENTICATE')).toBe('Bearer');
    expect(h.get('x-empty')).toBe('');
    expect(h.get('authorization')).toBeNull();
  });

  test('getAll: every line in order, not joined; [] when absent', () => {
    const h = rawHeaderSource(raw);
    expect(h.getAll('WWW-Authenticate')).toEqual(['Bearer', 'Basic realm="x"']);
    expect(h.getAll('host')).toEqual(['example.test']);
    expect(h.getAll('authorization')).toEqual([]);
  });

  test('names compare as their lower-case forms do (letters only differ by case: `[`, `@` and `{` are not letters)', () => {
    const h = rawHeaderSource(['X-@', 'a', 'x-[', 'b', 'X-{', 'c']);
    expect(h.get('x-`')).toBeNull(); // '@' | 0x20 is '`'
    expect(h.get('x-{')).toBe('c');
    expect(h.get('x-[')).toBe('b');
    expect(h.get('x-@')).toBe('a');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'A', 'z', 'Z', '@', '`', '[', '{', '-', '_', '1') , maxLength: 4 }), { maxLength: 6 }), fc.string({ unit: fc.constantFrom('a', 'A', 'z', 'Z', '@', '`', '[', '{', '-'), maxLength: 4 }), (names, wanted) => {
        const lines = names.flatMap((n, i) => [n, String(i)]);
        const expected = names.flatMap((n, i) => (n.toLowerCase() === wanted.toLowerCase() ? [String(i)] : []));
        expect(rawHeaderSource(lines).getAll(wanted)).toEqual(expected);
      }),
    );
  });

  test('a name in its usual form, as sent, in any other case: the same header (the usual form is compared as is first)', () => {
    const h = rawHeaderSource(['Authorization', 'Bearer a', 'X-Api-Key', 'k1', 'X-API-KEY', 'k2', 'x-api-key', 'k3', 'aUTHORIZATION', 'Bearer b']);
    expect(h.getAll('authorization')).toEqual(['Bearer a', 'Bearer b']);
    expect(h.getAll('Authorization')).toEqual(['Bearer a', 'Bearer b']);
    expect(h.getAll('x-api-key')).toEqual(['k1', 'k2', 'k3']);
    expect(h.get('X-API-Key')).toBe('k1');
    expect(h.get('authorisation')).toBeNull();
  });

  test('a name that only shares a prefix or length does not match', () => {
    const h = rawHeaderSource(['X-Tokens', 'a', 'X-Token2', 'b']);
    expect(h.get('x-token')).toBeNull();
    expect(h.getAll('x-token2')).toEqual(['b']);
  });

  test('as the headers of a request view: header(), headerAll() and cookies read from it', () => {
    const view = createRequestView({ headers: rawHeaderSource(raw) });
    expect(view.header('Www-Authenticate')).toBe('Bearer');
    expect(view.headerAll('www-authenticate')).toEqual(['Bearer', 'Basic realm="x"']);
    expect(view.cookie('a')).toBe('1');
  });

  test('reads the array it was given when asked, so nothing is built up front', () => {
    const lines = ['A', '1'];
    const h = rawHeaderSource(lines);
    lines.push('B', '2');
    expect(h.get('b')).toBe('2');
  });
});
