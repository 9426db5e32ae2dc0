/**
 * Where per-request state lives on a framework's request object (Express
 * `req`, Koa `ctx`, Hono `c`, Fastify `request`/`reply`).
 *
 * A property of its own under a symbol is the cheapest, on objects made
 * with their prototype. Express changes the prototype of every `req` after
 * Node made it (`Object.setPrototypeOf(req, app.request)`): such an object
 * no longer shares hidden classes with the others, so adding any property
 * to it builds a new one (about 2 µs per property, measured on Node 20);
 * there a `WeakMap` entry is the cheaper place.
 */

/**
 * How per-request state is kept: `'property'` (a symbol-keyed property of
 * the request object) or `'weakmap'` (an entry keyed by it).
 *
 * @example
 * ```ts
 * const kind: SlotKind = 'weakmap' // Express's `req`
 * ```
 */
export type SlotKind = 'property' | 'weakmap';

/**
 * One piece of per-request state, keyed by the framework's request object.
 *
 * @example
 * ```ts
 * const slot: RequestSlot<Request, number> = requestSlot('depends.example', 'weakmap')
 * slot.set(req, 1)
 * slot.get(req) // 1
 * ```
 */
export interface RequestSlot<K extends object, T> {
  get(key: K): T | undefined;
  set(key: K, value: T): void;
}

/**
 * A slot of per-request state (see {@link SlotKind}); `name` names its
 * symbol (seen in a debugger).
 *
 * @example
 * ```ts
 * const state = requestSlot<Context, { seen: boolean }>('depends.guard')
 * state.set(ctx, { seen: true })
 * ```
 */
export function requestSlot<K extends object, T>(name: string, kind: SlotKind = 'property'): RequestSlot<K, T> {
  if (kind === 'weakmap') {
    const map = new WeakMap<K, T>();
    return { get: (key) => map.get(key), set: (key, value) => void map.set(key, value) };
  }
  const symbol = Symbol(name);
  return {
    get: (key) => (key as unknown as Record<symbol, T | undefined>)[symbol],
    set: (key, value) => void ((key as unknown as Record<symbol, T>)[symbol] = value),
  };
}
