/**
 * The one promise check of the library: anything with a `then` method is
 * awaited (a promise from another realm or library included).
 */
/**
 * Whether a value is a thenable (a promise or anything with a `then`
 * method).
 *
 * @example
 * ```ts
 * isThenable(Promise.resolve(1)) // true
 * isThenable({ then: 1 })        // false
 * ```
 */
export declare function isThenable(value: unknown): value is PromiseLike<unknown>;
