/**
 * The framework-neutral half of every adapter: options, the registry of
 * wrapped single handlers and their discovery in a framework's route table,
 * the docs routes, and serving one request (`app.handle` with every failure
 * turned into an error answer). An adapter binds it to its framework: route
 * registration, the handler signature, the request view, writing the answer,
 * and listing a route table.
 */
import type { DependsApp, AppRoute } from '../app/app.js';
import { type NativeCheck, type Outcome } from '../app/handle.js';
import { Guards } from '../guard/guards.js';
import { type GuardOutcome } from '../guard/run.js';
import type { TableRoute } from '../guard/types.js';
import type { Input, Inputs } from '../dependency/types.js';
import { type DocsOptions, type DocsRoute } from '../docs/routes.js';
import type { ServedAt } from '../openapi/servers.js';
import type { OpenAPIDocument } from '../openapi/types.js';
import type { RequestView } from '../request/view.js';
import type { MaybePromise } from '../resolver/execute.js';
import type { Answer } from '../response/reply.js';
import type { Handler, RouteOptions, Router } from '../router/router.js';
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
export declare class AdapterKit<T, H> {
    #private;
    /** The core app: route table, overrides, `onError`, document. */
    readonly app: DependsApp;
    /** Largest request body to read, in bytes. */
    readonly bodyLimit: number;
    /** Guards: declared dependencies in front of the framework's own routes. */
    readonly guards: Guards;
    constructor(app: DependsApp, options: AdapterOptions, binding: AdapterBinding<T, H>);
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
    mount(target: T, router: Router, register: (method: string, path: string, handler: H, route: AppRoute) => void, options?: {
        pathsKnown?: boolean;
    }): AppRoute[];
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
    wrap(inputs: Inputs, fn: Handler<any, unknown>, options?: HandlerOptions): H;
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
    found(handler: unknown, method: string, path: string, guardedBy?: readonly Input[]): boolean;
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
    docs(target: T, options?: DocsOptions): DocsRoute[];
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
    openapi(at?: ServedAt): OpenAPIDocument;
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
    check(target?: T): void;
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
    checkDerived(): void;
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
    runGuard<R>(route: AppRoute, view: RequestView, send: (outcome: GuardOutcome) => R): R | Promise<R>;
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
    outcome(route: AppRoute, view: RequestView): MaybePromise<Outcome>;
    /**
     * {@link AdapterKit.serve}, then `send` with the outcome, at once when the
     * route is synchronous (no promise, no microtask), or once it settles.
     *
     * @example
     * ```ts
     * return (c) => kit.respond(route, viewOf(c), (outcome) => toResponse(c, outcome.answer)) // Response | Promise<Response>
     * ```
     */
    respond<R>(route: AppRoute, view: RequestView, send: (outcome: Outcome) => R): R | Promise<R>;
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
    write<R>(view: RequestView, answer: Answer, write: (answer: Answer) => R): R;
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
    errorAnswer(view: RequestView, error: unknown): Answer;
    /**
     * Gives an error to the app's `onError` hook; a hook that throws is
     * ignored (it must not break anything else).
     *
     * @example
     * ```ts
     * kit.report(view, error) // e.g. writing failed after the headers were sent
     * ```
     */
    report(view: RequestView, error: unknown): void;
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
    finish(view: RequestView, outcome: Outcome): Promise<void>;
}
