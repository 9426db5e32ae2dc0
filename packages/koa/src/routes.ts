/**
 * @koa/router's route tables (internal): every route with the middleware in
 * front of it, for the document (mounted routes, single handlers, guarded
 * routes), and where the guards are put: a checkpoint first in every route
 * layer's stack (@koa/router builds each request's chain from the matched
 * layers' stacks: that is where it dispatches), every other middleware
 * wrapped.
 */
import type Koa from 'koa';
import { Router as KoaRouter } from '@koa/router';
import { ConfigurationError, ErrorCode } from '@depends/core';
import { installedBy, installedKind, markInstalled as markAsInstalled, showablePath, type TableRoute } from '@depends/core/adapter';

type Fn = (...args: any[]) => unknown;

interface KoaLayer {
  path: string | RegExp;
  /** Empty for a `use()` layer. */
  methods: string[];
  stack: Fn[];
  /** `end`: the whole path must match (else a prefix, ending at a `/`); `pathAsRegExp`: `path` is a regular expression's source. */
  opts?: { end?: boolean; pathAsRegExp?: boolean };
  match(path: string): boolean;
}

/** Whether a target is a `@koa/router` router (else a Koa app). */
export function isKoaRouter(target: KoaRouter<any, any> | Koa<any, any>): target is KoaRouter<any, any> {
  return typeof (target as KoaRouter).register === 'function' && Array.isArray((target as KoaRouter).stack);
}

/** The router a `router.routes()` middleware dispatches to (its public `router` property). */
const routerOf = (m: unknown): KoaRouter<any, any> | undefined => (m as { router?: KoaRouter }).router;
const layersOf = (router: KoaRouter<any, any>): KoaLayer[] => router.stack as unknown as KoaLayer[];

/** Paths the document cannot show as they are (optional groups, wildcards before the last segment, RegExp paths). */
const knowable = (path: string | RegExp): string | undefined => (typeof path === 'string' ? showablePath(path) : undefined);

/** Whether a function is a middleware wrapped by {@link install} that gets the strictest requirement before it runs (so may not stand before a route let through with less). */
export const isWrapped = (fn: unknown): boolean => installedKind(fn) === 'wrapper';
const isCheckpoint = (fn: unknown): boolean => installedKind(fn) === 'checkpoint';

/**
 * What @koa/router reads to keep a `router.param()` callback after the
 * middleware before it: a checkpoint carrying one (never a parameter's
 * name) keeps the callbacks added later behind it, so it still runs first.
 */
const AFTER_PARAMS = Symbol('depends.checkpoint');

/**
 * Marks what {@link Seam.wrap} or {@link Seam.checkpoint} made (the adapter
 * calls it on them), with who made it (`owner`) and the function it wraps
 * (`inner`, itself perhaps installed by another `createDepends()`).
 */
export function markInstalled<F extends object>(fn: F, kind: 'wrapper' | 'after' | 'checkpoint', owner: object, inner?: unknown): F {
  if (kind === 'checkpoint') Object.defineProperty(fn, 'param', { value: AFTER_PARAMS });
  return markAsInstalled(fn, kind, owner, inner);
}

/** What a function {@link Seam.place} made stands for: the guard or route marker itself. */
const PLACED = Symbol('depends.placed');

/**
 * Marks the function {@link Seam.place} made for a guard or a route marker
 * (`inner`): what the install puts where it reads the routes behind it
 * (the app's middleware, a router's `use()` layer). The guard or marker
 * itself then runs only where no install put it: a route's own stack, or a
 * place the install never saw (a Koa app mounted with koa-mount, a composed
 * bundle), which it can tell by that alone.
 */
export function markPlaced<F extends object>(fn: F, owner: object, inner: unknown): F {
  Object.defineProperty(fn, PLACED, { value: inner });
  return markAsInstalled(fn, 'placed', owner, inner);
}

/** The guard or route marker a function placed by an install stands for (see {@link markPlaced}); any other function itself. */
export const unplaced = (fn: unknown): unknown => (typeof fn === 'function' ? ((fn as unknown as Record<symbol, unknown>)[PLACED] ?? fn) : fn);

/** Whether a route layer's stack holds `router.param()` callbacks (run before the route's own middleware: after its checkpoint). */
export const hasParams = (layer: object): boolean =>
  (layer as KoaLayer).stack.some((f) => {
    const param = (f as { param?: unknown }).param;
    return param !== undefined && param !== AFTER_PARAMS;
  });

