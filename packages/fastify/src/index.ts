/**
 * `@depends/fastify`: serves `@depends/core` routes on Fastify 5. Routes
 * declared once on a core `Router` are mounted with `d.mount()` (in their
 * own encapsulated context, under the prefix of the instance they are
 * mounted on); single handlers are wrapped with `d.handler()` inside an
 * existing app; `d.docs()` serves the OpenAPI document and Swagger UI.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify'
 * import { createDepends } from '@depends/fastify'
 *
 * const app = Fastify()
 * const d = createDepends({ title: 'Todo API', version: '1.0.0' })
 * d.docs(app)                                                         // /openapi.json + /docs
 * d.mount(app, api)                                                   // a core Router
 * app.get('/me', d.handler({ user: currentUser }, ({ user }) => user)) // one handler
 * await app.listen({ port: 3000 })
 * ```
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HookHandlerDoneFunction, RouteHandlerMethod, preHandlerHookHandler } from 'fastify';
import { ConfigurationError, DependsApp, ErrorCode, HTTPException } from '@depends/core';
import { AdapterKit, appFrom, GuardGate, guardValues, mountPrefix, setHeaders, toOpenApiPath } from '@depends/core/adapter';
import { afterSent, closeAfterAnswer, nodeRequestView } from '@depends/core/node';
import type { Answer, AppOptions, GuardOptions, GuardRouteOptions, Handler, Inputs, OpenAPIDocument, RequestView, Router, Values } from '@depends/core';
import type { AdapterOptions, AppRoute, DocsOptions, HandlerOptions, Outcome, TableRoute } from '@depends/core/adapter';

export type { AdapterOptions, DocsOptions, HandlerOptions } from '@depends/core/adapter';
export type { GuardOptions, GuardRouteOptions } from '@depends/core';

/** What a guard's decision returns when the request may go on (a refusal returns the reply it wrote). */
const PASSED = Symbol('passed');
const passed = (): typeof PASSED => PASSED;

const SETTLED = Promise.resolve();

/**
 * Runs `work` in a microtask of the current turn: one promise reaction, no
 * event-loop turn, nothing else of the request in between. Fastify calls
 * hooks and handlers from the socket's I/O callback, where V8 records a
 * message (the throw's location, for an uncaught-exception report) for
 * every `throw`, even one caught a frame up; in a microtask Node's
 * microtask runner is the handler and no message is made. A dependency
 * that refuses with `throw invalidToken()` costs some 2 700 instructions
 * less there (BENCHMARKS.md, "Fastify: decisions in a microtask").
 */
function inMicrotask(work: () => unknown): void {
  void SETTLED.then(work);
}

/** An error outside depends' own handling: to Fastify's error handling (its error handler, `onError` hooks), unless the reply is already sent. */
function failed(reply: FastifyReply, error: unknown): void {
  if (!reply.sent) void reply.send(error instanceof Error ? error : new HTTPException(500));
}

/** Tells Fastify to go on once a guard passed (at once when it decided synchronously); after a refusal the reply is sent and nothing is called. */
function goOn(decided: unknown, done: HookHandlerDoneFunction): void {
  if (decided === PASSED) return done();
  if (typeof (decided as PromiseLike<unknown> | undefined)?.then === 'function') {
    (decided as PromiseLike<unknown>).then(
      (result) => void (result === PASSED && done()),
      (error: unknown) => stop(done, error),
    );
  }
}

/** Stops the request with an error through a hook's callback: never a falsy value, which Fastify would read as "go on". */
function stop(done: HookHandlerDoneFunction, error: unknown): void {
  done(error instanceof Error ? error : new HTTPException(500));
}

/**
 * A guard on Fastify: a `preHandler` hook, plus the typed accessor of the
 * values it resolved for a request.
 *
 * @example
 * ```ts
 * const auth: FastifyGuard<{ user: User }> = d.guard({ user: currentUser })
 * app.addHook('preHandler', auth)
 * app.get('/me', (request) => auth.values(request).user)
 * ```
 */
export type FastifyGuard<V extends object> = preHandlerHookHandler & {
  /** The values the guard resolved for this request; throws when it did not run for it. */
  values(request: FastifyRequest): V;
};

/** A route Fastify registered (seen by the `onRoute` hook), with the context it was registered in. */
interface SeenRoute {
  readonly method: string;
  readonly instance: FastifyInstance;
  /** The app the route belongs to (see `rootOf`). */
  readonly root: object;
  /**
   * The route's options as Fastify keeps them: its path, its handler and
   * its own hooks are read from them once every `onRoute` hook has run
   * (another one, after depends', may still add a guard or change its
   * URL), as Fastify reads them.
   */
  readonly options: RouteHooks;
  /** Whether it is the HEAD route Fastify adds beside a GET (`exposeHeadRoutes`): in the table as that GET, never documented apart. */
  readonly headCopy: boolean;
}

/** A not-found handler set on an app d met: the instance it was set on, its own options, and the guards of its context's `onRequest` and `preValidation` hooks (found when the app is ready). */
interface NotFoundContext {
  readonly instance: FastifyInstance;
  readonly options: Readonly<Record<string, unknown>>;
  guards: readonly unknown[];
}

/** A route's options, as the hooks read from them. */
type RouteHooks = Readonly<Record<string, unknown>> & { readonly handler: unknown };

/** The hooks in front of a handler where a guard decides, in the order Fastify runs them (the body is read after `onRequest`). */
const DECIDING = ['onRequest', 'preValidation', 'preHandler'] as const;
/** Fastify's other request hooks: a guard there would run where it cannot decide before the handler (refused when the app is ready). */
const NOT_DECIDING = ['preParsing', 'preSerialization', 'onSend', 'onResponse', 'onError', 'onTimeout', 'onRequestAbort'] as const;

/** A route's own hooks in front of its handler (its options), in order. */
const ownHooks = (options: RouteHooks): unknown[] => DECIDING.flatMap((name) => hookList(options[name]));

