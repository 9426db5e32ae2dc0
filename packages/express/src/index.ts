/**
 * `@depends/express`: serves `@depends/core` routes on Express 5 (and 4).
 * Routes declared once on a core `Router` are mounted with `d.mount()`;
 * single handlers are wrapped with `d.handler()` inside an existing app;
 * `d.docs()` serves the OpenAPI document and Swagger UI.
 *
 * @example
 * ```ts
 * import express from 'express'
 * import { createDepends } from '@depends/express'
 *
 * const app = express()
 * const d = createDepends({ title: 'Todo API', version: '1.0.0' })
 * d.mount(app, api)                                                  // a core Router
 * app.get('/me', d.handler({ user: currentUser }, ({ user }) => user)) // one handler
 * d.docs(app)                                                        // /openapi.json + /docs
 * app.listen(3000)
 * ```
 */
import type { ErrorRequestHandler, IRouter, Request, RequestHandler, Response } from 'express';
import { ConfigurationError, DependsApp, ErrorCode, HTTPException } from '@depends/core';
import { AdapterKit, appFrom, entryForMethod, GuardGate, guardValues, markInstalled, mountPrefix } from '@depends/core/adapter';
import { afterSent, keepParsedBody, nodeRequestView, writeNodeAnswer, type NodeRequestInit } from '@depends/core/node';
import type { AppOptions, GuardOptions, GuardRouteOptions, Handler, Inputs, OpenAPIDocument, RequestView, Router, Values } from '@depends/core';
import type { AdapterOptions, AppRoute, DocsOptions, HandlerOptions, Outcome, ServedAt } from '@depends/core/adapter';
import { expressRoutes, install, isAppMiddleware, routeHandles, routesBehind, sizesOf, unchanged, type ExpressEntry, type InstalledOn } from './routes.js';

export type { AdapterOptions, DocsOptions, HandlerOptions } from '@depends/core/adapter';
export type { GuardOptions, GuardRouteOptions } from '@depends/core';

/**
 * A guard on Express: middleware, plus the typed accessor of the values it
 * resolved for a request (also copied into `res.locals`).
 *
 * @example
 * ```ts
 * const auth: ExpressGuard<{ user: User }> = d.guard({ user: currentUser })
 * app.get('/me', (req, res) => res.json(auth.values(req).user))
 * ```
 */
export interface ExpressGuard<V> extends RequestHandler {
  /**
   * The values the guard resolved for this request. Throws when the guard
   * did not run for it (the route is not behind it, or is public).
   */
  values(req: Request): V;
}

type Kit = AdapterKit<IRouter, RequestHandler>;
type Next = (error?: unknown) => void;

/** What installing left on an app: what it went through and its sizes then, and each route's table entries by method. */
interface Installed {
  readonly on: InstalledOn;
  readonly sizes: ReturnType<typeof sizesOf>;
  /** A route reached on several paths (`app.get(['/a', '/b'], …)`, or a router mounted twice) has a list: which path matched is not known, so each one's decision is taken. */
  readonly entries: Map<object, Map<string, RouteEntry>>;
  /** By router stack, then `name method`: the entries behind its mounts with that parameter (see `#behindMount`). */
  readonly behind: WeakMap<object, Map<string, ExpressEntry[]>>;
}

/** A route's table entry for a method, or its entries when it has several paths. */
type RouteEntry = ExpressEntry | ExpressEntry[];

/**
 * Where a request is in Express's dispatch, for the parameter callbacks
 * (which run before a route's stack): the route whose decision a callback
 * took (its checkpoint then passes), and the last route whose checkpoint ran
 * (`req.route` still names it after it passes the request on).
 */
interface Dispatch {
  taken?: object;
  /** `req.params` when the decision was `taken`: Express gives each layer it matches a params object of its own, so another one means another layer (the route was left with `next('route')`). */
  takenParams?: unknown;
  passed?: object;
  /** `req.params` when the route's checkpoint ran: the same object while the request is in that route's stack. */
  passedParams?: unknown;
}

/**
 * Serves a {@link DependsApp} on Express. Create it with
 * {@link createDepends}; `d.app` is the core app (routes, overrides, hooks).
 *
 * @example
 * ```ts
 * const d = createDepends()
 * d.mount(app, api)
 * d.app.overrides.set(currentUser, () => fakeUser) // in a test
 * ```
 */