/** Whether a middleware acts only once the rest has run: one made by `router.allowedMethods()`, or another instance's wrapper of one. */
export const actsAfter = (fn: unknown): boolean => installedKind(fn) === 'after' || isAllowedMethods(fn);

/** The source text of the middleware `router.allowedMethods()` makes (the same code for every router), once asked. */
let allowedMethodsSource: string | undefined;

/**
 * Whether `fn` was made by `router.allowedMethods()`: its code is that of
 * @koa/router's (the text of a function is its code, whatever its name),
 * which calls `next()` first and answers (`OPTIONS`, 405, 501) only once
 * the rest of the app has run, and only when nothing answered.
 */
export function isAllowedMethods(fn: unknown): boolean {
  if (typeof fn !== 'function') return false;
  allowedMethodsSource ??= Function.prototype.toString.call(new KoaRouter().allowedMethods());
  return Function.prototype.toString.call(fn) === allowedMethodsSource;
}

/** A route layer's own functions (its middleware, then its handler), checkpoints left out. */
export const ownStack = (layer: object): Fn[] => (layer as KoaLayer).stack.filter((f) => !isCheckpoint(f));

/** A route of the table, with the @koa/router layer it comes from. */
export type KoaEntry = TableRoute & { readonly layer: object };

/** What the table needs of the adapter to tell depends' own functions in `use()` layers. */
export interface TableOwn {
  /** A guard's name (`Guard "auth"`) or `d.route()` options (a route marker) for such a function; `undefined` for any other. */
  decides(fn: unknown): string | undefined;
  /** Whether `fn` is a route marker. */
  isMarker(fn: unknown): boolean;
  /** Whether a route's handler is a docs route (never guarded). */
  isExempt(handler: unknown): boolean;
}

/**
 * Every route of a router (nested routers are already flattened into its
 * stack, with their prefixes), with the middleware in front of it: `before`
 * (the app's), the functions of the router's `use()` layers placed before
 * it that @koa/router runs for it (see {@link inFront}), and its own
 * middleware. `HEAD` beside `GET` is skipped. Placed guards and markers
 * (see {@link markPlaced}) are listed as themselves.
 */
function* routerRoutes(router: KoaRouter<any, any>, before: readonly unknown[], own: TableOwn | undefined): Generator<KoaEntry> {
  const uses: KoaLayer[] = [];
  const host = (router as { host?: unknown }).host;
  for (const layer of layersOf(router)) {
    if (layer.methods.length === 0) {
      uses.push(layer);
      continue;
    }
    const path = knowable(layer.path);
    const stack = ownStack(layer);
    const applicable = inFront(uses, layer, path, stack, own);
    // (a router with the `host` option serves its routes for those hosts only: named, as two routes on one path may then differ)
    const where = `path ${String(layer.path)}${host === undefined ? '' : ` for host ${String(host)}`}`;
    const methods = layer.methods.filter((m) => !(m === 'HEAD' && layer.methods.includes('GET')));
    for (const method of methods) yield { method, path, handler: stack.at(-1), before: [...before, ...applicable, ...stack.slice(0, -1)], where, layer };
  }
}

/**
 * The functions of the `use()` layers (`uses`) @koa/router runs in front
 * of a route (`path`, as the document shows it; `undefined` when it cannot
 * be known: then every one): each layer whose path matches every path of
 * the route, and one matching only some of them (the order check must see
 * it: it may answer by itself there). A guard or route marker in such a
 * layer cannot be one route's decision, taken alike for all its requests:
 * refused, naming the route and the fix (a guard in front of a route
 * ending in a wildcard that carries no marker, `router.use('/api', auth)`
 * before a catch-all `router.get('/*path', spa)`, is left out: it decides
 * at the route, with the guard's own options, for the requests it runs
 * for).
 */
function inFront(uses: readonly KoaLayer[], route: KoaLayer, path: string | undefined, stack: readonly Fn[], own: TableOwn | undefined): unknown[] {
  const out: unknown[] = [];
  /** A guard left out in front of a catch-all: the requests it runs for are pending on it, decided at the route (with no marker there). */
  let left: [what: string, u: KoaLayer] | undefined;
  for (const u of uses) {
    const found = path === undefined ? 'all' : coverOf(u, path);
    if (found === 'none') continue;
    const fns = u.stack.map(unplaced);
    if (found === 'all' || own === undefined || own.isExempt(stack.at(-1))) {
      out.push(...fns);
      continue;
    }
    for (const fn of fns) {
      const what = own.decides(fn);
      if (what === undefined) out.push(fn);
      else if (own.isMarker(fn) || !isRest(path!)) throw partly(what, u, route, path!);
      else left ??= [what, u];
    }
  }
  if (left !== undefined && [...out, ...stack].some((fn) => own!.isMarker(fn))) throw partly(left[0], left[1], route, path!);
  return out;
}

