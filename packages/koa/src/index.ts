/**
 * `@depends/koa`: serves `@depends/core` routes on Koa 3 (and 2) with
 * `@koa/router`. Routes declared once on a core `Router` are mounted with
 * `d.mount()`; single handlers are wrapped with `d.handler()` inside an
 * existing router; `d.docs()` serves the OpenAPI document and Swagger UI.
 *
 * @example
 * ```ts
 * import Koa from 'koa'
 * import KoaRouter from '@koa/router'
 * import { createDepends } from '@depends/koa'
 *
 * const app = new Koa()
 * const router = new KoaRouter()
 * const d = createDepends({ title: 'Todo API', version: '1.0.0' })
 * d.mount(router, api)                                                    // a core Router
 * router.get('/me', d.handler({ user: currentUser }, ({ user }) => user)) // one handler
 * d.docs(router)                                                          // /openapi.json + /docs
 * app.use(router.routes())
 * app.listen(3000)
 * ```
 */
import type Koa from 'koa';
import type { Context, Middleware } from 'koa';
import { Router as KoaRouter } from '@koa/router';
import { DependsApp } from '@depends/core';
import { AdapterKit, guardValues, setHeaders } from '@depends/core/adapter';
import { afterSent, nodeRequestView } from '@depends/core/node';
import type { Answer, AppOptions, GuardOptions, GuardRouteOptions, Handler, Inputs, OpenAPIDocument, RequestView, Router, Values } from '@depends/core';
import type { AdapterOptions, AppRoute, DocsOptions, HandlerOptions, Outcome } from '@depends/core/adapter';
import { dispatchedRoute, isKoaRouter, targetRoutes } from './routes.js';

export type { AdapterOptions, DocsOptions, HandlerOptions } from '@depends/core/adapter';
export type { GuardOptions, GuardRouteOptions } from '@depends/core';

/**
 * A guard on Koa: middleware whose resolved values land in `ctx.state`
 * (typed where it is placed on a route, or through
 * `new KoaRouter<GuardState<typeof auth>>()`), plus a typed accessor.
 *
 * @example
 * ```ts
 * const auth: KoaGuard<{ user: User }> = d.guard({ user: currentUser })
 * router.get('/me', auth, (ctx) => { ctx.body = ctx.state.user })
 * ```
 */
export type KoaGuard<V> = Middleware<V, any> & {
  /** The values the guard resolved for this request; throws when it did not run for it. */
  values(ctx: Context): V;
};

/**
 * The `ctx.state` a guard provides, for routers and apps whose routes it
 * guards from `use()`.
 *
 * @example
 * ```ts
 * import KoaRouter from '@koa/router'
 * const auth: KoaGuard<{ user: User }> = d.guard({ user: currentUser })
 * const v1 = new KoaRouter<GuardState<typeof auth>>({ prefix: '/v1' })
 * v1.get('/notes', (ctx) => { ctx.body = notes.of(ctx.state.user) })
 * ```
 */
export type GuardState<G> = G extends { values(ctx: Context): infer V } ? V : never;

/** The stand-in route of a request a guard cannot see the routes of (it then checks every request). */
const UNSEEN = { toString: () => 'a route the guard cannot see (inside an app mounted with koa-mount?)' };

/**
 * Where routes go: a `@koa/router` router, or a Koa app (a router is
 * created and `use()`d).
 *
 * @example
 * ```ts
 * d.mount(new KoaRouter({ prefix: '/v1' }), api) // or d.mount(app, api)
 * ```
 */
export type KoaTarget = KoaRouter<any, any> | Koa<any, any>;

type Kit = AdapterKit<KoaTarget, Middleware<any, any>>;

const EMPTY = new Set([204, 205, 304]);

/**
 * Serves a {@link DependsApp} on Koa. Create it with {@link createDepends};
 * `d.app` is the core app (routes, overrides, hooks).
 *
 * @example
 * ```ts
 * const d = createDepends()
 * d.mount(app, api)
 * d.app.overrides.set(currentUser, () => fakeUser) // in a test
 * ```
 */
export class DependsKoa {
  /** The core app: route table, overrides, `onError`, document. */
  readonly app: DependsApp;
  readonly #kit: Kit;

