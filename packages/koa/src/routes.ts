/**
 * @koa/router's route tables (internal): every route with the middleware in
 * front of it, for the document (mounted routes, single handlers, guarded
 * routes), and where the guards are put: a checkpoint first in every route
 * layer's stack (@koa/router builds each request's chain from the matched
 * layers' stacks: that is where it dispatches), every other middleware
 * wrapped.
 */
import type Koa from 'koa';
import type { Router as KoaRouter } from '@koa/router';
import type { TableRoute } from '@depends/core/adapter';

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

/** Paths the document cannot show as they are (optional groups, wildcards, RegExp paths). */
const knowable = (path: string | RegExp): string | undefined => (typeof path !== 'string' || /[{}*()?+]/.test(path) ? undefined : path);

/** Marks what installing has made: a route layer's checkpoint, a wrapped middleware. */
const INSTALLED = Symbol('depends.installed');
const kindOf = (fn: unknown): unknown => (typeof fn === 'function' ? (fn as unknown as Record<symbol, unknown>)[INSTALLED] : undefined);

/** Whether a function is a middleware wrapped by {@link install}. */
export const isWrapped = (fn: unknown): boolean => kindOf(fn) === 'wrapper';
const isCheckpoint = (fn: unknown): boolean => kindOf(fn) === 'checkpoint';

/** Marks what {@link Seam.wrap} or {@link Seam.checkpoint} made (the adapter calls it on them). */
export function markInstalled<F extends object>(fn: F, kind: 'wrapper' | 'checkpoint'): F {
  Object.defineProperty(fn, INSTALLED, { value: kind });
  return fn;
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
}

/** What {@link install} went through and found. */
export interface Placement {
  /** The arrays it went through (the app's middleware, routers' and layers' stacks), to tell later whether they changed. */
  readonly stacks: readonly unknown[][];
  /** Guards placed with `use()` (on the app, or in a router's `use()` layer). */
  readonly uses: ReadonlySet<unknown>;
  /** Whether app-level middleware comes after such a guard: Koa runs the wrapped ones only if it composes the app after installing. */
  readonly wrapsAfterGuard: boolean;
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
  const uses = new Set<unknown>();
  const wrapIn = (stack: Fn[], i: number): void => {
    const fn = stack[i];
    if (seam.isGuard(fn)) uses.add(fn);
    else if (!seam.isOwn(fn) && kindOf(fn) === undefined) stack[i] = seam.wrap(fn);
  };
  const seen = new Set<unknown[]>();
  const visit = (router: KoaRouter<any, any>): boolean => {
    const layers = layersOf(router);
    stacks.push(layers);
    for (const layer of layers) {
      // a route registered on several paths (router.get(['/health', '/healthz'], …)) shares one middleware list between
      // its layers: each route layer gets its own copy, for a checkpoint of its own
      if (layer.methods.length > 0 && seen.has(layer.stack)) layer.stack = [...layer.stack];
      seen.add(layer.stack);
      stacks.push(layer.stack);
      if (layer.methods.length === 0) for (let i = 0; i < layer.stack.length; i++) wrapIn(layer.stack, i);
      else {
        const cp = seam.checkpoint(layer);
        if (layer.stack[0] === cp) continue;
        for (let i = layer.stack.length - 1; i >= 0; i--) if (isCheckpoint(layer.stack[i])) layer.stack.splice(i, 1);
        layer.stack.unshift(cp);
      }
    }
    return layers.some((l) => l.methods.length === 0 && l.stack.some((f) => seam.isGuard(f)));
  };
  if (isKoaRouter(target)) {
    visit(target);
    return { stacks, uses, wrapsAfterGuard: false };
  }
  const middleware = target.middleware as Fn[];
  stacks.push(middleware);
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
  return { stacks, uses, wrapsAfterGuard };
}

/** Whether the arrays an install went through still have the lengths they had (a route, router or middleware added since means installing again). */
export function unchanged(stacks: readonly unknown[][], lengths: readonly number[]): boolean {
  for (let i = 0; i < stacks.length; i++) if (stacks[i].length !== lengths[i]) return false;
  return true;
}
