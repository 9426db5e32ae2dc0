/**
 * The values a guard resolved for each request, keyed by the framework's
 * request object (Express `req`, Koa `ctx`, Hono `c`, Fastify `request`).
 * `values(key)` throws {@link GuardNotRunError} (naming `call`) when the
 * guard did not run for that request.
 *
 * @example
 * ```ts
 * const resolved = guardValues<Request, { user: User }>('auth.values(req)')
 * resolved.set(req, { user })      // in the guard, once it passed
 * resolved.values(req).user        // in the handler
 * ```
 */
export declare function guardValues<K extends object, V>(call: string): {
    set(key: K, values: V): void;
    values(key: K): V;
};
