/**
 * The framework-neutral half of every adapter: options, the registry of
 * wrapped single handlers and their discovery in a framework's route table,
 * the docs routes, and serving one request (`app.handle` with every failure
 * turned into an error answer). An adapter binds it to its framework: route
 * registration, the handler signature, the request view, writing the answer,
 * and listing a route table.
 */
import { DependsApp, type AppOptions, type AppRoute } from '../app/app.js';
import { branded } from '../util/shared.js';
import { errorAnswer, type NativeCheck, type Outcome } from '../app/handle.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { checkDuplicateRoute } from '../checks/routes.js';
import { Guards } from '../guard/guards.js';
import { runGuard, type GuardOutcome } from '../guard/run.js';
import type { TableRoute } from '../guard/types.js';
import type { Input, Inputs } from '../dependency/types.js';
import { docsRoutes, type DocsOptions, type DocsRoute } from '../docs/routes.js';
import { checkWellKnown, type WellKnownContext, type WellKnownDocument } from '../docs/well-known.js';
import type { ServedAt } from '../openapi/servers.js';
import { mergeDocument, type BaseDocument } from '../openapi/merge.js';
import type { OpenAPIDocument } from '../openapi/types.js';
import type { RequestView } from '../request/view.js';
import { routeDef } from '../router/router.js';
import type { MaybePromise } from '../resolver/execute.js';
import type { Answer } from '../response/reply.js';
import { toColonPath, toOpenApiPath } from '../router/paths.js';
import type { Handler, RouteDef, RouteOptions, Router } from '../router/router.js';
import { isThenable } from '../util/thenable.js';

/**
 * Adapter options (the second argument of an adapter's `createDepends`).
 *
 * @example
 * ```ts
 * const d = createDepends({ title: 'Uploads' }, { bodyLimit: 10 * 1024 * 1024 })
 * ```
 */
export interface AdapterOptions {
  /** Largest request body read by the adapter, in bytes (default 1 MiB); more is a 413. */
  bodyLimit?: number;
}

/**
 * Options of a single wrapped handler (`d.handler()`): the route options,
 * plus where the route lives when it should be documented at once. Without
 * `path`, the route is found in the framework's route table when the
 * document is built.
 *
 * @example
 * ```ts
 * d.handler({ user }, ({ user }) => user, { summary: 'Who am I', tags: ['users'] }) // placed from the route table
 * d.handler({ user }, ({ user }) => user, { method: 'GET', path: '/me' })           // placed at once
 * ```
 */
export interface HandlerOptions extends RouteOptions {
  /** Method for the document (default `GET`); only read with `path`. */
  method?: string;
  /** Path for the document (`/items/{id}` or `/items/:id`): registers the route at once. */
  path?: string;
}

/**
 * One route of a framework's route table (see `TableRoute`): what
 * {@link AdapterBinding.routes} lists.
 *
 * @example
 * ```ts
 * const entries: RouteEntry[] = app.routes.map((r) => ({ method: r.method, path: r.path, handler: r.handler, before: [] }))
 * ```
 */
export type RouteEntry = TableRoute;

/**
 * What an adapter tells its {@link AdapterKit} about the framework: how a
 * route is served (`H` is the framework's handler or middleware type), how
 * a target's route table (`T`: an app or router) is listed, and which
 * handler results are the framework's own.
 *
 * @example
 * ```ts
 * const binding: AdapterBinding<Hono, HonoHandler> = {
 *   handlerOf: (route) => (c) => kit.respond(route, viewOf(c), (o) => toResponse(c, o.answer)),
 *   routes: (app) => honoTable(app),
 *   native: (value) => value instanceof Response,
 * }
 * ```
 */
export interface AdapterBinding<T, H> {
  /** The framework handler of a route (made once per route). */
  handlerOf(route: AppRoute): H;
  /**
   * Every route of a target's route table, in dispatch order, with the
   * middleware in front of each and its full path (`undefined` when it
   * cannot be known): for placing wrapped handlers, mounted routes and
   * guarded routes in the document.
   */
  routes(target: T): Iterable<TableRoute>;
  /** Framework-native handler results, passed through untouched (see `Outcome.native`). */
  native?: NativeCheck;
}

