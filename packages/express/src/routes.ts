/**
 * Express's route table (internal), on Express 5 (`router` 2) and 4: every
 * route with the middleware in front of it, for the document (mounted
 * routes, single handlers, guarded routes), and where the guards are
 * installed: a checkpoint first in every route's stack (Express dispatches
 * there) and a wrapper around every other middleware.
 */
import { METHODS } from 'node:http';
import { installedBy, installedKind, joinPath, showablePath, type TableRoute } from '@depends/core/adapter';

interface RouteLike {
  path: unknown;
  stack: { method?: string; handle: unknown }[];
  methods: Record<string, boolean>;
}


interface Layer {
  route?: RouteLike;
  handle?: ((...args: unknown[]) => unknown) & { stack?: unknown; handle?: unknown; use?: unknown; route?: unknown; param?: unknown };
  /** How Express runs a layer: `handleRequest` on Express 5 (`router` 2), `handle_request` on Express 4. */
  handleRequest?: unknown;
  handle_request?: unknown;
  /** Express 5 (`router` 2): the path a `use()` layer was mounted on. */
  rawPath?: unknown;
  /** Express 4: `fast_slash` marks a `use()` at `/`; otherwise the mount path only lives in the RegExp. */
  regexp?: { fast_slash?: boolean; source?: string };
  /** Express 4: the RegExp's parameter names. */
  keys?: { name: string | number }[];
  /** Express 5 returns the match; Express 4 returns a boolean and keeps `path`/`params` on the layer. */
  match(path: string): boolean | { path: string; params: Record<string, string> };
  path?: string;
  params?: Record<string, string>;
}

/** An Express app as far as mounting goes: sub-apps know where they are mounted. */
interface AppLike {
  mountpath?: unknown;
  parent?: AppLike;
}

const strings = (p: unknown): string[] => (typeof p === 'string' ? [p] : Array.isArray(p) ? p.filter((x) => typeof x === 'string') : []);

/** What to do about a guarded route whose path the document cannot show. */
const UNKNOWN_PATH_FIX =
  'an optional part, a pattern or a wildcard before the last segment cannot be shown in the document; give the route a plain path (parameters as :name, a wildcard only as the last segment: /files/*splat, or a catch-all: /*splat on Express 5, /* on Express 4), or register it before the guard when it is not to be guarded';

/** Express 5's catch-alls written without the leading slash or as an optional wildcard (`*splat`, `{*splat}`, `/{*splat}`): the name of the wildcard. */
const CATCH_ALL_5 = /^\/?(?:\*([A-Za-z_$][\w$]*)|\{\*([A-Za-z_$][\w$]*)\})$/;

/**
 * A route's path as the table shows it: a catch-all written without its
 * leading slash or as an optional wildcard — Express 4's `'*'`, Express 5's
 * `'*splat'`, `'{*splat}'` and `'/{*splat}'`, every path `/` included — as
 * `/*` and `/*splat` (Express 4's `'/*'` also serves `/`: one route, one
 * decision, whatever the path it serves); any other path as written. Only
 * on the version that reads it so (`'*splat'` on Express 4 is the paths
 * ending in `splat`): `five` is an Express 5 layer.
 */
function routePath(raw: string, five: boolean): string {
  if (!five) return raw === '*' ? '/*' : raw;
  const m = CATCH_ALL_5.exec(raw);
  return m ? `/*${m[1] ?? m[2]}` : raw;
}

/** Paths the document cannot show as they are (Express 5 optional groups, wildcards, RegExp-like syntax): mount paths. */
const knowable = (path: string): string | undefined => showablePath(path, { wildcard: false });

/** What a router holds: its layers and its parameter callbacks (`router.param(name, fn)`: a list per name). */
interface RouterLike {
  stack?: Layer[];
  params?: unknown;
}

/** The router of an Express app (5: `app.router`, 4: `app._router`), or a router itself. */
function routerOf(target: unknown): RouterLike | undefined {
  const t = target as { router?: RouterLike; _router?: RouterLike; stack?: Layer[] };
  if (Array.isArray(t.stack)) return t;
  // Express 4 keeps the router in `_router`; its `app.router` getter throws
  if (t._router?.stack) return t._router;
  return t.router;
}

