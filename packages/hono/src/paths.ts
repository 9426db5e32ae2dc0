/**
 * Hono's path patterns (internal): what the document shows of one, and
 * which paths two patterns share, read with Hono's own matching (its
 * routers and its path splitting) rather than an approximation of it.
 */
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { TrieRouter } from 'hono/router/trie-router';
import { checkOptionalParameter, splitRoutingPath } from 'hono/utils/url';
import type { Router } from 'hono/router';

/**
 * The paths one pattern stands for: an optional parameter at the end
 * (`/notes/:id?`) is two (`/notes`, `/notes/:id`), as Hono registers it.
 */
export const expand = (pattern: string): string[] => checkOptionalParameter(pattern) ?? [pattern];

/** Hono's parameter token (`:id`, `:id{[0-9]+}`), as its router reads it. */
const PARAM = /^:([^{}]+)(?:\{(.+)\})?$/;
/** A parameter name the document's `{name}` can hold. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A path of {@link expand} in the document's form: a parameter's pattern
 * left out (`/notes/:id{[0-9]+}` is `/notes/:id`, a path parameter `{id}`),
 * a wildcard kept as it is (`/assets/*`, `*` as `/*`, as the Fastify
 * adapter documents its own); or why it cannot be shown.
 *
 * @example
 * ```ts
 * documented('/notes/:id{[0-9]+}') // { path: '/notes/:id' }
 * documented('/x/:user-id')        // { why: 'its parameter "user-id" is not a name the document can show: rename it…' }
 * ```
 */
export function documented(path: string): { path: string } | { why: string } {
  const out: string[] = [];
  for (const token of splitRoutingPath(path)) {
    const param = PARAM.exec(token);
    if (param && !NAME.test(param[1])) return { why: `its parameter "${param[1]}" is not a name the document can show: rename it with letters, digits and _ only` };
    if (param) out.push(`:${param[1]}`);
    else if (/[:{}?]/.test(token)) return { why: `its segment "${token}" is not one the document can show` };
    else out.push(token);
  }
  return { path: `/${out.join('/')}` };
}

/** A parameter's pattern that may match a `/` (one naming it, or any character: `.`, a negated class). */
const SPANS = /\{[^}]*(?:\/|\.|\[\^)[^}]*\}/;

/** A pattern with nothing but literal segments: one path. */
const literal = (pattern: string): boolean => !/[:*{}?]/.test(pattern);

/**
 * The two routers a Hono app's default `SmartRouter` may settle on: it
 * takes `RegExpRouter` unless that one refuses the app's whole route set,
 * then `TrieRouter`. They differ on a few patterns (a `*` between segments
 * matches an empty one on `TrieRouter` only; `/a*\/b` matches on
 * `RegExpRouter` only), so a pattern is asked of both.
 */
const ROUTERS: readonly (() => Router<true>)[] = [() => new RegExpRouter(), () => new TrieRouter()];

/** The routers of each pattern (one per kind of {@link ROUTERS}; `undefined` where that router refuses the pattern). */
const routers = new Map<string, (Router<true> | undefined)[]>();

/** What each router says of `path` with `pattern`: matched or not (`undefined`: that router refuses the pattern). */
function answers(pattern: string, path: string): (boolean | undefined)[] {
  let made = routers.get(pattern);
  if (made === undefined) {
    made = ROUTERS.map((make) => {
      const router = make();
      try {
        router.add('ALL', pattern, true);
        router.match('GET', '/');
        return router;
      } catch {
        return undefined; // the app then runs the other one
      }
    });
    routers.set(pattern, made);
  }
  return made.map((router) => (router === undefined ? undefined : router.match('GET', path)[0].length > 0));
}

/**
 * Whether Hono matches `path` (a request path) with `pattern`, whichever
 * of its routers the app runs: `yes`, `no`, or `unsure` when they differ.
 *
 * @example
 * ```ts
 * matchState('/api*', '/api/status') // 'yes'
 * ```
 */
export function matchState(pattern: string, path: string): 'yes' | 'no' | 'unsure' {
  const said = answers(pattern, path).filter((a): a is boolean => a !== undefined);
  return said.length > 0 && said.every(Boolean) ? 'yes' : said.every((a) => !a) ? 'no' : 'unsure';
}

/**
 * Whether Hono matches `path` (a request path) with `pattern`, whichever
 * of its routers the app runs.
 *
 * @example
 * ```ts
 * matches('/api*', '/api/status') // true
 * ```
 */
export const matches = (pattern: string, path: string): boolean => matchState(pattern, path) === 'yes';

/** What one router kind of {@link ROUTERS} (its index) says of `path` with `pattern` (`undefined`: it refuses the pattern): for tests. */
export const matchesOn = (kind: number, pattern: string, path: string): boolean | undefined => answers(pattern, path)[kind];

/** Which of a route's paths a middleware's pattern matches: every one, some (or it cannot be told), none. */
export type Cover = 'all' | 'some' | 'none';

const covers = new Map<string, Cover>();