export class DependsExpress {
  /** The core app: route table, overrides, `onError`, document. */
  readonly app: DependsApp;
  readonly #kit: Kit;
  readonly #gate: GuardGate<Request>;
  readonly #installed = new WeakMap<object, Installed>();
  readonly #checkpoints = new WeakMap<object, RequestHandler>();
  /** The key of this instance's {@link Dispatch} on a request: two `createDepends()` on one router keep theirs apart. */
  readonly #dispatch = Symbol('depends.dispatch');
  readonly #listening = new WeakSet<object>();
  /** Each installed route's decision (see `#checkpointOf`), for its parameter callbacks. */
  readonly #deciders = new WeakMap<object, (req: Request, next: () => void) => void>();

  constructor(app: DependsApp, options: AdapterOptions = {}) {
    this.app = app;
    this.#kit = new AdapterKit(app, options, {
      handlerOf: (route) => this.#handlerOf(route),
      routes: (target: IRouter) => this.#table(target),
      // `return res.json(...)`, or the handler sent the response itself.
      native: (value, view) => {
        const res = (view.native as Request).res;
        return res !== undefined && (value === res || res.headersSent);
      },
    });
    const kit = this.#kit;
    this.#gate = new GuardGate<Request>(app, kit.guards, {
      // on res.locals too: a middleware that replaces res.locals runs after the guard, so behind the strictest requirement already (the first middleware after a guard waits for it), and the route's checkpoint decides from the route table
      state: perRequest,
      // a guard reading the body leaves it for the app's own parsers and handlers after it
      view: (req) => viewOf(req, req.params as Record<string, string>, kit.bodyLimit, keepBody),
      write: (req, answer, seen) => {
        const res = req.res!;
        if (!res.headersSent) kit.write(seen, answer, (a) => writeNodeAnswer(res, a));
        return undefined;
      },
      pass: (req, values, finish, headers) => {
        Object.assign(req.res!.locals, values);
        if (headers) for (const [name, value] of headers) req.res!.setHeader(name, value);
        if (finish) afterSent(req.res!, finish);
      },
    });
  }

  /**
   * Registers every route of a core `Router` on an Express app or router
   * (paths as declared, with the router's prefix), and in the document.
   *
   * @example
   * ```ts
   * const api = new Router({ dependencies: [verifyKey] })
   * api.get('/items/{id}', { id: path('id') }, ({ id }) => items.get(id))
   * d.mount(app, api) // GET /items/:id on Express
   * ```
   */
  mount(target: IRouter, router: Router): AppRoute[] {
    const paths: string[] = [];
    const routes = this.#kit.mount(target, router, (method, path, handler, route) => {
      const r = target.route(path) as unknown as Record<string, unknown>;
      const m = method.toLowerCase();
      if (typeof r[m] !== 'function') throw new ConfigurationError(ErrorCode.UnsupportedMethod, `Express has no method ${method} (route ${route.label})`);
      (r[m] as (h: RequestHandler) => unknown).call(r, handler);
      paths.push(path);
    });
    target.use(clientErrors(this.#kit, paths));
    this.#checkOnListen(target);
    return routes;
  }

  /**
   * Wraps one handler for an existing Express app: it gets its declared
   * inputs, and answers like a mounted route. It joins the document under
   * the method and path Express routes it on (found in the app's route
   * table when the document is built), or under `options.path` at once.
   *
   * @example
   * ```ts
   * app.get('/me', d.handler({ user: currentUser }, ({ user }) => user))
   * app.post('/items', express.json(), d.handler({ item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 }))
   * app.use('/legacy', d.handler({ user }, ({ user }) => user, { method: 'GET', path: '/legacy' }))
   * ```
   */
  handler<const I extends Inputs, R>(inputs: I, fn: Handler<I, R>, options: HandlerOptions = {}): RequestHandler {
    return this.#kit.wrap(inputs, fn, options);
  }

  /**
   * Serves the OpenAPI document (`/openapi.json`), the Swagger UI page
   * (`/docs`) and its assets from the local `swagger-ui-dist` (no CDN).
   * Without `publicOrigin` or `servers`, the served document's server is
   * the request's origin as Express sees it (`req.protocol` and host, which
   * follow the app's `trust proxy` setting) and the path `target` is
   * mounted under.
   *
   * @example
   * ```ts
   * d.docs(app, { title: 'Todo API', docsPath: '/api-docs' })
   * ```
   */
  docs(target: IRouter, options: DocsOptions = {}): void {
    const routes = this.#kit.docs(target, options);
    for (const r of routes) {
      const serveDocs: RequestHandler = (req, res) => writeNodeAnswer(res, r.answer(req.params as Record<string, string>, servedAt(req, target, serveDocs)));
      this.#kit.guards.exempt(serveDocs);
      target.get(r.path, serveDocs);
    }
    target.use(clientErrors(this.#kit, routes.map((r) => r.path)));
    this.#checkOnListen(target);
  }

  /**
   * Every startup check, now: the guards installed on the app, their
   * `routes` keys, `d.route()` markers and middleware order, the document
   * built. Throws the `ConfigurationError` that names the mistake and the
   * fix. `app.listen()` runs it by itself on an app passed to `d.docs()` or
   * `d.mount()`; call it before `http.createServer(app).listen()`, or in a
   * test. (A mistake it would find also refuses every guarded request with
   * a 500, never lets one through.)
   *
   * @example
   * ```ts
   * d.check(app) // throws: Guard "auth": routes["GET /v1/note"] names no route behind this guard...
   * createServer(app).listen(3000)
   * ```
   */
  check(app: IRouter): void {
    this.#kit.check(app);
  }

  /**
   * A guard: declared dependencies (security schemes, scopes, any
   * dependency) in front of existing Express routes, their handlers
   * untouched. Place it with `app.use(auth)` (every route after it),
   * `app.use('/v1', auth, v1)` or `v1.use(auth)` (a router), or on one
   * route (`app.get('/me', auth, handler)`). A request for a route behind it
   * answers exactly as a declared route would (401, 403, 422...) before the
   * handler runs; otherwise the values are in `auth.values(req)` (typed) and
   * `res.locals`. The decision is taken at the route Express dispatches
   * to (a checkpoint first in each route's stack); any other middleware
   * after the guard, your 404 included, first gets the guard's strictest
   * requirement. Every guarded route is documented at its real path (mount
   * paths included).
   *
   * @example
   * ```ts
   * const auth = d.guard({ user: currentUser }, {
   *   scopes: ['notes:read'],
   *   routes: { 'GET /status': { public: true }, 'POST /v1/notes': { scopes: ['notes:write'], status: 201 } },
   * })
   * app.use(auth)
   * v1.get('/notes', (req, res) => res.json(notes.of(auth.values(req).user)))
   * ```
   */
  guard<const I extends Inputs>(inputs: I, options: GuardOptions = {}): ExpressGuard<Values<I>> {
    const gate = this.#gate;
    const resolved = guardValues<Request, Values<I>>('auth.values(req)', perRequest);
    const guard: RequestHandler = (req, _res, next) => {
      const route = (req as { route?: { stack?: { handle: unknown }[] } }).route;
      const inStack = route?.stack?.some((l) => l.handle === guard) === true;
      // placed in a route's own stack, and Express is dispatching the request there: its checkpoint ran on this match, or it has none for this method yet
      // (a route or method added since the last install): decided for that route
      if (inStack && (this.#inRoute(req, route!) || this.#enter(req, route!))) return void gate.atOwnRoute(req, guard, () => this.#entryOf(req.app, route!, req.method), next);
      try {
        this.#install(req.app);
      } catch (error) {
        return void gate.fail(req, error);
      }
      // req.route names a route whose stack holds this guard and whose checkpoint did not run on this match: placed with use(), after that route passed the
      // request on or was skipped (next('route')). What is after it may answer by itself: the strictest requirement, now, whatever that route decided
      if (inStack) return void gate.decideWith(req, () => gate.strictSteps(req, [guard]), next);
      // placed with use(): the route is not known yet; it decides at the route's checkpoint, or before any other middleware
      gate.mark(req, guard);
      next();
    };
    this.#kit.guards.add(guard, inputs, options);
    gate.accessor(guard, resolved.set);
    return Object.assign(guard, { values: resolved.values });
  }

  /**
   * A route marker: pass-through middleware whose options apply where a
   * guard stands in front of the route (a summary or response schema for
   * the document, `public: true` to opt the route out of the guard).
   *
   * @example
   * ```ts
   * app.get('/status', d.route({ public: true }), (req, res) => res.json({ status: 'ok' }))
   * ```
   */
  route(options: GuardRouteOptions): RequestHandler {
    const marker: RequestHandler = (_req, _res, next) => next();
    this.#kit.guards.mark(marker, options);
    return marker;
  }

  /**
   * The OpenAPI document: every mounted route plus the wrapped handlers
   * found so far in the route tables of the apps and routers passed to
   * `mount()` or `docs()` (searched again while some are missing).
   *
   * @example
   * ```ts
   * const doc = d.openapi()
   * doc.paths['/me'].get // documented from app.get('/me', d.handler(...))
   * ```
   */
  openapi(): OpenAPIDocument {
    return this.#kit.openapi();
  }

  /** `app.listen()` of an Express app runs {@link check} first: a configuration mistake stops the start, before the server listens. */
  #checkOnListen(target: IRouter): void {
    const app = target as IRouter & { listen?: (...args: unknown[]) => unknown };
    if (typeof app.listen !== 'function' || this.#listening.has(app)) return;
    this.#listening.add(app);
    const listen = app.listen;
    const check = () => this.check(target);
    app.listen = function (this: unknown, ...args: unknown[]) {
      check();
      return listen.apply(this, args);
    };
  }

  /** The route table of a target, with the guards installed on it first (what the document and the startup checks read). */
  #table(target: IRouter): ExpressEntry[] {
    if (this.#kit.guards.size > 0) this.#install(target);
    return [...expressRoutes(target)];
  }

  /**
   * Installs the guards on an app (see `install`): again whenever a stack
   * it went through has changed. Checks the order of middleware and guards
   * (a `ConfigurationError` when a middleware after a guard stands before a
   * route the guard lets through with less).
   */
  #install(app: object): Installed {
    const done = this.#installed.get(app);
    if (done && unchanged(done.on, done.sizes)) return done;
    const guards = this.#kit.guards;
    const on = install(app, {
      checkpoint: (route) => this.#checkpointOf(route) as never,
      wrap: (fn) => this.#wrap(fn as RequestHandler) as never,
      isOwn: (fn) => guards.isOwn(fn),
      owner: this,
      param: (fn, stack) => this.#param(fn as ParamHandler, stack) as never,
    });
    const entries = new Map<object, Map<string, RouteEntry>>();
    const table = [...expressRoutes(app)];
    for (const entry of table) {
      if (!entry.route) continue;
      const byMethod = entries.get(entry.route) ?? new Map<string, RouteEntry>();
      entries.set(entry.route, byMethod);
      const known = byMethod.get(entry.method);
      // a route reached on several paths (registered with several, or its router mounted more than once): which one
      // matched is not known, so each one's decision is taken
      if (known === undefined && (entry.paths === undefined || entry.paths <= 1)) byMethod.set(entry.method, entry);
      else byMethod.set(entry.method, [...(known === undefined ? [] : Array.isArray(known) ? known : [known]), entry]);
    }
    guards.checkOrder(table, isAppMiddleware);
    guards.checkKeys(table);
    for (const byMethod of entries.values()) for (const entry of byMethod.values()) if (Array.isArray(entry)) guards.checkSeveralPaths(entry);
    const installed: Installed = { on, sizes: sizesOf(on), entries, behind: new WeakMap() };
    this.#installed.set(app, installed);
    return installed;
  }

  /** A route's table entry (or entries, see `Installed`) for a request method (HEAD served by GET), once the guards are installed on the app; `undefined` when unknown. */
  #entryOf(app: object, route: object, method: string): RouteEntry | undefined {
    // the use()-placed guard installs again when the app has changed; a route's entries are read as installed
    const byMethod = this.#installed.get(app)?.entries.get(route) ?? this.#install(app).entries.get(route);
    return byMethod && entryForMethod(byMethod, method);
  }

  /**
   * The checkpoint first in a route's stack: the guards pending on the
   * request, and those placed in front of the route, decide for it, from
   * the route table of the app the request goes through (`req.app`): a
   * router used by two apps is behind each app's own guards, at each app's
   * own paths.
   */
  #checkpointOf(route: object): RequestHandler {
    const made = this.#checkpoints.get(route);
    if (made) return made;
    const gate = this.#gate;
    const own = (req: Request) => routeHandles(route, req.method);
    // the decision for this route, taken by its checkpoint or by one of its parameter callbacks
    const decide = (req: Request, next: () => void): void => {
      let entry: RouteEntry | undefined;
      try {
        entry = this.#entryOf(req.app, route, req.method);
      } catch (error) {
        return void gate.fail(req, error);
      }
      void gate.atRoute(req, entry, own, next);
    };
    this.#deciders.set(route, decide);
    const checkpoint: RequestHandler = (req, _res, next) => {
      // where the request is (for the parameter callbacks and a guard in the route's own stack): in this route's stack, on this match
      const at = dispatchOf(req, this.#dispatch);
      at.passed = route;
      at.passedParams = req.params;
      // a parameter callback of this route, on this match, took its decision already
      if (at.taken === route && at.takenParams === req.params) return void ((at.taken = undefined), next());
      decide(req, next);
    };
    this.#checkpoints.set(route, markInstalled(checkpoint, 'checkpoint', this));
    return checkpoint;
  }

  /**
   * A parameter callback (`router.param('id', load)`, `app.param()`) of the
   * router whose layers are `stack`, wrapped: Express runs it after matching
   * a route and before the route's stack, where the checkpoint is, so the
   * guards decide for that route here first (its checkpoint then passes
   * on), as a guard placed before the router decides before the callbacks.
   * For a parameter of a `use()` path (`router.use('/orgs/:org', orgs)`),
   * Express runs it before choosing the route inside: the pending guards
   * first ask the weakest requirement of the routes behind those mounts
   * (what every caller one of them lets through has), and the route's
   * checkpoint still decides for the route.
   */
  /** Whether the request is in `route`'s stack now: its checkpoint ran on the layer match Express is dispatching (`req.params` is that match's). */
  #inRoute(req: Request, route: object): boolean {
    const at = dispatchOf(req, this.#dispatch);
    return at.passed === route && at.passedParams === req.params;
  }

  /**
   * For a guard in `route`'s stack whose checkpoint did not run on this
   * match: whether the route has no checkpoint for the request's method
   * (HEAD served by GET unless the route has its own) — a route or method
   * added since the last install — so the request is in its stack. Then
   * kept as the checkpoint keeps it: installing now puts the checkpoint in
   * front of the stack Express is going through, which runs this guard
   * again.
   */
  #enter(req: Request, route: object): boolean {
    const cp = this.#checkpoints.get(route);
    const r = route as { stack: { handle: unknown; method?: string }[]; methods: Record<string, boolean> };
    const method = req.method.toLowerCase() === 'head' && !r.methods.head ? 'get' : req.method.toLowerCase();
    if (cp !== undefined && r.stack.some((l) => l.handle === cp && (l.method === undefined || l.method === method))) return false;
    const at = dispatchOf(req, this.#dispatch);
    at.passed = route;
    at.passedParams = req.params;
    return true;
  }

  #param(fn: ParamHandler, stack: readonly unknown[]): ParamHandler {
    const deciders = this.#deciders;
    const gate = this.#gate;
    const behind = (req: Request, name: string) => this.#behindMount(req.app, stack, name, req.method);
    const key = this.#dispatch;
    const wrapper = function (this: unknown, req: Request, res: Response, next: Next, value: unknown, name: string): void {
      const run = (): void => asExpress(() => fn.call(this, req, res, next, value, name), next);
      const route = (req as { route?: object }).route;
      const at = dispatchOf(req, key);
      // req.route still names a route the request has left: passed on from its stack, or skipped with next('route') by a callback on its match
      const left = route !== undefined && (at.passed === route || (at.taken === route && at.takenParams !== req.params));
      if (route !== undefined && !left) {
        if (at.taken === route) return run();
        const decide = deciders.get(route);
        // a route the guards were not installed on: the callback runs as it did without the guard
        if (decide === undefined) return run();
        const params = req.params;
        return decide(req, () => ((at.taken = route), (at.takenParams = params), run()));
      }
      // no route being dispatched, or one that has passed the request on: a parameter of a use() path
      if (!gate.unsettled(req)) return run();
      void gate.decideWith(req, () => gate.towards(req, behind(req, name)), run);
    };
    return markInstalled(wrapper, 'param', this, fn);
  }

  /** The table entries, for a request method, of the routes behind the mounts of `stack` with parameter `name` (worked out once per install). */
  #behindMount(app: object, stack: readonly unknown[], name: string, method: string): ExpressEntry[] {
    const installed = this.#install(app);
    let byKey = installed.behind.get(stack);
    if (byKey === undefined) installed.behind.set(stack, (byKey = new Map()));
    const key = `${name} ${method}`;
    let found = byKey.get(key);
    if (found === undefined) {
      found = [];
      for (const route of routesBehind(stack, name)) {
        const entry = this.#entryOf(app, route, method);
        if (entry !== undefined) found.push(...(Array.isArray(entry) ? entry : [entry]));
      }
      byKey.set(key, found);
    }
    return found;
  }

  /** The app's own middleware, wrapped: guards pending on the request check their strictest requirement before it runs. */
  #wrap(fn: RequestHandler): RequestHandler {
    const gate = this.#gate;
    const wrapper = function (this: unknown, req: Request, res: Response, next: Next): unknown {
      return gate.beforeMiddleware(req, () => asExpress(() => fn.call(this, req, res, next), next));
    };
    Object.defineProperty(wrapper, 'name', { value: fn.name });
    return markInstalled(wrapper as RequestHandler, 'wrapper', this, fn);
  }

  #handlerOf(route: AppRoute): RequestHandler {
    const kit = this.#kit;
    return (req, res) => {
      const view = viewOf(req, req.params as Record<string, string>, kit.bodyLimit);
      void kit.respond(route, view, (outcome) => send(kit, res, view, outcome));
    };
  }
}

