/**
 * Hono's route table and match (internal): every route with the middleware
 * in front of it, for the document (mounted routes, single handlers,
 * guarded routes), and the route a request is dispatched to, from Hono's
 * own match (`matchedRoutes` of `hono/route`).
 */
import type { Context, Hono } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { TableRoute } from '@depends/core/adapter';

interface HonoRoute {
  readonly method: string;
  readonly path: string;
  readonly handler: unknown;
}

/**
 * The function a route table entry runs, as it was registered. The only
 * private Hono API the adapter reads: `app.route()` wraps every handler of
 * a sub-app that has its own `onError` in a function of its own and keeps
 * the original under the `__COMPOSED_HANDLER` key (Hono's internal
 * `COMPOSED_HANDLER` marker); Hono has no public way to see through it, and
 * the guard must recognise its own functions (guards, route markers, docs
 * routes) and the wrapped handlers in such sub-apps.
 */
export const registered = (handler: unknown): unknown => (handler as Record<string, unknown>).__COMPOSED_HANDLER ?? handler;

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

const entryOf = (r: HonoRoute, handler: unknown, before: unknown[], method = r.method): TableRoute => ({
  method: method.toUpperCase(),
  path: knowable(r.path),
  handler,
  before,
  where: `path "${r.path}"`,
});

/** The methods an endpoint for every method is documented under (Hono's own list; HEAD is served by GET). */
const EVERY_METHOD = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];

/**
 * Whether an `ALL` entry (`app.all()`, `app.use()`) is an endpoint for
 * every method rather than a middleware: a handler that cannot pass the
 * request on (declared without `next`, `(c) => yoga.fetch(c.req.raw)`) on
 * one path the document can show (no wildcard), so it answers every
 * request for that path itself.
 */
const isEndpoint = (r: HonoRoute): boolean => r.method === 'ALL' && !passesOn(registered(r.handler)) && knowable(r.path) !== undefined;

/**
 * Every route of a Hono app in registration order (`app.route()` sub-apps
 * are already in its table, with their base paths): consecutive entries of
 * one method and path are one route whose last handler is the route's and
 * the others its own middleware; an endpoint for every method (see
 * `isEndpoint`) is a route of each method of `EVERY_METHOD`, the `ALL`
 * entries of its path just before it its own middleware; other `ALL`
 * entries (`use`, `all`) are middleware in front of the later routes they
 * cover (`middleware`).
 */
export function honoRoutes(app: Hono<any, any, any>): { entries: TableRoute[]; middleware: Set<unknown> } {
  const routes = app.routes as HonoRoute[];
  const uses: HonoRoute[] = [];
  const entries: TableRoute[] = [];
  let own: unknown[] = [];
  for (let i = 0; i < routes.length; i++) {
    const r = routes[i];
    if (isEndpoint(r)) {
      let first = i;
      while (first > 0 && routes[first - 1].method === 'ALL' && routes[first - 1].path === r.path && uses[uses.length - 1 - (i - first)] === routes[first - 1]) first--;
      const mine = uses.splice(uses.length - (i - first)).map((u) => registered(u.handler));
      const before = uses.filter((u) => covers(u.path, r.path)).map((u) => registered(u.handler));
      for (const method of EVERY_METHOD) entries.push(entryOf(r, registered(r.handler), [...before, ...mine], method));
      continue;
    }
    if (r.method === 'ALL') {
      uses.push(r);
      continue;
    }
    const next = routes[i + 1];
    if (next && next.method === r.method && next.path === r.path) {
      own.push(registered(r.handler));
      continue;
    }
    const before = uses.filter((u) => covers(u.path, r.path)).map((u) => registered(u.handler));
    entries.push(entryOf(r, registered(r.handler), [...before, ...own]));
    own = [];
  }
  return { entries, middleware: new Set(uses.map((u) => registered(u.handler))) };
}

