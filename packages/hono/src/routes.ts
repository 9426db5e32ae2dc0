/**
 * Hono's route table (internal): every route with the middleware in front
 * of it, for the document (mounted routes, single handlers, guarded
 * routes) and for finding the route a guarded request is for.
 */
import type { Context, Hono } from 'hono';
import type { TableRoute } from '@depends/core/adapter';

/** What `app.route()` leaves on a sub-app's handler wrapped for its own error handler. */
const COMPOSED_HANDLER = '__COMPOSED_HANDLER';

interface HonoRoute {
  readonly method: string;
  readonly path: string;
  readonly handler: unknown;
}

const unwrap = (handler: unknown): unknown => (handler as Record<string, unknown>)[COMPOSED_HANDLER] ?? handler;

/** Paths the document cannot show as they are: regex constraints, optional parameters, wildcards. */
const knowable = (path: string): string | undefined => (/[{}?*()]/.test(path) ? undefined : path);

/** Whether a middleware pattern (`*`, `/v1/*`, `/v1/:id`) covers a route path, segment by segment. */
function covers(pattern: string, path: string): boolean {
  if (pattern === '*' || pattern === '/*') return true;
  const wild = pattern.endsWith('/*');
  const p = (wild ? pattern.slice(0, -2) : pattern).split('/');
  const r = path.split('/');
  if (wild ? r.length < p.length : r.length !== p.length) return false;
  return p.every((seg, i) => seg === r[i] || seg.startsWith(':') || r[i].startsWith(':'));
}

/**
 * Groups a list of Hono routes (in registration order) into table routes:
 * consecutive entries of one method and path are one route whose last
 * handler is the route's and the others its own middleware; `ALL` entries
 * (`use`, `all`) are middleware in front of the later routes they cover.
 */
function* group(routes: readonly HonoRoute[], coversAll: boolean): Generator<TableRoute> {
  const uses: HonoRoute[] = [];
  let own: unknown[] = [];
  for (let i = 0; i < routes.length; i++) {
    const r = routes[i];
    const fn = unwrap(r.handler);
    if (r.method === 'ALL') {
      uses.push(r);
      continue;
    }
    const next = routes[i + 1];
    if (next && next.method === r.method && next.path === r.path) {
      own.push(fn);
      continue;
    }
    const before = uses.filter((u) => coversAll || covers(u.path, r.path)).map((u) => unwrap(u.handler));
    yield { method: r.method.toUpperCase(), path: knowable(r.path), handler: fn, before: [...before, ...own], where: `path "${r.path}"` };
    own = [];
  }
}

/**
 * Every route of a Hono app in registration order (`app.route()` sub-apps
 * are already in its table, with their base paths), with the middleware in
 * front of each.
 */
export function honoRoutes(app: Hono<any, any, any>): Generator<TableRoute> {
  return group(app.routes as HonoRoute[], false);
}

/**
 * The route a request is dispatched to, from Hono's own match
 * (`matchedRoutes`: exactly the handlers that run for it, in order), or
 * `undefined` when only middleware matched (Hono's 404).
 */
export function matchedRoute(c: Context): TableRoute | undefined {
  const matched = (c.req as unknown as { matchedRoutes: HonoRoute[] }).matchedRoutes;
  const first = matched.findIndex((r) => r.method !== 'ALL');
  if (first === -1) return undefined;
  let last = first;
  while (last + 1 < matched.length && matched[last + 1].method === matched[first].method && matched[last + 1].path === matched[first].path) last++;
  // Everything Hono runs before that route's handler covers it: no pattern test needed.
  for (const entry of group(matched.slice(0, last + 1), true)) return entry;
  return undefined;
}