/**
 * Where the guard keeps what it knows of a request, and its typed accessor
 * the values: `res.locals`, Express's own per-request object, not `req`
 * (Express changed req's prototype, so a property added to it costs a new
 * hidden class: see `StateHolder`). Should a middleware replace
 * `res.locals` after the checks, `auth.values(req)` throws (the guard did
 * not run for it, as far as it can tell): nothing is read that the guard
 * did not resolve.
 */
const perRequest = (req: Request): object => req.res?.locals ?? req;

/**
 * Calls one of the app's functions the guard wraps (a middleware, a
 * parameter callback) as Express 5 does: what it throws, and the rejection
 * of a promise it returns, go to `next`. Express's own try/catch does not
 * cover the call after a decision that waited for an asynchronous
 * dependency (it runs in a promise's reaction).
 */
function asExpress(call: () => unknown, next: Next): void {
  let ret: unknown;
  try {
    ret = call();
  } catch (error) {
    return next(error);
  }
  if (ret instanceof Promise) ret.then(undefined, (error: unknown) => next(error ?? new HTTPException(500)));
}

/** A parameter callback as Express calls it (`router.param(name, fn)`). */
type ParamHandler = (req: Request, res: Response, next: Next, value: unknown, name: string) => unknown;

/**
 * Where the request is in Express's dispatch (see {@link Dispatch}), kept
 * with the request's other per-request state (`res.locals`, a plain object
 * of its own: a property added to Node's request would change the shape
 * every later read of it goes through) under a key of each
 * `createDepends()`'s own.
 */