/** A guard or route marker (`what`) in a `use()` layer that @koa/router runs for only some of a route's requests: the mistake and the fix. */
function partly(what: string, u: KoaLayer, route: KoaLayer, path: string): ConfigurationError {
  const where = `router.use(${typeof u.path === 'string' && !u.opts?.pathAsRegExp ? `'${u.path}'` : String(u.path)}, …)`;
  const methods = route.methods.filter((m) => m !== 'HEAD');
  return new ConfigurationError(
    ErrorCode.GuardOptions,
    `${what} placed with ${where} runs for only some of the requests of ${methods.length === 1 ? `${methods[0]} ` : 'the route '}${path} (or it cannot be told for which), so that route's decision, one for all its requests, cannot take it: place it on a path that matches every path of that route or none of them (router.use('/orgs', …)), on the route itself (router.get('${path}', …, handler)), or register a route of its own for the paths it is meant for, before that one`,
  );
}

/** Which of a route's paths a `use()` layer runs for: every one, some (or it cannot be told), none. */
type Cover = 'all' | 'some' | 'none';

/** A segment of a path pattern: literal text (lower-cased), a parameter (any non-empty segment), a last wildcard (one or more characters, `/` included), or a segment mixing text and parameters. */
type Segment = { readonly text: string } | 'param' | 'rest' | { readonly pattern: RegExp };

const PARAM_SEGMENT = /^:[A-Za-z_$][\w$]*$/;
const REST_SEGMENT = /^\*[A-Za-z_$][\w$]*$/;
/** What path-to-regexp reads as more than text (a parameter, a wildcard, a group, an escape). */
const SPECIAL = /[:*{}()[\]?+!\\]/;
/** The source @koa/router gives a `use()` layer without a path, after the router's prefix: the prefix, then `/` or the end. */
const ANY_AFTER = ['(?:\\/|$)', '(?:\\\\\\/|$)'];
/** What @koa/router appends to a `use('')` layer of a router whose prefix has parameters: anything, or nothing. */
const OPTIONAL_REST = '{/*rest}';

/** A path pattern's segments (see {@link Segment}), or `undefined` when it has a part they cannot say. */
function segmentsOf(path: string): Segment[] | undefined {
  if (path !== '' && !path.startsWith('/')) return undefined;
  const out: Segment[] = [];
  for (const s of path.split('/').slice(1)) {
    if (PARAM_SEGMENT.test(s)) out.push('param');
    else if (REST_SEGMENT.test(s)) out.push('rest');
    else if (!SPECIAL.test(s)) out.push({ text: s.toLowerCase() });
    else if (!SPECIAL.test(s.replace(/:[A-Za-z_$][\w$]*/g, ''))) out.push({ pattern: new RegExp(`^${s.split(/(:[A-Za-z_$][\w$]*)/).map((part, i) => (i % 2 === 1 ? '[^/]+' : part.replace(/[.^$|?*+()[\]{}\\/]/g, '\\$&'))).join('')}$`, 'i') });
    else return undefined;
  }
  return out;
}

/** A `use()` layer's path as segments, and whether it must match the whole path; `undefined` when it cannot be read (a RegExp). */
function useSegments(u: KoaLayer): { segments: Segment[]; exact: boolean } | undefined {
  if (typeof u.path !== 'string') return undefined;
  let path = u.path;
  if (u.opts?.pathAsRegExp) {
    // no path given: the router's prefix (text), then anything
    const suffix = ANY_AFTER.find((s) => path.endsWith(s));
    if (suffix === undefined) return undefined;
    path = path.slice(0, -suffix.length);
    if (/[\\^$|?*+()[\]{}]/.test(path)) return undefined;
    return { segments: path.split('/').slice(1).map((text) => ({ text: text.toLowerCase() })), exact: false };
  }
  const exact = u.opts?.end === true;
  if (!exact && path.endsWith(OPTIONAL_REST)) path = path.slice(0, -OPTIONAL_REST.length);
  const segments = segmentsOf(path);
  return segments && { segments, exact };
}

