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
export function equalsIgnoringCase(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    let i = 0;
    for (; i < a.length; i++) {
      const x = a.charCodeAt(i);
      const y = b.charCodeAt(i);
      if (x > 0x7f || y > 0x7f) break;
      if (x !== y && ((x | 0x20) !== (y | 0x20) || (x | 0x20) < 0x61 || (x | 0x20) > 0x7a)) return false;
    }
    if (i === a.length) return true;
  } else if (isAscii(a) && isAscii(b)) return false;
  return a.toLowerCase() === b.toLowerCase();
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The request methods as Node and the Fetch API give them: already upper case. */
const UPPER_CASE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT', 'QUERY']);

/**
 * A request method in upper case: one of the usual methods as it is (a set
 * lookup; `toUpperCase()` makes a new string, some 300 instructions per
 * request), any other upper-cased.
 *
 * @example
 * ```ts
 * upperCaseMethod('GET')   // 'GET' (the same string)
 * upperCaseMethod('patch') // 'PATCH'
 * ```
 */
export function upperCaseMethod(method: string): string {
  return UPPER_CASE_METHODS.has(method) ? method : method.toUpperCase();
}
