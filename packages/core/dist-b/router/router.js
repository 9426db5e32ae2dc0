import { joinPath } from './paths.js';
/**
 * Where a route's options carry a request body that is documented only
 * (internal: a guard's `requestBody`, which the framework's own handler
 * reads): the document shows it, the route never reads it, and it adds no
 * answer (400, 413, 415, 422) the route cannot send.
 */
export const DOCUMENTED_BODY = Symbol('depends.documentedBody');
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
export function routeDef(method, path, inputs, handler, options = {}) {
    return {
        method: method.toUpperCase(),
        path,
        inputs,
        handler,
        dependencies: options.dependencies ?? [],
        options,
        tags: options.tags ?? [],
    };
}
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
export class Router {
    prefix;
    dependencies;
    tags;
    #own = [];
    #children = [];
    constructor(options = {}) {
        this.prefix = options.prefix ?? '';
        this.dependencies = options.dependencies ?? [];
        this.tags = options.tags ?? [];
    }
    /**
     * Declares a route for any method.
     *
     * @example
     * ```ts
     * router.route('GET', '/items/{id}', { id: path('id') }, ({ id }) => items.get(id))
     * ```
     */
    route(method, path, inputs, handler, options = {}) {
        const def = routeDef(method, path, inputs, handler, options);
        this.#own.push(def);
        return def;
    }
    /**
     * Declares a GET route.
     *
     * @example
     * ```ts
     * router.get('/status', {}, () => ({ status: 'ok' }), { public: true })
     * ```
     */
    get(path, inputs, handler, options) {
        return this.route('GET', path, inputs, handler, options);
    }
    /**
     * Declares a POST route.
     *
     * @example
     * ```ts
     * router.post('/items', { item: body(NewItem) }, ({ item }) => store.add(item), { status: 201 })
     * ```
     */
    post(path, inputs, handler, options) {
        return this.route('POST', path, inputs, handler, options);
    }
    /**
     * Declares a PUT route.
     *
     * @example
     * ```ts
     * router.put('/items/{id}', { id: path('id'), item: body(Item) }, ({ id, item }) => store.put(id, item))
     * ```
     */
    put(path, inputs, handler, options) {
        return this.route('PUT', path, inputs, handler, options);
    }
    /**
     * Declares a PATCH route.
     *
     * @example
     * ```ts
     * router.patch('/items/{id}', { id: path('id'), patch: body(ItemPatch) }, ({ id, patch }) => store.patch(id, patch))
     * ```
     */
    patch(path, inputs, handler, options) {
        return this.route('PATCH', path, inputs, handler, options);
    }
    /**
     * Declares a DELETE route.
     *
     * @example
     * ```ts
     * router.delete('/items/{id}', { id: path('id') }, ({ id }) => { store.remove(id); return reply.empty() })
     * ```
     */
    delete(path, inputs, handler, options) {
        return this.route('DELETE', path, inputs, handler, options);
    }
    /**
     * Nests another router, with an extra prefix, dependencies and tags
     * (FastAPI's `include_router`).
     *
     * @example
     * ```ts
     * api.include(adminRouter, { prefix: '/admin', dependencies: [adminOnly] })
     * ```
     */
    include(router, options = {}) {
        this.#children.push({
            router,
            prefix: options.prefix ?? '',
            dependencies: options.dependencies ?? [],
            tags: options.tags ?? [],
        });
        return this;
    }
    /**
     * Every route below this router, flattened: prefixes joined, router
     * dependencies and tags prepended outermost first.
     *
     * @example
     * ```ts
     * api.routes().map((r) => `${r.method} ${r.path}`) // ['GET /users/me', 'GET /v1/health']
     * ```
     */
    routes() {
        const out = [];
        for (const def of this.#own) {
            out.push({
                ...def,
                path: joinPath(this.prefix, def.path),
                dependencies: [...this.dependencies, ...def.dependencies],
                tags: [...this.tags, ...def.tags.filter((t) => !this.tags.includes(t))],
            });
        }
        for (const child of this.#children) {
            for (const def of child.router.routes()) {
                const tags = [...this.tags, ...child.tags];
                out.push({
                    ...def,
                    path: joinPath(this.prefix, joinPath(child.prefix, def.path)),
                    dependencies: [...this.dependencies, ...child.dependencies, ...def.dependencies],
                    tags: [...tags, ...def.tags.filter((t) => !tags.includes(t))],
                });
            }
        }
        return out;
    }
}
//# sourceMappingURL=router.js.map