/**
 * The framework-neutral router: routes declared once, with router-level
 * dependencies and a prefix, then mounted on any adapter.
 */
import type { Input, Inputs, Values } from '../dependency/types.js';
import type { Schema } from '../sources/validate.js';
/** A documented extra response of an operation. */
export interface ResponseDoc {
    description: string;
    /** zod schema of the JSON body. */
    schema?: Schema;
}
/** Options of one route. */
export interface RouteOptions {
    /** Status of a plain return value (default 200). */
    status?: number;
    summary?: string;
    description?: string;
    tags?: readonly string[];
    /** Unique operation id (default derived from the handler or the route). */
    operationId?: string;
    deprecated?: boolean;
    /** zod schema of the success body, for the document. */
    response?: Schema;
    /** Description of the success response. */
    responseDescription?: string;
    /** Extra documented responses by status. */
    responses?: Readonly<Record<number, ResponseDoc>>;
    /** Parameterless dependencies: they run (and may reject) before the handler. */
    dependencies?: readonly Input[];
    /**
     * A public route: the app's global `security` does not apply, and the
     * document says `security: []`.
     */
    public?: boolean;
    /** Leave the route out of the OpenAPI document. */
    hidden?: boolean;
}
/**
 * Where a route's options carry a request body that is documented only
 * (internal: a guard's `requestBody`, which the framework's own handler
 * reads): the document shows it, the route never reads it, and it adds no
 * answer (400, 413, 415, 422) the route cannot send.
 */
export declare const DOCUMENTED_BODY: unique symbol;
/** A handler: receives its inputs' values. */
export type Handler<I extends Inputs, R> = (values: Values<I>, context: any) => R;
/** A declared route, with everything inherited from the routers above it. */
export interface RouteDef {
    readonly method: string;
    readonly path: string;
    readonly inputs: Inputs;
    readonly handler: (values: any, context: any) => unknown;
    /** Router and route dependencies, outermost first. */
    readonly dependencies: readonly Input[];
    readonly options: RouteOptions;
    readonly tags: readonly string[];
}
/** Options of a router. */
export interface RouterOptions {
    /** Path prefix of every route (e.g. `/v1`). */
    prefix?: string;
    /** Dependencies that run for every route of the router. */
    dependencies?: readonly Input[];
    /** Tags added to every route. */
    tags?: readonly string[];
}
/**
 * A route declaration from its parts (what `Router.route()`, `DependsApp.route()`
 * and the adapters' single-handler wrappers build).
 *
 * @example
 * ```ts
 * const def = routeDef('get', '/me', { user }, ({ user }) => user, { tags: ['users'] })
 * def.method // 'GET'
 * ```
 */
export declare function routeDef<const I extends Inputs, R>(method: string, path: string, inputs: I, handler: Handler<I, R>, options?: RouteOptions): RouteDef;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
/**
 * A set of routes declared once, framework-neutral. Router dependencies run
 * for every route below (FastAPI's order: app, router, route, then the
 * handler's own inputs); `include()` nests routers.
 *
 * @example
 * ```ts
 * const v1 = new Router({ prefix: '/v1', dependencies: [apiKey] })
 * v1.get('/health', {}, () => 'Ok')
 *
 * const api = new Router()
 * api.get('/users/me', { user: security(currentUser, { scopes: ['me'] }) }, ({ user }) => user)
 * api.include(v1)
 * ```
 */
export declare class Router {
    #private;
    readonly prefix: string;
    readonly dependencies: readonly Input[];
    readonly tags: readonly string[];
    constructor(options?: RouterOptions);
    /**
     * Declares a route for any method.
     *
     * @example
     * ```ts
     * router.route('GET', '/items/{id}', { id: path('id') }, ({ id }) => items.get(id))
     * ```
     */
    route<const I extends Inputs, R>(method: string, path: string, inputs: I, handler: Handler<I, R>, options?: RouteOptions): RouteDef;
    /**
     * Declares a GET route.
     *
     * @example
     * ```ts
     * router.get('/status', {}, () => ({ status: 'ok' }), { public: true })
     * ```
     */
    get<const I extends Inputs, R>(path: string, inputs: I, handler: Handler<I, R>, options?: RouteOptions): RouteDef;
    /**
     * Declares a POST route.
     *
     * @example
     * ```ts
     * router.post('/items', { item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 })
     * ```
     */
    post<const I extends Inputs, R>(path: string, inputs: I, handler: Handler<I, R>, options?: RouteOptions): RouteDef;
    /**
     * Declares a PUT route.
     *
     * @example
     * ```ts
     * router.put('/items/{id}', { id: path('id'), item: body(Item) }, ({ id, item }) => store.put(id, item))
     * ```
     */
    put<const I extends Inputs, R>(path: string, inputs: I, handler: Handler<I, R>, options?: RouteOptions): RouteDef;
    /**
     * Declares a PATCH route.
     *
     * @example
     * ```ts
     * router.patch('/items/{id}', { id: path('id'), patch: body(ItemPatch) }, ({ id, patch }) => store.patch(id, patch))
     * ```
     */
    patch<const I extends Inputs, R>(path: string, inputs: I, handler: Handler<I, R>, options?: RouteOptions): RouteDef;
    /**
     * Declares a DELETE route.
     *
     * @example
     * ```ts
     * router.delete('/items/{id}', { id: path('id') }, ({ id }) => { store.remove(id); return reply.empty() })
     * ```
     */
    delete<const I extends Inputs, R>(path: string, inputs: I, handler: Handler<I, R>, options?: RouteOptions): RouteDef;
    /**
     * Nests another router, with an extra prefix, dependencies and tags
     * (FastAPI's `include_router`).
     *
     * @example
     * ```ts
     * api.include(adminRouter, { prefix: '/admin', dependencies: [adminOnly] })
     * ```
     */
    include(router: Router, options?: RouterOptions): this;
    /**
     * Every route below this router, flattened: prefixes joined, router
     * dependencies and tags prepended outermost first.
     *
     * @example
     * ```ts
     * api.routes().map((r) => `${r.method} ${r.path}`) // ['GET /users/me', 'GET /v1/health']
     * ```
     */
    routes(): RouteDef[];
}
export type { Method };
