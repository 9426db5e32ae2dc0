/**
 * `DependsApp`: the route table shared by the resolver and the OpenAPI
 * builder, the app-level dependencies, the overrides, the container and the
 * error hook. Adapters create one and hand it each request.
 */
import type { Dependency, Input, Inputs, ServiceContainer, Values } from '../dependency/types.js';
import { type ServedAt } from '../openapi/servers.js';
import type { DocumentOptions, OpenAPIDocument } from '../openapi/types.js';
import type { RouteTree } from '../model/tree.js';
import type { MaybePromise } from '../resolver/execute.js';
import type { Plan } from '../resolver/plan.js';
import { Overrides } from '../overrides/overrides.js';
import { type RequestInit, type RequestView } from '../request/view.js';
import type { Answer } from '../response/reply.js';
import { Router, type Handler, type RouteDef, type RouteOptions } from '../router/router.js';
import { type ErrorHook, type NativeCheck, type Outcome } from './handle.js';
/** Options of a {@link DependsApp}. */
export interface AppOptions extends DocumentOptions {
    /** Dependencies that run for every route (values discarded), outermost first. */
    dependencies?: readonly Input[];
    /**
     * Security that applies to every route except those marked `public`;
     * documented as the document's top-level `security`.
     */
    security?: readonly Input[];
    /**
     * Root service container for `inject()` (`@depends/core/services`; default:
     * tsyringe's global container).
     */
    container?: ServiceContainer;
    /** Called once for each unexpected error (default: `console.error` of the error). */
    onError?: ErrorHook;
}
/** A route registered on an app: its declaration and its compiled plan. */
export interface AppRoute {
    readonly def: RouteDef;
    /** `GET /items/{id}`: used in messages. */
    readonly label: string;
    /** App, global-security, router and route dependencies, outermost first. */
    readonly dependencies: readonly Input[];
    /** The analysed tree without overrides (what the document and the startup checks read). */
    readonly tree: RouteTree;
    /** The plan compiled from that tree. */
    readonly plan: Plan;
}
/**
 * One application's dependency world: routes, app-level dependencies,
 * overrides for tests, the container and the OpenAPI document, shared by
 * every adapter.
 *
 * @example
 * ```ts
 * const app = new DependsApp({ title: 'Todo API', version: '1.0.0' })
 * app.include(api)                             // a Router
 * app.overrides.set(currentUser, () => fakeUser) // in a test
 * const answer = await app.request({ method: 'GET', url: '/users/me' })
 * ```
 */
export declare class DependsApp {
    #private;
    readonly options: AppOptions;
    /** Overrides for tests; the document never changes with them. */
    readonly overrides: Overrides;
    /** Called once for each unexpected error. */
    onError: ErrorHook;
    /** @throws ConfigurationError for a document option it cannot use (`publicOrigin`). */
    constructor(options?: AppOptions);
    /** Every registered route, in registration order. */
    get routes(): readonly AppRoute[];
    /**
     * Registers a route: compiles its tree (cycles, scope rule and scheme
     * name clashes fail here, naming the route and the dependency).
     *
     * @example
     * ```ts
     * const route = app.add(router.get('/me', { user }, ({ user }) => user))
     * ```
     */
    add(def: RouteDef): AppRoute;
    /**
     * Compiles a route with the app's dependencies and global security
     * without registering it (for handlers whose path is not known yet: give
     * a `label`, and the path is not checked). The startup checks (see
     * `checkDeclarations` and `checkTree`), cycles and the scope rule fail here.
     *
     * @example
     * ```ts
     * const route = app.prepare(routeDef('GET', '/', { user }, ({ user }) => user), 'handler me')
     * ```
     */
    prepare(def: RouteDef, label?: string): AppRoute;
    /**
     * Registers every route of a router.
     *
     * @example
     * ```ts
     * app.include(api)
     * ```
     */
    include(router: Router): AppRoute[];
    /**
     * Declares and registers one route without a router (what the adapters'
     * single-handler wrappers use).
     *
     * @example
     * ```ts
     * app.route('GET', '/me', { user: currentUser }, ({ user }) => user)
     * ```
     */
    route<const I extends Inputs, R>(method: string, path: string, inputs: I, handler: Handler<I, R>, options?: RouteOptions): AppRoute;
    /** The route's plan with the current overrides applied (recompiled when they change). */
    planFor(route: AppRoute): Plan;
    /**
     * Serves one request on a route: what adapters call. Send `answer` (or
     * the framework-native result in `native`, when `isNative` recognised
     * the handler's result), then call `finish()` once it has been sent.
     *
     * @example
     * ```ts
     * const { answer, finish } = await app.handle(route, view)
     * ```
     */
    handle(route: AppRoute, request: RequestView, isNative?: NativeCheck): MaybePromise<Outcome>;
    /**
     * Finds the route for a method and path (`undefined` when none matches).
     *
     * @example
     * ```ts
     * app.match('GET', '/items/42') // { route, params: { id: '42' } }
     * ```
     */
    match(method: string, path: string): {
        route: AppRoute;
        params: Record<string, string>;
    } | undefined;
    /**
     * Serves a request described by plain data, without any server: the
     * core's own test client. Runs teardown before returning.
     *
     * @example
     * ```ts
     * const res = await app.request({ method: 'GET', url: '/users/me', headers: { authorization: 'Bearer t' } })
     * expect(res.status).toBe(200)
     * expect(JSON.parse(res.body as string)).toEqual({ username: 'johndoe' })
     * ```
     */
    request(init: RequestInit): Promise<Answer & {
        header(name: string): string | undefined;
        json<T = any>(): T;
    }>;
    /**
     * The OpenAPI 3.1 document of every registered route (built once, rebuilt
     * after a route is added). Overrides never change it. Its server is the
     * `servers` given, or `publicOrigin`, or `/`; served `at` a request (what
     * the docs routes pass), the path the routes are mounted under is added
     * to `publicOrigin`, and without either option the server is the origin
     * the request was sent to, so a client generated from the served document
     * runs as generated.
     *
     * @example
     * ```ts
     * const doc = app.openapi()
     * doc.paths['/users/me'].get.security // [{ OAuth2PasswordBearer: ['me'] }]
     * app.openapi({ origin: 'http://127.0.0.1:3000' }).servers // [{ url: 'http://127.0.0.1:3000' }]
     * ```
     */
    openapi(at?: ServedAt): OpenAPIDocument;
    /**
     * Whether the served document's server is the origin of the request for
     * it: neither `servers` nor `publicOrigin` is given.
     *
     * @example
     * ```ts
     * new DependsApp({ publicOrigin: 'https://api.example.com' }).serversFromRequest // false
     * ```
     */
    get serversFromRequest(): boolean;
}
/**
 * Resolves one dependency alone from a hand-built request: the one-liner to
 * unit-test a dependency. Teardowns run before it returns; validation
 * problems throw a `RequestValidationError`, other HTTP errors their
 * `HTTPException`.
 *
 * @example
 * ```ts
 * const user = await resolve(currentUser, { headers: { authorization: 'Bearer abc' } })
 * await expect(resolve(currentUser, {})).rejects.toMatchObject({ status: 401 })
 * ```
 */
export declare function resolve<T>(dependency: Dependency<T> | Input, request?: RequestInit | RequestView, options?: {
    overrides?: Overrides;
    container?: ServiceContainer;
}): Promise<T>;
export type { Values };
