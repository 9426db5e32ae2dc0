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

/** One entry of a Hono app's route table (`app.routes`, `matchedRoutes(c)`): one per handler registered. */
export interface HonoRoute {
  readonly method: string;
  readonly path: string;
  readonly handler: unknown;
}

/**
 * The function a route table entry runs, as it was registered. The only
 * private Hono API the adapter reads: `app.route()` wraps every handler of
 * a sub-app that has its own `onError` in a function of its own and keeps
 * the original under the `__COMPOSED_HANDLER` key (Hono's internal
 * `COMPOSED_HANDLER` marker), once per `app.route()` level whose sub-app
 * has one (`app.route('/v1', v1)` after `v1.route('/admin', admin)`: two
 * wrappers); Hono has no public way to see through them, and the guard
 * must recognise its own functions (guards, route markers, docs routes)
 * and the wrapped handlers in such sub-apps.
 */
export function registered(handler: unknown): unknown {
  let fn = handler;
  for (let inner = composedOf(fn); inner !== undefined && inner !== fn; inner = composedOf(fn)) fn = inner;
  return fn;
}

const composedOf = (fn: unknown): unknown => (typeof fn === 'function' ? (fn as unknown as Record<string, unknown>).__COMPOSED_HANDLER : undefined);

/** What the adapter tells of depends' own functions: guards, route markers, docs routes. */
export interface Own {
  /** Whether `fn` is one of depends' own pass-through functions (a guard, a route marker, a docs route). */
  isOwn(fn: unknown): boolean;
  /** Whether `fn` is a route marker (`d.route()`) whose options change a guard's decision (`public`, `scopes`, `dependencies`; the others are for the document). */
  decides(fn: unknown): boolean;
  /** A guard's name (for messages), `undefined` for anything else. */
  guardName(fn: unknown): string | undefined;
}

/** The table entry of one path of a route (see `expand`): documented as `documented()` shows it, or with why it cannot be. `note`: how it was read (see `readings`). */
function entryOf(r: HonoRoute, path: string, handler: unknown, before: unknown[], method: string, note = ''): TableRoute {
  const shown = documented(path);
  if ('path' in shown) return { method: method.toUpperCase(), path: shown.path, handler, before, where: `path "${r.path}"${note}` };
  return { method: method.toUpperCase(), path: undefined, handler, before, where: `path "${r.path}" (${shown.why})${note}` };
}

/** The methods an endpoint for every method is documented under (HEAD is served by GET); the guard knows no options of other methods there (see `dispatched`). */
const EVERY_METHOD = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];

/** Whether a request's method is one an endpoint for every method is documented under (HEAD: as GET). */
const listedMethod = (method: string): boolean => method === 'HEAD' || EVERY_METHOD.includes(method);

/** One way to read a run of consecutive entries of one method and path (see `readings`). */
interface Reading {
  /** The index in the run of its last function (the route's handler). */
  readonly end: number;
  /** The functions of the run in front of it that are its own: every one before `end`, but the markers of the registrations before it that change a decision. */
  readonly before: readonly unknown[];
  /** For messages: which handlers it reads as one route. */
  readonly note: string;
}

/**
 * The routes a run of consecutive entries of one method and path may be.
 * Hono keeps one entry per handler, whatever the call registered it:
 * `app.get(path, d.route(o), mw, handler)` (one route, the marker its
 * own) leaves the same entries as `app.get(path, d.route(o), mw)` then
 * `app.get(path, handler)` (two: the first passes requests on to the
 * second, which the marker is not on). With a route marker changing the
 * decision (`Own.decides`) among them and more than one of the app's
 * handlers, each run of registrations the
 * entries may be (each ending with one of the app's handlers, a marker
 * belonging to the registration of the first handler after it) is read as
 * a route of its own, the whole run first: the guard decides for each of
 * them (what any of them asks is asked), and the document, which can show
 * one requirement for the path, refuses them when they differ (as it
 * refuses two routes on one path registered apart). `undefined`: one
 * reading, the whole run (no such marker, or one handler of the app's).
 * `fns`: the entries' functions (`registered`).
 */
