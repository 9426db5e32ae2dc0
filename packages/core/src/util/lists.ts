/** Small comparisons of lists, shared by the app's route table and the guards. */

/**
 * Whether two lists hold the same items, by identity, in the same order.
 *
 * @example
 * ```ts
 * sameList([auth, body], [auth, body]) // true
 * ```
 */
export const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
