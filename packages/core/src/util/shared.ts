/**
 * One class for every copy of the core in a process. An app can load the
 * core twice: an ES module app whose CommonJS dependency `require`s
 * `@depends/core` gets the CommonJS build beside the ES module one, each
 * with its own classes. A `refuse()`, `reply()` or `HTTPException` made by
 * one copy would then fail the other's `instanceof` checks — a refusal
 * taken for a dependency's value, a 401 answered as a 500. The classes
 * those checks read are therefore registered once per process, under a
 * `Symbol.for` key, and every copy uses the first one registered.
 */

/**
 * The generation of the shared classes' shape: bumped whenever a shared
 * class changes in a way an older copy could not read, so that copies of
 * different generations keep classes of their own.
 */
const GENERATION = 1;

/**
 * The class registered under `name` for this process, registering `made`
 * when none is. Every module of the core exports the returned class, never
 * its own, so that `instanceof` holds across copies of the core.
 *
 * @example
 * ```ts
 * class OwnReply { constructor(readonly body: unknown) {} }
 * const Reply: typeof OwnReply = shared(OwnReply, 'Reply') // the class every copy uses
 * ```
 */
export function shared<C extends abstract new (...args: never[]) => unknown>(made: C, name: string): C {
  const registry = globalThis as unknown as Record<symbol, C | undefined>;
  return (registry[keyOf(name)] ??= made);
}

const keyOf = (name: string): symbol => Symbol.for(`@depends/core:${GENERATION}:${name}`);

/**
 * Marks the instances of a class that stays each copy's own (too much of
 * the copy's code behind it to share) so that another copy can still tell
 * them apart with {@link branded}.
 *
 * @example
 * ```ts
 * class App {}
 * brand(App, 'DependsApp')
 * branded(new App(), 'DependsApp') // true, whichever copy asks
 * ```
 */
export function brand(made: abstract new (...args: never[]) => unknown, name: string): void {
  Object.defineProperty(made.prototype, keyOf(name), { value: true });
}

/**
 * Whether a value is an instance of a class {@link brand}ed under `name`
 * by any copy of the core in the process.
 *
 * @example
 * ```ts
 * if (branded(appOrOptions, 'DependsApp')) return appOrOptions as DependsApp
 * ```
 */
export function branded(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[keyOf(name)] === true;
}