function readings(fns: readonly unknown[], own: Own): Reading[] | undefined {
  const ends: number[] = [];
  let marked = false;
  for (let i = 0; i < fns.length; i++) {
    if (!own.isOwn(fns[i])) ends.push(i);
    else if (own.decides(fns[i])) marked = true;
  }
  if (!marked || ends.length < 2) return undefined;
  ends[ends.length - 1] = fns.length - 1; // (what follows the app's last handler is the last registration's)
  const starts = ends.map((_, k) => (k === 0 ? 0 : ends[k - 1] + 1));
  const out: Reading[] = [];
  const n = ends.length;
  const note = (i: number, j: number) =>
    `, its handlers ${i + 1} to ${j + 1} of ${n} read as one route (Hono's table does not tell app.get(path, a, b) from app.get(path, a) then app.get(path, b): give d.route() options for such a path in the guard's routes key)`;
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const before = fns.slice(0, ends[j]).filter((fn, k) => k >= starts[i] || !own.decides(fn));
      // the whole run first: the route the document shows
      if (i === 0 && j === n - 1) out.unshift({ end: ends[j], before, note: '' });
      else out.push({ end: ends[j], before, note: note(i, j) });
    }
  return out;
}

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
 * last handler is the route's and the others its own middleware (or, with
 * a route marker among two or more of the app's handlers, each route they
 * may be: `readings`); an
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
    group.push(registered(r.handler));
    if (next && next.method === r.method && next.path === r.path) continue;
    const read = readings(group, own);
    for (const path of expand(r.path)) {
      const front = inFront(uses, r, path, own);
      if (read === undefined) entries.push(entryOf(r, path, group[group.length - 1], [...front, ...group.slice(0, -1)], r.method));
      else for (const g of read) entries.push(entryOf(r, path, group[g.end], [...front, ...g.before], r.method, g.note));
    }
    group = [];
  }
  return { entries, middleware: new Set(uses.map((u) => registered(u.handler))) };
}

/** A route Hono may run for a request (see `dispatched`). */
export interface Reached {
  /** Its table entries: one, or one per way its run of registrations may be read (see `readings`), the whole run first. */
  readonly entries: readonly TableRoute[];
  /** Hono's route object of its last handler: which route it is, for the request (what a guard has decided for). */
  readonly route: unknown;
  /** The index of its last handler in Hono's matched routes: its path parameters are those Hono gives there. */
  readonly at: number;
}

/** Where Hono may take a request from a handler on (see `dispatched`). */
export interface Dispatch {
  /** The routes, in order; empty when none (only handlers for every method, or nothing: the app's `notFound` answers). */
  readonly routes: readonly Reached[];
  /**
   * A handler for every method (`app.use()`, `app.all()`) that is not one
   * of depends' own runs before one of the routes (it may answer by itself);
   * or the guard is placed with `use()` on a pattern that does not match
   * every path of a route (the document does not show it in front of that
   * route); or the route is an endpoint for every method asked with a
   * method the table does not list: the guard's strictest requirement
   * applies.
   */
  readonly between: boolean;
  /** The last route's last handler declares `next`: it may pass the request on to the app's `notFound`. */
  readonly fallsThrough: boolean;
  /** The index in Hono's matched routes of the last handler these routes reach without a handler declared without `next` calling it anyway. */
  readonly end: number;
  /** Hono's matched routes (the handlers it runs for the request, in order). */
  readonly matched: readonly HonoRoute[];
  /** The guard's placement with `use()` the routes were read for (its pattern), `undefined` for one placed on a route. */
  readonly placed: HonoRoute | undefined;
}

