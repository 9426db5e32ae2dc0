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
import { installedBy, installedKind, markInstalled as markAsInstalled, showablePath, type TableRoute } from '@depends/core/adapter';

type Fn = (...args: any[]) => unknown;

interface KoaLayer {
  path: string | RegExp;
  /** Empty for a `use()` layer. */
  methods: string[];
  stack: Fn[];
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

/**
 * Every route of a router (nested routers are already flattened into its
 * stack, with their prefixes), with the middleware in front of it: `before`
 * (the app's), the router's `use()` layers placed before it that match its
 * path, and its own middleware. `HEAD` beside `GET` is skipped.
 */
function* routerRoutes(router: KoaRouter<any, any>, before: readonly unknown[]): Generator<KoaEntry> {
  const uses: KoaLayer[] = [];
  for (const layer of layersOf(router)) {
    if (layer.methods.length === 0) {
      uses.push(layer);
      continue;
    }
    const path = knowable(layer.path);
    const stack = ownStack(layer);
    const applicable = uses.filter((u) => path === undefined || u.match(path)).flatMap((u) => u.stack);
    const methods = layer.methods.filter((m) => !(m === 'HEAD' && layer.methods.includes('GET')));
    for (const method of methods)
      yield { method, path, handler: stack.at(-1), before: [...before, ...applicable, ...stack.slice(0, -1)], where: `path ${String(layer.path)}`, layer };
  }
}

/** Every route of a target: of the router itself, or of every router a Koa app `use()`s (behind the app's middleware placed before it). */
export function* targetRoutes(target: KoaRouter<any, any> | Koa<any, any>): Generator<KoaEntry> {
  if (isKoaRouter(target)) {
    yield* routerRoutes(target, []);
    return;
  }
  const uses: unknown[] = [];
  for (const m of target.middleware) {
    const router = routerOf(m);
    if (router) yield* routerRoutes(router, uses);
    else uses.push(m);
  }
}

/** What installing needs of the adapter: a route layer's checkpoint and a middleware's wrapper, made once each. */
export interface Seam {
  /** The function placed first in a route layer's stack: the guards decide there. */
  checkpoint(layer: object): Fn;
  /** Any other middleware, wrapped: the guards pending on a request check their strictest requirement before it runs. */
  wrap(fn: Fn): Fn;
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
  /** Guards placed with `use()` (on the app, or in a router's `use()` layer). */
  readonly uses: ReadonlySet<unknown>;
  /** Whether app-level middleware comes after such a guard: Koa runs the wrapped ones only if it composes the app after installing. */
  readonly wrapsAfterGuard: boolean;
  /** Whether it changed a stack (a checkpoint put in or moved, a middleware wrapped): a chain @koa/router built before may lack them. */
  readonly changed: boolean;
}

/**
 * Puts the guards where @koa/router dispatches, on a Koa app (every router
 * it uses) or a router: its checkpoint first in every route layer's stack
 * (moved back to the front when something was inserted before it, or a
 * nested router's copy brought another layer's), every function of a
 * `use()` layer and every app-level middleware that is not a router
 * wrapped in place. Safe to run again: what is installed is left as it is.
 */
export function install(target: KoaRouter<any, any> | Koa<any, any>, seam: Seam): Placement {
  const stacks: unknown[][] = [];
  const holders: [object, 'stack' | 'middleware', unknown[]][] = [];
  const uses = new Set<unknown>();
  let changed = false;
  const wrapIn = (stack: Fn[], i: number): void => {
    const fn = stack[i];
    if (seam.isGuard(fn)) uses.add(fn);
    else if (!seam.isOwn(fn) && !installedBy(fn, seam.owner) && !isCheckpoint(fn)) {
      stack[i] = seam.wrap(fn);
      changed = true;
    }
  };
  const seen = new Set<unknown[]>();
  const visit = (router: KoaRouter<any, any>): boolean => {
    const layers = layersOf(router);
    stacks.push(layers);
    holders.push([router, 'stack', layers]);
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
    return layers.some((l) => l.methods.length === 0 && l.stack.some((f) => seam.isGuard(f)));
  };
  if (isKoaRouter(target)) {
    visit(target);
    return { stacks, holders, uses, wrapsAfterGuard: false, changed };
  }
  const middleware = target.middleware as Fn[];
  stacks.push(middleware);
  holders.push([target, 'middleware', middleware]);
  let guarded = false;
  let wrapsAfterGuard = false;
  for (let i = 0; i < middleware.length; i++) {
    const router = routerOf(middleware[i]);
    if (router) guarded = visit(router) || guarded;
    else {
      wrapsAfterGuard ||= guarded && !seam.isOwn(middleware[i]);
      guarded ||= seam.isGuard(middleware[i]);
      wrapIn(middleware, i);
    }
  }
  return { stacks, holders, uses, wrapsAfterGuard, changed };
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
  let guard = middleware.findIndex(isGuard);
  let refusing = false;
  for (let i = guard + 1; guard >= 0 && i < middleware.length; i++) {
    const fn = middleware[i];
    const router = routerOf(fn);
    if (router === undefined) refusing ||= !isOwn(fn) && !actsAfter(fn);
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