/** A wrapped single handler or mounted route: its declaration, its route, and where it has been documented. */
interface Wrapped {
  readonly def: RouteDef;
  readonly route: AppRoute;
  /** `METHOD /path` labels under which the handler is already documented. */
  readonly found: Set<string>;
  /** A route of `mount()`: it must be found in the route tables (its prefix is only known there). */
  readonly mounted: boolean;
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;
const DONE = (): Promise<void> => Promise.resolve();
const same = <T>(value: T): T => value;

/**
 * The shared, framework-neutral part of an adapter. `T` is what routes are
 * registered on (an app or router), `H` the framework's handler type.
 *
 * @example
 * ```ts
 * class DependsMyFramework {
 *   readonly #kit: AdapterKit<MyApp, MyHandler>
 *   constructor(app: DependsApp, options: AdapterOptions = {}) {
 *     this.#kit = new AdapterKit(app, options, {
 *       handlerOf: (route) => (req, res) => this.#kit.respond(route, viewOf(req), (o) => write(res, o)),
 *       routes: (target) => target.routeTable(),
 *     })
 *   }
 *   mount(target: MyApp, router: Router) {
 *     return this.#kit.mount(target, router, (method, path, handler) => target.on(method, path, handler))
 *   }
 *   handler<const I extends Inputs, R>(inputs: I, fn: Handler<I, R>, options?: HandlerOptions) {
 *     return this.#kit.wrap(inputs, fn, options)
 *   }
 *   openapi() { return this.#kit.openapi() }
 * }
 * ```
 */
export class AdapterKit<T, H> {
  /** The core app: route table, overrides, `onError`, document. */
  readonly app: DependsApp;
  /** Largest request body to read, in bytes. */
  readonly bodyLimit: number;
  readonly #binding: AdapterBinding<T, H>;
  /** Guards: declared dependencies in front of the framework's own routes. */
  readonly guards: Guards;
  /** The apps and routers passed to `mount()`: where routes are looked for when no docs target is known. */
  readonly #targets = new Set<T>();
  /** The apps and routers passed to `docs()`: their route tables hold the real paths. */
  readonly #docsTargets = new Set<T>();
  readonly #wrapped = new Map<unknown, Wrapped>();
  /** Method and path of the routes mounted on each target (a second one fails at once). */
  readonly #declared = new Map<T, Map<string, string>>();
  /** `METHOD /path` of the guarded routes already documented. */
  readonly #documented = new Set<string>();
  /** Whether the route tables must be searched again before the document is built. */
  #stale = true;
  /** The app's own document given to `docs()`, which depends' is merged into (see `mergeDocument`). */
  #base: BaseDocument | undefined;
  /** The last merge: of which documents, giving which. */
  #merged: { readonly ours: OpenAPIDocument; readonly base: object; readonly doc: OpenAPIDocument } | undefined;
  /** The documents derived from the declarations given to `docs()` (`resourceMetadata`), built by the startup check. */
  readonly #wellKnown: { readonly entries: readonly WellKnownDocument[]; readonly context: WellKnownContext }[] = [];

  constructor(app: DependsApp, options: AdapterOptions, binding: AdapterBinding<T, H>) {
    this.app = app;
    this.bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
    this.#binding = binding;
    this.guards = new Guards(app);
  }

  /**
   * Compiles every route of a core router (configuration mistakes fail
   * here) and hands each to `register` with its colon path (`/items/:id`)
   * and the framework handler that serves it. The routes are documented
   * where the framework's route tables put them, prefixes included (see
   * {@link AdapterKit.openapi}), or at once with `pathsKnown` (when the
   * adapter has already given the router its full prefix). The target is
   * remembered.
   *
   * @example
   * ```ts
   * kit.mount(app, api, (method, path, handler) => app.on(method, path, handler))
   * ```
   */
  mount(
    target: T,
    router: Router,
    register: (method: string, path: string, handler: H, route: AppRoute) => void,
    options: { pathsKnown?: boolean } = {},
  ): AppRoute[] {
    this.#targets.add(target);
    this.#stale = true;
    let declared = this.#declared.get(target);
    if (!declared) this.#declared.set(target, (declared = new Map()));
    return router.routes().map((def) => {
      // The same method and path twice on one target fails now (elsewhere, once the route tables are read).
      if (!options.pathsKnown) checkDuplicateRoute(declared, def.method, def.path, `${def.method} ${toOpenApiPath(def.path)}`);
      // With `pathsKnown` (the router already carries the full prefix), documented at once.
      const route = options.pathsKnown ? this.app.add(def) : this.app.prepare(def);
      const h = this.#binding.handlerOf(route);
      this.#wrapped.set(h, { def, route, found: new Set(options.pathsKnown ? [route.label] : []), mounted: !options.pathsKnown });
      register(def.method, toColonPath(def.path), h, route);
      return route;
    });
  }

