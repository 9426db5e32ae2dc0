/**
 * @koa/router's route tables (internal): where each middleware function is
 * registered, for the document's single-handler routes.
 */
import type Koa from 'koa';
import type { Router as KoaRouter } from '@koa/router';

/** Whether a target is a `@koa/router` router (else a Koa app). */
export function isKoaRouter(target: KoaRouter<any, any> | Koa<any, any>): target is KoaRouter<any, any> {
  return typeof (target as KoaRouter).register === 'function' && Array.isArray((target as KoaRouter).stack);
}

/** The routers of a target: itself, or those a Koa app `use()`s (`router.routes()` keeps `.router`). */
export function routersOf(target: KoaRouter<any, any> | Koa<any, any>): KoaRouter<any, any>[] {
  if (isKoaRouter(target)) return [target];
  return target.middleware.map((m) => (m as { router?: KoaRouter }).router).filter((r): r is KoaRouter => r !== undefined);
}

/**
 * Every `[middleware, METHOD, path]` of a router (nested routers are already
 * flattened into its stack, with their prefixes). `HEAD` beside `GET` and
 * RegExp paths are skipped.
 */
export function* koaRoutes(router: KoaRouter<any, any>): Generator<[unknown, string, string]> {
  for (const layer of router.stack) {
    if (typeof layer.path !== 'string') continue;
    const methods = layer.methods.filter((m) => !(m === 'HEAD' && layer.methods.includes('GET')));
    for (const fn of layer.stack) for (const method of methods) yield [fn, method, layer.path];
  }
}

/** Every `[middleware, METHOD, path]` of a target: of the router itself, or of every router a Koa app `use()`s. */
export function* targetRoutes(target: KoaRouter<any, any> | Koa<any, any>): Generator<[unknown, string, string]> {
  for (const router of routersOf(target)) yield* koaRoutes(router);
}