/** The layer stack of an Express app or router. */
export function stackOf(target: unknown): Layer[] {
  return routerOf(target)?.stack ?? [];
}

/** Matches a layer against a path with Express's own matcher: the matched part and the parameters, or `undefined`. */
function matchLayer(layer: Layer, path: string): { path: string; params: Record<string, string> } | undefined {
  const saved = { path: layer.path, params: layer.params };
  try {
    const m = layer.match(path);
    if (!m) return undefined;
    return typeof m === 'object' ? { path: m.path, params: m.params } : { path: layer.path ?? '', params: layer.params ?? {} };
  } catch {
    return undefined; // malformed percent-encoding: Express answers it itself
  } finally {
    // Express 4 keeps the match on the layer: leave it as Express left it.
    if (saved.path !== layer.path) layer.path = saved.path;
    if (saved.params !== layer.params) layer.params = saved.params;
  }
}

/** One segment of an Express 4 mount RegExp: a literal (escaped) or a parameter. */
const E4_SEGMENT = /\\\/((?:[\w~-]|\\[.$+])+)|\(\?:\\\/\(\[\^\/\]\+\?\)\)/y;

/**
 * The mount path of an Express 4 `use()` layer, read back from the RegExp
 * Express 4 compiled it to (`^\/v1\/?(?=\/|$)`, parameters as
 * `(?:\/([^/]+?))`); `undefined` for anything else.
 */
function express4Mount(layer: Layer): string | undefined {
  const source = layer.regexp?.source;
  const tail = '\\/?(?=\\/|$)';
  if (!source?.startsWith('^') || !source.endsWith(tail)) return undefined;
  const body = source.slice(1, -tail.length);
  const keys = layer.keys ?? [];
  let path = '';
  let param = 0;
  E4_SEGMENT.lastIndex = 0;
  while (E4_SEGMENT.lastIndex < body.length) {
    const at = E4_SEGMENT.lastIndex;
    const m = E4_SEGMENT.exec(body);
    if (!m || m.index !== at) return undefined;
    if (m[1] !== undefined) path += `/${m[1].replace(/\\/g, '')}`;
    else {
      const key = keys[param++];
      if (key === undefined || typeof key.name !== 'string') return undefined;
      path += `/:${key.name}`;
    }
  }
  return path || undefined;
}

/** Where a `use()` layer is mounted: its path on Express 5, read back from the RegExp on Express 4; else unknown. */
function mountOf(layer: Layer): string | undefined {
  if (layer.rawPath !== undefined) {
    const [first, ...rest] = strings(layer.rawPath);
    return rest.length === 0 && first !== undefined ? knowable(first) : undefined;
  }
  return layer.regexp?.fast_slash ? '/' : express4Mount(layer);
}

/** A layer Express itself made (`router` 2's or Express 4's `Layer`): matched by Express's own matcher, run by Express. */
const isLayer = (layer: unknown): boolean => {
  const l = layer as Layer | null;
  return typeof l === 'object' && l !== null && typeof l.match === 'function' && typeof l.handle === 'function' && (typeof l.handleRequest === 'function' || typeof l.handle_request === 'function');
};

/**
 * Whether a function is an Express router (`express.Router()`, an app's
 * router): Express's own dispatch (`handle`, with `use`, `route`, `param`)
 * over a stack of Express layers, so its routes and middleware can be read
 * and installed on. Anything else with a `stack` — a connect app (Vite's
 * `server.middlewares`: layers `{ route: '/assets', handle }`), a function
 * given a `stack` property — is opaque middleware: it gets the strictest
 * requirement of the guards before it, as any middleware does.
 */
function isExpressRouter(fn: unknown): boolean {
  const r = fn as Layer['handle'];
  return (
    typeof r === 'function' &&
    Array.isArray(r.stack) &&
    typeof r.handle === 'function' &&
    typeof r.use === 'function' &&
    typeof r.route === 'function' &&
    typeof r.param === 'function' &&
    (r.stack as unknown[]).every(isLayer)
  );
}

