/**
 * A nesting limit for JSON bodies, checked before `JSON.parse`: a deeply
 * nested value (`[[[[…]]]]`) is cheap to send and expensive everywhere
 * after (validation, serialising an answer), so it is refused up front.
 */
/** Deepest nesting of arrays and objects accepted in a JSON body. */
export declare const MAX_JSON_DEPTH = 64;
/**
 * The position at which JSON text nests deeper than `max` arrays and
 * objects, or `-1` when it does not. One linear pass; brackets inside
 * strings do not count. The text need not be valid JSON (`JSON.parse`
 * judges that afterwards).
 *
 * @example
 * ```ts
 * jsonTooDeep('[[1]]', 2) // -1
 * jsonTooDeep('[[[1]]]', 2) // 2
 * jsonTooDeep('["[[[["]', 2) // -1
 * ```
 */
export declare function jsonTooDeep(text: string, max?: number): number;