/**
 * Which of the paths of `route` (a route's pattern, or one path of
 * {@link expand}) Hono also matches with `pattern` (a middleware's):
 * `all`, `none`, or `some` when only some do or it cannot be told. Exact
 * where either is one path (Hono's own match); otherwise read segment by
 * segment, `some` at the first segment whose paths cannot be compared
 * (a parameter's pattern).
 *
 * @example
 * ```ts
 * cover('/v1/*', '/v1/notes/:id')        // 'all'
 * cover('/v1/:id{[0-9]+}', '/v1/status') // 'none'
 * cover('/v1/:id{[0-9]+}', '/v1/:id')    // 'some'
 * ```
 */
export function cover(pattern: string, route: string): Cover {
  if (pattern === '*' || pattern === '/*' || pattern === route) return 'all'; // (app.use(auth): on every request, no lookup)
  const key = `${pattern}\0${route}`;
  let found = covers.get(key);
  if (found === undefined) covers.set(key, (found = coverOf(pattern, route)));
  return found;
}

function coverOf(pattern: string, route: string): Cover {
  if (literal(route)) return ({ yes: 'all', no: 'none', unsure: 'some' } as const)[matchState(pattern, route)];
  if (literal(pattern)) return matchState(route, pattern) === 'no' ? 'none' : 'some';
  // a parameter's pattern that may hold a `/` (`:path{.+}`) spans segments on RegExpRouter, not on TrieRouter: not compared,
  // but the literal segments in front of it are (app.use('/admin/*', auth) is in front of no path of /static/:path{.+})
  if (SPANS.test(pattern) || SPANS.test(route)) return literalsDiffer(pattern, route) ? 'none' : 'some';
  const each = expand(route).map((r) => {
    const of = expand(pattern).map((p) => bySegment(splitRoutingPath(p), splitRoutingPath(r)));
    return of.includes('all') ? 'all' : of.every((c) => c === 'none') ? 'none' : 'some';
  });
  return each.every((c) => c === 'all') ? 'all' : each.every((c) => c === 'none') ? 'none' : 'some';
}

/** A segment Hono matches as it is written, on either router: no parameter, wildcard or pattern in it. */
const plain = (token: string): boolean => !/[:*{}?]/.test(token);

/**
 * Whether two patterns differ in a segment both match as written, among
 * the segments in front of anything else in either (and of optional
 * parameters): then no path matches both, whatever follows.
 */
function literalsDiffer(pattern: string, route: string): boolean {
  const [m, r] = [splitRoutingPath(pattern), splitRoutingPath(route)];
  for (let i = 0; i < m.length && i < r.length && plain(m[i]) && plain(r[i]); i++) if (m[i] !== r[i]) return true;
  return false;
}

/** What one segment of a pattern matches: any one segment (`:id`), a parameter's pattern or a `*` before the last (`:id{[0-9]+}`, which may span several), everything below or nothing (a last `*`), a segment starting with a prefix and anything below (a last `api*`), or itself. */
function kind(token: string, last: boolean): 'any' | 'pattern' | 'rest' | 'prefix' | 'literal' {
  const param = PARAM.exec(token);
  if (param) return param[2] === undefined ? 'any' : 'pattern';
  // a `*` between segments: one segment on RegExpRouter, also an empty one on TrieRouter — not told apart, as a parameter's pattern
  if (token === '*') return last ? 'rest' : 'pattern';
  return last && token.endsWith('*') ? 'prefix' : 'literal';
}

/**
 * {@link cover} of two patterns without optional parameters (their
 * segments), segment by segment (see {@link kind}). Past a parameter's
 * pattern (which may match several segments) the segments are no longer
 * told apart: `some`, never `none`.
 */
function bySegment(m: readonly string[], r: readonly string[]): Cover {
  let found: Cover = 'all';
  let aligned = true;
  for (let i = 0; ; i++) {
    const none: Cover = aligned ? 'none' : 'some';
    const rKind = i < r.length ? kind(r[i], i === r.length - 1) : undefined;
    if (i === m.length) return rKind === undefined ? found : rKind === 'rest' ? 'some' : none;
    const a = m[i];
    const mKind = kind(a, i === m.length - 1);
    if (mKind === 'rest') return found;
    if (rKind === undefined) return none;
    const b = r[i];
    if (a === b && mKind === rKind) {
      if (mKind === 'pattern') aligned = false;
      continue;
    }
    if (rKind === 'rest' || rKind === 'pattern') return 'some';
    if (rKind === 'prefix') return mKind === 'literal' && !a.startsWith(b.slice(0, -1)) ? none : 'some';
    // the route's segment: any one segment, or a literal one
    if (mKind === 'prefix') return rKind === 'literal' ? (b.startsWith(a.slice(0, -1)) ? found : none) : 'some';
    if (mKind === 'any') {
      if (rKind === 'literal' && b === '') return none;
    } else if (mKind === 'pattern') {
      aligned = false;
      if (rKind !== 'literal' || a === '*' || !fullMatch(PARAM.exec(a)![2], b)) return 'some';
    } else if (rKind === 'literal') return none;
    else found = 'some'; // a literal segment of the middleware's, any one of the route's
  }
}

/** Whether a parameter's pattern matches a whole segment (an invalid pattern: not known to). */
function fullMatch(pattern: string, segment: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(segment);
  } catch {
    return false;
  }
}
