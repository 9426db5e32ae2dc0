/**
 * The three Python string operations FastAPI's security code relies on,
 * copied exactly: `str.strip()`, `str.split()` (no argument) and
 * `str.title()`. JavaScript's `trim()` and `\s` use a slightly different
 * whitespace set (Python counts U+001C–U+001F and U+0085, JavaScript counts
 * U+FEFF), so they are not used.
 */
/**
 * Python's `str.isspace()` set, by UTF-16 code unit (every member is in the
 * BMP). Lookups are O(1) so every helper below is one linear pass — no
 * regular expression that could backtrack on long runs of whitespace.
 */
function isSpaceCode(code) {
    if (code <= 0x20)
        return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
    if (code < 0x85)
        return false;
    return (code === 0x85 ||
        code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000);
}
/**
 * Whether a one-character string is whitespace for Python (`str.isspace()`).
 *
 * @example
 * ```ts
 * isPythonSpace('\x1f') // true (JavaScript's /\s/ says false)
 * isPythonSpace('\ufeff') // false (JavaScript's /\s/ says true)
 * ```
 */
export function isPythonSpace(char) {
    return char.length === 1 && isSpaceCode(char.charCodeAt(0));
}
/**
 * Python's `str.strip()`: removes leading and trailing whitespace. One pass
 * from each end: linear in the length of the string, whatever it holds.
 *
 * @example
 * ```ts
 * pythonStrip('  foo \t') // 'foo'
 * ```
 */
export function pythonStrip(value) {
    let start = 0;
    let end = value.length;
    while (start < end && isSpaceCode(value.charCodeAt(start)))
        start++;
    while (end > start && isSpaceCode(value.charCodeAt(end - 1)))
        end--;
    return start === 0 && end === value.length ? value : value.slice(start, end);
}
/**
 * Python's `str.split()` without a separator: splits on runs of whitespace
 * and drops empty strings. One linear pass.
 *
 * @example
 * ```ts
 * pythonSplit('  me   items ') // ['me', 'items']
 * pythonSplit('') // []
 * ```
 */
export function pythonSplit(value) {
    const out = [];
    const length = value.length;
    let i = 0;
    while (i < length) {
        while (i < length && isSpaceCode(value.charCodeAt(i)))
            i++;
        if (i === length)
            break;
        const start = i;
        while (i < length && !isSpaceCode(value.charCodeAt(i)))
            i++;
        out.push(value.slice(start, i));
    }
    return out;
}
/** Characters whose titlecase differs from both their upper- and lowercase. */
const TITLECASE = {
    '\u01c4': '\u01c5', '\u01c5': '\u01c5', '\u01c6': '\u01c5',
    '\u01c7': '\u01c8', '\u01c8': '\u01c8', '\u01c9': '\u01c8',
    '\u01ca': '\u01cb', '\u01cb': '\u01cb', '\u01cc': '\u01cb',
    '\u01f1': '\u01f2', '\u01f2': '\u01f2', '\u01f3': '\u01f2',
};
const CASED = /^\p{Cased}$/u;
function toTitle(char) {
    const special = TITLECASE[char];
    if (special)
        return special;
    const upper = char.toUpperCase();
    // Full titlecase of a character that uppercases to several (ß → Ss, ﬀ → Ff).
    const chars = Array.from(upper);
    return chars.length > 1 ? chars[0] + chars.slice(1).join('').toLowerCase() : upper;
}
/**
 * Python's `str.title()`: the first cased character of every run of cased
 * characters is titlecased, the others lowercased. Digits, hyphens and other
 * uncased characters start a new run.
 *
 * @example
 * ```ts
 * pythonTitle('bearer')           // 'Bearer'
 * pythonTitle('x-custom')         // 'X-Custom'
 * pythonTitle('myScheme')         // 'Myscheme'
 * pythonTitle('aws4-hmac-sha256') // 'Aws4-Hmac-Sha256'
 * ```
 */
export function pythonTitle(value) {
    let out = '';
    let previousCased = false;
    for (const char of value) {
        out += previousCased ? char.toLowerCase() : toTitle(char);
        previousCased = CASED.test(char);
    }
    return out;
}
//# sourceMappingURL=python-strings.js.map