  constructor(app: DependsApp, options: AdapterOptions = {}) {
    this.app = app;
    this.#kit = new AdapterKit(app, options, {
      serve: (route) => this.#serve(route),
      routes: targetRoutes,
      // The handler returned the context, or set ctx.body itself and returned nothing.
      native: (value, view) => value === view.native || (value === undefined && (view.native as Context).body !== undefined),
    });
  }

  /**
   * Registers every route of a core `Router` on a `@koa/router` router, or
   * on a Koa app (through a new router it `use()`s), and in the document.
   *
   * @example
   * ```ts
   * const api = new Router({ dependencies: [verifyKey] })
   * api.get('/items/{id}', { id: path('id') }, ({ id }) => items.get(id))
   * d.mount(app, api) // GET /items/:id
   * ```
   */
  mount(target: KoaTarget, router: Router): AppRoute[] {
    const kr = routerOf(target);
    return this.#kit.mount(target, router, (method, path, handler) => kr.register(path, [method], handler));
  }

  /**
   * Wraps one handler as Koa middleware for an existing router: it gets its
   * declared inputs, and answers like a mounted route. It joins the
   * document under the method and path the router has it on (found when the
   * document is built, in the routers passed to `mount()`/`docs()` or used
   * by an app passed to them), or under `options.path` at once.
   *
   * @example
   * ```ts
   * router.get('/me', d.handler({ user: currentUser }, ({ user }) => user))
   * router.post('/items', bodyParser(), d.handler({ item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 }))
   * ```
   */
  handler<const I extends Inputs, R>(inputs: I, fn: Handler<I, R>, options: HandlerOptions = {}): Middleware<any, any> {
    return this.#kit.wrap(inputs, fn, options);
  }

  /**
   * Serves the OpenAPI document (`/openapi.json`), the Swagger UI page
   * (`/docs`) and its assets from the local `swagger-ui-dist` (no CDN).
   *
   * @example
   * ```ts
   * d.docs(app, { title: 'Todo API', docsPath: '/api-docs' })
   * ```
   */
  docs(target: KoaTarget, options: DocsOptions = {}): void {
    const kr = routerOf(target);
    for (const r of this.#kit.docs(target, options)) {
      const serveDocs: Middleware<any, any> = (ctx) => {
        writeAnswer(ctx, r.answer(ctx.params));
      };
      this.#kit.guards.exempt(serveDocs);
      kr.get(r.path, serveDocs);
    }
  }

  /**
   * A guard: declared dependencies (security schemes, scopes, any
   * dependency) in front of existing Koa routes, their handlers untouched.
   * Place it with `app.use(auth)` before the routers (every route of the
   * routers used after it), `router.use(auth)` (the router's routes
   * registered after it), or on one route (`router.get('/me', auth,
   * handler)`). A request for a route behind it answers exactly as a
   * declared route would (401, 403, 422...) before the handler runs;
   * otherwise the values are set on `ctx.state`. Requests no route matches
   * go on to Koa's 404 untouched. Every guarded route is documented at its
   * real path (router prefixes included).
   *
   * @example
   * ```ts
   * const auth = d.guard({ user: currentUser }, {
   *   scopes: ['notes:read'],
   *   routes: { 'GET /status': { public: true }, 'POST /v1/notes': { scopes: ['notes:write'], status: 201 } },
   * })
   * app.use(auth)
   * v1.get('/notes', (ctx) => { ctx.body = notes.of(ctx.state.user) })
   * ```
   */
  guard<const I extends Inputs>(inputs: I, options: GuardOptions = {}): KoaGuard<Values<I>> {
    const kit = this.#kit;
    const unseen = { method: 'ALL', path: undefined, handler: UNSEEN, where: String(UNSEEN) };
    const resolved = guardValues<Context, Values<I>>('auth.values(ctx)');
    const guard: Middleware<any, any> = async (ctx: Context, next) => {
      let route: AppRoute | undefined;
      let params: Record<string, string> = {};
      try {
        const found = dispatchedRoute(ctx, guard);
        if (found === 'unseen') route = kit.guards.routeFor(guard, { ...unseen, method: ctx.method, before: [guard] });
        else if (found) {
          route = kit.guards.routeFor(guard, found.entry);
          params = found.params;
        }
      } catch (error) {
        writeAnswer(ctx, kit.errorAnswer(viewOf(ctx, params, kit.bodyLimit), error));
        return;
      }
      if (!route) return next();
      const view = viewOf(ctx, params, kit.bodyLimit);
      await kit.runGuard(route, view, async (outcome) => {
        if (!outcome.values) return kit.write(view, outcome.answer, (answer) => writeAnswer(ctx, answer));
        Object.assign(ctx.state, outcome.values);
        resolved.set(ctx, outcome.values as Values<I>);
        try {
          await next();
        } finally {
          if (outcome.hasTeardown) afterSent(ctx.res, () => outcome.finish());
        }
      });
    };
    kit.guards.add(guard, inputs, options);
    return Object.assign(guard, { values: resolved.values }) as KoaGuard<Values<I>>;
  }

  /**
   * A route marker: pass-through middleware whose options apply where a
   * guard stands in front of the route (a summary or response schema for
   * the document, `public: true` to opt the route out of the guard).
   *
   * @example
   * ```ts
   * router.get('/status', d.route({ public: true }), (ctx) => { ctx.body = { status: 'ok' } })
   * ```
   */
  route(options: GuardRouteOptions): Middleware<any, any> {
    const marker: Middleware<any, any> = (_ctx, next) => next();
    this.#kit.guards.mark(marker, options);
    return marker;
  }

  /**
   * The OpenAPI document: every mounted route plus the wrapped handlers
   * found so far in the routers passed to `mount()`/`docs()` (searched
   * again while some are missing).
   *
   * @example
   * ```ts
   * const doc = d.openapi()
   * doc.paths['/me'].get // documented from router.get('/me', d.handler(...))
   * ```
   */
  openapi(): OpenAPIDocument {
    return this.#kit.openapi();
  }

  #serve(route: AppRoute): Middleware<any, any> {
    const kit = this.#kit;
    return (ctx: Context) => {
      const view = viewOf(ctx, (ctx as { params?: Record<string, string> }).params ?? {}, kit.bodyLimit);
      return kit.respond(route, view, (outcome) => send(kit, ctx, view, outcome));
    };
  }
}