  /**
   * Wraps one handler: the framework handler that gives `fn` its declared
   * inputs. With `options.path` the route joins the document at once;
   * otherwise it is compiled now (with the app's dependencies and security)
   * and documented where {@link AdapterKit.openapi} finds it.
   *
   * @example
   * ```ts
   * app.get('/me', kit.wrap({ user: currentUser }, ({ user }) => user))
   * ```
   */
  wrap(inputs: Inputs, fn: Handler<any, unknown>, options: HandlerOptions = {}): H {
    const app = this.app;
    const { method, path, ...rest } = options;
    const def = routeDef(method ?? 'GET', path ?? '/', inputs, fn, rest);
    let w: Wrapped;
    if (path !== undefined) {
      const route = app.add(def);
      w = { def, route, found: new Set([route.label]), mounted: false };
    } else {
      w = { def, route: app.prepare(def, `handler ${fn.name || '(anonymous)'}`), found: new Set(), mounted: false };
    }
    const h = this.#binding.handlerOf(w.route);
    this.#wrapped.set(h, w);
    this.#stale = true;
    return h;
  }

  /**
   * Records that the framework routes `handler` at `METHOD path`: when it is
   * a wrapped handler not yet documented there, the route joins the
   * document. Returns whether `handler` is a wrapped handler.
   *
   * @example
   * ```ts
   * const me = kit.wrap({ user }, ({ user }) => user)
   * kit.found(me, 'GET', '/me/:id') // documented as GET /me/{id}
   * ```
   */
  found(handler: unknown, method: string, path: string, guardedBy: readonly Input[] = []): boolean {
    const w = this.#wrapped.get(handler);
    if (!w) return false;
    const label = `${method} ${toOpenApiPath(path)}`;
    if (!w.found.has(label)) {
      w.found.add(label);
      this.app.add({ ...w.def, method, path, dependencies: [...guardedBy, ...w.def.dependencies] });
    }
    return true;
  }

  /**
   * The docs routes (see `docsRoutes`) serving this kit's document; the
   * target is remembered for {@link AdapterKit.openapi}. An adapter passes
   * each request's origin (the framework's protocol and host, which follow
   * its trust-proxy setting) and the path the target is mounted under: the
   * served document's server (see `DependsApp.openapi`).
   *
   * @example
   * ```ts
   * for (const r of kit.docs(app, { docsPath: '/api-docs' })) app.get(r.path, (c) => toResponse(c, r.answer(c.req.param(), { origin: new URL(c.req.url).origin })))
   * ```
   */
  docs(target: T, options: DocsOptions = {}): DocsRoute[] {
    this.#docsTargets.add(target);
    this.#stale = true;
    if (options.base !== undefined) this.#base = options.base;
    const derived = options.resourceMetadata;
    if (derived !== undefined) this.#wellKnown.push({ entries: Array.isArray(derived) ? derived : [derived as WellKnownDocument], context: { docsPath: (options.docsPath ?? '/docs').replace(/\/$/, '') || '/' } });
    const source = { document: (at?: ServedAt) => this.openapi(at), serversFromRequest: this.app.serversFromRequest };
    // A configuration mistake found while building the document answers the plain 500 (given to `onError`), never a framework's error page.
    return docsRoutes(source, options).map((r) => ({
      path: r.path,
      answer: (params: Record<string, string>, at?: ServedAt): Answer => {
        try {
          return r.answer(params, at);
        } catch (error) {
          // the docs routes have no request view: the error goes to onError without one
          return errorAnswer(error, undefined as never, this.app.onError, this.app.options.errorBody);
        }
      },
    }));
  }

