/**
 * `cover()` against Hono's own matching: for every pair of patterns built
 * from Hono's path syntax (literal segments, parameters, parameters with a
 * pattern, `*`, a trailing `api*`, an optional parameter), `all` means
 * Hono matches with the middleware's pattern every path it matches with
 * the route's, `none` that it matches none of them.
 */
import { describe, expect, test } from 'vitest';
import { cover, documented, expand, matchesOn } from './paths.js';

const TOKENS = ['a', 'ab', '', ':x', ':n{[0-9]+}', ':p{[a-z/]+}', '*', 'a*'];
const SEGMENTS = ['a', 'ab', 'abc', '1', '12', 'x', ''];

const patterns = new Set<string>(['*', '/']);
for (const a of TOKENS) {
  patterns.add(`/${a}`);
  patterns.add(`/${a}/:o?`);
  for (const b of TOKENS) if (!a.endsWith('*') || a === '*') patterns.add(`/${a}/${b}`);
}
const paths = ['/'];
for (const a of SEGMENTS) {
  paths.push(`/${a}`);
  for (const b of SEGMENTS) {
    paths.push(`/${a}/${b}`);
    for (const c of SEGMENTS) paths.push(`/${a}/${b}/${c}`);
  }
}
/** For each of the routers a Hono app may run (RegExpRouter, TrieRouter: 0, 1), the paths each pattern matches there. */
const matchedOn = [0, 1].map((kind) => new Map([...patterns].map((p) => [p, new Set(paths.filter((path) => matchesOn(kind, p, path) === true))])));

describe('cover(): which of a route pattern’s paths a middleware pattern matches, as Hono matches them', () => {
  test('never `all` when Hono leaves one of them out, never `none` when it matches one, on either of the routers an app may run', () => {
    const wrong: string[] = [];
    for (const [kind, matched] of matchedOn.entries())
      for (const m of patterns)
        for (const r of patterns) {
          const found = cover(m, r);
          const inRoute = [...matched.get(r)!];
          const inBoth = inRoute.filter((path) => matched.get(m)!.has(path));
          if ((found === 'all' && inBoth.length < inRoute.length) || (found === 'none' && inBoth.length > 0)) wrong.push(`${m} over ${r} (${kind ? 'TrieRouter' : 'RegExpRouter'}): ${found}`);
        }
    expect(wrong).toEqual([]);
  });

  test('exact where Hono can be asked, and on the usual placements', () => {
    expect(cover('/api*', '/api/status')).toBe('all');
    expect(cover('/v1/:id{[0-9]+}', '/v1/status')).toBe('none');
    expect(cover('/v1/*', '/v1/notes/:id')).toBe('all');
    expect(cover('/orgs/:org/*', '/orgs/:o/notes/:id')).toBe('all');
    expect(cover('/v1/:id{[0-9]+}', '/v1/:id')).toBe('some');
    expect(cover('/api/*', '*')).toBe('some');
    // a parameter whose pattern spans segments: the literal segments in front of it are still compared
    expect(cover('/admin/*', '/static/:path{.+}')).toBe('none');
    expect(cover('/static/:path{.+}', '/admin/:id')).toBe('none');
    expect(cover('/static/*', '/static/:path{.+}')).toBe('some');
  });

  test('documented(): a parameter’s pattern left out, a wildcard as it is, an optional parameter as two paths', () => {
    expect(expand('/notes/:id?').map(documented)).toEqual([{ path: '/notes' }, { path: '/notes/:id' }]);
    expect(['/notes/:id{[0-9]+}', '*', '/assets/*', '/v1/*/x'].map(documented)).toEqual([{ path: '/notes/:id' }, { path: '/*' }, { path: '/assets/*' }, { path: '/v1/*/x' }]);
    expect(documented('/x/:user-id')).toEqual({ why: 'its parameter "user-id" is not a name the document can show: rename it with letters, digits and _ only' });
  });
});
