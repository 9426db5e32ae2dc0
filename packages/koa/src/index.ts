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
import type { Context, Middleware, Next } from 'koa';
import { Router as KoaRouter } from '@koa/router';
import { ConfigurationError, DependsApp, ErrorCode } from '@depends/core';
import { AdapterKit, appFrom, entryForMethod, GuardGate, guardValues, mountPrefix, setHeaders } from '@depends/core/adapter';
import { afterSent, closeAfterAnswer, keepParsedBody, nodeRequestView, type NodeRequestInit } from '@depends/core/node';
import type { Answer, AppOptions, GuardOptions, GuardRouteOptions, Handler, Inputs, OpenAPIDocument, RequestView, Router, Values } from '@depends/core';
import type { AdapterOptions, AppRoute, DocsOptions, HandlerOptions, Outcome } from '@depends/core/adapter';
import {
  actsAfter,
  complete,
  docsBeforeGuard,
  hasParams,
  install,
  isKoaRouter,
  isWrapped,
  markInstalled,
  markPlaced,
  ownStack,
  sizesOf,
  targetRoutes,
  unchanged,
  unplaced,
  usesFor,
  type KoaEntry,
  type Placement,
  type TableOwn,
} from './routes.js';

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

/** What installing left on a target: the arrays it went through and their sizes then. */
interface Installed extends Placement {
  readonly sizes: ReturnType<typeof sizesOf>;
}

const EMPTY = new Set([204, 205, 304]);

/** Where `#at` says a request is when its route layer cannot be trusted: a guard in a route's own stack then asks its strictest requirement. */
const UNKNOWN_ROUTE = Object.freeze({});

/** The layers the routers that dispatched a request so far matched (@koa/router keeps them in `ctx.matched`). */
const matchedOf = (ctx: Context): { stack: unknown[] }[] | undefined => (ctx as { matched?: { stack: unknown[] }[] }).matched;

/** How a startup check names a route marker: `d.route({ scopes: ["admin"] })`, other options by name only. */
const markerLabel = (options: GuardRouteOptions): string =>
  `d.route({ ${Object.entries(options)
    .map(([k, v]) => (k === 'scopes' ? `scopes: ${JSON.stringify(v)}` : k === 'public' ? `public: ${String(v)}` : `${k}: …`))
    .join(', ')} })`;