/** Whether a knowable route path ends in a wildcard (`/files/*path`). */
const isRest = (path: string): boolean => REST_SEGMENT.test(path.split('/').at(-1) ?? '');

/**
 * Which of the paths of `route` (a route's knowable path) @koa/router runs
 * a `use()` layer for: read segment by segment (a parameter matches any
 * non-empty segment, a last wildcard one or more), exact where the route
 * is one path (the layer's own match); `some` when it cannot be told.
 */
function coverOf(u: KoaLayer, route: string): Cover {
  const r = segmentsOf(route);
  if (r === undefined) return 'some';
  if (r.every((s) => typeof s === 'object' && 'text' in s)) return u.match(route) ? 'all' : 'none';
  const read = useSegments(u);
  if (read === undefined) return 'some';
  const { segments: m, exact } = read;
  for (let i = 0; i < m.length; i++) {
    const a = m[i];
    const b = r[i];
    const empty = b !== undefined && typeof b === 'object' && 'text' in b && b.text === '';
    if (a === 'rest') return b === undefined || empty ? 'none' : 'all';
    if (b === undefined) return 'none'; // the route's paths have fewer segments
    if (b === 'rest') return 'some';
    if (a === 'param') {
      if (empty) return 'none';
      continue;
    }
    if (!('text' in a)) return 'some';
    if (typeof b === 'object' && 'text' in b) {
      if (a.text !== b.text) return 'none';
    } else if (b === 'param') return a.text === '' ? 'none' : 'some';
    else return b.pattern.test(a.text) ? 'some' : 'none';
  }
  if (!exact || r.length === m.length) return 'all';
  return r.length === m.length + 1 && typeof r[m.length] === 'object' && (r[m.length] as { text?: string }).text === '' ? 'all' : 'none';
}

/** Every route of a target: of the router itself, or of every router a Koa app `use()`s (behind the app's middleware placed before it). */
export function* targetRoutes(target: KoaRouter<any, any> | Koa<any, any>, own?: TableOwn): Generator<KoaEntry> {
  if (isKoaRouter(target)) {
    yield* routerRoutes(target, [], own);
    return;
  }
  const uses: unknown[] = [];
  for (const m of target.middleware) {
    const router = routerOf(m);
    if (router) yield* routerRoutes(router, uses, own);
    else uses.push(unplaced(m));
  }
}

/** What installing needs of the adapter: a route layer's checkpoint and a middleware's wrapper, made once each. */
export interface Seam {
  /** The function placed first in a route layer's stack: the guards decide there. */
  checkpoint(layer: object): Fn;
  /** Any other middleware, wrapped: the guards pending on a request check their strictest requirement before it runs. */
  wrap(fn: Fn): Fn;
  /** What stands for a guard or route marker where the install reads it (see {@link markPlaced}); depends' other own functions themselves. */
  place(fn: Fn): Fn;
  /** Runs a router's event handlers (`'not-found'`: app code that may answer by itself) once the guards decided what they need before them. */
  beforeEvent(router: KoaRouter<any, any>, ctx: unknown, run: () => unknown): unknown;
  /** depends' own functions (guards, route markers, docs routes), never wrapped. */
  isOwn(fn: unknown): boolean;
  isGuard(fn: unknown): boolean;
  /** Who installs (one per `createDepends()`): what another one installed on a router two apps share is not this one's. */
  readonly owner: object;
}

/** What {@link install} went through and found. */
export interface Placement {
  /** The arrays it went through (the app's middleware, routers' and layers' stacks), to tell later whether they changed. */
  readonly stacks: readonly unknown[][];
  /** Where the routers' layer lists and the app's middleware list are kept (`router.stack`, `app.middleware`): a list replaced there (a reload) means installing again. */
  readonly holders: readonly (readonly [holder: object, key: 'stack' | 'middleware', list: unknown[]])[];
  /** Whether a guard stands in a router's `use()` layer (not only among the app's own middleware). */
  readonly inRouters: boolean;
  /** Whether app-level middleware comes after such a guard: Koa runs the wrapped ones only if it composes the app after installing. */
  readonly wrapsAfterGuard: boolean;
  /** Whether it changed a stack (a checkpoint put in or moved, a middleware wrapped, a guard or marker placed): a chain @koa/router built before may lack them. */
  readonly changed: boolean;
}

