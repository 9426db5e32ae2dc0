/**
 * The three Python string operations FastAPI's security code relies on,
 * copied exactly: `str.strip()`, `str.split()` (no argument) and
 * `str.title()`. JavaScript's `trim()` and `\s` use a slightly different
 * whitespace set (Python counts U+001C–U+001F and U+0085, JavaScript counts
 * U+FEFF), so they are not used.
 */
/**
 * Whether a one-character string is whitespace for Python (`str.isspace()`).
 *
 * @example
 * ```ts
 * isPythonSpace('\x1f') // true (JavaScript's /\s/ says false)
 * isPythonSpace('\ufeff') // false (JavaScript's /\s/ says true)
 * ```
 */
export declare function isPythonSpace(char: string): boolean;
/**
 * Python's `str.strip()`: removes leading and trailing whitespace. One pass
 * from each end: linear in the length of the string, whatever it holds.
 *
 * @example
 * ```ts
 * pythonStrip('  foo \t') // 'foo'
 * ```
 */
export declare function pythonStrip(value: string): string;
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
export declare function pythonSplit(value: string): string[];
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
export declare function pythonTitle(value: string): string;