const isRouter = (layer: Layer): boolean => isExpressRouter(layer.handle);
const isSubApp = (layer: Layer): boolean => layer.handle?.name === 'mounted_app';
/** Middleware that runs for requests (error handlers take four arguments and do not). */
const isMiddleware = (layer: Layer): boolean => typeof layer.handle === 'function' && layer.handle.length < 4;

/** The methods a route for every method (`router.all()`) is a route of in the table: those of OpenAPI (HEAD is served by GET). */
const EVERY_METHOD = ['get', 'post', 'put', 'delete', 'options', 'patch', 'trace'];

/**
 * Whether a route serves every method: `router.all()` / `route.all()`
 * (Express marks it `_all`), or `app.all()`, which registers each of
 * Node's methods one by one.
 */
const servesEvery = (route: RouteLike): boolean => route.methods._all === true || METHODS.every((m) => route.methods[m.toLowerCase()]);

/**
 * The methods a route serves, as the table lists it. A route for every
 * method (`router.all()`, `app.all()`) serves every method of the document
 * when its handler answers by itself (declared without `next`:
 * `(req, res) => …`) on a path the document can show; otherwise it is
 * middleware on its path (`app.all('*splat', loadUser)`,
 * `router.all('/api/x', check)`): no entry of its own, in front of the
 * routes after it that its path matches, as a `use()` middleware is. A
 * route of `route.all(check).get(handler)` serves its own methods, `check`
 * in front of the handler.
 */
function methodsOf(route: RouteLike, knownPath: boolean): string[] {
  const own = Object.keys(route.methods).filter((m) => m !== '_all' && route.methods[m]);
  if (!servesEvery(route) || (route.methods._all && own.length > 0)) return own;
  if (!knownPath) return [];
  const last = handlesFor(route, 'get').at(-1);
  return typeof last === 'function' && last.length < 3 ? EVERY_METHOD : [];
}

/** A route that is middleware on its path (see {@link methodsOf}): a route for every method serving no method of the table. */
const onPath = (route: RouteLike, knownPath: boolean): boolean => servesEvery(route) && methodsOf(route, knownPath).length === 0;

/** The handlers a route runs for a method (its own middleware first, the handler last). */
function handlesFor(route: RouteLike, method: string): unknown[] {
  const m = method.toLowerCase();
  const own = m === 'head' && !route.methods.head ? 'get' : m;
  return route.stack.filter((l) => (l.method === undefined || l.method === own) && !isCheckpoint(l.handle)).map((l) => l.handle);
}

/** A route's own handlers for a method (its middleware first, the handler last), checkpoints left out. */
export const routeHandles = (route: object, method: string): unknown[] => handlesFor(route as RouteLike, method);

/**
 * The functions a route's stack may run for a method, as far as they can be
 * seen: its own handlers, and what the Express routers among them hold
 * (`app.get('/x', requireAuth, handler)` with `requireAuth.use(auth)`), each
 * router opened once. A function that calls another (`(req, res, next) =>
 * auth(req, res, next)`) cannot be seen through.
 */
export function reachedBy(route: object, method: string): unknown[] {
  const out: unknown[] = [];
  const opened = new Set<unknown>();
  const open = (fns: readonly unknown[]): void => {
    for (const fn of fns) {
      out.push(fn);
      if (opened.has(fn) || !isExpressRouter(fn)) continue;
      opened.add(fn);
      for (const layer of (fn as { stack: Layer[] }).stack) open(layer.route ? layer.route.stack.map((l) => l.handle) : [layer.handle]);
    }
  };
  open(handlesFor(route as RouteLike, method));
  return out;
}

/** A route of the table, with the Express route it comes from (and how many paths that route has). */
export type ExpressEntry = TableRoute & { readonly route?: object; readonly paths?: number };

/** The handlers of routes that are middleware on their path (`app.all('*splat', loadUser)`), as {@link walk} found them. */
const pathMiddleware = new WeakSet<object>();

/**
 * Whether a function in an entry's `before` is the app's own middleware
 * that may answer by itself: a `use()` middleware wrapped by
 * {@link install}, or the handler of a route that is middleware on its
 * path, unless it is one of the entry's own route's handlers (which run
 * after its checkpoint).
 */
