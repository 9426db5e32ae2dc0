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
import type { AdapterOptions, AppRoute, DocsOptions, GuardStep, HandlerOptions, Outcome, ServedAt } from '@depends/core/adapter';
import { expressRoutes, install, isAppMiddleware, reachedBy, routeHandles, routesBehind, sizesOf, unchanged, type ExpressEntry, type InstalledOn } from './routes.js';

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
  /** By route, then method: the guards its stack may run (see `#reached`). */
  readonly reached: WeakMap<object, Map<string, readonly unknown[]>>;
}

/** A route's table entry for a method, or its entries when it has several paths. */
type RouteEntry = ExpressEntry | ExpressEntry[];

/**
 * Where a request is in Express's dispatch: the route whose dispatch it is
 * in (from the route's layer until the route passes it on), for a guard its
 * stack runs however it got there; and, for the parameter callbacks (which
 * run before a route's stack), the route whose decision a callback took
 * (its checkpoint then passes), and the last route whose checkpoint ran
 * (`req.route` still names it after it passes the request on).
 */
interface Dispatch {
  /** The route whose dispatch the request is in: set by its layer (see `#entering`), back to the enclosing one's (or none) when it passes the request on. */
  route: object | undefined;
  /** The method `route` is dispatched with: Express reads `req.method` once when the dispatch starts, whatever the app sets it to afterwards. */
  method: string | undefined;
  taken: object | undefined;
  /** `req.params` when the decision was `taken`: Express gives each layer it matches a params object of its own, so another one means another layer (the route was left with `next('route')`). */
  takenParams: unknown;
  /** `req.method` when the decision was `taken`: a callback that changes it (`_method` overrides) has the route dispatched with another method, decided again. */
  takenMethod: string | undefined;
  passed: object | undefined;
  /** `req.params` when the route's checkpoint ran: the same object while the request is in that route's stack. */
  passedParams: unknown;
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
   * route (`app.get('/me', auth, handler)`, or a router of guards placed
   * there: it decides for the route it runs in). A request for a route
   * behind it answers exactly as a declared route would (401, 403, 422...)
   * before the handler runs; otherwise the values are in `auth.values(req)` (typed) and
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
    const key = this.#dispatch;
    const resolved = guardValues<Request, Values<I>>('auth.values(req)', perRequest);
    const guard: RequestHandler = (req, _res, next) => {
      const at = dispatchOf(req, key);
      // in a route's dispatch: in its stack, or run by a router or a function of its stack (`req.route` may then name a route of that router, or none
      // of the app's): nothing after it in the route decides, so it decides now, for that route
      if (at.route !== undefined) return this.#inside(req, guard, at, next);
      this.#outside(req, guard, at, next);
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
      enter: (route, dispatch) => this.#entering(route, dispatch as RequestHandler) as never,
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
    const installed: Installed = { on, sizes: sizesOf(on), entries, behind: new WeakMap(), reached: new WeakMap() };
    this.#installed.set(app, installed);
    return installed;
  }

