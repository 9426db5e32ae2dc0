/**
 * What a guard resolved, per request, for its typed accessor
 * (`auth.values(req)` on every adapter).
 */
import { GuardNotRunError } from '../errors/catalogue.js';
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
export function guardValues(call) {
    // kept under a symbol of this accessor on the request object: cheaper than a WeakMap entry per request
    const slot = Symbol(call);
    return {
        set: (key, values) => void (key[slot] = values),
        values: (key) => {
            const v = key[slot];
            if (v === undefined)
                throw new GuardNotRunError(call);
            return v;
        },
    };
}
//# sourceMappingURL=values.js.map