export const isAppMiddleware = (fn: unknown, entry: ExpressEntry): boolean =>
  isWrapped(fn) || (typeof fn === 'function' && pathMiddleware.has(fn) && !(entry.route !== undefined && routeHandles(entry.route, entry.method).includes(fn)));

/** A path relative to a stack, as a matcher can test it (`:id` stands for any segment). */
type Rel = string | undefined;

/**
 * Every route of a layer stack with paths relative to it, in dispatch
 * order, with the middleware in front of each: `use()` layers placed
 * before it whose mount covers it (tested with Express's own matcher on the
 * route's path), nested routers' own, and the route's own middleware.
 */
function* walk(stack: readonly Layer[]): Generator<ExpressEntry & { rel: Rel }> {
  // use() middleware and routes that are middleware on their path, in order
  const uses: Layer[] = [];
  const applicable = (rel: Rel, method = 'get') =>
    uses.filter((u) => rel === undefined || matchLayer(u, rel) !== undefined).flatMap((u) => (u.route ? handlesFor(u.route, method) : [u.handle]));
  for (const layer of stack) {
    if (layer.route) {
      const route = layer.route;
      const paths = strings(route.path);
      const five = layer.rawPath !== undefined;
      for (const written of paths.length ? paths : [undefined]) {
        const raw = written === undefined ? undefined : routePath(written, five);
        const rel = raw === undefined ? undefined : showablePath(raw);
        // a route for every method is one on a plain path only (app.all('/api/*splat', proxy) is middleware on its path)
        for (const method of methodsOf(route, raw !== undefined && knowable(raw) !== undefined)) {
          const handles = handlesFor(route, method);
          yield { method: method.toUpperCase(), path: rel, rel, handler: handles.at(-1), before: [...applicable(rel, method), ...handles.slice(0, -1)], where: `path ${String(written ?? route.path)}`, fix: rel === undefined ? UNKNOWN_PATH_FIX : undefined, route, paths: paths.length };
        }
      }
      if ((paths.length ? paths : [undefined]).every((raw) => onPath(route, raw !== undefined && knowable(raw) !== undefined))) {
        uses.push(layer);
        for (const fn of handlesFor(route, 'get')) pathMiddleware.add(fn as object);
      }
    } else if (isRouter(layer)) {
      const mount = mountOf(layer);
      for (const e of walk(layer.handle!.stack as Layer[])) {
        const rel = mount === undefined || e.rel === undefined ? undefined : mount === '/' ? e.rel : joinPath(mount, e.rel);
        yield { ...e, rel, path: rel, before: [...applicable(rel, e.method.toLowerCase()), ...e.before], where: mount === undefined ? 'a router mounted on a path Express does not expose' : e.where };
      }
    } else if (isSubApp(layer)) {
      const at = mountOf(layer);
      yield {
        method: 'ALL',
        path: undefined,
        rel: undefined,
        handler: layer.handle,
        before: applicable(undefined),
        where: `an app mounted with app.use()${at === undefined ? '' : ` at ${at}`}`,
        fix: 'the routes of an app mounted on another cannot be seen from there; mount an express.Router() instead of an app, or place the guard inside the mounted app (subApp.use(auth)) and pass that app to d.docs()',
      };
    } else if (isMiddleware(layer)) uses.push(layer);
  }
}

/**
 * The routes behind the routers a stack mounts on a path with parameter
 * `name` (`router.use('/orgs/:org', orgs)`; a mount path Express does not
 * expose counts too): where a request may be going when Express runs that
 * parameter's callbacks for a `use()` layer, before it chooses the route.
 */
export function routesBehind(stack: readonly unknown[], name: string): object[] {
  const out: object[] = [];
  for (const layer of stack as Layer[]) {
    if (layer.route || !isRouter(layer)) continue;
    const mount = mountOf(layer);
    if (mount !== undefined && !mount.split('/').some((segment) => segment.startsWith(`:${name}`))) continue;
    for (const e of walk(layer.handle!.stack as Layer[])) if (e.route && !out.includes(e.route)) out.push(e.route);
  }
  return out;
}