function dispatchOf(req: Request, key: symbol): Dispatch {
  const r = perRequest(req) as Record<symbol, Dispatch | undefined>;
  return (r[key] ??= {});
}

/** What a body parser left on the request, asked for by the view with its `native` (no closure per request). */
const bodyOf = (req: { body?: unknown }): unknown => req.body;

function viewOf(req: Request, params: Record<string, string>, bodyLimit: number, keep?: NodeRequestInit['keepBody']): RequestView {
  return nodeRequestView(req, {
    url: req.originalUrl ?? req.url,
    params,
    parsedBody: bodyOf, // express.json() and friends
    bodyLimit,
    keepBody: keep,
  });
}

/** A body a guard read from the stream, left as body-parser leaves one: `req.body`, and `req._body`, which body-parser's parsers take for "already parsed". */
function keepBody(req: Request & { _body?: boolean }, bytes: Uint8Array, contentType: string | undefined): void {
  keepParsedBody(req, 'body', bytes, contentType);
  req._body = true;
}

/**
 * Express's own client errors on depends' routes — a path parameter that is
 * not valid percent-encoding (`GET /docs/%ff`), or a 4xx from a body parser
 * in front — answered as JSON `{"detail": …}` like every other error of
 * these routes, never Express's HTML page with its stack trace (whatever
 * `NODE_ENV` says). Errors on other paths, and server errors, go on to the
 * app's own error handlers.
 */