function viewOf(ctx: Context, params: Record<string, string>, bodyLimit: number): RequestView {
  return nodeRequestView(ctx.req, {
    url: ctx.originalUrl,
    params,
    parsedBody: () => (ctx.request as { body?: unknown }).body, // @koa/bodyparser, koa-body…
    bodyLimit,
    native: ctx,
  });
}

/** The router routes go on: the target itself, or a new one a Koa app `use()`s. */
function routerOf(target: KoaTarget): KoaRouter<any, any> {
  if (isKoaRouter(target)) return target;
  const kr = new KoaRouter();
  target.use(kr.routes());
  return kr;
}

/** Sets the answer on the context, then runs the teardowns once Node has sent the response. */
function send(kit: Kit, ctx: Context, view: RequestView, outcome: Outcome): void {
  // A body the handler set itself (or the context it returned) stays as it is.
  if (!outcome.native) kit.write(view, outcome.answer, (answer) => writeAnswer(ctx, answer));
  if (outcome.hasTeardown) afterSent(ctx.res, () => kit.finish(view, outcome));
}

/**
 * Writes an answer through Koa (so upstream middleware still sees
 * `ctx.status`, `ctx.body` and the headers): the status, each header line
 * (a repeated name becomes several lines), then the body. Headers go first
 * so Koa does not infer a content type of its own.
 */
function writeAnswer(ctx: Context, answer: Answer): void {
  ctx.status = answer.status;
  const lines = answer.headers;
  setHeaders(lines, (name, value) => ctx.set(name, value));
  const body = answer.body;
  if (body === undefined) {
    // Koa turns a null body into a 204 unless the status is already an empty one.
    ctx.body = EMPTY.has(answer.status) ? null : '';
    if (!lines.some(([n]) => n === 'content-type')) ctx.remove('Content-Type');
  } else ctx.body = typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

/**
 * Creates the Koa adapter, on an existing {@link DependsApp} or on a new
 * one made from `AppOptions` (title, version, app-level dependencies and
 * security, `onError`).
 *
 * @example
 * ```ts
 * const d = createDepends({ title: 'Todo API', version: '1.0.0', onError: (e) => log.error(e) })
 * d.mount(app, api)
 * d.docs(app)
 * ```
 */
export function createDepends(appOrOptions: DependsApp | AppOptions = {}, options: AdapterOptions = {}): DependsKoa {
  return new DependsKoa(appOrOptions instanceof DependsApp ? appOrOptions : new DependsApp(appOrOptions), options);
}