/** The template prefix of an Express sub-app (`app.use('/v1', sub)`), from its `mountpath` chain; `undefined` when not a string. */
function appPrefix(target: unknown): string | undefined {
  let prefix = '';
  for (let app = target as AppLike | undefined; app && app.parent; app = app.parent) {
    const mount = typeof app.mountpath === 'string' ? knowable(app.mountpath) : undefined;
    if (mount === undefined) return undefined;
    prefix = joinPath(mount, prefix);
  }
  return prefix === '/' ? '' : prefix;
}

/**
 * Every route of an Express app or router, in dispatch order, with its full
 * path (a sub-app's mount path included; `undefined` when it cannot be
 * known) and the middleware in front of it.
 */
export function* expressRoutes(target: unknown): Generator<ExpressEntry> {
  const prefix = appPrefix(target);
  for (const { rel, ...entry } of walk(stackOf(target))) yield { ...entry, path: prefix === undefined || rel === undefined ? undefined : prefix ? joinPath(prefix, rel) : rel };
}

/** What installing needs of the adapter: the checkpoint of a route and the wrapper of a middleware, made once each. */
export interface Seam {
  /** The function placed first in a route's stack, for each method it serves: the guards decide there. */
  checkpoint(route: object): (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
  /** The app's own middleware, wrapped: the guards pending on a request check their strictest requirement before it runs. */
  wrap(fn: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown;
  /** depends' own functions (guards, route markers, docs routes), never wrapped. */
  isOwn(fn: unknown): boolean;
  /** Who installs (one per `createDepends()`): what another one installed on a router two apps share is not this one's, and is wrapped again. */
  readonly owner: object;
  /** A parameter callback (`router.param(name, fn)`) of the router whose layers are `stack`, wrapped: Express runs them before the route's stack, so the guards decide there first. */
  param(fn: (...args: unknown[]) => unknown, stack: readonly unknown[]): (...args: unknown[]) => unknown;
  /** The handle of a route's layer (what calls `route.dispatch`), wrapped: it tells where the request is, from the route's dispatch until the route passes it on. */
  enter(route: object, dispatch: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown;
}

/** Whether a function is a middleware wrapped by {@link install} (marked by the adapter with core's `markInstalled`). */
const isWrapped = (fn: unknown): boolean => installedKind(fn) === 'wrapper';
/** Whether a function is a route's checkpoint (not one of the route's own handlers). */
const isCheckpoint = (fn: unknown): boolean => installedKind(fn) === 'checkpoint';

/** The parameter callbacks of an app's router or a router, or `undefined`. */
function paramsOf(target: unknown): Record<string, unknown[]> | undefined {
  const params = routerOf(target)?.params;
  return typeof params === 'object' && params !== null ? (params as Record<string, unknown[]>) : undefined;
}

/** Wraps the parameter callbacks of a router in place; returns their lists, to tell later whether one was added. */
function installParams(params: Record<string, unknown[]>, seam: Seam, stack: readonly unknown[]): unknown[][] {
  const lists: unknown[][] = [];
  for (const name of Object.keys(params)) {
    const list = params[name];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) if (typeof list[i] === 'function' && !installedBy(list[i], seam.owner) && !seam.isOwn(list[i])) list[i] = seam.param(list[i] as (...args: unknown[]) => unknown, stack);
    lists.push(list);
  }
  return lists;
}

/** How many parameter names have callbacks (counted without making a list: this runs for every request a guard sees). */
function nameCount(params: object): number {
  let n = 0;
  for (const _ in params) n++;
  return n;
}

/** What an install went through: the layer stacks and parameter callback lists (live arrays), the routers' parameter callbacks by name. */
export interface InstalledOn {
  readonly stacks: readonly unknown[][];
  readonly params: readonly object[];
  /** The routers gone through and the layer lists they held: a list replaced (`router.stack = []`, a reload) means installing again. */
  readonly routers: readonly (readonly [router: object, stack: unknown[]])[];
  /** depends' own functions placed with `use()` in the stacks gone through (guards waiting there for the route Express chooses). */
  readonly uses: ReadonlySet<unknown>;
}

/** What an install went through as it was, to compare with later (see {@link unchanged}): lengths and name counts, and each list's last element. */
export const sizesOf = (on: InstalledOn): { counts: number[]; lasts: unknown[] } => ({ counts: [...on.stacks.map((s) => s.length), ...on.params.map(nameCount)], lasts: on.stacks.map((s) => s.at(-1)) });

/**
 * Puts the guards where Express dispatches, throughout an app (nested
 * routers and sub-apps included): a checkpoint first in every route's
 * stack, once for each method the route serves (`route.get(fn)`, moved to
 * the front), the handle of every route's layer wrapped (where the route's
 * dispatch starts and ends), every other middleware wrapped in place, and
 * every parameter callback (`router.param()`, `app.param()`) wrapped in its
 * list. Safe to run again: what is installed already is left as it is.
 * Returns the layer stacks it went through, to tell later whether the app
 * has changed.
 */
export function install(app: unknown, seam: Seam): InstalledOn {
  const stacks: unknown[][] = [];
  const params: object[] = [];
  const routers: [object, unknown[]][] = [];
  const uses = new Set<unknown>();
  const visit = (stack: Layer[], router: unknown): void => {
    stacks.push(stack);
    const holder = routerOf(router);
    if (holder !== undefined) routers.push([holder, stack]);
    const callbacks = paramsOf(router);
    if (callbacks !== undefined) {
      stacks.push(...installParams(callbacks, seam, stack));
      params.push(callbacks);
    }
    for (const layer of stack) {
      if (layer.route) {
        installRoute(layer.route as RouteLike & Record<string, unknown>, seam);
        if (typeof layer.handle === 'function' && !installedBy(layer.handle, seam.owner)) layer.handle = seam.enter(layer.route, layer.handle) as Layer['handle'];
        // a method added to the route later (app.route('/items').post(…)) means installing again: its checkpoint
        stacks.push(layer.route.stack);
      }
      else if (isRouter(layer)) visit(layer.handle!.stack as Layer[], layer.handle);
      else if (isMiddleware(layer) && seam.isOwn(layer.handle)) uses.add(layer.handle);
      // a sub-app is a middleware here: its routes cannot be reached from the parent, so it gets the strictest requirement
      else if (isMiddleware(layer) && !installedBy(layer.handle, seam.owner)) {
        layer.handle = seam.wrap(layer.handle!) as Layer['handle'];
      }
    }
  };
  visit(stackOf(app), app);
  return { stacks, params, routers, uses };
}

/** Adds the checkpoint of a route first in its stack (for each method it serves), unless it is there. */
function installRoute(route: RouteLike & Record<string, unknown>, seam: Seam): void {
  const cp = seam.checkpoint(route);
  const have = new Set(route.stack.filter((l) => l.handle === cp).map((l) => l.method ?? '_all'));
  const methods = route.methods._all ? ['_all'] : Object.keys(route.methods).filter((m) => route.methods[m]);
  for (const m of methods) {
    if (have.has(m)) continue;
    const add = route[m === '_all' ? 'all' : m];
    if (typeof add !== 'function') continue;
    (add as (fn: unknown) => unknown).call(route, cp);
    route.stack.unshift(route.stack.pop()!);
  }
}

/**
 * Whether the stacks (and parameter callbacks) an install went through
 * still have what they had: the same lengths and last elements (a route,
 * router or callback added since, or routes removed and registered again,
 * means installing again), each router still holding the list it held.
 */
export function unchanged(on: InstalledOn, sizes: { readonly counts: readonly number[]; readonly lasts: readonly unknown[] }): boolean {
  const { stacks, params, routers } = on;
  for (let i = 0; i < stacks.length; i++) if (stacks[i].length !== sizes.counts[i] || stacks[i].at(-1) !== sizes.lasts[i]) return false;
  for (let i = 0; i < params.length; i++) if (nameCount(params[i]) !== sizes.counts[stacks.length + i]) return false;
  for (const [router, stack] of routers) if ((router as RouterLike).stack !== stack) return false;
  return true;
}

