/**
 * A nesting limit for JSON bodies, checked before `JSON.parse`: a deeply
 * nested value (`[[[[…]]]]`) is cheap to send and expensive everywhere
 * after (validation, serialising an answer), so it is refused up front.
 */
/** Deepest nesting of arrays and objects accepted in a JSON body. */
export const MAX_JSON_DEPTH = 64;
const OPEN_ARRAY = 0x5b; // [
const OPEN_OBJECT = 0x7b; // {
const CLOSE_ARRAY = 0x5d; // ]
const CLOSE_OBJECT = 0x7d; // }
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
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
export function jsonTooDeep(text, max = MAX_JSON_DEPTH) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === BACKSLASH)
                i++;
            else if (c === QUOTE)
                inString = false;
        }
        else if (c === QUOTE)
            inString = true;
        else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
            if (++depth > max)
                return i;
        }
        else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT)
            depth--;
    }
    return -1;
}
//# sourceMappingURL=json-depth.js.map