/**
 * Where Hono dispatches a request, seen from the handler running now (at
 * `c.req.routeIndex` in Hono's matched routes, exactly the handlers Hono
 * runs for the request, in order): the route of a method the handlers
 * after it lead to — the route that handler belongs to, or else the first
 * one matched after it — with everything Hono runs in front of that
 * route's handler. Hono goes on to the next route it matched when a
 * route's last handler calls `next()` (a middleware registered for one
 * method, `app.delete('/v1/*', audit)`): when the handler running now is
 * a middleware for every method, each route reachable that way is listed
 * too, in order, up to a handler that cannot pass the request on (one
 * declared without `next`). `between`: a handler for every method
 * (`app.use()`, `app.all()`) that is not one of `own` runs between the
 * handler running now and a route (it may answer by itself);
 * `fallsThrough`: the last route may pass the request on to the app's
 * `notFound`. No route (only handlers for every method, or nothing: the
 * app's `notFound` answers): `entries` is empty.
 */
export function dispatched(c: Context, own: (fn: unknown) => boolean): { entries: TableRoute[]; between: boolean; fallsThrough: boolean } {
  const matched = matchedRoutes(c) as HonoRoute[];
  const at = c.req.routeIndex;
  const entries: TableRoute[] = [];
  const appWide = at < matched.length && matched[at].method === 'ALL';
  let between = false;
  for (let i = at; ; ) {
    while (i < matched.length && matched[i].method === 'ALL' && !isEndpoint(groupEnd(matched, i))) {
      if (i > at && !between) between = !own(registered(matched[i].handler));
      i++;
    }
    if (i === matched.length) return { entries, between, fallsThrough: entries.length > 0 };
    const route = matched[i];
    const same = (r: HonoRoute | undefined) => r !== undefined && r.method === route.method && r.path === route.path;
    let first = i;
    while (first > 0 && same(matched[first - 1])) first--;
    let last = first;
    while (same(matched[last + 1])) last++;
    const before: unknown[] = [];
    for (let j = 0; j < last; j++) if (j >= first || matched[j].method === 'ALL') before.push(registered(matched[j].handler));
    // an endpoint for every method: the route of the request's method
    entries.push(stableEntry(route, matched[last], before, route.method === 'ALL' ? c.req.method : route.method));
    if (!appWide || !passesOn(registered(matched[last].handler))) return { entries, between, fallsThrough: false };
    i = last + 1;
  }
}

/**
 * Whether a route's last handler may call `next()`: Hono passes it to
 * every handler, but one declared without it (`(c) => c.json(…)`,
 * `() => new Response(…)`) does not take it; one declared with it
 * (`(c, next) =>`), or anything not a function, may.
 */
const passesOn = (handler: unknown): boolean => typeof handler !== 'function' || handler.length >= 2;

/**
 * Entries already made, by the route's last handler (Hono keeps one route
 * object per registration): the same route behind the same handlers is the
 * same entry object on every request, so what is worked out per entry (a
 * guard's decision for it) is found again instead of made again, and no
 * object is made per request. A few per route (the middleware matched may
 * differ with the path a parametric route is called with); past that, made
 * per request.
 */
const entries = new WeakMap<object, TableRoute[]>();
const MAX_ENTRIES_PER_ROUTE = 16;

function stableEntry(route: HonoRoute, last: HonoRoute, before: unknown[], method: string): TableRoute {
  let known = entries.get(last);
  if (known === undefined) entries.set(last, (known = []));
  const m = method.toUpperCase();
  for (const entry of known) if (entry.method === m && sameList(entry.before, before)) return entry;
  const entry = entryOf(route, registered(last.handler), before, m);
  if (known.length < MAX_ENTRIES_PER_ROUTE) known.push(entry);
  return entry;
}

/** The last of the consecutive matched entries of `matched[i]`'s method and path (a route's own middleware, then its handler). */
function groupEnd(matched: readonly HonoRoute[], i: number): HonoRoute {
  const r = matched[i];
  while (i + 1 < matched.length && matched[i + 1].method === r.method && matched[i + 1].path === r.path) i++;
  return matched[i];
}

const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
