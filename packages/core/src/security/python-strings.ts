/**
 * The three Python string operations FastAPI's security code relies on,
 * copied exactly: `str.strip()`, `str.split()` (no argument) and
 * `str.title()`. JavaScript's `trim()` and `\s` use a slightly different
 * whitespace set (Python counts U+001C–U+001F and U+0085, JavaScript counts
 * U+FEFF), so they are not used.
 */

/** Python's `str.isspace()` set. */
const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING = new RegExp(`^[${PY_SPACE}]+`);
const TRAILING = new RegExp(`[${PY_SPACE}]+$`);
const RUNS = new RegExp(`[${PY_SPACE}]+`);
const SPACE = new RegExp(`^[${PY_SPACE}]$`);

/**
 * Whether a one-character string is whitespace for Python (`str.isspace()`).
 *
 * @example
 * ```ts
 * isPythonSpace('\x1f') // true (JavaScript's /\s/ says false)
 * isPythonSpace('\ufeff') // false (JavaScript's /\s/ says true)
 * ```
 */
export function isPythonSpace(char: string): boolean {
  return SPACE.test(char);
}

/**
 * Python's `str.strip()`: removes leading and trailing whitespace.
 *
 * @example
 * ```ts
 * pythonStrip('  foo \t') // 'foo'
 * ```
 */
export function pythonStrip(value: string): string {
  return value.replace(LEADING, '').replace(TRAILING, '');
}

/**
 * Python's `str.split()` without a separator: splits on runs of whitespace
 * and drops empty strings.
 *
 * @example
 * ```ts
 * pythonSplit('  me   items ') // ['me', 'items']
 * pythonSplit('') // []
 * ```
 */
export function pythonSplit(value: string): string[] {
  const stripped = pythonStrip(value);
  return stripped === '' ? [] : stripped.split(RUNS);
}

/** Characters whose titlecase differs from both their upper- and lowercase. */
const TITLECASE: Readonly<Record<string, string>> = {
  '\u01c4': '\u01c5', '\u01c5': '\u01c5', '\u01c6': '\u01c5',
  '\u01c7': '\u01c8', '\u01c8': '\u01c8', '\u01c9': '\u01c8',
  '\u01ca': '\u01cb', '\u01cb': '\u01cb', '\u01cc': '\u01cb',
  '\u01f1': '\u01f2', '\u01f2': '\u01f2', '\u01f3': '\u01f2',
};
const CASED = /^\p{Cased}$/u;

function toTitle(char: string): string {
  const special = TITLECASE[char];
  if (special) return special;
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
export function pythonTitle(value: string): string {
  let out = '';
  let previousCased = false;
  for (const char of value) {
    out += previousCased ? char.toLowerCase() : toTitle(char);
    previousCased = CASED.test(char);
  }
  return out;
}
