/**
 * The guard core: declared dependencies put in front of routes a framework
 * app already has. Adapters turn a guard into the framework's middleware
 * and say which route a request is for (a {@link TableRoute}); this part
 * decides whether the guard applies there, compiles the route once (same
 * resolver, same answers as a declared route) and documents every guarded
 * route at its real path. Framework-neutral: any adapter (Express, Koa,
 * Hono, Fastify) reuses it.
 */
import type { AppRoute, DependsApp } from '../app/app.js';
import type { Input, Inputs } from '../dependency/types.js';
import type { GuardOptions, GuardRouteOptions, TableRoute } from './types.js';
/** `GET /v1/notes/{id}` from a method and a path in either form (HEAD is documented as GET). */
export declare function guardKey(method: string, path: string): string;
/**
 * Every guard of one adapter, the route markers and the routes never to
 * guard (the docs routes). See the module comment.
 *
 * @example
 * ```ts
 * const guards = new Guards(app)
 * guards.add(authMiddleware, { user: currentUser }, { routes: { 'GET /status': { public: true } } })
 * const route = guards.routeFor(authMiddleware, { method: 'GET', path: '/v1/notes', handler: listNotes, before: [authMiddleware] })
 * ```
 */
export declare class Guards {
    #private;
    constructor(app: DependsApp);
    /** Whether any guard has been declared. */
    get size(): number;
    /**
     * Registers a guard: `fn` is the framework middleware the adapter made for
     * it. Fails at once when `scopes` are asked of inputs that reach no
     * security scheme, a `routes` key is not `METHOD /path`, or an input fails
     * a startup check (`header('authorization')`, an undeclared OAuth2
     * scope...: see ERRORS.md).
     *
     * @example
     * ```ts
     * guards.add(mw, { user: currentUser }, { scopes: ['notes:read'] })
     * ```
     */
    add(fn: unknown, inputs: Inputs, options?: GuardOptions): void;
    /**
     * Registers a route marker: a pass-through middleware whose options apply
     * to the route it is placed on (summary, response, `public`...).
     *
     * @example
     * ```ts
     * guards.mark(marker, { public: true })
     * ```
     */
    mark(fn: unknown, options: GuardRouteOptions): void;
    /**
     * A handler no guard ever applies to and that is never documented as a
     * guarded route (the docs routes).
     *
     * @example
     * ```ts
     * guards.exempt(openapiJsonHandler)
     * ```
     */
    exempt(fn: unknown): void;
    /** Whether `fn` is a guard's middleware. */
    isGuard(fn: unknown): boolean;
    /** Whether `fn` is one of depends' own pass-through functions: a guard, a route marker or a docs route. */
    isOwn(fn: unknown): boolean;
    /** Whether `handler` is a docs route (never guarded). */
    isExempt(handler: unknown): boolean;
    /**
     * The guard's strictest requirement, compiled once: its inputs with every
     * scope it asks anywhere (defaults and `routes`), never public. What a
     * request gets where the framework does not say which route it is for
     * (a middleware that may answer by itself, a route the guard cannot
     * see): refused unless it would pass in front of any route.
     *
     * @example
     * ```ts
     * const route = guards.strictest(authMiddleware) // 401 without a credential, 403 without every scope
     * ```
     */
    strictest(fn: unknown): AppRoute;
    /**
     * Checks the order of middleware on frameworks where a guard placed with
     * `use()` decides at the route Express or Koa dispatches to, and checks
     * its strictest requirement before any other middleware placed after it
     * (which may answer by itself). A route behind such a middleware that the
     * guard lets through with less (public, or fewer scopes) would be refused:
     * a {@link ConfigurationError} naming the guard, the middleware, the route
     * and the fix. `isMiddleware` tells the app's own middleware from route
     * handlers in `entry.before`.
     *
     * @example
     * ```ts
     * guards.checkOrder(expressTable(app)) // throws when app.use(auth); app.use(express.json()); app.get('/status', public)
     * ```
     */
    checkOrder(entries: Iterable<TableRoute>, isMiddleware: (fn: unknown, entry: TableRoute) => boolean): void;
    /**
     * The compiled route a guard checks for a request on `entry` (the route
     * the framework dispatches it to), or `undefined` when the guard does not
     * apply: not in front of that route (unless `placed`: the adapter saw it
     * run there), the route is public, or it is a docs route. Compiled once per route (configuration mistakes throw here,
     * naming the route and the dependency).
     *
     * @example
     * ```ts
     * const route = guards.routeFor(mw, { method: req.method, path: '/v1/notes/:id', handler, before })
     * if (route) runGuard(app, route, view)
     * ```
     */
    routeFor(fn: unknown, entry: TableRoute, placed?: boolean): AppRoute | undefined;
    /**
     * The dependencies the guards in front of a route add to it (for routes
     * that are depends routes already, e.g. wrapped handlers), or `[]`.
     *
     * @example
     * ```ts
     * guards.dependenciesFor(entry) // [currentUser]
     * ```
     */
    dependenciesFor(entry: TableRoute): Input[];
    /**
     * Documents every guarded route of a framework's route table at its real
     * path, once per `METHOD /path` (`documented` holds those already added).
     * Throws a {@link ConfigurationError} when a guard stands in front of a
     * route whose path cannot be known, when a `routes` key names no route
     * behind its guard, or when a guard is in front of no route at all.
     *
     * @example
     * ```ts
     * guards.document(expressTable(app), documented)
     * ```
     */
    document(entries: Iterable<TableRoute>, documented: Set<string>): void;
    /**
     * Checks the `routes` keys of the guards found in a route table: each
     * must name a route behind its guard there. Guards that stand in front of
     * no route of this table are left to {@link Guards.document}. Throws a
     * {@link ConfigurationError} naming the key and the routes the guard
     * does guard.
     *
     * @example
     * ```ts
     * guards.checkKeys(expressTable(app)) // routes: { 'GET /v1/note': … } → names no route behind this guard
     * ```
     */
    checkKeys(entries: Iterable<TableRoute>): void;
}
