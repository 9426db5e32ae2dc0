/**
 * Hono's path patterns (internal): what the document shows of one, and
 * which paths two patterns share, read with Hono's own matching (its
 * routers and its path splitting) rather than an approximation of it.
 */
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';
import { checkOptionalParameter, splitRoutingPath } from 'hono/utils/url';

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

/** A pattern with nothing but literal segments: one path. */
const literal = (pattern: string): boolean => !/[:*{}?]/.test(pattern);

/** One Hono router per pattern (Hono's default: `RegExpRouter`, else `TrieRouter`), answering whether it matches a path. */
const routers = new Map<string, SmartRouter<true>>();

/**
 * Whether Hono matches `path` (a request path) with `pattern`.
 *
 * @example
 * ```ts
 * matches('/api*', '/api/status') // true
 * ```
 */
export function matches(pattern: string, path: string): boolean {
  let router = routers.get(pattern);
  if (router === undefined) {
    router = new SmartRouter({ routers: [new RegExpRouter(), new TrieRouter()] });
    router.add('ALL', pattern, true);
    routers.set(pattern, router);
  }
  return router.match('GET', path)[0].length > 0;
}

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
  if (literal(route)) return matches(pattern, route) ? 'all' : 'none';
  if (literal(pattern)) return matches(route, pattern) ? 'some' : 'none';
  const each = expand(route).map((r) => {
    const of = expand(pattern).map((p) => bySegment(splitRoutingPath(p), splitRoutingPath(r)));
    return of.includes('all') ? 'all' : of.every((c) => c === 'none') ? 'none' : 'some';
  });
  return each.every((c) => c === 'all') ? 'all' : each.every((c) => c === 'none') ? 'none' : 'some';
}

/** What one segment of a pattern matches: any one segment (`:id`, a `*` before the last), a parameter's pattern (`:id{[0-9]+}`, which may span several), everything below or nothing (a last `*`), a segment starting with a prefix and anything below (a last `api*`), or itself. */
function kind(token: string, last: boolean): 'any' | 'pattern' | 'rest' | 'prefix' | 'literal' {
  const param = PARAM.exec(token);
  if (param) return param[2] === undefined ? 'any' : 'pattern';
  if (token === '*') return last ? 'rest' : 'any';
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
      if (rKind !== 'literal' || !fullMatch(PARAM.exec(a)![2], b)) return 'some';
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