  /**
   * The OpenAPI document: every route of the app, after reading the route
   * tables of the targets passed to `docs()` (or, without any, to
   * `mount()`): mounted routes and wrapped handlers are documented at the
   * paths the framework serves them on (prefixes included), and every
   * route a guard stands in front of at its real path. Searched again
   * while some wrapped handler has not been found. Throws a
   * `ConfigurationError` when a path cannot be known (see `Guards.document`)
   * or a mounted route is nowhere in those tables.
   *
   * @example
   * ```ts
   * kit.openapi().paths['/v1/me'].get // documented from app.use('/v1', router) + router.get('/me', kit.wrap(...))
   * ```
   */
  openapi(at?: ServedAt): OpenAPIDocument {
    if (this.#stale || [...this.#wrapped.values()].some((w) => w.found.size === 0)) this.#discover();
    return this.#withBase(this.app.openapi(at));
  }

  /**
   * Depends' document merged into the app's own given to `docs()` (`base`,
   * a function called each time), or as it is without one. The merge is
   * kept while neither document object changes.
   */
  #withBase(ours: OpenAPIDocument): OpenAPIDocument {
    if (this.#base === undefined) return ours;
    const base = typeof this.#base === 'function' ? this.#base() : this.#base;
    const last = this.#merged;
    if (last !== undefined && last.ours === ours && last.base === base) return last.doc;
    const doc = mergeDocument(base, ours);
    this.#merged = { ours, base, doc };
    return doc;
  }

  /**
   * Reads the route tables once the apps passed to `docs()`/`mount()` are
   * known and throws the `ConfigurationError` of a guard or route mistake
   * (a `routes` key naming no route, a path that cannot be known...), as
   * building the document would: what an adapter with no startup hook calls
   * before letting a guarded request through, and what an adapter's
   * `check(app)` runs before the server listens (`target`: the app, read
   * again whatever was read before). Cheap once done.
   *
   * @example
   * ```ts
   * try { kit.check() } catch (error) { return write(kit.errorAnswer(view, error)) } // refused, never let through
   * kit.check(app) // at startup: throws the ConfigurationError
   * ```
   */
  check(target?: T): void {
    if (target !== undefined) {
      // the app being served: where the document is read from unless docs() named where; read again now, routes added since included
      if (this.#docsTargets.size === 0) this.#docsTargets.add(target);
      this.#stale = true;
    }
    if (this.#stale && (this.#docsTargets.size > 0 || this.#targets.size > 0)) this.#discover();
    if (target !== undefined) {
      const doc = this.#withBase(this.app.openapi());
      for (const w of this.#wellKnown) checkWellKnown(doc, w.entries, w.context);
    }
  }

  /**
   * Builds the documents derived from the declarations given to `docs()`
   * (`resourceMetadata`) against the document, throwing the
   * `ConfigurationError` of a declaration they cannot describe: what an
   * adapter whose startup check reads the route tables by itself (Fastify's
   * `onReady`) runs. Nothing without them.
   *
   * @example
   * ```ts
   * app.addHook('onReady', async () => kit.checkDerived())
   * ```
   */
  checkDerived(): void {
    if (this.#wellKnown.length === 0) return;
    const doc = this.openapi();
    for (const w of this.#wellKnown) checkWellKnown(doc, w.entries, w.context);
  }

  #discover(): void {
    const targets = this.#docsTargets.size > 0 ? this.#docsTargets : this.#targets;
    const entries: TableRoute[] = [];
    for (const target of targets) for (const entry of this.#binding.routes(target)) entries.push(entry);
    const plain: TableRoute[] = [];
    for (const entry of entries) {
      const w = this.#wrapped.get(entry.handler);
      if (!w) plain.push(entry);
      else if (entry.path !== undefined) this.found(entry.handler, entry.method, entry.path, this.guards.dependenciesFor(entry));
      else if (w.mounted)
        throw new ConfigurationError(
          ErrorCode.UnknownRoutePath,
          `Route ${w.route.label} is mounted under ${entry.where ?? 'a path'} that cannot be known, so it cannot be documented: mount its router with a string prefix`,
        );
    }
    if (this.guards.size > 0) this.guards.document(plain, this.#documented);
    for (const w of this.#wrapped.values())
      if (w.mounted && w.found.size === 0 && targets.size > 0)
        throw new ConfigurationError(
          ErrorCode.UnknownRoutePath,
          `Route ${w.route.label} is mounted on a router that the apps passed to d.docs() do not reach, so its full path cannot be known: pass the outermost app to d.docs()`,
        );
    this.#stale = false;
  }

  /**
   * Runs a guard's checks for one request (see `runGuard`), then `send`
   * with the outcome, at once when every dependency is synchronous. Never
   * throws or rejects.
   *
   * @example
   * ```ts
   * return kit.runGuard(route, view, (o) => (o.values ? pass(o.values) : write(o.answer)))
   * ```
   */
  runGuard<R>(route: AppRoute, view: RequestView, send: (outcome: GuardOutcome) => R): R | Promise<R> {
    const outcome = runGuard(this.app, route, view);
    return outcome instanceof Promise ? outcome.then(send) : send(outcome);
  }

  /**
   * Serves one request on a route: `app.handle()`, with an error it throws
   * or rejects with turned into the error answer. Never throws or rejects;
   * synchronous when the route is.
   *
   * @example
   * ```ts
   * const { answer, finish } = await kit.outcome(route, view)
   * ```
   */
  outcome(route: AppRoute, view: RequestView): MaybePromise<Outcome> {
    return this.respond(route, view, same);
  }

  /**
   * {@link AdapterKit.outcome}, then `send` with the outcome, at once when the
   * route is synchronous (no promise, no microtask), or once it settles.
   *
   * @example
   * ```ts
   * return (c) => kit.respond(route, viewOf(c), (outcome) => toResponse(c, outcome.answer)) // Response | Promise<Response>
   * ```
   */
  respond<R>(route: AppRoute, view: RequestView, send: (outcome: Outcome) => R): R | Promise<R> {
    let outcome: MaybePromise<Outcome>;
    try {
      outcome = this.app.handle(route, view, this.#binding.native);
    } catch (error) {
      return send(this.#failed(view, error));
    }
    if (isThenable(outcome)) return (outcome as Promise<Outcome>).then(send, (error: unknown) => send(this.#failed(view, error)));
    return send(outcome);
  }

  /**
   * Writes an answer with `write`; when writing it throws, writes the error
   * answer for that error instead (a 500, given to `onError`, unless it is an
   * `HTTPException`).
   *
   * @example
   * ```ts
   * kit.write(view, outcome.answer, (answer) => writeKoaAnswer(ctx, answer))
   * ```
   */
  write<R>(view: RequestView, answer: Answer, write: (answer: Answer) => R): R {
    try {
      return write(answer);
    } catch (error) {
      return write(this.errorAnswer(view, error));
    }
  }

  /**
   * The answer for an error during a request (see `errorAnswer`): its own for
   * an `HTTPException`, otherwise a 500 that leaks nothing, the error going
   * to the app's `onError`.
   *
   * @example
   * ```ts
   * kit.errorAnswer(view, new Error('boom')).status // 500
   * ```
   */
  errorAnswer(view: RequestView, error: unknown): Answer {
    return errorAnswer(error, view, this.app.onError, this.app.options.errorBody);
  }

  /**
   * Gives an error to the app's `onError` hook; a hook that throws is
   * ignored (it must not break anything else).
   *
   * @example
   * ```ts
   * kit.report(view, error) // e.g. writing failed after the headers were sent
   * ```
   */
  report(view: RequestView, error: unknown): void {
    try {
      this.app.onError(error, view);
    } catch {
      // a failing hook must not break anything else
    }
  }

  /**
   * Runs an outcome's `finish()` (the request-scope teardowns, once the
   * answer has been sent); a failure goes to {@link AdapterKit.report}.
   * Never rejects.
   *
   * @example
   * ```ts
   * afterSent(res, () => kit.finish(view, outcome))
   * ```
   */
  finish(view: RequestView, outcome: Outcome): Promise<void> {
    return outcome.finish().catch((error: unknown) => this.report(view, error));
  }

  #failed(view: RequestView, error: unknown): Outcome {
    return { answer: this.errorAnswer(view, error), finish: DONE, hasTeardown: false };
  }
}

/**
 * The app an adapter's `createDepends` serves: the `DependsApp` given —
 * also one made by another copy of the core in the process (an ES module
 * adapter given the app of a CommonJS module), whose routes, overrides
 * and options then apply as they would from this copy — or a new one made
 * from `AppOptions`.
 *
 * @example
 * ```ts
 * const served = appFrom({ title: 'Notes' }) // a new DependsApp
 * appFrom(served) === served                  // true, whichever copy of the core made it
 * ```
 */
export function appFrom(appOrOptions: DependsApp | AppOptions): DependsApp {
  return appOrOptions instanceof DependsApp || branded(appOrOptions, 'DependsApp') ? (appOrOptions as DependsApp) : new DependsApp(appOrOptions);
}
