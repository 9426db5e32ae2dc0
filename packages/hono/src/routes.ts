/**
 * Hono's route table and match (internal): every route with the middleware
 * in front of it, for the document (mounted routes, single handlers,
 * guarded routes), and the route a request is dispatched to, from Hono's
 * own match (`matchedRoutes` of `hono/route`).
 */
import type { Context, Hono } from 'hono';
import { matchedRoutes } from 'hono/route';
import { ConfigurationError, ErrorCode } from '@depends/core';
import type { TableRoute } from '@depends/core/adapter';
import { cover, documented, expand, matches } from './paths.js';

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

/** What the adapter tells of depends' own functions: guards, route markers, docs routes. */
export interface Own {
  /** Whether `fn` is one of depends' own pass-through functions (a guard, a route marker, a docs route). */
  isOwn(fn: unknown): boolean;
  /** A guard's name (for messages), `undefined` for anything else. */
  guardName(fn: unknown): string | undefined;
}

/** The table entry of one path of a route (see `expand`): documented as `documented()` shows it, or with why it cannot be. */
function entryOf(r: HonoRoute, path: string, handler: unknown, before: unknown[], method: string): TableRoute {
  const shown = documented(path);
  if ('path' in shown) return { method: method.toUpperCase(), path: shown.path, handler, before, where: `path "${r.path}"` };
  return { method: method.toUpperCase(), path: undefined, handler, before, where: `path "${r.path}" (${shown.why})` };
}

/** The methods an endpoint for every method is documented under (Hono's own list; HEAD is served by GET). */
const EVERY_METHOD = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];

/**
 * Whether an `ALL` entry (`app.all()`, `app.use()`) may be an endpoint for
 * every method rather than a middleware: a handler declared without `next`
 * (`(c) => yoga.fetch(c.req.raw)`) on a path with no wildcard. Declared
 * without `next` is no proof (`(...args) => args[1]()` takes it too): it
 * is one only while no route after it may be reached through it (see
 * `reachable`, `endpoints`).
 */
const mayEnd = (r: HonoRoute): boolean => r.method === 'ALL' && !passesOn(registered(r.handler)) && !r.path.includes('*');

/** A route a handler before it may pass a request on to: one of a method, or an `ALL` entry that may be an endpoint, not depends' own. */
const reachable = (r: HonoRoute, isOwn: Own['isOwn']): boolean => (r.method !== 'ALL' || mayEnd(r)) && !isOwn(registered(r.handler));

/**
 * Whether each `ALL` entry that may be an endpoint (`mayEnd`) of the route
 * tables read is one: no route that may be reached through it
 * (`reachable`) comes after it on a path its pattern may match. Entries of
 * tables never read are not in it (then the request's own match tells).
 */
const endpoints = new WeakMap<HonoRoute, boolean>();

/**
 * The handlers of `ALL` entries (`uses`) Hono runs in front of a route on
 * `path` (one path of `expand`): each whose pattern matches every path of
 * it; a middleware matching some of them too (the order check must see it:
 * it may answer there by itself), but not a guard or route marker, which
 * then stands in front of the route in the document for none of them. A
 * guard matching some of the paths of a route without a wildcard fails:
 * the document cannot say which of its requests the guard decides for. (A
 * catch-all route, `app.get('*', spa)`, is matched by a guard on an area of
 * it, `app.use('/api/*', auth)`: that guard checks its strictest
 * requirement there.)
 */
function inFront(uses: readonly HonoRoute[], r: HonoRoute, path: string, own: Own): unknown[] {
  const out: unknown[] = [];
  for (const u of uses) {
    const fn = registered(u.handler);
    const found = cover(u.path, path);
    if (found === 'all' || (found === 'some' && !own.isOwn(fn))) out.push(fn);
    // (depends' own routes, the docs, are never guarded: nothing to tell there)
    const name = found === 'some' && !path.endsWith('*') && !own.isOwn(registered(r.handler)) ? own.guardName(fn) : undefined;
    if (name !== undefined)
      throw new ConfigurationError(
        ErrorCode.GuardOptions,
        `Guard "${name}" is placed on "${u.path}", which Hono matches for only some of the paths of ${r.method === 'ALL' ? 'the handler for every method on' : r.method} ${path}${path === r.path ? '' : ` (registered as "${r.path}")`}, or for some that cannot be told apart: the document cannot say which requests of that route the guard decides for. Place the guard on a path that matches all of that route's paths or none of them (app.use('/v1/*', auth)), or on the route itself (app.get(path, auth, handler))`,
      );
  }
  return out;
}