/** A route's table entry for one method, as a request reads it: its path and its own hooks read once, at its first request (after every `onRoute` hook has run). */
function entryOf(method: string, options: RouteHooks): TableRoute {
  let path: string | undefined;
  let before: unknown[] | undefined;
  return {
    method,
    get path() {
      return (path ??= pathOf(options));
    },
    get handler() {
      return options.handler;
    },
    get before() {
      return (before ??= ownHooks(options));
    },
  };
}

/**
 * Where the `onRoute` hook leaves, in the route's `config` (Fastify copies
 * it into the config of the route it builds, `request.routeOptions.config`),
 * the route as a guard decides for it, by method: its path, its handler and
 * its own hooks (route markers among them).
 */
const ROUTE = Symbol('depends.route');
/** The schema of depends' own Fastify routes (mounted routes, docs): `hide` keeps them out of @fastify/swagger's document; nothing is validated. A new object each time: Fastify marks the schemas it has seen. */
const hidden = (): FastifySchema => Object.assign({} as FastifySchema, { hide: true });
type RouteConfig = { [ROUTE]?: Readonly<Record<string, TableRoute>> } | undefined;

type Kit = AdapterKit<FastifyInstance, RouteHandlerMethod>;

/** A route Fastify is asked to register: what `d.mount()` hands to its plugin. */
interface Registration {
  readonly method: string;
  readonly url: string;
  readonly handler: RouteHandlerMethod;
}

/**
 * Serves a {@link DependsApp} on Fastify. Create it with
 * {@link createDepends}; `d.app` is the core app (routes, overrides, hooks).
 *
 * @example
 * ```ts
 * const d = createDepends()
 * d.mount(app, api)
 * d.app.overrides.set(currentUser, () => fakeUser) // in a test
 * ```
 */
export class DependsFastify {
  /** The core app: route table, overrides, `onError`, document. */
  readonly app: DependsApp;
  readonly #kit: Kit;
  readonly #options: AdapterOptions;
  /** Every route Fastify registered after an instance met this adapter (its `onRoute` hook): where wrapped and guarded routes are found for the document. */
  readonly #seen: SeenRoute[] = [];
  readonly #hooked = new WeakSet<FastifyInstance>();
  /** The route options the `onRoute` hook has seen (a child context runs its parent's hook too). */
  readonly #seenOptions = new WeakSet<object>();
  /** Each app d met (its root instance): whether its `onReady` has run, and the routes it had before d met it (never seen), as Fastify prints them (see `printedRoutes`). */
  readonly #apps = new Map<object, { ready: boolean; early: ReadonlySet<string> }>();
  /** Each guard's name and `routes` keys, for the startup messages. */
  readonly #guardInfo = new Map<unknown, { readonly name: string; readonly keys: readonly string[] }>();
  /** The paths of the root routes of prefixed plugins (`/v1`, which Fastify also serves at `/v1/`). */
  readonly #prefixRoots = new Set<string>();
  /** Each guard and marker of this adapter by its function's name (see `#named`). */
  readonly #byName = new Map<string, unknown>();
  /** By app (its root instance): the not-found handlers set on it since d met it (see `#coverNotFound`). */
  readonly #notFound = new Map<object, NotFoundContext[]>();
  /** Keyed by the reply (its `request` is one step away; a request does not lead to its reply). */
  readonly #gate: GuardGate<FastifyReply>;