  /**
   * A guard run in a route's dispatch (`at.route`). In the route's own
   * stack it decides for the route, unless the route's checkpoint did (it
   * was pending, or placed in front of the route); reached through
   * something of the stack (`app.get('/x', requireAuth, handler)` with
   * `requireAuth.use(auth)`, `(req, res, next) => auth(req, res, next)`) it
   * decides for the route too, then waits as after `app.use()` for what
   * follows should the route pass the request on. Always for the method the
   * route is dispatched with, never `req.method` as the app may have
   * rewritten it since (`X-HTTP-Method-Override`). Where the route's
   * decision cannot be known for certain (no table entry for that method,
   * or its checkpoint did not run on this dispatch), the guard's strictest
   * requirement.
   */
  #inside(req: Request, guard: RequestHandler, at: Dispatch, next: Next): void {
    const gate = this.#gate;
    const route = at.route!;
    // its checkpoint did not run on this dispatch (a method added since the install, or another route's ran inside it): installing puts it there for the next request
    if (at.passed !== route) return void gate.decideWith(req, () => (this.#install(req.app), gate.strictSteps(req, [guard])), next);
    let entry: RouteEntry | undefined;
    try {
      entry = this.#entryOf(req.app, route, at.method!);
    } catch (error) {
      return void gate.fail(req, error);
    }
    // (not the request's list of decided guards: the checkpoint leaves it as an earlier route left it when it has no entry)
    if (entry === undefined || (Array.isArray(entry) && entry.length === 0)) return void gate.decideWith(req, () => gate.strictSteps(req, [guard]), next);
    if (holds(route, guard)) return void gate.atOwnRoute(req, guard, entry, next);
    void gate.atOwnRoute(req, guard, entry, () => (gate.mark(req, guard), next()));
  }

  /**
   * A guard run outside every route's dispatch the guards are installed on:
   * placed with `use()`, it marks the request (the route Express chooses
   * decides at its checkpoint, any other middleware first asks the
   * strictest requirement). In the stack of a route Express dispatched
   * before the guards were installed on it (the first request after the
   * route was added, or to an app never checked), it decides for that route;
   * where it may be inside such a route without being in its stack, and is
   * placed with `use()` nowhere in the app, the strictest requirement.
   */
  #outside(req: Request, guard: RequestHandler, at: Dispatch, next: Next): void {
    const gate = this.#gate;
    const route = (req as { route?: RouteShape }).route;
    const inStack = route !== undefined && holds(route, guard);
    // placed in a route's own stack, dispatched before the guards were installed on it (a route added since the last install), and Express is
    // dispatching the request there: decided for that route, the guards pending on the request included (its checkpoint did not run); installing put the
    // checkpoint in front of the stack Express is going through, which runs this guard again on this match: decided already
    if (inStack && this.#inRoute(req, route)) return void gate.atOwnRoute(req, guard, () => this.#unhookedEntry(req.app, route), next);
    if (inStack && this.#enter(req, route)) return void gate.decideWith(req, () => this.#unhookedSteps(req, route, guard), next);
    let installed: Installed;
    try {
      installed = this.#install(req.app);
    } catch (error) {
      return void gate.fail(req, error);
    }
    // req.route names a route whose stack holds this guard and whose checkpoint did not run on this match: placed with use(), after that route passed the
    // request on or was skipped (next('route')). What is after it may answer by itself: the strictest requirement, now, whatever that route decided
    if (inStack) return void gate.decideWith(req, () => gate.strictSteps(req, [guard]), next);
    // req.route names a route whose checkpoint did not run on this request (dispatched before the guards were installed on it, or skipped), and this guard
    // waits with use() nowhere in the app: it may be run from inside that route, by a router or a function of its stack, where nothing after it decides
    if (route !== undefined && at.passed !== route && !installed.on.uses.has(guard)) return void gate.decideWith(req, () => gate.strictSteps(req, [guard]), next);
    // placed with use(): the route is not known yet; it decides at the route's checkpoint, or before any other middleware
    gate.mark(req, guard);
    next();
  }

  /**
   * The decisions for a route Express dispatched before the guards were
   * installed on it, for a guard in its stack: what its checkpoint would
   * have decided (the guards pending on the request) and that guard, for
   * the route's entry when the route serves one method (the method it was
   * dispatched with is not known otherwise: the app may have rewritten
   * `req.method` since), else the strictest requirement.
   */
  #unhookedSteps(req: Request, route: object, guard: RequestHandler): readonly GuardStep[] {
    const entry = this.#unhookedEntry(req.app, route);
    if (entry === undefined) return this.#gate.strictSteps(req, [guard]);
    const steps: GuardStep[] = [];
    for (const e of Array.isArray(entry) ? entry : [entry]) for (const step of this.#gate.forRoute(req, e, [guard])) if (!steps.some((o) => o.route === step.route)) steps.push(step);
    return steps;
  }

  /** The table entry (or entries) of a route serving one method (HEAD served by GET), installing the guards on the app first; `undefined` for a route serving several (or none). */
  #unhookedEntry(app: object, route: object): RouteEntry | undefined {
    const byMethod = this.#install(app).entries.get(route);
    return byMethod?.size === 1 ? byMethod.values().next().value : undefined;
  }

  /** A route's table entry (or entries, see `Installed`) for a request method (HEAD served by GET), once the guards are installed on the app; `undefined` when unknown. */
  #entryOf(app: object, route: object, method: string): RouteEntry | undefined {
    // the use()-placed guard installs again when the app has changed; a route's entries are read as installed
    const byMethod = this.#installed.get(app)?.entries.get(route) ?? this.#install(app).entries.get(route);
    return byMethod && entryForMethod(byMethod, method);
  }