/**
 * Every route of a Hono app in registration order (`app.route()` sub-apps
 * are already in its table, with their base paths), one entry per path of
 * `expand`: consecutive entries of one method and path are one route whose
 * last handler is the route's and the others its own middleware; an
 * endpoint for every method (`mayEnd`, with no route after it that may be
 * reached through it) is a route of each method of `EVERY_METHOD`, the
 * `ALL` entries of its path just before it its own middleware; other `ALL`
 * entries (`use`, `all`) are middleware in front of the later routes they
 * match (`inFront`).
 */
export function honoRoutes(app: Hono<any, any, any>, own: Own): { entries: TableRoute[]; middleware: Set<unknown> } {
  const routes = app.routes as HonoRoute[];
  const uses: HonoRoute[] = [];
  const entries: TableRoute[] = [];
  let group: unknown[] = [];
  for (let i = 0; i < routes.length; i++) {
    const r = routes[i];
    if (mayEnd(r)) {
      const endpoint = !routes.slice(i + 1).some((e) => reachable(e, own.isOwn) && cover(r.path, e.path) !== 'none');
      endpoints.set(r, endpoint);
      if (endpoint) {
        let first = i;
        while (first > 0 && routes[first - 1].method === 'ALL' && routes[first - 1].path === r.path && uses[uses.length - 1 - (i - first)] === routes[first - 1]) first--;
        const mine = uses.splice(uses.length - (i - first)).map((u) => registered(u.handler));
        for (const path of expand(r.path)) {
          const before = [...inFront(uses, r, path, own), ...mine];
          for (const method of EVERY_METHOD) entries.push(entryOf(r, path, registered(r.handler), before, method));
        }
        continue;
      }
    }
    if (r.method === 'ALL') {
      uses.push(r);
      continue;
    }
    const next = routes[i + 1];
    if (next && next.method === r.method && next.path === r.path) {
      group.push(registered(r.handler));
      continue;
    }
    for (const path of expand(r.path)) entries.push(entryOf(r, path, registered(r.handler), [...inFront(uses, r, path, own), ...group], r.method));
    group = [];
  }
  return { entries, middleware: new Set(uses.map((u) => registered(u.handler))) };
}

/**
 * Where Hono dispatches a request, seen from the handler running now (at
 * `c.req.routeIndex` in Hono's matched routes, exactly the handlers Hono
 * runs for the request, in order): the route of a method the handlers
 * after it lead to — the route that handler belongs to, or else the first
 * one matched after it — with everything Hono runs in front of that
 * route's handler, on the path of it (`expand`) the request matched. Hono
 * goes on to the next route it matched when a route's last handler calls
 * `next()` (a middleware registered for one method,
 * `app.delete('/v1/*', audit)`): when the handler running now is a
 * middleware for every method, each route reachable that way is listed
 * too, in order, up to a handler declared without `next`.
 * `between`: a handler for every method (`app.use()`, `app.all()`) that is
 * not one of `own` runs between the handler running now and a route (it may
 * answer by itself), or the handler running now is placed with `use()` on
 * a pattern that does not match every path of a route (the document does
 * not show it in front of that route): its strictest requirement applies.
 * `fallsThrough`: the last route may pass the request on to the app's
 * `notFound`. No route (only handlers for every method, or nothing: the
 * app's `notFound` answers): `entries` is empty.
 */
