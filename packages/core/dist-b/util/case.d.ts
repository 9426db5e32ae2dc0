/**
 * The one case-insensitive string comparison of the library (header names,
 * `Authorization` schemes): what `toLowerCase()` on both sides would say,
 * without making either string in the usual case (ASCII on both sides).
 */
/**
 * Whether `a.toLowerCase() === b.toLowerCase()`, comparing ASCII letters
 * in place; beyond ASCII, JavaScript's own case mapping decides (it may
 * change a string's length).
 *
 * @example
 * ```ts
 * equalsIgnoringCase('Authorization', 'authorization') // true
 * equalsIgnoringCase('x-@', 'x-`')                      // false ('@' is no letter)
 * ```
 */
export declare function equalsIgnoringCase(a: string, b: string): boolean;
