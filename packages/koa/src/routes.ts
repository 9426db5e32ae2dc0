/**
 * @koa/router's route tables (internal): every route with the middleware in
 * front of it, for the document (mounted routes, single handlers, guarded
 * routes), and the route a request is dispatched to, found with the
 * routers' own matchers.
 */
import type Koa from 'koa';
import type { Context } from 'koa';
import type { Router as KoaRouter } from '@koa/router';
import type { TableRoute } from '@depends/core/adapter';

interface KoaLayer {
  path: string | RegExp;
  methods: string[];
  stack: unknown[];
  match(path: string): boolean;
  captures(path: string): string[];
  params(path: string, captures: string[], existing?: Record<string, string>): Record<string, string>;
}

/** Whether a target is a `@koa/router` router (else a Koa app). */
export function isKoaRouter(target: KoaRouter<any, any> | Koa<any, any>): target is KoaRouter<any, any> {
  return typeof (target as KoaRouter).register === 'function' && Array.isArray((target as KoaRouter).stack);
}

const routerOfMiddleware = (m: unknown): KoaRouter<any, any> | undefined => (m as { router?: KoaRouter }).router;

/** Paths the document cannot show as they are (optional groups, wildcards, RegExp paths). */
const knowable = (path: string | RegExp): string | undefined => (typeof path !== 'string' || /[{}*()?+]/.test(path) ? undefined : path);

/**
 * Every route of a router (nested routers are already flattened into its
 * stack, with their prefixes), with the middleware in front of it: `before`
 * (the app's), the router's `use()` layers placed before it that match its
 * path, and its own middleware. `HEAD` beside `GET` is skipped.
 */
function* routerRoutes(router: KoaRouter<any, any>, before: readonly unknown[]): Generator<TableRoute> {
  const uses: KoaLayer[] = [];
  for (const layer of router.stack as unknown as KoaLayer[]) {
    if (layer.methods.length === 0) {
      uses.push(layer);
      continue;
    }
    const path = knowable(layer.path);
    const applicable = uses.filter((u) => path === undefined || u.match(path)).flatMap((u) => u.stack);
    const methods = layer.methods.filter((m) => !(m === 'HEAD' && layer.methods.includes('GET')));
    for (const method of methods)
      yield { method, path, handler: layer.stack.at(-1), before: [...before, ...applicable, ...layer.stack.slice(0, -1)], where: `path ${String(layer.path)}` };
  }
}

/** Every route of a target: of the router itself, or of every router a Koa app `use()`s (behind the app's middleware placed before it). */
export function* targetRoutes(target: KoaRouter<any, any> | Koa<any, any>): Generator<TableRoute> {
  if (isKoaRouter(target)) {
    yield* routerRoutes(target, []);
    return;
  }
  const uses: unknown[] = [];
  for (const m of target.middleware) {
    const router = routerOfMiddleware(m);
    if (router) yield* routerRoutes(router, uses);
    else uses.push(m);
  }
}

/** The route a request is dispatched to, and its path parameters. */
export interface Dispatched {
  readonly entry: TableRoute;
  readonly params: Record<string, string>;
}

/**
 * The route a request is dispatched to, asked of each router the app uses
 * in turn (`router.match()`: the router's own rules for case, trailing
 * slashes and prefixes), with every middleware in front of its handler.
 * `undefined` when no router has a route for it (Koa's 404); `'unseen'`
 * when `self` is nowhere on the way (e.g. inside an app mounted with
 * koa-mount, whose routers cannot be searched): the caller fails closed.
 */
export function dispatchedRoute(ctx: Context, self: unknown): Dispatched | undefined | 'unseen' {
  const uses: unknown[] = [];
  let seen = false;
  for (const m of ctx.app.middleware) {
    const router = routerOfMiddleware(m);
    if (!router) {
      if (m === self) seen = true;
      uses.push(m);
      continue;
    }
    const c = ctx as unknown as { routerPath?: string; newRouterPath?: string };
    const path = (router.opts as { routerPath?: string }).routerPath || c.newRouterPath || ctx.path || c.routerPath || '';
    const matched = router.match(path, ctx.method) as unknown as { pathAndMethod: KoaLayer[]; route: boolean };
    const layers = matched.pathAndMethod;
    const index = layers.findIndex((l) => l.methods.length > 0);
    if (index === -1) {
      if (layers.some((l) => l.stack.includes(self))) seen = true;
      continue;
    }
    const route = layers[index];
    const before = [...uses, ...layers.slice(0, index).flatMap((l) => l.stack), ...route.stack.slice(0, -1)];
    if (before.includes(self)) seen = true;
    if (!seen) return 'unseen';
    const entry: TableRoute = { method: ctx.method, path: knowable(route.path), handler: route.stack.at(-1), before, where: `path ${String(route.path)}` };
    return { entry, params: route.params(path, route.captures(path), {}) };
  }
  return seen ? undefined : 'unseen';
}