/** Nothing answered the request yet: Koa's 404 with no body. */
const unanswered = (ctx: Context): boolean => ctx.status === 404 && ctx.body == null && !ctx.headerSent;

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
  readonly #gate: GuardGate<Context>;
  readonly #installed = new WeakMap<object, Installed>();
  /** By app (or router) installed, each route layer's table entries by method: a router used by two apps is behind each app's own guards. */
  readonly #entries = new WeakMap<object, WeakMap<object, Map<string, KoaEntry>>>();
  readonly #checkpoints = new WeakMap<object, Middleware<any, any>>();
  readonly #wrappers = new WeakMap<object, Middleware<any, any>>();
  /** What the install puts for each guard and route marker where it reads the routes behind it (see `markPlaced`). */
  readonly #placed = new Map<unknown, Middleware<any, any>>();
  /** Each guard's name and each marker's label, for the startup checks the table makes (see `TableOwn`). */
  readonly #names = new Map<unknown, string>();
  /** Apps whose composition installs the guards, and the requests that came through such a composition. */
  readonly #hooked = new WeakSet<object>();
  /** The routers `docs()` made on an app (put before its first guard when installing). */
  readonly #docsRouters = new WeakSet<object>();
  /**
   * How many installs have changed a stack. @koa/router builds a request's
   * chain from the stacks of the layers it matched before their `use()`
   * layers run: a chain built before an install (a route, nested router or
   * middleware added since) may lack what it put there.
   */
  #generation = 0;
  /** Whether a guard stands in a router's `use()` layer: only then are contexts stamped with the generation (see `#stale`). */
  #routerGuards = false;
  // Kept on the context under keys of this instance's own: two createDepends() on one app or router keep theirs apart.
  /** Set on a context that came through a composition this instance's guards were installed in (a property of the context: cheaper than a WeakSet entry per request). */
  readonly #composed = Symbol('depends.koa.composed');
  /** Where a request is: the route layer whose checkpoint it passed last (a property of the context, set per request). */
  readonly #at = Symbol('depends.koa.route');
  /** The install generation (see `#generation`) when Koa created the context (a property of the context, set per request). */
  readonly #born = Symbol('depends.koa.born');
  /** The generation the document was last read at (routes added since are read again when it is served). */
  #documentedAt = -1;
  /** What the route table asks of depends' own functions in `use()` layers. */
  readonly #own: TableOwn = {
    decides: (fn) => this.#names.get(fn),
    isMarker: (fn) => this.#kit.guards.isOwn(fn) && !this.#kit.guards.isGuard(fn) && !this.#kit.guards.isExempt(fn),
    isExempt: (handler) => this.#kit.guards.isExempt(handler),
  };

  constructor(app: DependsApp, options: AdapterOptions = {}) {
    this.app = app;
    this.#kit = new AdapterKit(app, options, {
      handlerOf: (route) => this.#handlerOf(route),
      routes: (target: KoaTarget) => this.#table(target),
      // The handler returned the context, or set ctx.body itself and returned nothing.
      native: (value, view) => value === view.native || (value === undefined && (view.native as Context).body !== undefined),
    });
    const kit = this.#kit;
    // a guard reading the body leaves it for the app's own parsers and handlers after it
    const view = (ctx: Context) => viewOf(ctx, (ctx as { params?: Record<string, string> }).params ?? {}, kit.bodyLimit, keepBody);
    this.#gate = new GuardGate<Context>(app, kit.guards, {
      view,
      write: (ctx, answer, seen) => {
        if (!ctx.headerSent) kit.write(seen, answer, (a) => writeAnswer(ctx, a));
      },
      pass: (ctx, values, finish, headers) => {
        Object.assign(ctx.state, values);
        if (headers) for (const [name, value] of headers) ctx.set(name, value);
        if (finish) afterSent(ctx.res, finish);
      },
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
    if (!isKoaRouter(target)) this.#hook(target);
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
   * Without `publicOrigin` or `servers`, the served document's server is
   * the request's origin as Koa sees it (`ctx.protocol` and `ctx.host`,
   * which follow `app.proxy`) and the path the router is mounted under.
   *
   * @example
   * ```ts
   * d.docs(app, { title: 'Todo API', docsPath: '/api-docs' })
   * ```
   */
  docs(target: KoaTarget, options: DocsOptions = {}): void {
    if (!isKoaRouter(target)) this.#hook(target);
    const kr = routerOf(target);
    if (kr !== target) this.#docsRouters.add(kr);
    for (const r of this.#kit.docs(target, options)) {
      const serveDocs: Middleware<any, any> = (ctx) => {
        try {
          this.#refresh(ctx.app);
        } catch (error) {
          return this.#gate.fail(ctx, error);
        }
        // the route's path in its router (with the router's prefix, as the document's paths), and what the request path has before it
        const layer = (kr.stack as unknown as { path: unknown; stack: unknown[] }[]).find((l) => l.stack.includes(serveDocs));
        const prefix = mountPrefix(ctx.originalUrl, typeof layer?.path === 'string' ? layer.path : r.path);
        // (not ctx.origin: in Koa 3 it is the Origin request header)
        writeAnswer(ctx, r.answer(ctx.params, { origin: `${ctx.protocol}://${ctx.host}`, prefix }));
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
   * handler)`). It decides where @koa/router dispatches: at the route layer
   * a request reaches, for that route (its per-route scopes and public
   * opt-outs); any other middleware after it first gets its strictest
   * requirement (every scope it asks anywhere), and so does a request no
   * route answers before Koa's 404. A refused request answers exactly as a
   * declared route would (401, 403, 422...) before the handler runs;
   * otherwise the values are set on `ctx.state`. Call `d.docs(app)` before
   * `app.listen()`: Koa composes the app's middleware then. Every guarded
   * route is documented at its real path (router prefixes included).
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
    const gate = this.#gate;
    const resolved = guardValues<Context, Values<I>>('auth.values(ctx)');
    // the guard itself runs where no install put it (see markPlaced): a route's own stack, or a place the install never saw
    const guard: Middleware<any, any> = (ctx: Context, next: Next) => {
      const from = this.#generation;
      let installed: Installed;
      try {
        installed = this.#install(ctx.app);
      } catch (error) {
        return gate.fail(ctx, error);
      }
      const at = (ctx as unknown as Record<symbol, object | undefined>)[this.#at];
      if (at === UNKNOWN_ROUTE) return gate.atOwnRoute(ctx, guard, undefined, next);
      // in the own stack of the route layer @koa/router dispatched to: it decides for that route
      if (at !== undefined && ownStack(at).includes(guard)) return gate.atOwnRoute(ctx, guard, this.#entryOf(ctx.app, at, ctx.method), next);
      // the request's way was read before the install put the placed guard where this one stands (see #placedSince): it is that one
      let since: 'stale' | 'fresh' | undefined;
      try {
        since = this.#placedSince(ctx, placed, from !== this.#generation || this.#bornBefore(ctx));
        if (since !== undefined) this.#checkComposed(ctx, installed);
      } catch (error) {
        return gate.fail(ctx, error);
      }
      if (since !== undefined) return this.#pending(ctx, guard, since === 'stale', next);
      // a place the install never saw (an app mounted with koa-mount, a composed bundle, a router reached from a handler), whatever it saw elsewhere: what
      // comes next there has no checkpoint, so the strictest requirement, now (and it stays pending for the routes after)
      gate.mark(ctx, guard);
      return gate.beforeMiddleware(ctx, next);
    };
    // placed with use() where the install read it (the app's middleware, a router's use() layer): it marks the request; the route's checkpoint decides
    const placed: Middleware<any, any> = (ctx: Context, next: Next) => {
      let stale: boolean;
      try {
        stale = this.#stale(ctx, placed);
        this.#checkComposed(ctx, this.#install(ctx.app));
      } catch (error) {
        return gate.fail(ctx, error);
      }
      return this.#pending(ctx, guard, stale, next);
    };
    this.#kit.guards.add(guard, inputs, options);
    gate.accessor(guard, resolved.set);
    this.#placed.set(guard, markPlaced(placed, this, guard));
    this.#names.set(guard, `Guard "${options.name ?? `guard(${Object.keys(inputs).join(', ') || 'no inputs'})`}"`);
    return Object.assign(guard, { values: resolved.values }) as KoaGuard<Values<I>>;
  }

  /**
   * A route marker: pass-through middleware whose options apply where a
   * guard stands in front of the route (a summary or response schema for
   * the document, `public: true` to opt the route out of the guard). Where
   * no checkpoint read it (a router the install never saw, reached through
   * a composed bundle, koa-mount or another route's handler), its options
   * cannot apply: the guards the request went through ask their strictest
   * requirement there instead.
   *
   * @example
   * ```ts
   * router.get('/status', d.route({ public: true }), (ctx) => { ctx.body = { status: 'ok' } })
   * ```
   */
  route(options: GuardRouteOptions): Middleware<any, any> {
    const marker: Middleware<any, any> = (ctx: Context, next: Next) => {
      const at = (ctx as unknown as Record<symbol, object | undefined>)[this.#at];
      // in the own stack of the route whose checkpoint the request passed last: that checkpoint decided with these options
      if (at !== undefined && at !== UNKNOWN_ROUTE && (at as { stack: unknown[] }).stack.includes(marker)) return next();
      return this.#unread(ctx, at, next);
    };
    // where the install read it (a use() layer, the app's middleware): the table puts it in front of the routes it runs for
    const placed: Middleware<any, any> = (_ctx, next) => next();
    this.#kit.guards.mark(marker, options);
    this.#placed.set(marker, markPlaced(placed, this, marker));
    this.#names.set(marker, markerLabel(options));
    return marker;
  }

  /**
   * Every startup check, now: the guards installed, their `routes` keys,
   * `d.route()` markers and middleware order, the document built. Throws
   * the `ConfigurationError` that names the mistake and the fix. An app
   * with guards runs it by itself when Koa composes it (`app.listen()`,
   * `app.callback()`); call it in a test, or for an app composed otherwise.
   *
   * @example
   * ```ts
   * d.check(app) // throws: Guard "auth": routes["GET /v1/note"] names no route behind this guard...
   * app.listen(3000)
   * ```
   */
  check(app: KoaTarget): void {
    this.#kit.check(app);
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

  /**
   * Whether a guard runs in a router's `use()` layer for a request whose
   * chain @koa/router built (before that layer ran) may lack what an install
   * puts there: a layer it matched is not complete (a route, middleware or
   * nested router added since the last install), or an install changed a
   * stack since Koa created the context. Asked before the guard installs.
   */
  #stale(ctx: Context, guard: unknown): boolean {
    const matched = matchedOf(ctx);
    if (matched === undefined) return false;
    const born = (ctx as unknown as Record<symbol, number | undefined>)[this.#born];
    const guards = this.#kit.guards;
    if ((born === undefined || born === this.#generation) && complete(matched, this, (fn) => guards.isOwn(fn), (handler) => guards.isExempt(handler))) return false;
    return matched.some((layer) => layer.stack.includes(guard));
  }

  /** A guard placed with use() in front of middleware of an app composed before the install (not through the hook): that middleware runs unwrapped there, so the request is refused. */
  #checkComposed(ctx: Context, installed: Installed): void {
    if (installed.wrapsAfterGuard && (ctx as unknown as Record<symbol, boolean | undefined>)[this.#composed] !== true)
      throw new ConfigurationError(
        ErrorCode.GuardOrder,
        'A guard placed with use() stands before middleware of a Koa app that was composed (app.listen() or app.callback()) before depends installed its guards there, so that middleware would run before the guard decides: call d.docs(app) or d.mount(app, …) before app.listen()/app.callback()',
      );
  }

  /**
   * A guard placed with use(), on its way: pending on the request, it
   * decides at the route's checkpoint, or before any other middleware. In a
   * router's `use()` layer on a chain that may lack a checkpoint (`stale`:
   * a route added since it was installed), the strictest requirement, now.
   */
  #pending(ctx: Context, guard: unknown, stale: boolean, next: Next): unknown {
    this.#gate.mark(ctx, guard);
    if (stale) return this.#gate.beforeMiddleware(ctx, () => this.#passOn(ctx, next));
    return this.#passOn(ctx, next);
  }

  /** Whether an install changed a stack since Koa created the context (stamped only while a guard stands in a router's use() layer: see `#stale`). */
  #bornBefore(ctx: Context): boolean {
    const born = (ctx as unknown as Record<symbol, number | undefined>)[this.#born];
    return born !== undefined && born !== this.#generation;
  }

  /**
   * Whether a guard running as itself stands where the install has put its
   * `placed` function since the request's way was read (`undefined`: a
   * place the install never saw). Either the app's middleware, composed
   * before its install (no hook: koa-compose copied the list), with nothing
   * before the guard but depends' own (else another app's middleware may
   * have run first, holding the same guard: a ConfigurationError, naming
   * the fix); or, when an install changed a stack during this call or since
   * the context was made (`installedSince`), a `use()` layer of the router
   * dispatching the request to a route it matched: `'stale'` then, the
   * chain built before the install lacking the route's checkpoint (unless
   * it serves the docs).
   */
  #placedSince(ctx: Context, placed: unknown, installedSince: boolean): 'stale' | 'fresh' | undefined {
    const guards = this.#kit.guards;
    const middleware = ctx.app.middleware as unknown[];
    const i = (ctx as unknown as Record<symbol, boolean | undefined>)[this.#composed] === true ? -1 : middleware.indexOf(placed);
    if (i >= 0) {
      if (middleware.slice(0, i).every((fn) => guards.isOwn(unplaced(fn)) || this.#docsRouters.has((fn as { router?: object }).router ?? {}))) return 'fresh';
      throw new ConfigurationError(
        ErrorCode.GuardOrder,
        'A guard placed with use() on a Koa app composed (app.listen() or app.callback()) before depends installed its guards there stands after other middleware, which may run the middleware of another app holding the same guard (koa-mount, a composed bundle): depends cannot tell where it runs. Call d.docs(app) or d.mount(app, …) before app.listen()/app.callback()',
      );
    }
    const { router, routeMatched } = ctx as { router?: { stack: unknown[] }; routeMatched?: unknown };
    const matched = matchedOf(ctx) as { methods: unknown[]; stack: unknown[] }[] | undefined;
    if (!installedSince || !routeMatched || router === undefined || matched === undefined) return undefined;
    const mine = matched.filter((l) => router.stack.includes(l));
    if (!mine.some((l) => l.methods.length === 0 && l.stack.includes(placed))) return undefined;
    return mine.some((l) => l.methods.length > 0 && !guards.isExempt(l.stack.at(-1))) ? 'stale' : 'fresh';
  }

  /** After a guard placed with use(): the rest of the chain, then the no-route decision when nothing answered. */
  #passOn(ctx: Context, next: Next): unknown {
    // composed by the hook: the app's last middleware takes the no-route decision
    if ((ctx as unknown as Record<symbol, boolean | undefined>)[this.#composed] === true) return next();
    return Promise.resolve(next()).then(() => {
      // Koa's 404 (nothing after the guard answered, no route decided)
      if (!unanswered(ctx)) return;
      return this.#noRoute(ctx, () => undefined);
    });
  }

  /**
   * A route marker where no checkpoint read it (see {@link DependsKoa.route}):
   * the strictest requirement of each guard pending on the request and of
   * those in the own stack of the route it was last decided at (`at`, a
   * route that dispatched to it), not yet met. Nothing when no guard stands
   * before it.
   */
  #unread(ctx: Context, at: object | undefined, next: Next): unknown {
    const guards = this.#kit.guards;
    const own = at === undefined || at === UNKNOWN_ROUTE ? [] : ownStack(at).filter((fn) => guards.isGuard(fn));
    const gate = this.#gate;
    return gate.decideWith(ctx, () => gate.strictSteps(ctx, own), next);
  }

  /**
   * Before a router's event handlers (`router.on('not-found', …)`: app code
   * that may answer by itself when no route of the router matched): the
   * guards in the router's `use()` layers that match the request's path
   * join those pending on it (they would stand in front of a route there),
   * then each asks its strictest requirement not yet met.
   */
  #beforeEvent(router: KoaRouter<any, any>, ctx: Context, run: () => unknown): unknown {
    const guards = this.#kit.guards;
    const gate = this.#gate;
    for (const fn of usesFor(router, ctx)) if (guards.isGuard(fn)) gate.mark(ctx, fn);
    return gate.beforeMiddleware(ctx, run);
  }

  /** Before the document is served: the guards installed again if the app changed, and the route tables read again if an install changed them (routes added since are documented). */
  #refresh(app: Koa<any, any>): void {
    if (this.#kit.guards.size === 0) return;
    this.#install(app);
    if (this.#documentedAt === this.#generation) return;
    const at = this.#generation;
    this.#kit.check(app);
    this.#documentedAt = at;
  }

  /** The route table of a target, with the guards installed on it first (what the document and the startup checks read). */
  #table(target: KoaTarget): KoaEntry[] {
    if (this.#kit.guards.size > 0) this.#install(target);
    return [...targetRoutes(target, this.#own)];
  }

  /**
   * Installs the guards on an app or router (see `install`): again whenever
   * an array it went through has changed. Checks the order of middleware
   * and guards (a `ConfigurationError` when a middleware after a guard
   * stands before a route the guard lets through with less).
   */
  #install(target: KoaTarget): Installed {
    const done = this.#installed.get(target);
    if (done && unchanged(done, done.sizes)) return done;
    const guards = this.#kit.guards;
    if (!isKoaRouter(target)) {
      this.#hook(target);
      docsBeforeGuard(target, (router) => this.#docsRouters.has(router as object), (fn) => guards.isGuard(fn), (fn) => guards.isOwn(fn));
    }
    const placement = install(target, {
      checkpoint: (layer) => this.#checkpointOf(layer),
      wrap: (fn) => this.#wrap(fn as Middleware<any, any>),
      place: (fn) => this.#placed.get(fn) ?? fn,
      beforeEvent: (router, ctx, run) => this.#beforeEvent(router, ctx as Context, run),
      isOwn: (fn) => guards.isOwn(fn),
      isGuard: (fn) => guards.isGuard(fn),
      owner: this,
    });
    if (placement.changed) this.#generation++;
    // a guard in a router's use() layer (not the app's own middleware): the contexts are stamped from now on (see `#stale`)
    this.#routerGuards ||= placement.inRouters;
    const table = [...targetRoutes(target, this.#own)];
    let layers = this.#entries.get(target);
    if (layers === undefined) this.#entries.set(target, (layers = new WeakMap()));
    for (const entry of table) {
      const byMethod = layers.get(entry.layer) ?? new Map<string, KoaEntry>();
      layers.set(entry.layer, byMethod.set(entry.method, entry));
    }
    guards.checkOrder(table, (fn) => isWrapped(fn));
    guards.checkKeys(table);
    const installed: Installed = { ...placement, sizes: sizesOf(placement.stacks as unknown[][]) };
    this.#installed.set(target, installed);
    return installed;
  }

  /**
   * Has a Koa app install the guards when it composes its middleware, and
   * marks the requests that come through such a composition: through
   * `app.compose` on Koa 3, through `app.callback()` on Koa 2 (which
   * composes with koa-compose itself). `app.listen()` composes through
   * `app.callback()` on both.
   */
  #hook(app: Koa<any, any>): void {
    if (this.#hooked.has(app)) return;
    this.#hooked.add(app);
    const a = app as unknown as {
      compose?: (middleware: Middleware<any, any>[]) => (ctx: Context, next?: Next) => Promise<unknown>;
      callback: (...args: unknown[]) => unknown;
      createContext: (...args: unknown[]) => Context;
      middleware: Middleware<any, any>[];
    };
    // each request's context (made however the app was composed) carries the generation it was born at
    const createContext = a.createContext;
    const born = this.#born;
    a.createContext = (req: unknown, res: unknown) => {
      const ctx = createContext.call(app, req, res);
      // only a guard in a router's use() layer reads it: no property added to every request otherwise
      if (this.#routerGuards) (ctx as unknown as Record<symbol, number>)[born] = this.#generation;
      return ctx;
    };
    // first: the request came through a composition made after the install; last: it reached the end of the app's middleware, no route (Koa answers 404 next)
    const marked = (ctx: Context, next: Next) => (((ctx as unknown as Record<symbol, boolean>)[this.#composed] = true), next());
    const noRoute = (ctx: Context, next: Next) => this.#noRoute(ctx, next);
    const compose = a.compose;
    if (typeof compose === 'function') {
      a.compose = (middleware) => {
        if (this.#kit.guards.size === 0) return compose.call(app, middleware);
        this.#startup(app);
        return compose.call(app, [marked, ...middleware, noRoute]);
      };
      return;
    }
    const callback = a.callback;
    a.callback = (...args) => {
      if (this.#kit.guards.size === 0) return callback.apply(app, args);
      this.#startup(app);
      const own = a.middleware;
      // koa-compose keeps the list it is given: the app's own list is put back at once, untouched
      a.middleware = [marked, ...own, noRoute];
      try {
        return callback.apply(app, args);
      } finally {
        a.middleware = own;
      }
    };
  }

  /** When Koa composes an app: the guards installed, then every startup check (the document built), so a configuration mistake stops `app.listen()`. */
  #startup(app: Koa<any, any>): void {
    this.#install(app);
    const at = this.#generation;
    this.#kit.check(app);
    this.#documentedAt = at;
  }

  /** No route decided: each guard pending on the request, not decided at a route nor past its strictest requirement, asks that requirement. */
  #noRoute(ctx: Context, next: () => unknown): unknown {
    const gate = this.#gate;
    return gate.unsettled(ctx) ? gate.decideWith(ctx, () => gate.strictSteps(ctx).flatMap((s) => gate.forOwnRoute(ctx, s.guard, undefined)), next) : next();
  }

  /** A route layer's entry in an app's table for a request method (HEAD served by GET), once the guards are installed there; `undefined` when unknown. */
  #entryOf(app: object, layer: object, method: string): KoaEntry | undefined {
    const byMethod = this.#entries.get(app)?.get(layer);
    return byMethod && entryForMethod(byMethod, method);
  }

  /** The checkpoint first in a route layer's stack: the guards pending on the request, and those placed in front of the route, decide for it. */
  #checkpointOf(layer: object): Middleware<any, any> {
    const made = this.#checkpoints.get(layer);
    if (made) return made;
    const gate = this.#gate;
    const own = () => ownStack(layer);
    /** The last app this checkpoint found installed with this layer in its table (installs are never undone: checked once per app). */
    let ready: object | undefined;
    /** The layer's entries by method in that app's table (the same map for every install there). */
    let entries: Map<string, KoaEntry> | undefined;
    /** Whether the layer's stack holds parameter callbacks, worked out again when its length changes (a callback added). */
    let params = false;
    let paramsAt = -1;
    const checkpoint: Middleware<any, any> = (ctx: Context, next: Next) => {
      // not among the layers @koa/router matched (`ctx.matched`): a copy of this checkpoint in a nested router's layer mounted since the last install
      const known = (ctx as { matched?: unknown[] }).matched?.includes(layer) === true;
      (ctx as unknown as Record<symbol, object>)[this.#at] = known ? layer : UNKNOWN_ROUTE;
      // installed already by the use()-placed guard on its way (which installs again when the app changed); else now
      if (ctx.app !== ready) {
        if (!this.#installed.has(ctx.app) || !this.#entries.get(ctx.app)?.has(layer))
          try {
            this.#install(ctx.app);
          } catch (error) {
            return gate.fail(ctx, error);
          }
        entries = this.#entries.get(ctx.app)?.get(layer);
        ready = entries ? ctx.app : undefined;
      }
      const entry = known && entries ? entryForMethod(entries, ctx.method) : undefined;
      // router.param() callbacks run before the route's own middleware (a copy of this checkpoint: may): a guard placed there decides first, here
      const size = (layer as { stack: unknown[] }).stack.length;
      if (size !== paramsAt) {
        params = hasParams(layer);
        paramsAt = size;
      }
      if (known && !params) return gate.atRoute(ctx, entry, own, next);
      const first = ownStack(layer).filter((fn) => this.#kit.guards.isGuard(fn));
      const decide = (i: number): unknown => (i === first.length ? next() : gate.atOwnRoute(ctx, first[i], entry, () => decide(i + 1)));
      return gate.atRoute(ctx, entry, own, () => decide(0));
    };
    this.#checkpoints.set(layer, markInstalled(checkpoint, 'checkpoint', this));
    return checkpoint;
  }

  /**
   * Any other middleware, wrapped: guards pending on the request check their
   * strictest requirement before it runs. One made by
   * `router.allowedMethods()` runs the rest first and answers only when
   * nothing did: the strictest requirement is checked then, before it
   * answers (so it stands after the routes, never before them).
   */
  #wrap(fn: Middleware<any, any>): Middleware<any, any> {
    const made = this.#wrappers.get(fn);
    if (made) return made;
    const gate = this.#gate;
    const after = actsAfter(fn);
    const wrapper: Middleware<any, any> = after
      ? (ctx: Context, next: Next) => fn(ctx, () => next().then(() => (unanswered(ctx) ? gate.beforeMiddleware(ctx, () => undefined) : undefined)))
      : (ctx: Context, next: Next) => gate.beforeMiddleware(ctx, () => fn(ctx, next));
    // what @koa/router and others read on a middleware (`param`, `_name`...)
    Object.assign(wrapper, fn);
    Object.defineProperty(wrapper, 'name', { value: fn.name });
    this.#wrappers.set(fn, markInstalled(wrapper, after ? 'after' : 'wrapper', this, fn));
    return wrapper;
  }

  #handlerOf(route: AppRoute): Middleware<any, any> {
    const kit = this.#kit;
    return (ctx: Context) => {
      const view = viewOf(ctx, (ctx as { params?: Record<string, string> }).params ?? {}, kit.bodyLimit);
      return kit.respond(route, view, (outcome) => send(kit, ctx, view, outcome));
    };
  }
}

/** What a body parser left on the request, asked for by the view with its `native` (no closure per request). */
const bodyOf = (ctx: Context): unknown => (ctx.request as { body?: unknown }).body;

function viewOf(ctx: Context, params: Record<string, string>, bodyLimit: number, keep?: NodeRequestInit['keepBody']): RequestView {
  return nodeRequestView(ctx.req, {
    url: ctx.originalUrl,
    params,
    parsedBody: bodyOf, // @koa/bodyparser, koa-body…
    bodyLimit,
    native: ctx,
    keepBody: keep,
  });
}

/** A body a guard read from the stream, left where Koa's body parsers leave one (`ctx.request.body`, which they take for "already parsed"). */
const keepBody = (ctx: Context, bytes: Uint8Array, contentType: string | undefined): void => keepParsedBody(ctx.request, 'body', bytes, contentType);

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
 * so Koa does not infer a content type of its own. A request whose body is
 * still arriving once the answer is sent has its connection closed in
 * stages, so that the client reads the answer.
 */
function writeAnswer(ctx: Context, answer: Answer): void {
  ctx.status = answer.status;
  const lines = answer.headers;
  setHeaders(lines, (name, value) => ctx.set(name, value));
  closeAfterAnswer(ctx.req, ctx.res);
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
  return new DependsKoa(appFrom(appOrOptions), options);
}
