/**
 * Where per-request state lives: a property under a symbol of its own, on
 * the framework's request object (Koa `ctx`, Hono `c`, Fastify `reply`) or
 * on an object the adapter names for it.
 *
 * Express changes the prototype of every `req` (and `res`) after Node made
 * it (`Object.setPrototypeOf(req, app.request)`): such an object no longer
 * shares hidden classes with the others, so adding any property to it —
 * or using it as a `WeakMap` key, which stores a hash in it — builds a new
 * one, about 2 µs each on Node 20. Express's adapter keeps its state on
 * `res.locals` instead (a plain per-request object of Express's own).
 */

/**
 * One piece of per-request state, keyed by the framework's request object.
 *
 * @example
 * ```ts
 * type ExpressReq = { res: { locals: object } }
 * const slot: RequestSlot<ExpressReq, number> = requestSlot('depends.example', (req) => req.res.locals)
 * const req: ExpressReq = { res: { locals: {} } }
 * slot.set(req, 1)
 * slot.get(req) // 1
 * ```
 */
export interface RequestSlot<K extends object, T> {
  get(key: K): T | undefined;
  set(key: K, value: T): void;
}

/**
 * Which object of a request holds its per-request state (see
 * {@link requestSlot}); the request object itself when not given.
 *
 * @example
 * ```ts
 * const holder: StateHolder<{ res: { locals: object } }> = (req) => req.res.locals
 * ```
 */
export type StateHolder<K extends object> = (key: K) => object;

/**
 * A slot of per-request state: a property under a new symbol (`name`
 * names it, as seen in a debugger) of the request object, or of the object
 * `on` gives for it.
 *
 * @example
 * ```ts
 * const state = requestSlot<Context, { seen: boolean }>('depends.guard')
 * state.set(ctx, { seen: true })
 * ```
 */
export function requestSlot<K extends object, T>(name: string, on?: StateHolder<K>): RequestSlot<K, T> {
  const symbol = Symbol(name);
  if (on === undefined) {
    return {
      get: (key) => (key as unknown as Record<symbol, T | undefined>)[symbol],
      set: (key, value) => void ((key as unknown as Record<symbol, T>)[symbol] = value),
    };
  }
  return {
    get: (key) => (on(key) as Record<symbol, T | undefined>)[symbol],
    set: (key, value) => void ((on(key) as Record<symbol, T>)[symbol] = value),
  };
}