export function dispatched(c: Context, own: Own['isOwn']): { entries: TableRoute[]; between: boolean; fallsThrough: boolean } {
  const matched = matchedRoutes(c) as HonoRoute[];
  const at = c.req.routeIndex;
  const entries: TableRoute[] = [];
  // the handler running now, placed with use() (app.use(auth), app.use('/v1/*', auth)): every route it leads to
  const placed = at < matched.length && matched[at].method === 'ALL' ? matched[at] : undefined;
  let between = false;
  for (let i = at; ; ) {
    while (i < matched.length && matched[i].method === 'ALL' && !endsAt(matched, groupEnd(matched, i), own)) {
      if (i > at && !between) between = !own(registered(matched[i].handler));
      i++;
    }
    if (i === matched.length) return { entries, between, fallsThrough: entries.length > 0 };
    const route = matched[i];
    const same = (r: HonoRoute | undefined) => r !== undefined && r.method === route.method && r.path === route.path;
    let first = i;
    while (first > 0 && same(matched[first - 1])) first--;
    const last = groupEnd(matched, i);
    const path = pathOf(route.path, c.req.path);
    if (path === undefined || (placed !== undefined && cover(placed.path, path) !== 'all')) between = true;
    const shown = path ?? route.path;
    const before: unknown[] = [];
    for (let j = 0; j < last; j++) {
      const fn = registered(matched[j].handler);
      // the app.use() entries in front (a guard or marker only where it matches every path of the route, as in the document)
      if (j >= first || (matched[j].method === 'ALL' && (!own(fn) || cover(matched[j].path, shown) === 'all'))) before.push(fn);
    }
    // an endpoint for every method: the route of the request's method
    entries.push(stableEntry(route, matched[last], shown, before, route.method === 'ALL' ? c.req.method : route.method));
    if (placed === undefined) return { entries, between, fallsThrough: false };
    if (!passesOn(registered(matched[last].handler))) return { entries, between, fallsThrough: false };
    i = last + 1;
  }
}

/** The path of `expand(pattern)` Hono matched `path` with (the pattern itself without optional parameters); `undefined` if none does. */
function pathOf(pattern: string, path: string): string | undefined {
  if (!pattern.endsWith('?')) return pattern;
  return expand(pattern).find((p) => matches(p, path));
}

/** Whether a route that may be reached through `matched[last]` (`reachable`) was matched after it. */
function laterRoute(matched: readonly HonoRoute[], last: number, isOwn: Own['isOwn']): boolean {
  for (let j = last + 1; j < matched.length; j++) if (reachable(matched[j], isOwn)) return true;
  return false;
}

/**
 * Whether the matched `ALL` entry at `end` (the last of its path, see
 * `groupEnd`) is an endpoint for every method: one that may be (`mayEnd`),
 * not found to be a middleware when its app's table was read (`endpoints`),
 * and with no route that may be reached through it matched after it.
 */
function endsAt(matched: readonly HonoRoute[], end: number, isOwn: Own['isOwn']): boolean {
  const r = matched[end];
  return mayEnd(r) && endpoints.get(r) !== false && !laterRoute(matched, end, isOwn);
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
const entries = new WeakMap<object, { path: string; entry: TableRoute }[]>();
const MAX_ENTRIES_PER_ROUTE = 16;

function stableEntry(route: HonoRoute, last: HonoRoute, path: string, before: unknown[], method: string): TableRoute {
  let known = entries.get(last);
  if (known === undefined) entries.set(last, (known = []));
  const m = method.toUpperCase();
  for (const k of known) if (k.path === path && k.entry.method === m && sameList(k.entry.before, before)) return k.entry;
  const entry = entryOf(route, path, registered(last.handler), before, m);
  if (known.length < MAX_ENTRIES_PER_ROUTE) known.push({ path, entry });
  return entry;
}

/** The index of the last of the consecutive matched entries of `matched[i]`'s method and path (a route's own middleware, then its handler). */
function groupEnd(matched: readonly HonoRoute[], i: number): number {
  const r = matched[i];
  while (i + 1 < matched.length && matched[i + 1].method === r.method && matched[i + 1].path === r.path) i++;
  return i;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
