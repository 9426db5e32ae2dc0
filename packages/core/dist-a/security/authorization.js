import { repeatedCredential } from './errors.js';
import { pythonStrip } from './python-strings.js';
import { equalsIgnoringCase } from '../util/case.js';
const EMPTY = Object.freeze({ scheme: '', credentials: '' });
/**
 * Splits an `Authorization` header value as FastAPI does: `scheme` is what
 * comes before the first space, `credentials` what comes after, stripped.
 * Never throws.
 *
 * @example
 * ```ts
 * parseAuthorization('Bearer  foo ')   // { scheme: 'Bearer', credentials: 'foo' }
 * parseAuthorization('bearer foo bar') // { scheme: 'bearer', credentials: 'foo bar' }
 * parseAuthorization('Bearer\tfoo')    // { scheme: 'Bearer\tfoo', credentials: '' }
 * parseAuthorization(undefined)        // { scheme: '', credentials: '' }
 * ```
 */
export function parseAuthorization(value) {
    if (!value)
        return EMPTY;
    const space = value.indexOf(' ');
    if (space === -1)
        return { scheme: value, credentials: '' };
    return { scheme: value.slice(0, space), credentials: pythonStrip(value.slice(space + 1)) };
}
/**
 * Reads the request's `Authorization` header and returns its parts when its
 * scheme is `expected` (compared case-insensitively) and its credentials
 * are not empty; `undefined` otherwise. A header sent more than once throws
 * the 400 `invalid_request` answer (`repeatedCredential`): which line counts
 * would be ambiguous.
 *
 * @example
 * ```ts
 * const parts = readAuthorization(request, 'bearer')
 * if (parts) verify(parts.credentials)
 * ```
 */
export function readAuthorization(request, expected) {
    const lines = request.headerAll('authorization');
    if (lines.length > 1)
        throw repeatedCredential('authorization', equalsIgnoringCase(expected, 'bearer'));
    const parts = parseAuthorization(lines[0]);
    if (!parts.scheme || !parts.credentials)
        return undefined;
    if (!equalsIgnoringCase(parts.scheme, expected))
        return undefined;
    return parts;
}
//# sourceMappingURL=authorization.js.map