/**
 * Puts the guards where @koa/router dispatches, on a Koa app (every router
 * it uses) or a router: its checkpoint first in every route layer's stack
 * (moved back to the front when something was inserted before it, or a
 * nested router's copy brought another layer's), every function of a
 * `use()` layer and every app-level middleware that is not a router
 * wrapped in place (a guard or route marker placed: see
 * {@link markPlaced}), and each router's event handlers behind
 * `seam.beforeEvent`. Safe to run again: what is installed is left as it
 * is.
 */
export function install(target: KoaRouter<any, any> | Koa<any, any>, seam: Seam): Placement {
  const stacks: unknown[][] = [];
  const holders: [object, 'stack' | 'middleware', unknown[]][] = [];
  let changed = false;
  const wrapIn = (stack: Fn[], i: number): void => {
    const fn = stack[i];
    if (seam.isOwn(fn)) {
      const placed = seam.place(fn);
      if (placed === fn) return;
      stack[i] = placed;
      changed = true;
    } else if (!installedBy(fn, seam.owner) && !isCheckpoint(fn)) {
      stack[i] = seam.wrap(fn);
      changed = true;
    }
  };
  const isGuard = (fn: unknown): boolean => seam.isGuard(unplaced(fn));
  const seen = new Set<unknown[]>();
  const visit = (router: KoaRouter<any, any>): boolean => {
    const layers = layersOf(router);
    stacks.push(layers);
    holders.push([router, 'stack', layers]);
    guardEvents(router, seam);
    for (const layer of layers) {
      // a route registered on several paths (router.get(['/health', '/healthz'], …)) shares one middleware list between
      // its layers: each route layer gets its own copy, for a checkpoint of its own
      if (layer.methods.length > 0 && seen.has(layer.stack)) layer.stack = [...layer.stack];
      seen.add(layer.stack);
      stacks.push(layer.stack);
      if (layer.methods.length === 0) for (let i = 0; i < layer.stack.length; i++) wrapIn(layer.stack, i);
      else {
        const cp = seam.checkpoint(layer);
        // the checkpoints lead a layer's stack (one per createDepends() installed there)
        let lead = 0;
        while (lead < layer.stack.length && isCheckpoint(layer.stack[lead])) lead++;
        if (layer.stack.slice(0, lead).includes(cp)) continue;
        // a copy of this instance's checkpoint (a nested router's layer cloned since): replaced by the layer's own
        for (let i = layer.stack.length - 1; i >= 0; i--) if (isCheckpoint(layer.stack[i]) && installedBy(layer.stack[i], seam.owner)) layer.stack.splice(i, 1);
        layer.stack.unshift(cp);
        changed = true;
      }
    }
    return layers.some((l) => l.methods.length === 0 && l.stack.some(isGuard));
  };
  if (isKoaRouter(target)) {
    const inRouters = visit(target);
    return { stacks, holders, inRouters, wrapsAfterGuard: false, changed };
  }
  const middleware = target.middleware as Fn[];
  stacks.push(middleware);
  holders.push([target, 'middleware', middleware]);
  let guarded = false;
  let inRouters = false;
  let wrapsAfterGuard = false;
  for (let i = 0; i < middleware.length; i++) {
    const router = routerOf(middleware[i]);
    if (router) {
      const has = visit(router);
      guarded ||= has;
      inRouters ||= has;
    } else {
      wrapsAfterGuard ||= guarded && !seam.isOwn(unplaced(middleware[i]));
      guarded ||= isGuard(middleware[i]);
      wrapIn(middleware, i);
    }
  }
  return { stacks, holders, inRouters, wrapsAfterGuard, changed };
}

/** @koa/router's event emitter (15.x): handlers by event, composed and run by `emit` in place of `next()`. */
interface RouterEvents {
  emit(event: string, ctx: unknown, next: () => unknown): unknown;
  readonly _handlers?: unknown;
}

/**
 * Has a router's event handlers (@koa/router 15: `router.on('not-found',
 * …)`, run in place of `next()` when no route of the router matched: app
 * code that may answer by itself) run behind `seam.beforeEvent`, those
 * registered later included: through the router's own emitter, once per
 * owner. An event with no handler passes on as before; when the handlers
 * cannot be read, every event is taken for one that has some.
 */
