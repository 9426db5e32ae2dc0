/**
 * What a guard resolved, per request, for its typed accessor
 * (`auth.values(req)` on every adapter).
 */
import { GuardNotRunError } from '../errors/catalogue.js';
import { requestSlot, type StateHolder } from './slot.js';

/**
 * The values a guard resolved for each request, keyed by the framework's
 * request object (Express `req`, Koa `ctx`, Hono `c`, Fastify `request`).
 * `values(key)` throws {@link GuardNotRunError} (naming `call`) when the
 * guard did not run for that request. `on` names the object of a request
 * that holds them (see `StateHolder`: Express's `res.locals`).
 *
 * @example
 * ```ts
 * const resolved = guardValues<Request, { user: User }>('auth.values(req)') // on Express: (req) => req.res.locals as `on`
 * resolved.set(req, { user })      // in the guard, once it passed
 * resolved.values(req).user        // in the handler
 * ```
 */
export function guardValues<K extends object, V>(call: string, on?: StateHolder<K>): { set(key: K, values: V): void; values(key: K): V } {
  const slot = requestSlot<K, V>(call, on);
  return {
    set: slot.set,
    values: (key) => {
      const v = slot.get(key);
      if (v === undefined) throw new GuardNotRunError(call);
      return v;
    },
  };
}