/**
 * Where Hono dispatches a request, from the handler at `from` in Hono's
 * matched routes (by default the one running now, `c.req.routeIndex`;
 * the matched routes are exactly the handlers Hono runs for the request,
 * in order): the route of a method the handlers from there lead to — the
 * route that handler belongs to, or else the first one matched after it —
 * with everything Hono runs in front of that route's handler, on the path
 * of it (`expand`) the request matched. Hono goes on to the next route it
 * matched when a route's last handler calls `next()` (a middleware
 * registered for one method, `app.delete('/v1/*', audit)`): for a guard
 * placed with `use()` (`placed`, by default the handler at `from` when it
 * is one for every method), each route reachable that way is listed too,
 * in order, up to a handler declared without `next` (`end`: a handler
 * declared without it may still call it, see `passesOn`). `matched`:
 * Hono's matched routes when already read (`matchedRoutes` makes a list).
 */
export function dispatched(c: Context, own: Own, from: number = c.req.routeIndex, placed?: HonoRoute, matched = matchedRoutes(c) as readonly HonoRoute[]): Dispatch {
  // the handler running now, placed with use() (app.use(auth), app.use('/v1/*', auth)): every route it leads to
  if (placed === undefined && from < matched.length && matched[from].method === 'ALL') placed = matched[from];
  const routes: Reached[] = [];
  let between = false;
  for (let i = from; ; ) {
    while (i < matched.length && matched[i].method === 'ALL' && !endsAt(matched, groupEnd(matched, i), own.isOwn)) {
      if (!between) between = !own.isOwn(registered(matched[i].handler));
      i++;
    }
    if (i === matched.length) return { routes, between, fallsThrough: routes.length > 0, end: matched.length - 1, matched, placed };
    const route = matched[i];
    const same = (r: HonoRoute | undefined) => r !== undefined && r.method === route.method && r.path === route.path;
    let first = i;
    while (first > 0 && same(matched[first - 1])) first--;
    const last = groupEnd(matched, i);
    // an endpoint for every method: the route of the request's method; one the table does not list has no options of its own
    const method = route.method === 'ALL' ? c.req.method.toUpperCase() : route.method;
    if (route.method === 'ALL' && !listedMethod(method)) return { routes, between: true, fallsThrough: false, end: last, matched, placed };
    const path = pathOf(route.path, c.req.path);
    if (path === undefined || (placed !== undefined && cover(placed.path, path) !== 'all')) between = true;
    routes.push({ entries: entriesAt(matched, first, last, path ?? route.path, method, own), route: matched[last], at: last });
    if (placed === undefined || !passesOn(registered(matched[last].handler))) return { routes, between, fallsThrough: false, end: last, matched, placed };
    i = last + 1;
  }
}

/** The table entries of the route of `matched[first..last]` (one run of a method and path) on `path`, as `honoRoutes` reads them. */
function entriesAt(matched: readonly HonoRoute[], first: number, last: number, path: string, method: string, own: Own): TableRoute[] {
  const front: unknown[] = [];
  for (let j = 0; j < first; j++) {
    const fn = registered(matched[j].handler);
    // the app.use() entries in front (a guard or marker only where it matches every path of the route, as in the document)
    if (matched[j].method === 'ALL' && (!own.isOwn(fn) || cover(matched[j].path, path) === 'all')) front.push(fn);
  }
  // (a marker and two of the app's handlers at least to be read several ways; an endpoint for every method: the app.use()
  // handlers of its path in front of it are middleware, never routes, as in `honoRoutes`)
  const run = last - first >= 2 && matched[last].method !== 'ALL' ? matched.slice(first, last + 1).map((r) => registered(r.handler)) : undefined;
  const read = run === undefined ? undefined : readings(run, own);
  if (read === undefined) {
    for (let j = first; j < last; j++) front.push(registered(matched[j].handler));
    return [stableEntry(matched[first], matched[last], path, front, method)];
  }
  return read.map((g) => stableEntry(matched[first], matched[first + g.end], path, [...front, ...g.before], method));
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
 * Whether a route's last handler is known to call `next()`, so that the
 * guard decides beforehand for the routes after it: one declared with it
 * (`(c, next) =>`), or anything not a function. One declared without it
 * (`(c) => c.json(…)`, `() => new Response(…)`) is taken to answer; that is
 * no proof (`(c, ...rest) => f(c, ...rest)`, `arguments[1]()`, a default
 * value), so a guard placed with `use()` watches where Hono goes past it
 * (see `watch.ts`).
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