  constructor(app: DependsApp, options: AdapterOptions = {}) {
    this.app = app;
    this.#options = options;
    this.#kit = new AdapterKit(app, options, { handlerOf: (route) => this.#handlerOf(route), routes: () => this.#seen.flatMap((r) => this.#tableRoutes(r)), native: isReply });
    const kit = this.#kit;
    const view = (reply: FastifyReply) => viewOf(reply.request, reply, kit.bodyLimit);
    this.#gate = new GuardGate<FastifyReply>(app, kit.guards, {
      view,
      write: (reply, answer, seen) => kit.write(seen, answer, (a) => write(reply, a)),
      pass: (reply, values, finish, headers) => {
        if (headers) for (const [name, value] of headers) void reply.header(name, value);
        // also the Fastify way, as request properties (`request.user`), never over one Fastify or a plugin already set
        const target = reply.request as unknown as Record<string, unknown>;
        for (const name in values)
          if (target[name] == null)
            try {
              target[name] = values[name];
            } catch {
              // a getter-only decoration of that name (decorateRequest('user', { getter })): left as it is, the values stay in auth.values(request)
            }
        if (finish) afterSent(reply.raw, finish);
      },
    });
  }

  /**
   * Registers every route of a core `Router` on a Fastify instance (in a
   * plugin of its own, so the instance's prefix applies: mount inside
   * `app.register(plugin, { prefix: '/v1' })` to serve under `/v1`), and
   * in the document with the full path. Bodies of these routes are read by
   * depends (media types, forms, limits as on every framework); the limit
   * is the adapter's `bodyLimit`, else the Fastify instance's own.
   *
   * @example
   * ```ts
   * const api = new Router({ dependencies: [verifyKey] })
   * api.get('/items/{id}', { id: path('id') }, ({ id }) => items.get(id))
   * d.mount(app, api) // GET /items/:id on Fastify
   * app.register(async (v1) => { d.mount(v1, api) }, { prefix: '/v1' }) // GET /v1/items/:id
   * ```
   */
  mount(target: FastifyInstance, router: Router): AppRoute[] {
    this.#hook(target);
    const registrations: Registration[] = [];
    // documented where Fastify's route table (the onRoute hook) puts them: prefixes and guards included
    const routes = this.#kit.mount(target, router, (method, url, handler) => registrations.push({ method, url, handler }));
    const kit = this.#kit;
    target.register(async (child) => {
      this.bodies(child);
      // Fastify's own errors on these routes (a malformed request) answer as depends answers
      child.setErrorHandler((error, request, reply) => {
        const view = viewOf(request, reply, kit.bodyLimit);
        const status = (error as { statusCode?: unknown }).statusCode;
        const answer = typeof status === 'number' && status >= 400 && status < 500 ? kit.errorAnswer(view, new HTTPException(status, (error as Error).message)) : kit.errorAnswer(view, error);
        return write(reply, answer);
      });
      // hidden from @fastify/swagger (`schema.hide`): depends documents them (a document given as `base` gets them from depends)
      for (const r of registrations) child.route({ method: r.method, url: r.url, handler: r.handler, schema: hidden() });
    });
    return routes;
  }

  /**
   * Wraps one handler for an existing Fastify app: it gets its declared
   * inputs (the body as Fastify's parsers left it), and answers like a
   * mounted route. It joins the document under the method and path Fastify
   * registers it on — seen by the `onRoute` hook that `d.docs()` and
   * `d.mount()` install, so call one of them first — or under
   * `options.path` at once.
   *
   * @example
   * ```ts
   * d.docs(app)
   * app.get('/me', d.handler({ user: currentUser }, ({ user }) => user))
   * app.post('/items', d.handler({ item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 }))
   * ```
   */
  handler<const I extends Inputs, R>(inputs: I, fn: Handler<I, R>, options: HandlerOptions = {}): RouteHandlerMethod {
    return this.#kit.wrap(inputs, fn, options);
  }

  /**
   * Lets depends read the request bodies of the routes of a Fastify
   * instance (an encapsulated context): its content-type parsers are
   * replaced by one that leaves the stream unread, so wrapped handlers
   * there read and answer bodies exactly as mounted routes do (media types,
   * forms, malformed JSON as 422, the limit as 413). Without it, Fastify's
   * own parsers run first and a wrapped handler gets what they left.
   * `d.mount()` does this for its own routes.
   *
   * @example
   * ```ts
   * app.register(async (scope) => {
   *   d.bodies(scope)
   *   scope.post('/items', d.handler({ item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 }))
   * })
   * ```
   */
  bodies(target: FastifyInstance): void {
    target.removeAllContentTypeParsers();
    target.addContentTypeParser('*', (_request, _payload, done) => done(null));
  }

  /**
   * Serves the OpenAPI document (`/openapi.json`), the Swagger UI page
   * (`/docs`) and its assets from the local `swagger-ui-dist` (no CDN).
   * Also starts watching the instance's routes for wrapped handlers.
   * Without `publicOrigin` or `servers`, the served document's server is
   * the request's origin as Fastify sees it (`request.protocol` and
   * `request.host`, which follow the instance's `trustProxy` option).
   *
   * @example
   * ```ts
   * d.docs(app, { title: 'Todo API', docsPath: '/api-docs' })
   * ```
   */
  docs(target: FastifyInstance, options: DocsOptions = {}): void {
    this.#hook(target);
    for (const r of this.#kit.docs(target, options)) {
      const serveDocs: RouteHandlerMethod = (request, reply) => {
        const at = { origin: `${request.protocol}://${request.host}`, prefix: mountPrefix(request.url, request.routeOptions.url ?? r.path) };
        return write(reply, r.answer(request.params as Record<string, string>, at));
      };
      this.#kit.guards.exempt(serveDocs);
      target.get(r.path, { schema: hidden() }, serveDocs);
    }
  }

  /**
   * The OpenAPI document: every mounted route plus the wrapped handlers
   * Fastify has registered so far.
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

  #hook(target: FastifyInstance): void {
    if (this.#hooked.has(target)) return;
    this.#hooked.add(target);
    const root = rootOf(target);
    if (!this.#apps.has(root)) {
      // routes Fastify registered before d met the app: its onRoute hook never sees them (Fastify's printed route tree lists them)
      this.#apps.set(root, { ready: false, early: new Set(printedRoutes(target.printRoutes()).flatMap((r) => r.keys)) });
      // Once every route is registered and every hook is in, before the server listens: a configuration mistake fails `ready()`/`listen()`.
      target.addHook('onReady', async () => this.#ready(root));
      this.#coverNotFound(root as FastifyInstance, target === root);
    }
    // Fastify's own refusals given before a body has arrived (its parsers' 413 and 415) are read by the client too: the connection closed in stages
    target.addHook('onError', (request, reply, _error, done) => {
      closeAfterAnswer(request.raw, reply.raw);
      done();
    });
    const seen = this.#seen;
    const seenOptions = this.#seenOptions;
    const prefixRoots = this.#prefixRoots;
    target.addHook('onRoute', function (this: FastifyInstance, options) {
      if (seenOptions.has(options)) return; // seen by the hook of a parent context d met too
      seenOptions.add(options);
      const url = routeUrl(options);
      if (options.routePath === '' && options.prefix !== '') prefixRoots.add(toOpenApiPath(url));
      const route = options as unknown as RouteHooks;
      const methods = Array.isArray(options.method) ? options.method : [options.method];
      const byMethod: Record<string, TableRoute> = {};
      // every route is in the table, an explicit HEAD route registered after its GET and the one Fastify adds beside a GET included:
      // each runs its own hooks (an onRoute hook may have put the guard on the GET only), so each is compared with the GET of its path
      const copy = isHeadCopy(route);
      for (const method of methods) {
        byMethod[method] = entryOf(method, route);
        seen.push({ method, instance: this, root: rootOf(this), options: route, headCopy: copy && method === 'HEAD' });
      }
      // public: the route's config, which Fastify hands back as request.routeOptions.config
      options.config = { ...options.config, [ROUTE]: byMethod } as typeof options.config;
    });
  }

  /**
   * `reply.callNotFound()` (in a handler, or a hook) runs only the
   * `preHandler` hooks of the not-found handler's context: a guard among
   * its `onRequest` or `preValidation` hooks, which a request for no route
   * goes through, would be skipped. Every not-found handler set on the app
   * from now on (`setNotFoundHandler()`, on it or on any of its contexts)
   * gets a `preHandler` hook of d's first, which checks the strictest
   * requirement of those guards (see `#notFoundCheck`); so does Fastify's
   * own until the app sets one. The requests of the app's routes never
   * run it. Were the app's not-found handler set before d met the app, the
   * hook is an app-wide `preHandler` hook instead (Fastify gives those to
   * the not-found handler too), returning at once off the not-found path.
   */
  #coverNotFound(root: FastifyInstance, isRoot: boolean): void {
    const contexts: NotFoundContext[] = [];
    this.#notFound.set(root, contexts);
    const check = (context: NotFoundContext) => this.#notFoundCheck(context);
    const app = root as unknown as { setNotFoundHandler: (this: FastifyInstance, options?: unknown, handler?: unknown) => FastifyInstance };
    const set = app.setNotFoundHandler;
    app.setNotFoundHandler = function (options, handler) {
      if (typeof options === 'function') [options, handler] = [undefined, options];
      const own = (options ?? {}) as Readonly<Record<string, unknown>>;
      const context: NotFoundContext = { instance: this, options: own, guards: [] };
      const done = set.call(this, { ...own, preHandler: [check(context), ...hookList(own.preHandler)] }, handler);
      contexts.push(context);
      return done;
    };
    if (!isRoot) return;
    try {
      app.setNotFoundHandler.call(root, {}); // Fastify's own not-found handler, with d's hook; the app may still set its own
    } catch {
      // the app's own was set before d met the app (Fastify allows one per prefix)
      const context: NotFoundContext = { instance: root, options: {}, guards: [] };
      contexts.push(context);
      root.addHook('preHandler', check(context));
    }
  }

  /**
   * The `preHandler` hook d adds to a not-found handler's context (see
   * `#coverNotFound`): the strictest requirement of each guard among the
   * context's `onRequest` and `preValidation` hooks that the request has
   * not passed (one that went through them, a request for no route, has),
   * then the not-found handler, with the values.
   */
  #notFoundCheck(context: NotFoundContext): preHandlerHookHandler {
    const gate = this.#gate;
    return function (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
      const guards = context.guards;
      if (guards.length === 0 || !request.is404) return done();
      inMicrotask(() => {
        try {
          goOn(gate.decideWith(reply, () => gate.strictSteps(reply, guards), passed), done);
        } catch (error) {
          stop(done, error);
        }
      });
    };
  }

  /**
   * The startup check of one app (its `onReady`): the placement of guards
   * and markers on its routes, then, once every app d met is ready, what
   * needs every route (a guard in front of none, a `routes` key naming
   * none, the document). An app that is not ready yet may still be adding
   * hooks: its routes are not read before.
   */
  #ready(root: object): void {
    this.#apps.get(root)!.ready = true;
    // the guards each not-found handler's context runs before the body is read (its hooks are all in now)
    for (const context of this.#notFound.get(root) ?? [])
      context.guards = [...new Set((['onRequest', 'preValidation'] as const).flatMap((name) => [...contextHooks(context.instance, name), ...hookList(context.options[name])]))].filter((fn) =>
        this.#kit.guards.isGuard(fn),
      );
    const tables = this.#seen.filter((r) => this.#apps.get(r.root)?.ready === true).map((r) => this.#tableRoutes(r)); // placement mistakes throw here
    const entries = tables.flat();
    this.#checkUnseen(root as FastifyInstance, this.#apps.get(root)!.early);
    this.#checkPrefixRootKeys();
    if ([...this.#apps.values()].some((app) => !app.ready)) return;
    if (this.#kit.guards.size === 0) return this.#kit.checkDerived(); // the protected resource metadata of d.docs(app, { resourceMetadata }): its mistakes fail ready()
    this.#checkUsed(entries);
    // a route ending in an optional parameter, served at two paths: one decision (a request reads the route's entry, whichever it came by)
    for (const table of tables) if (table.length > 1) this.#kit.guards.checkSeveralPaths(table);
    this.#kit.check(root as FastifyInstance); // every route table read again (hooks added since included), the document built
  }

  /** A guard in front of no route d saw: refused, with the cause Fastify gives it (routes registered before d met their app) and the fix. */
  #checkUsed(entries: readonly TableRoute[]): void {
    const guards = this.#kit.guards;
    const used = new Set<unknown>();
    for (const entry of entries) if (!guards.isExempt(entry.handler)) for (const fn of entry.before) if (guards.isGuard(fn)) used.add(fn);
    const early = [...this.#apps.values()].some((app) => app.early.size > 0);
    for (const [fn, { name }] of this.#guardInfo) {
      if (used.has(fn)) continue;
      throw new ConfigurationError(
        ErrorCode.GuardOptions,
        early
          ? `Guard "${name}" stands in front of no route d saw: routes were registered on the Fastify app before d.docs(app)/d.mount() met it, and Fastify tells d only of the routes registered after (its onRoute hook). Call d.docs(app) before registering routes (not after them, nor inside app.after())`
          : `Guard "${name}" stands in front of no route of the Fastify apps passed to d.docs()/d.mount(): add it to the routes it protects on such an app (app.addHook('preHandler', auth), or a route's { preHandler: [auth] }), calling d.docs(app) before registering them, or remove it`,
      );
    }
  }

  /**
   * Guards and markers on the routes d never saw (registered before d met
   * their app; those d saw are checked by `#tableRoutes` first), found in
   * the route tree Fastify prints with each route's hooks
   * (`app.printRoutes()`, its only listing of them) by the names of their
   * functions (see `#named`): a guard or marker in a hook where it cannot
   * decide (see `NOT_DECIDING`; such a route would run its handler before
   * any refusal, or answer without one), and a marker on a route the app
   * had before d met it (`early`), which no guard can read.
   */
  #checkUnseen(app: FastifyInstance, early: ReadonlySet<string>): void {
    if (this.#byName.size === 0) return;
    const guards = this.#kit.guards;
    const unseen = ', a route d never saw (registered before d.docs(app)/d.mount() met its Fastify instance, or outside the instance passed to them)';
    for (const route of printedRoutes(app.printRoutes({ includeMeta: [...DECIDING, ...NOT_DECIDING] })))
      for (const [hook, names] of route.hooks)
        for (const printed of names) {
          const fn = this.#byName.get(printed.replace(/\(\)$/, ''));
          if (fn === undefined) continue;
          if (!(DECIDING as readonly string[]).includes(hook)) throw misplacedHook(guards.isGuard(fn) ? (this.#guardInfo.get(fn)?.name ?? 'guard') : undefined, hook, `${route.label}${unseen}`);
          if (!guards.isGuard(fn) && route.keys.some((key) => early.has(key))) throw unseenMarker(route.label);
        }
  }

  /** A `routes` key naming the root route of a prefixed plugin with a trailing slash (`GET /v1/`): refused, naming the key Fastify's name for the route takes (`GET /v1`). */
  #checkPrefixRootKeys(): void {
    for (const { name, keys } of this.#guardInfo.values())
      for (const key of keys) {
        const [method, path = ''] = key.trim().split(/\s+/);
        const root = toOpenApiPath(path).slice(0, -1);
        if (!path.endsWith('/') || !this.#prefixRoots.has(root)) continue;
        throw new ConfigurationError(
          ErrorCode.GuardOptions,
          `Guard "${name}": routes key "${key}" names the root route of the prefix ${root}, which Fastify serves at ${root} and ${root}/ as one route named ${root} (request.routeOptions.url): key it "${method} ${root}"`,
        );
      }
  }

  /**
   * A seen route as the document reads it: what runs in front of its
   * handler, in order (its contexts' hooks, then its own, for each of
   * `onRequest`, `preValidation`, `preHandler`). A route marker added to a
   * context rather than placed on a route is refused (a guard reads the
   * markers of the route only), as is a guard or marker in one of Fastify's
   * other hooks (see `NOT_DECIDING`).
   */
  #tableRoutes(seen: SeenRoute): TableRoute[] {
    const guards = this.#kit.guards;
    const paths = routeUrls(seen.options as Parameters<typeof routeUrls>[0]);
    const where = `${seen.method} ${paths[0]}`;
    for (const name of NOT_DECIDING)
      for (const fn of [...contextHooks(seen.instance, name), ...hookList(seen.options[name])])
        if (guards.isOwn(fn)) throw misplacedHook(guards.isGuard(fn) ? (this.#guardInfo.get(fn)?.name ?? 'guard') : undefined, name, where);
    const context = (name: string) =>
      contextHooks(seen.instance, name).map((fn) => {
        if (guards.isOwn(fn) && !guards.isGuard(fn)) throw misplacedMarker(where);
        return fn;
      });
    const before = DECIDING.map((name) => [...context(name), ...hookList(seen.options[name])]);
    // one entry per path Fastify serves the route at (two for an optional last parameter)
    return paths.map((path) => {
      const entry = { method: seen.method, path, handler: seen.options.handler, before: before.flat(), beforeBody: before[0].length };
      // Fastify's HEAD copy of a GET: compared with that GET under its key, documented as it (a wrapped handler's HEAD is no operation of its own)
      return seen.headCopy ? { ...entry, method: 'GET', where: 'the HEAD route Fastify adds beside its GET' } : entry;
    });
  }

  /**
   * A guard: declared dependencies (security schemes, scopes, any
   * dependency) in front of existing Fastify routes, their handlers
   * untouched. Add it as a `preHandler` hook (or `onRequest`, or
   * `preValidation`; any other hook fails `ready()`) — to an instance (every
   * route of that encapsulated context and its children) or to one route —
   * and read the values with `auth.values(request)`, typed. It decides for
   * the route Fastify dispatched the request to (`request.routeOptions`,
   * its own hooks as Fastify runs them); where that route is not known
   * (Fastify's not-found handler, also after `reply.callNotFound()`, a
   * route registered before `d.docs()`/`d.mount()` met its instance) the
   * guard's strictest requirement applies (every scope it asks anywhere,
   * never public). Call `d.docs(app)` before registering routes: `ready()`
   * checks the guard's configuration on the routes d saw. A
   * refused request gets depends' answer (401/403/422 with their headers)
   * before the handler; Fastify's error handler and other hooks are
   * untouched.
   * The values are also set on the request the Fastify way (`request.user`,
   * typed by your `declare module 'fastify'` augmentation or
   * `decorateRequest('user', null)`), unless the request already has a
   * value under that name (or a getter there that cannot be set).
   * Guarded routes registered after `d.docs()`/`d.mount()`/`d.guard()` met
   * the instance are documented at their real paths (prefixes included).
   *
   * @example
   * ```ts
   * const auth = d.guard({ user: security(currentUser, { scopes: ['notes:read'] }) }, {
   *   routes: { 'POST /v1/notes': { scopes: ['notes:write'] } },
   * })
   * app.register(async (v1) => {
   *   v1.addHook('preHandler', auth)
   *   v1.get('/notes', (request) => notes.of(auth.values(request).user))
   * }, { prefix: '/v1' })
   * ```
   */
  guard<const I extends Inputs>(inputs: I, options: GuardOptions = {}): FastifyGuard<Values<I>> {
    const kit = this.#kit;
    const gate = this.#gate;
    const apps = this.#apps;
    const name = options.name ?? `guard(${Object.keys(inputs).join(', ') || 'no inputs'})`;
    const keyed = Object.keys(options.routes ?? {}).length > 0;
    const resolved = guardValues<FastifyRequest, Values<I>>('auth.values(request)');
    // a callback hook: no promise for Fastify to wait on; the decision runs in a microtask of this turn (see `inMicrotask`)
    const guard = function (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction, ...rest: unknown[]): void {
      // a hook where no decision can be taken before the handler (refused when the app is ready): a 500, never a crash
      if (typeof done !== 'function') return misplacedAtRequest(kit, name, request, [reply, done, ...rest]);
      // after the answer (an onResponse hook, refused when the app is ready): too late to refuse, the mistake goes to onError
      if (reply.sent) return void (kit.report(undefined as never, misplacedHook(name, undefined, `${request.method} ${request.url}`)), done());
      inMicrotask(() => {
        try {
          const route = routeOf(request);
          // on an app d never met no route is known, nor was its `routes` keys' check run: keys that can never apply are a mistake, refused
          if (route === undefined && keyed && !apps.has(rootOf(request.server))) return void gate.fail(reply, notMet(`Guard "${name}", given routes keys,`));
          // the not-found handler is app code (also when a route's handler calls reply.callNotFound(), whatever was decided for that route): the strictest requirement;
          // a route the onRoute hook did not see: the strictest requirement too
          goOn(request.is404 ? gate.decideWith(reply, () => gate.strictSteps(reply, [guard]), passed) : gate.atOwnRoute(reply, guard, route, passed), done);
        } catch (error) {
          stop(done, error);
        }
      });
    };
    kit.guards.add(guard, inputs, options);
    this.#named(guard, 'guard');
    this.#guardInfo.set(guard, { name, keys: Object.keys(options.routes ?? {}) });
    gate.accessor(guard, (reply: FastifyReply, values: Values<I>) => resolved.set(reply.request, values));
    return Object.assign(guard, { values: resolved.values }) as FastifyGuard<Values<I>>;
  }

  /**
   * Per-route options for the guards in front of a route, as a
   * `preHandler` hook placed before them on that route: a summary or
   * response schema for the document, extra scopes, or `public: true` to
   * opt the route out.
   *
   * @example
   * ```ts
   * app.get('/status', { preHandler: [d.route({ public: true })] }, () => ({ status: 'ok' }))
   * app.get('/notes/:id', { preHandler: [d.route({ summary: 'One note', response: Note })] }, getNote)
   * ```
   */
  route(options: GuardRouteOptions): preHandlerHookHandler {
    const kit = this.#kit;
    const apps = this.#apps;
    // added to a context instead (every route of it): refused, as a guard reads the markers of the route only
    const marker = function (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction, ...rest: unknown[]): void {
      // in a hook where it decides nothing (refused when the app is ready): passed on, never a crash
      if (typeof done !== 'function') return void [reply, done, ...rest].findLast((fn): fn is () => void => typeof fn === 'function')?.();
      const route = routeOf(request);
      // a route d never saw (on an app d never met, or registered before d met its instance): no guard can read the marker, and the route
      // would get the guard's strictest requirement, not these options (its extra dependencies, public or not): refused, never the handler
      if (route === undefined && !reply.sent && !request.is404) {
        const error = apps.has(rootOf(request.server)) ? unseenMarker(`${request.method} ${request.routeOptions.url ?? request.url}`) : notMet('A route marker (d.route())');
        return void write(reply, kit.errorAnswer(viewOf(request, reply, kit.bodyLimit), error));
      }
      if (route && !reply.sent && !route.before.includes(marker)) return void write(reply, kit.errorAnswer(viewOf(request, reply, kit.bodyLimit), misplacedMarker(`${route.method} ${route.path}`)));
      done();
    };
    kit.guards.mark(marker, options);
    this.#named(marker, 'route');
    return marker;
  }

  /**
   * Names a guard's or marker's function uniquely (`depends.guard#3`), as
   * Fastify's printed route tree shows a route's hooks: the only listing
   * of the hooks of routes d never saw (see `#checkUnseen`).
   */
  #named(fn: object, kind: 'guard' | 'route'): void {
    const name = `depends.${kind}#${++hookNumber}`;
    Object.defineProperty(fn, 'name', { value: name });
    this.#byName.set(name, fn);
  }

  #handlerOf(route: AppRoute): RouteHandlerMethod {
    const kit = this.#kit;
    const limit = this.#options.bodyLimit;
    return function (this: FastifyInstance, request, reply) {
      const view = viewOf(request, reply, limit ?? this.initialConfig.bodyLimit ?? kit.bodyLimit);
      // answered through the reply (never by what the handler returns), in a microtask of this turn (see `inMicrotask`);
      // what could still fail there (never a dependency: respond() answers those) goes to Fastify, as a handler's throw would
      inMicrotask(() => {
        try {
          const answered = kit.respond(route, view, (outcome) => send(kit, reply, view, outcome));
          if (answered instanceof Promise) answered.then(undefined, (error: unknown) => failed(reply, error));
        } catch (error) {
          failed(reply, error);
        }
      });
    };
  }
}

/**
 * Whether a route's options are those of the HEAD route Fastify adds beside
 * a GET route (`exposeHeadRoutes`, a route's `exposeHeadRoute`): the GET's
 * options with Fastify's own `onSend` hook added, which empties the body
 * (its lib/head-route.js). An explicit `app.head()` route has none.
 */
function isHeadCopy(options: RouteHooks): boolean {
  if (options.method !== 'HEAD') return false;
  const onSend = hookList(options.onSend);
  return onSend.some((fn) => typeof fn === 'function' && fn.name === 'headRouteOnSendHandler');
}

/** A hook list as Fastify keeps it (one function, an array, or none). */
const hookList = (hooks: unknown): unknown[] => (Array.isArray(hooks) ? hooks : hooks === undefined || hooks === null ? [] : [hooks]);

/** The route Fastify dispatched a request to, as the `onRoute` hook saw it; `undefined` when it did not see it. */
function routeOf(request: FastifyRequest): TableRoute | undefined {
  return (request.routeOptions.config as RouteConfig)?.[ROUTE]?.[request.method];
}

/**
 * The path of a route as Fastify serves it: its URL (as every `onRoute`
 * hook left it; `request.routeOptions.url` keeps the one it was registered
 * with), except for the HEAD route Fastify adds at `/v1/` for the root
 * route of a plugin prefixed `/v1` (its default `prefixTrailingSlash:
 * 'both'` serves `v1.get('/')` at `/v1` and `/v1/`, one route named
 * `/v1`), which is that route's.
 */
function routeUrl(options: { url?: string; path?: string; routePath?: string; prefix?: string; prefixTrailingSlash?: string }): string {
  return routeUrls(options)[0];
}

/**
 * The paths Fastify serves a route at (see `routeUrl`): one, or two for a
 * URL ending in an optional parameter (`/items/:id?` is served at
 * `/items/:id` and `/items`, find-my-way's `OPTIONAL_PARAM_REGEXP`), the
 * full one first.
 */
function routeUrls(options: { url?: string; path?: string; routePath?: string; prefix?: string; prefixTrailingSlash?: string }): string[] {
  const url = options.url ?? options.path ?? '';
  const prefix = options.prefix ?? '';
  if (options.routePath === '/' && prefix !== '' && !prefix.endsWith('/') && (options.prefixTrailingSlash ?? 'both') === 'both') return [prefix];
  const optional = OPTIONAL_LAST.exec(url);
  if (optional === null || optional.index + optional[0].length !== url.length) return [withoutPatterns(url)];
  return [url.replace(OPTIONAL_LAST, '$1$2'), url.replace(OPTIONAL_LAST, '$2') || '/'].map(withoutPatterns);
}

/** An optional last parameter (`/:id?`, with a trailing slash or not), as find-my-way finds it. */
const OPTIONAL_LAST = /(\/:[^/()]*?)\?(\/?)/;

/** A route's path as a request's decision names it (see `routeUrl`; the full one of an optional last parameter's two), from its options as every `onRoute` hook left them (one may change its URL). */
const pathOf = (options: RouteHooks): string => routeUrl(options as Parameters<typeof routeUrl>[0]);

/**
 * A route's URL without its parameters' patterns (`/files/:name(^\\d+).png`
 * is `/files/:name.png`): the document shows the parameter, not the
 * pattern Fastify matches it with (nor "Try it out" a URL with it).
 */
function withoutPatterns(url: string): string {
  let out = '';
  for (let i = 0; i < url.length; i++) {
    out += url[i];
    if (url[i] !== ':' || url[i - 1] === ':' || url[i + 1] === ':') continue;
    let j = i + 1;
    while (j < url.length && /[\w$-]/.test(url[j])) j++;
    if (url[j] !== '(') continue;
    // the pattern: up to its closing parenthesis (nested groups and escapes skipped)
    let depth = 0;
    let k = j;
    for (; k < url.length; k++) {
      if (url[k] === '\\') k++;
      else if (url[k] === '(') depth++;
      else if (url[k] === ')' && --depth === 0) break;
    }
    out += url.slice(i + 1, j);
    i = k;
  }
  return out;
}

/** The app a Fastify instance belongs to: its root instance (an encapsulated context is made with `Object.create()` of its parent). */
function rootOf(instance: object): object {
  let root = instance;
  for (let up = Object.getPrototypeOf(root) as object | null; up !== null && up !== Object.prototype; up = Object.getPrototypeOf(root) as object | null) root = up;
  return root;
}

/** A request on a guard in a hook where it cannot decide (`args`: what Fastify passed after the request): the error to `onError` once, then a 500 through the hook's callback (Fastify's error handling answers it). */
function misplacedAtRequest(kit: Kit, name: string, request: FastifyRequest, args: readonly unknown[]): void {
  const next = args.findLast((fn): fn is (error?: Error) => void => typeof fn === 'function');
  const state = request as unknown as Record<symbol, boolean | undefined>;
  if (state[MISPLACED]) return next?.(); // the 500's own answer through the same hook
  state[MISPLACED] = true;
  kit.report(undefined as never, misplacedHook(name, undefined, `${request.method} ${request.url}`));
  next?.(new HTTPException(500));
}

/** Marks a request whose guard was found in a hook where it cannot decide (see `misplacedAtRequest`). */
const MISPLACED = Symbol('depends.misplaced');

const misplacedMarker = (route: string): ConfigurationError =>
  new ConfigurationError(
    ErrorCode.GuardOptions,
    `A route marker (d.route()) is added to the Fastify context of ${route} rather than placed on a route: place it in the route's own hooks ({ preHandler: [d.route(…)] })`,
  );

/** A guard (`guard`: its name) or a marker in one of Fastify's hooks where it cannot decide (`hook`: which one, when known). */
const misplacedHook = (guard: string | undefined, hook: string | undefined, route: string): ConfigurationError =>
  new ConfigurationError(
    ErrorCode.GuardOptions,
    `${guard === undefined ? 'A route marker (d.route())' : `Guard "${guard}"`} is ${hook === undefined ? 'a Fastify hook other than onRequest, preValidation and preHandler' : `a Fastify ${hook} hook`} of ${route}, where it cannot act before the handler runs: ${
      guard === undefined
        ? "place it in the route's own preHandler hooks ({ preHandler: [d.route(…)] })"
        : "add it as an onRequest or preHandler hook (app.addHook('preHandler', auth), or the route's { preHandler: [auth] }; preValidation works too)"
    }`,
  );

/** A guard with per-route options, or a marker, running on an app d never met: no route of it is known, so those options can never apply. */
const notMet = (what: string): ConfigurationError =>
  new ConfigurationError(
    ErrorCode.GuardOptions,
    `${what} runs on a Fastify app that was never passed to d.docs() or d.mount(), so d knows none of its routes and per-route options cannot apply (every route would get the guard's strictest requirement): call d.docs(app) before registering routes, and its ready() checks them`,
  );

/** A marker on a route d never saw (registered before d met its Fastify instance, or in a context outside the one d met): no guard reads the marker there. */
const unseenMarker = (route: string): ConfigurationError =>
  new ConfigurationError(
    ErrorCode.GuardOptions,
    `A route marker (d.route()) on ${route} is on a route d never saw, registered before d.docs(app)/d.mount() met its Fastify instance (or outside the instance passed to them): Fastify tells d only of the routes registered after, in that instance (its onRoute hook), so no guard can read the marker there (the guard's strictest requirement would stand in for its options). Call d.docs(app) on the app before registering routes (not after them, nor inside app.after())`,
  );

/** A route in Fastify's printed route tree: its path since its parent node's, its methods, its constraints (`b (GET, HEAD) {"version":"1.0.0"}`). */
const PRINTED_ROUTE = /^(.*?) \(([A-Z]+(?:, [A-Z]+)*)\)( \{.*\})?$/;

/** A route as Fastify's printed route tree shows it: by method (`GET /a/:id {"version":"1.0.0"}`), for messages (`GET /a/:id`), and its hooks' function names by hook. */
interface PrintedRoute {
  readonly keys: readonly string[];
  readonly label: string;
  readonly hooks: Map<string, string[]>;
}

/**
 * The routes of Fastify's printed route tree (`app.printRoutes()`, with
 * `includeMeta` the hooks asked for): each node's path is its ancestors'
 * joined, as the tree splits them (`/a/` + `:id` + `/c`).
 */
function printedRoutes(print: string): PrintedRoute[] {
  const out: PrintedRoute[] = [];
  const path: string[] = [];
  let current: PrintedRoute | undefined;
  for (const line of print.split('\n')) {
    const [, indent = '', branch, content = ''] = /^([│ ]*)(├── |└── )?(.*)$/.exec(line) ?? [];
    const meta = /^• \((\w+)\) (.*)$/.exec(content);
    if (meta !== null) {
      current?.hooks.set(meta[1], printedNames(meta[2]));
      continue;
    }
    // a node of the tree (its path since its parent's), or one more route on it (other methods, constraints)
    const node = PRINTED_ROUTE.exec(content);
    if (branch !== undefined) path.splice(indent.length / 4, Infinity, node?.[1] ?? content);
    current = undefined;
    if (node === null) continue;
    const methods = node[2].split(', ');
    const at = path.join('');
    current = { keys: methods.map((method) => `${method} ${at}${node[3] ?? ''}`), label: `${methods[0]} ${at}`, hooks: new Map() };
    out.push(current);
  }
  return out;
}

/** The function names of one hook list in Fastify's printed route tree (`["depends.guard#1()","audit()"]`); none when it cannot be read. */
function printedNames(json: string): string[] {
  try {
    const names: unknown = JSON.parse(json);
    return (Array.isArray(names) ? names : [names]).filter((n): n is string => typeof n === 'string');
  } catch {
    return [];
  }
}

/** The number in the name of the next guard or marker (see `DependsFastify.#named`): unique across adapters. */
let hookNumber = 0;

/** Fastify's hook table symbol, once found. */
let hooksSymbol: symbol | undefined;

/**
 * The hooks of a Fastify context (its own and those it inherited). The
 * only private Fastify API the adapter reads, and only when the document
 * is built (never for a request): Fastify has no public listing of a
 * context's hooks, and the document shows which guards stand in front of
 * each route. The symbol of the hook table is looked up once.
 */
function contextHooks(instance: FastifyInstance, name: string): unknown[] {
  for (let o: object | null = instance; hooksSymbol === undefined && o !== null; o = Object.getPrototypeOf(o) as object | null)
    hooksSymbol = Object.getOwnPropertySymbols(o).find((s) => s.description === 'fastify.hooks');
  return hooksSymbol === undefined ? [] : hookList((instance as unknown as Record<symbol, Record<string, unknown> | undefined>)[hooksSymbol]?.[name]);
}

/** Whether a handler's result is Fastify's reply itself (`return reply.send(…)`): it passes through untouched. */
function isReply(value: unknown): boolean {
  const r = value as { send?: unknown; raw?: unknown; request?: unknown } | null;
  return typeof r === 'object' && r !== null && typeof r.send === 'function' && r.raw !== undefined && r.request !== undefined;
}

/** What a body parser left on the request, asked for by the view with its `native` (no closure per request). */
const bodyOf = (reply: FastifyReply): unknown => reply.request.body;

/**
 * The core request view of a Fastify request: the raw Node request, the
 * router's params, what a Fastify parser left. Its `native` is Fastify's
 * reply (`reply.request` is the request), so a handler can answer itself.
 */
function viewOf(request: FastifyRequest, reply: FastifyReply, bodyLimit: number): RequestView {
  return nodeRequestView(request.raw, {
    url: request.url,
    params: (request.params ?? {}) as Record<string, string>,
    parsedBody: bodyOf,
    bodyLimit,
    native: reply,
  });
}

/** Writes the answer unless the reply is already sent, then runs the teardowns once the response is over. */
function send(kit: Kit, reply: FastifyReply, view: RequestView, outcome: Outcome): FastifyReply {
  if (!reply.sent && !reply.raw.destroyed) kit.write(view, outcome.answer, (answer) => write(reply, answer));
  if (outcome.hasTeardown) afterSent(reply.raw, () => kit.finish(view, outcome));
  return reply;
}

/**
 * An answer through Fastify's reply (its `onSend` hooks see it). The body
 * is already serialised: it goes as bytes, so that Fastify neither
 * serialises it again nor adds a charset to its content type. A request
 * whose body is still arriving once the answer is sent has its connection
 * closed in stages, so that the client reads the answer.
 */
function write(reply: FastifyReply, answer: Answer): FastifyReply {
  reply.code(answer.status);
  setHeaders(answer.headers, (name, value) => reply.header(name, value));
  closeAfterAnswer(reply.request.raw, reply.raw);
  const body = answer.body;
  if (typeof body === 'string') return reply.serializer(asIs).send(body);
  return reply.send(body === undefined ? undefined : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}

/** A serializer that keeps a string as it is: Fastify then neither serialises it nor adds a charset to its content type. */
const asIs = (payload: unknown): string => payload as string;

/**
 * Creates the Fastify adapter, on an existing {@link DependsApp} or on a
 * new one made from `AppOptions` (title, version, app-level dependencies
 * and security, `onError`).
 *
 * @example
 * ```ts
 * const d = createDepends({ title: 'Todo API', version: '1.0.0', onError: (e) => log.error(e) })
 * d.docs(app)
 * d.mount(app, api)
 * ```
 */
export function createDepends(appOrOptions: DependsApp | AppOptions = {}, options: AdapterOptions = {}): DependsFastify {
  return new DependsFastify(appFrom(appOrOptions), options);
}