  /**
   * The handle of a route's layer (what runs `route.dispatch`), wrapped:
   * from the route's dispatch until the route passes the request on
   * (`next()`, `next('route')`, an error), the request is in that route (see
   * {@link Dispatch}), dispatched with the method `req.method` names now
   * (Express reads it once, as the dispatch starts). A route reached from
   * inside another one's dispatch (a router used in a route's stack) hands
   * the request back to it when it passes it on. One closure per dispatch:
   * Express gives `next` no request to find the state by.
   */
  #entering(route: object, dispatch: RequestHandler): RequestHandler {
    const key = this.#dispatch;
    const entered = function (this: unknown, req: Request, res: Response, next: Next): unknown {
      const at = dispatchOf(req, key);
      const outer = at.route;
      const outerMethod = at.method;
      at.route = route;
      at.method = req.method;
      try {
        return dispatch.call(this, req, res, (error?: unknown) => {
          at.route = outer;
          at.method = outerMethod;
          next(error);
        });
      } catch (error) {
        at.route = outer;
        at.method = outerMethod;
        throw error;
      }
    };
    return markInstalled(entered as RequestHandler, 'enter', this, dispatch);
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
      // a parameter callback of this route, on this match, took its decision already, for the method the route is dispatched with (req.method now: the
      // checkpoint is the first layer Express runs)
      if (at.taken === route && at.takenParams === req.params && at.takenMethod === req.method) return void ((at.taken = undefined), next());
      decide(req, next);
    };
    this.#checkpoints.set(route, markInstalled(checkpoint, 'checkpoint', this));
    return checkpoint;
  }

  /** Whether the request is in `route`'s stack now: its checkpoint (or `#enter`) ran on the layer match Express is dispatching (`req.params` is that match's). */
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

  /**
   * A parameter callback (`router.param('id', load)`, `app.param()`) of the
   * router whose layers are `stack`, wrapped: Express runs it after matching
   * a route and before the route's stack, where the checkpoint is, so the
   * guards decide for that route here first (its checkpoint then passes
   * on), as a guard placed before the router decides before the callbacks,
   * and so do the guards the route's own stack runs (`app.get('/notes/:id',
   * auth, handler)`, or a router of guards placed there): a callback may
   * answer by itself (a 404 for a note that does not exist).
   * For a parameter of a `use()` path (`router.use('/orgs/:org', orgs)`),
   * Express runs it before choosing the route inside: the pending guards
   * first ask the weakest requirement of the routes behind those mounts
   * (what every caller one of them lets through has), and the route's
   * checkpoint still decides for the route.
   */
  #param(fn: ParamHandler, stack: readonly unknown[]): ParamHandler {
    const deciders = this.#deciders;
    const gate = this.#gate;
    const behind = (req: Request, name: string) => this.#behindMount(req.app, stack, name, req.method);
    const reached = (req: Request, route: object, next: () => void) => this.#decideReached(req, route, next);
    const key = this.#dispatch;
    const wrapper = function (this: unknown, req: Request, res: Response, next: Next, value: unknown, name: string): void {
      const run = (): void => asExpress(() => fn.call(this, req, res, next, value, name), next);
      const route = (req as { route?: object }).route;
      const at = dispatchOf(req, key);
      // req.route still names a route the request has left: passed on from its stack, or skipped with next('route') by a callback on its match
      const left = route !== undefined && (at.passed === route || (at.taken === route && at.takenParams !== req.params));
      if (route !== undefined && !left) {
        // decided on this match already, for this method (a callback before this one may have changed it)
        if (at.taken === route && at.takenMethod === req.method) return run();
        const decide = deciders.get(route);
        // a route the guards were not installed on: the callback runs as it did without the guard
        if (decide === undefined) return run();
        const params = req.params;
        const method = req.method;
        // the route's checkpoint's decision, then that of the guards its stack runs (app.get('/notes/:id', auth, handler)): a callback may answer by itself
        return decide(req, () => reached(req, route, () => ((at.taken = route), (at.takenParams = params), (at.takenMethod = method), run())));
      }
      // no route being dispatched, or one that has passed the request on: a parameter of a use() path
      if (!gate.unsettled(req)) return run();
      void gate.decideWith(req, () => gate.towards(req, behind(req, name)), run);
    };
    return markInstalled(wrapper, 'param', this, fn);
  }

  /**
   * Before a parameter callback of `route` (after its checkpoint's
   * decision): the decision of the guards the route's stack runs, in it or
   * in a router it holds, as each would take it in the stack (see
   * `#inside`): a caller they refuse never runs the callback. A guard the
   * checkpoint decided is not asked again, nor when it runs in the stack.
   */
  #decideReached(req: Request, route: object, next: () => void): void {
    const gate = this.#gate;
    void gate.decideWith(
      req,
      () => {
        const installed = this.#install(req.app);
        const guards = this.#reached(installed, route, req.method);
        if (guards.length === 0) return [];
        const entry = entryForMethod(installed.entries.get(route) ?? new Map<string, RouteEntry>(), req.method);
        if (entry === undefined || (Array.isArray(entry) && entry.length === 0)) return gate.strictSteps(req, guards);
        const steps: GuardStep[] = [];
        for (const guard of guards) steps.push(...(Array.isArray(entry) ? gate.forOwnRoutes(req, guard, entry) : gate.forOwnRoute(req, guard, entry)));
        return steps;
      },
      next,
    );
  }

  /** The guards a route's stack may run for a method (see `reachedBy`), worked out once per install. */
  #reached(installed: Installed, route: object, method: string): readonly unknown[] {
    let byMethod = installed.reached.get(route);
    if (byMethod === undefined) installed.reached.set(route, (byMethod = new Map()));
    let guards = byMethod.get(method);
    if (guards === undefined) {
      const isGuard = (fn: unknown) => this.#kit.guards.isGuard(fn);
      byMethod.set(method, (guards = [...new Set(reachedBy(route, method).filter(isGuard))]));
    }
    return guards;
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
  // every field from the start: one shape for every request
  return (r[key] ??= { route: undefined, method: undefined, taken: undefined, takenParams: undefined, takenMethod: undefined, passed: undefined, passedParams: undefined });
}

/** A route as far as the guard reads it: its layers. */
interface RouteShape {
  stack: { handle: unknown }[];
}

/** Whether a route's own stack holds a function (for some method). */
const holds = (route: object, fn: unknown): boolean => (route as RouteShape).stack?.some((l) => l.handle === fn) === true;

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