function guardEvents(router: KoaRouter<any, any>, seam: Seam): void {
  const events = (router as unknown as { _events?: RouterEvents })._events;
  const emit = events?.emit;
  if (events === undefined || typeof emit !== 'function' || installedBy(emit, seam.owner)) return;
  const handled = (event: string): boolean => {
    const handlers = events._handlers;
    return handlers instanceof Map ? ((handlers.get(event) as unknown[] | undefined)?.length ?? 0) > 0 : true;
  };
  const guarded = (event: string, ctx: unknown, next: () => unknown): unknown =>
    handled(event) ? seam.beforeEvent(router, ctx, () => emit.call(events, event, ctx, next)) : emit.call(events, event, ctx, next);
  events.emit = markAsInstalled(guarded, 'events', seam.owner, emit);
}

/**
 * The functions of a router's `use()` layers @koa/router would run for a
 * request's path (as it reads it: `routerPath` and the like first), each
 * a guard or marker itself rather than what was placed for it; of every
 * `use()` layer when the path cannot be read.
 */
export function usesFor(router: KoaRouter<any, any>, ctx: unknown): unknown[] {
  const read = (router as unknown as { _getRequestPath?: (ctx: unknown) => unknown })._getRequestPath;
  const path = typeof read === 'function' ? read.call(router, ctx) : undefined;
  return layersOf(router)
    .filter((l) => l.methods.length === 0 && (typeof path !== 'string' || l.match(path)))
    .flatMap((l) => l.stack.map(unplaced));
}

/**
 * Whether the layers @koa/router matched for a request (`ctx.matched`)
 * hold what an install puts there: every route layer its checkpoint first
 * (a route `bare` says needs none, by its handler: the docs), every
 * function of a `use()` layer wrapped or depends' own.
 */
export function complete(matched: readonly object[], owner: object, isOwn: (fn: unknown) => boolean, bare: (handler: unknown) => boolean): boolean {
  for (const layer of matched as KoaLayer[]) {
    if (layer.methods.length > 0 ? !leadingCheckpointOf(layer, owner) && !bare(layer.stack.at(-1)) : layer.stack.some((fn) => !installedBy(fn, owner) && !isOwn(fn))) return false;
  }
  return true;
}

/** Whether one of the checkpoints leading a route layer's stack is `owner`'s. */
function leadingCheckpointOf(layer: KoaLayer, owner: object): boolean {
  for (const fn of layer.stack) {
    if (!isCheckpoint(fn)) return false;
    if (installedBy(fn, owner)) return true;
  }
  return false;
}

/**
 * Puts a router serving depends' docs (`isDocs`) that a Koa app uses after
 * its first guard and after a middleware that gets the guard's strictest
 * requirement first (any but a router, depends' own, `allowedMethods()`)
 * just before that guard: the docs are never behind it. Middleware before
 * the guard still runs for them.
 */
export function docsBeforeGuard(app: Koa<any, any>, isDocs: (router: unknown) => boolean, isGuard: (fn: unknown) => boolean, isOwn: (fn: unknown) => boolean): void {
  const middleware = app.middleware as Fn[];
  let guard = middleware.findIndex((fn) => isGuard(unplaced(fn)));
  let refusing = false;
  for (let i = guard + 1; guard >= 0 && i < middleware.length; i++) {
    const fn = middleware[i];
    const router = routerOf(fn);
    if (router === undefined) refusing ||= !isOwn(unplaced(fn)) && !actsAfter(fn);
    else if (refusing && isDocs(router)) middleware.splice(guard++, 0, ...middleware.splice(i, 1));
  }
}

/** What {@link unchanged} compares later: each list's length and last element. */
export const sizesOf = (stacks: readonly unknown[][]): { lengths: number[]; lasts: unknown[] } => ({ lengths: stacks.map((s) => s.length), lasts: stacks.map((s) => s.at(-1)) });

/**
 * Whether what an install went through is as it was: each list with the
 * length and last element it had (a route, router or middleware added
 * since, or routes removed and registered again, means installing again),
 * and each still the one its router or app holds (not replaced).
 */
export function unchanged(placement: Placement, sizes: { readonly lengths: readonly number[]; readonly lasts: readonly unknown[] }): boolean {
  const { stacks, holders } = placement;
  for (let i = 0; i < stacks.length; i++) if (stacks[i].length !== sizes.lengths[i] || stacks[i].at(-1) !== sizes.lasts[i]) return false;
  for (const [holder, key, list] of holders) if ((holder as Record<string, unknown>)[key] !== list) return false;
  return true;
}