function clientErrors(kit: Kit, paths: readonly string[]): ErrorRequestHandler {
  const templates = paths.map((p) => p.split('/'));
  return (error: unknown, req, res, next) => {
    const status = clientStatus(error);
    if (status === undefined || res.headersSent || !templates.some((t) => matches(t, req.path))) return next(error);
    const detail = error instanceof URIError ? 'The path is not valid percent-encoding' : (error as { expose?: unknown }).expose === true ? String((error as Error).message) : undefined;
    const view = nodeRequestView(req, { url: req.originalUrl ?? req.url, bodyLimit: kit.bodyLimit });
    writeNodeAnswer(res, kit.errorAnswer(view, new HTTPException(status, detail)));
  };
}

/** The 4xx status an error carries (`status` or `statusCode`, as http-errors and Express's router set them). */
function clientStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  return typeof code === 'number' && code >= 400 && code < 500 ? code : undefined;
}

/**
 * Whether a request path fits a colon-path template split on `/`, as
 * Express's default routing does: a `:param` segment fits any non-empty
 * segment, case-insensitive, a trailing slash allowed.
 */
function matches(template: readonly string[], path: string): boolean {
  const segments = (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path).toLowerCase().split('/');
  if (segments.length !== template.length) return false;
  for (let i = 0; i < segments.length; i++) {
    const t = template[i];
    if (t.startsWith(':') ? segments[i] === '' : t.toLowerCase() !== segments[i]) return false;
  }
  return true;
}

/** Writes the answer unless the response is already gone, then runs the teardowns once it is over. */
function send(kit: Kit, res: Response, view: RequestView, outcome: Outcome): void {
  try {
    if (!outcome.native && !res.headersSent && !res.destroyed) writeNodeAnswer(res, outcome.answer);
  } catch (error) {
    if (!res.headersSent) writeNodeAnswer(res, kit.errorAnswer(view, error));
    else kit.report(view, error);
  }
  if (outcome.hasTeardown) afterSent(res, () => kit.finish(view, outcome));
}

/**
 * Creates the Express adapter, on an existing {@link DependsApp} or on a
 * new one made from `AppOptions` (title, version, app-level dependencies
 * and security, `onError`).
 *
 * @example
 * ```ts
 * const d = createDepends({ title: 'Todo API', version: '1.0.0', onError: (e) => log.error(e) })
 * d.mount(app, api)
 * d.docs(app)
 * ```
 */
export function createDepends(appOrOptions: DependsApp | AppOptions = {}, options: AdapterOptions = {}): DependsExpress {
  return new DependsExpress(appFrom(appOrOptions), options);
}

/**
 * Where a docs request was sent, as Express sees it: `req.protocol` and the
 * host (`X-Forwarded-Proto` / `X-Forwarded-Host` only where the app's
 * `trust proxy` setting trusts the peer), and the path `target` is mounted
 * under: what the request's path has before the docs route's path in
 * `target`'s table (the document's paths are read from that table).
 */
function servedAt(req: Request, target: IRouter, handler: RequestHandler): ServedAt {
  // Express 5's `req.host`, written out: Express 4's drops the port
  const trust = req.app.get('trust proxy fn') as ((address: string | undefined, hop: number) => boolean) | undefined;
  const forwarded = req.get('x-forwarded-host');
  const host = forwarded && trust?.(req.socket.remoteAddress, 0) ? forwarded.split(',')[0].trim() : req.get('host');
  let path: string | undefined;
  for (const entry of expressRoutes(target)) if (entry.handler === handler) path = entry.path;
  return { origin: host ? `${req.protocol}://${host}` : undefined, prefix: path === undefined ? '' : mountPrefix(req.originalUrl, path) };
}
